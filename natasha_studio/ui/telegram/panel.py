"""``TelegramPanel``: the live-Telegram part of the Sources tab.

Three screens in a stack: the API id and hash, the login (phone or QR), and the chat chooser
with the fetch. Every Telegram call is a coroutine started through the task registry, so the
window never waits; failures land on the screen they belong to, in plain words.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from natasha_studio.core.dataset.messages import message_counts_by_chat
from natasha_studio.core.store import Project
from natasha_studio.operations import EXTRACT_TASK
from natasha_studio.operations.changes import Changes
from natasha_studio.operations.extraction import extract_in_thread
from natasha_studio.operations.fetch import PARTLY_FETCHED, fetch_chats
from natasha_studio.telegram.live.account import LoginState, TelegramAccount
from natasha_studio.telegram.live.client import ClientFactory, create_client
from natasha_studio.telegram.live.dialogs import list_chats, load_details
from natasha_studio.telegram.live.errors import SessionDeadError, TelegramError
from natasha_studio.telegram.live.fetch import FetchSummary, expand_selection
from natasha_studio.telegram.live.session import SessionStorage, parse_credentials
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.telegram.chats_page import ChatsPage
from natasha_studio.ui.telegram.login_pages import CredentialsPage, LoginPage, show_error

SELECTION_SETTING = "telegram_chats"   # project setting: ids of the chats ticked for fetching
TAKEOUT_SETTING = "telegram/takeout"   # app setting: use a takeout session
_FAILED = object()


class TelegramPanel(QWidget):
    """Log in to Telegram, choose chats and fetch them into the open project."""

    signed_in_changed = Signal(bool)
    fetch_finished = Signal(object)   # FetchSummary

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 client_factory: ClientFactory | None = None,
                 storage: SessionStorage | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.storage = storage or SessionStorage(ctx.secrets)
        self.account = TelegramAccount(self.storage, client_factory or create_client)
        self.credentials_page = CredentialsPage()
        self.login_page = LoginPage()
        self.chats_page = ChatsPage()
        self.stack = QStackedWidget()
        for page in (self.credentials_page, self.login_page, self.chats_page):
            self.stack.addWidget(page)
        self.busy = QLabel()
        self.busy.setProperty("role", "muted")
        # Said once: the storage moves a plain-text login into the keyring only one time.
        self.notice = QLabel(self.storage.take_notice())
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(self.notice.text()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.busy)
        self._connect()
        self.chats_page.takeout.setChecked(str(ctx.settings.value(TAKEOUT_SETTING, "false")) == "true")
        creds = self.storage.credentials()
        if creds is not None:
            self.credentials_page.api_id.setText(str(creds.api_id))
            self.credentials_page.api_hash.setText(creds.api_hash)
        self._show_where()
        self.stack.setCurrentWidget(self.login_page if creds else self.credentials_page)
        self._on_project_changed(ctx.project)
        if creds is not None and self.storage.session():
            self.busy.setText(self.tr("Connecting to Telegram…"))
            QTimer.singleShot(0, self._restore)

    def _connect(self) -> None:
        self.ctx.project_changed.connect(self._on_project_changed)
        self.credentials_page.submitted.connect(self._on_credentials)
        phone = self.login_page.phone
        phone.phone_submitted.connect(self._on_phone)
        phone.code_submitted.connect(self._on_code)
        phone.resend_requested.connect(self._on_resend)
        phone.password_submitted.connect(self._on_password)
        phone.restart_requested.connect(phone.show_phone)
        self.login_page.tabs.currentChanged.connect(self._on_login_tab)
        self.login_page.qr.start.clicked.connect(self._start_qr)
        self.login_page.change_api.clicked.connect(
            lambda: self.stack.setCurrentWidget(self.credentials_page))
        page = self.chats_page
        page.log_out.clicked.connect(self._on_log_out)
        page.refresh.clicked.connect(self._load_chats)
        page.fetch.clicked.connect(self._on_fetch)
        page.cancel.clicked.connect(self._on_cancel)
        page.takeout.toggled.connect(
            lambda on: self.ctx.settings.set_value(TAKEOUT_SETTING, "true" if on else "false"))
        page.model.selection_changed.connect(self._save_selection)

    # -- running Telegram calls ----------------------------------------------------------------

    def _run(self, name: str, coro: Coroutine[Any, Any, Any], error_label: QLabel | None,
             on_done: Callable[[Any], None], owner: object | None = None) -> None:
        """Run ``coro`` as a named task; a TelegramError is shown on ``error_label``."""

        async def guarded() -> Any:
            try:
                return await coro
            except SessionDeadError as error:
                self._after_session_died(error)
                return _FAILED
            except TelegramError as error:
                if error_label is not None:
                    show_error(error_label, error.message, error.hint)
                return _FAILED
            finally:
                self.busy.clear()
                self.login_page.phone.set_busy(False)

        def done(result: Any) -> None:
            if result is not _FAILED:
                on_done(result)

        self.ctx.tasks.start(f"telegram.{name}", guarded(), title=self.tr("Telegram"),
                             owner=owner or self, on_done=done)

    def _after_session_died(self, error: TelegramError) -> None:
        self.account.dead()
        self.chats_page.set_running(False)
        self.stack.setCurrentWidget(self.login_page)
        self.login_page.phone.show_phone()
        show_error(self.login_page.phone.phone_error, error.message, error.hint)
        self.signed_in_changed.emit(False)

    def _ask_file_consent(self) -> None:
        if not self.storage.needs_consent or self.account.file_consent:
            return
        answer = QMessageBox.question(
            self, self.tr("Keep the Telegram login?"),
            self.tr("This computer has no password store. May Natasha Studio keep the Telegram "
                    "login in a file that only your user account can read? If not, you will "
                    "log in again each time you open the app."))
        self.account.file_consent = answer == QMessageBox.StandardButton.Yes

    def _show_where(self) -> None:
        if self.storage.keyring_available:
            text = self.tr("They are kept in the system's password store.")
        elif self.storage.uses_file:
            text = self.tr("They are kept in a file only your user account can read.")
        else:
            text = self.tr("This computer has no password store: they are kept until the app closes, "
                           "unless you allow a private file.")
        self.credentials_page.where.setText(text)

    # -- credentials and login -----------------------------------------------------------------

    def _on_credentials(self, api_id: str, api_hash: str) -> None:
        try:
            creds = parse_credentials(api_id, api_hash)
        except TelegramError as error:
            show_error(self.credentials_page.error, error.message, error.hint)
            return
        show_error(self.credentials_page.error, "")
        self._ask_file_consent()
        self.storage.save_credentials(creds, file_consent=self.account.file_consent)
        self._show_where()
        self.stack.setCurrentWidget(self.login_page)
        self.login_page.phone.show_phone()

    def _restore(self) -> None:
        def done(ok: bool) -> None:
            if ok:
                self._on_signed_in()
        self._run("login", self.account.restore(), self.login_page.phone.phone_error, done)

    def _on_phone(self, phone: str) -> None:
        creds = self.storage.credentials()
        if creds is None:
            self.stack.setCurrentWidget(self.credentials_page)
            return
        self._ask_file_consent()
        show_error(self.login_page.phone.phone_error, "")
        self.login_page.phone.set_busy(True)
        self.busy.setText(self.tr("Asking Telegram for a code…"))
        self._run("login", self.account.send_code(creds, phone), self.login_page.phone.phone_error,
                  lambda info: self.login_page.phone.show_code(info.via, info.phone, info.timeout))

    def _on_resend(self) -> None:
        self._run("login", self.account.resend_code(), self.login_page.phone.code_error,
                  lambda info: self.login_page.phone.show_code(info.via, info.phone, info.timeout))

    async def _code_then_hint(self, code: str) -> tuple[LoginState, str]:
        state = await self.account.submit_code(code)
        hint = await self.account.password_hint() if state == LoginState.PASSWORD_NEEDED else ""
        return state, hint

    def _on_code(self, code: str) -> None:
        show_error(self.login_page.phone.code_error, "")
        self.login_page.phone.set_busy(True)
        self._run("login", self._code_then_hint(code), self.login_page.phone.code_error,
                  self._after_login_step)

    def _on_password(self, password: str) -> None:
        show_error(self.login_page.phone.password_error, "")
        self.login_page.phone.set_busy(True)
        self._run("login", self.account.submit_password(password),
                  self.login_page.phone.password_error, lambda state: self._after_login_step((state, "")))

    def _after_login_step(self, result: tuple[LoginState, str]) -> None:
        state, hint = result
        if state == LoginState.PASSWORD_NEEDED:
            self.login_page.tabs.setCurrentWidget(self.login_page.phone)
            self.login_page.phone.show_password(hint)
        elif state == LoginState.SIGNED_IN:
            self._on_signed_in()

    def _on_login_tab(self, index: int) -> None:
        if self.login_page.tabs.widget(index) is self.login_page.qr:
            self._start_qr()
        else:
            self.ctx.tasks.cancel("telegram.qr")

    def _start_qr(self) -> None:
        creds = self.storage.credentials()
        if creds is None or self.account.state == LoginState.SIGNED_IN:
            return
        self._ask_file_consent()

        async def flow() -> tuple[LoginState, str]:
            async for code in self.account.qr_codes(creds):
                self.login_page.qr.show_code(code.url)
            hint = await self.account.password_hint() \
                if self.account.state == LoginState.PASSWORD_NEEDED else ""
            return self.account.state, hint

        self._run("qr", flow(), self.login_page.qr.error, self._after_login_step)

    def _on_signed_in(self) -> None:
        me = self.account.me
        who = me.name + (f" (@{me.username})" if me and me.username else "") if me else ""
        self.chats_page.account.setText(self.tr("Logged in as {name}").format(name=who))
        self.stack.setCurrentWidget(self.chats_page)
        self.signed_in_changed.emit(True)
        self._load_chats()

    def _on_log_out(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Log out of Telegram?"),
            self.tr("Natasha Studio will end its Telegram login and forget it. Messages already "
                    "fetched stay in the project."))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_: Any) -> None:
            self.chats_page.model.set_chats([], set())
            self.stack.setCurrentWidget(self.login_page)
            self.login_page.phone.show_phone()
            self.signed_in_changed.emit(False)

        self._run("login", self.account.log_out(), self.chats_page.error, done)

    # -- chats ---------------------------------------------------------------------------------

    def _load_chats(self) -> None:
        page = self.chats_page
        page.loading.setText(self.tr("Loading your chats…"))

        async def flow() -> None:
            chats = await list_chats(self.account.client)
            page.model.set_chats(chats, set(self._saved_selection()))
            self._refresh_stored()
            page.loading.setText(self.tr("Counting members and messages…"))
            extra = await load_details(self.account.client, chats,
                                       on_chat=lambda c: page.model.chat_updated(c.id))
            page.model.add_chats(extra)

        def done(_: Any) -> None:
            page.loading.clear()

        self._run("chats", flow(), page.error, done)

    def _saved_selection(self) -> list[int]:
        project = self.ctx.project
        return list(project.get_setting(SELECTION_SETTING, []) or []) if project else []

    def _save_selection(self) -> None:
        project = self.ctx.project
        if project is not None and self.chats_page.model.chats:
            project.set_setting(SELECTION_SETTING, sorted(self.chats_page.model.checked))

    def _refresh_stored(self) -> None:
        project = self.ctx.project
        model = self.chats_page.model
        model.stored = {}
        if project is not None:
            model.stored = message_counts_by_chat(project)
        if model.chats:
            model.dataChanged.emit(model.index(0, 5), model.index(len(model.chats) - 1, 5))

    def _on_project_changed(self, project: Project | None) -> None:
        page = self.chats_page
        if page.model.chats:
            page.model.set_chats(page.model.chats, set(self._saved_selection()))
        self._refresh_stored()
        page.fetch.setToolTip("" if project else self.tr("Open or create a project first."))
        if project is None:
            show_error(page.error, self.tr("Open or create a project to fetch chats into."))
        else:
            show_error(page.error, "")

    # -- fetching ------------------------------------------------------------------------------

    def _on_fetch(self) -> None:
        project = self.ctx.project
        page = self.chats_page
        if project is None:
            show_error(page.error, self.tr("Open or create a project to fetch chats into."))
            return
        chats = expand_selection(page.model.selected(), page.model.chats)
        if not chats:
            return
        show_error(page.error, "")
        page.status.setText(self.tr("Starting…"))
        page.overall.setValue(0)
        page.set_running(True)
        takeout = page.takeout.isChecked()

        async def flow() -> tuple[FetchSummary, Changes]:
            try:
                return await fetch_chats(project, self.account.client, chats, takeout=takeout,
                                         on_progress=page.show_progress)
            except asyncio.CancelledError:
                page.status.setText(self.tr("Stopped. The next fetch goes on from here."))
                page.set_running(False)
                self._after_fetch(project)
                raise
            except TelegramError:
                page.set_running(False)
                page.status.clear()
                self._after_fetch(project)
                raise

        self._run("fetch", flow(), page.error, lambda result: self._on_fetched(project, *result),
                  owner=project)

    def _on_cancel(self) -> None:
        self.ctx.tasks.cancel("telegram.fetch")

    def _on_fetched(self, project: Project, summary: FetchSummary, changes: Changes) -> None:
        page = self.chats_page
        page.set_running(False)
        text = self.tr("%n new messages fetched.", "", summary.total_added)
        if summary.failed:
            text += " " + self.tr("Some chats could not be read: {names}").format(
                names=", ".join(c.name for c in page.model.chats if c.id in summary.failed))
        page.status.setText(text)
        self.fetch_finished.emit(summary)
        self._after_fetch(project, changes, extract=summary.total_added > 0)

    def _after_fetch(self, project: Project, changes: Changes = PARTLY_FETCHED,
                     extract: bool = True) -> None:
        """The messages are in: tell the other views, and extract pairs as after an import."""
        self._refresh_stored()
        self.ctx.apply(changes)
        if not extract or project is not self.ctx.project:
            return

        def done(result: Any) -> None:
            report, changes = result
            if report.persona_missing:
                self.ctx.show_status(self.tr("Messages fetched. Choose the persona to get pairs."))
            else:
                self.ctx.show_status(self.tr("%n pairs after the fetch.", "", report.total))
            self.ctx.apply(changes)

        # The same task as the Sources tab's "Extract pairs again": one run at a time.
        self.ctx.tasks.run_in_thread(EXTRACT_TASK, extract_in_thread, project.path,
                                     with_progress=True, title=self.tr("Extracting pairs"),
                                     owner=project, on_done=done)
