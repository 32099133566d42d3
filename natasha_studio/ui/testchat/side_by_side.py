"""Side by side: one question to two-four models at once, answers streaming in parallel.

Each column streams as its own named task, so a server error or a slow model in one column
never holds up the others, and Stop cancels them all while keeping what arrived. Every
message is committed to the session as it is sent or finished.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.chat.models import ModelEntry
from natasha_studio.core.chat.sessions import (
    MAX_COLUMNS,
    add_message,
    create_session,
    export_session,
    list_sessions,
    load_session,
    set_columns,
)
from natasha_studio.core.chat.streaming import Reply, ReplyStream, build_messages, error_message
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage, ChatOptions
from natasha_studio.operations.changes import Changes
from natasha_studio.providers import compatible_provider
from natasha_studio.providers.registry import provider_for
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.finetune.tuned_chat import TunedChat
from natasha_studio.ui.testchat.column import ChatColumn
from natasha_studio.ui.testchat.dialogs import CorrectionDialog, SessionsDialog

MIN_COLUMNS = 2
_UNSAFE_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
# Loaded with the tab rather than on the first question, where importing the SDK would stall
# the streams already running in other columns.
_PRELOADED = compatible_provider


def safe_file_name(title: str) -> str:
    """``title`` with the characters Windows forbids in file names (a time's colon) replaced."""
    return _UNSAFE_IN_FILE_NAMES.sub("-", title).strip(" .") or "chat"


class SideBySideView(QWidget):
    """Columns of models, one input, Send and Stop, and the session's name and actions."""

    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id: int | None = None
        self.columns: list[ChatColumn] = []
        self._running: set[int] = set()
        self.tuned_chat = TunedChat(ctx, self, lambda _entry_id: None)

        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.new_button = QPushButton(self.tr("New chat"))
        self.open_button = QPushButton(self.tr("Saved chats…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this chat as a Markdown or JSON file"))
        self.add_button = QPushButton(self.tr("Add column"))
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for button in (self.add_button, self.new_button, self.open_button, self.export_button):
            bar.addWidget(button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)

        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(self.tr("Ask what members really ask… (Ctrl+Enter sends)"))
        self.input.setMaximumHeight(96)
        self.send_button = QPushButton(self.tr("Send to all"))
        self.send_button.setProperty("primary", True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        # Offered when an answer failed (no connection, no first token in time): the same
        # question again, to the columns that did not answer.
        self.retry_button = QPushButton(self.tr("Ask again"))
        self.retry_button.setToolTip(self.tr("Send the last question again to the models that "
                                             "did not answer it"))
        self.retry_button.setVisible(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.stop_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.input, 1)
        bottom.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.send_button.clicked.connect(lambda: self.send())
        self.stop_button.clicked.connect(self.stop)
        self.retry_button.clicked.connect(lambda: self.retry_failed())
        self.new_button.clicked.connect(self.new_chat)
        self.open_button.clicked.connect(self._on_open_sessions)
        self.export_button.clicked.connect(self._on_export)
        self.add_button.clicked.connect(lambda: self.add_column())
        QShortcut(QKeySequence("Ctrl+Return"), self.input, activated=lambda: self.send())
        QShortcut(QKeySequence("Ctrl+Enter"), self.input, activated=lambda: self.send())
        self.new_chat()

    # -- columns -------------------------------------------------------------------------------

    def add_column(self, model_id: int | None = None) -> ChatColumn | None:
        if len(self.columns) >= MAX_COLUMNS:
            return None
        column = ChatColumn(len(self.columns))
        column.reload_models(self.ctx.project)
        column.system_prompt.setPlainText(self.ctx.project.system_prompt if self.ctx.project else "")
        entries = column.model_combo.entries()
        if model_id is not None:
            column.model_combo.select(model_id)
        elif len(entries) > len(self.columns):
            column.model_combo.select(entries[len(self.columns)].id)  # a different model each
        column.config_changed.connect(self._on_config_changed)
        column.remove_requested.connect(self.remove_column)
        column.save_requested.connect(self._on_save_pair)
        column.deploy_requested.connect(self._on_deploy_requested)
        column.adapter_requested.connect(self._on_adapter_requested)
        self.columns.append(column)
        self.splitter.addWidget(column)
        self._update_controls()
        self._on_config_changed()
        return column

    def remove_column(self, column: ChatColumn) -> None:
        if len(self.columns) <= 1 or column.busy:
            return
        self.columns.remove(column)
        column.setParent(None)
        column.deleteLater()
        for i, c in enumerate(self.columns):
            c.index = i
        # Column indexes of stored messages would no longer match: start a fresh session.
        if self.session_id is not None:
            self.session_id = None
            for c in self.columns:
                c.clear()
            self._show_title()
        self._update_controls()

    def _update_controls(self) -> None:
        busy = bool(self._running)
        self.add_button.setEnabled(len(self.columns) < MAX_COLUMNS and not busy)
        for column in self.columns:
            column.set_removable(len(self.columns) > 1 and not busy)
        self.send_button.setEnabled(not busy and self.ctx.project is not None)
        self.stop_button.setEnabled(busy)
        self.retry_button.setVisible(not busy and bool(self._failed_columns()))
        for button in (self.new_button, self.open_button):
            button.setEnabled(not busy and self.ctx.project is not None)
        self.export_button.setEnabled(self.session_id is not None and not busy)

    def _on_config_changed(self) -> None:
        if self.session_id is not None and self.ctx.project is not None:
            set_columns(self.ctx.project, self.session_id, [c.config() for c in self.columns])

    def reload_models(self) -> None:
        taken: set[int] = set()
        for column in self.columns:
            had_model = column.model_combo.current_id() is not None
            column.reload_models(self.ctx.project)
            entries = column.model_combo.entries()
            if not had_model and not self._running:
                # Columns that had no model yet get one not shown elsewhere, where possible.
                free = [e.id for e in entries if e.id not in taken]
                if free:
                    column.model_combo.select(free[0])
            if column.model_combo.current_id() is not None:
                taken.add(column.model_combo.current_id())

    def focus_model(self, model_entry_id: int, beside: int | None = None) -> None:
        """Put ``model_entry_id`` in the first column and ``beside`` in the second (from
        "Test in chat" on a job: the tuned model next to its base model)."""
        if self._running:
            return
        if self.session_id is not None:
            self.new_chat()  # a new model under test deserves a fresh conversation
        self.reload_models()
        if self.columns:
            self.columns[0].model_combo.select(model_entry_id)
        if beside is not None and len(self.columns) > 1:
            self.columns[1].model_combo.select(beside)
        self.input.setFocus()

    # -- sessions ------------------------------------------------------------------------------

    def new_chat(self) -> None:
        if self._running:
            return
        self.session_id = None
        for column in list(self.columns):
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        for _ in range(MIN_COLUMNS):
            self.add_column()
        self._show_title()
        self._update_controls()

    def _show_title(self) -> None:
        if self.session_id is None or self.ctx.project is None:
            self.title.setText(self.tr("New chat"))
            return
        self.title.setText(load_session(self.ctx.project, self.session_id).title)

    def open_session(self, session_id: int) -> None:
        project = self.ctx.project
        if project is None or self._running:
            return
        session = load_session(project, session_id)
        self.new_chat()
        while len(self.columns) < len(session.columns):
            self.add_column()
        while len(self.columns) > len(session.columns):
            self.remove_column(self.columns[-1])
        for column, config in zip(self.columns, session.columns, strict=True):
            column.apply_config(config)
        for message in session.messages:
            if message.column < len(self.columns):
                self.columns[message.column].show_stored(message.role, message.content,
                                                         error=message.error)
        for column, messages in ((c, session.column_messages(c.index)) for c in self.columns):
            last = next((m for m in reversed(messages) if m.role == "assistant"), None)
            column.metrics.show_metrics(last.metrics if last else None)
        self.session_id = session_id
        self._show_title()
        self._update_controls()

    def _on_open_sessions(self) -> None:
        if self.ctx.project is None:
            return
        dialog = SessionsDialog(self.ctx.project, self)
        if dialog.exec() and dialog.chosen is not None:
            self.open_session(dialog.chosen)
        elif self.session_id is not None:
            self._show_title()  # it may have been renamed

    def _on_export(self) -> None:
        if self.session_id is None or self.ctx.project is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chat"), str(Path.home() / f"{safe_file_name(self.title.text())}.md"),
            self.tr("Markdown (*.md);;JSON (*.json)"))
        if path:
            try:
                export_session(self.ctx.project, self.session_id, path)
            except StudioError as exc:
                show_error(self, self.tr("The chat was not exported"), exc)
                return
            self.ctx.show_status(self.tr("Chat exported to {path}").format(path=path))

    # -- asking --------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return bool(self._running)

    def send(self, text: str | None = None) -> list[asyncio.Task]:
        """Send ``text`` (or the input's text) to every column; returns the streaming tasks."""
        project = self.ctx.project
        text = (self.input.toPlainText() if text is None else text).strip()
        if project is None or not text or self._running:
            return []
        if self.session_id is None:
            self.session_id = create_session(project, [c.config() for c in self.columns])
            self._show_title()
        self.input.clear()
        tasks = []
        for column in self.columns:
            entry = column.entry()
            column.show_question(text)
            if entry is None:
                column.transcript.add_note(self.tr("Choose a model for this column."), error=True)
                continue
            add_message(project, self.session_id, column.index, "user", text, model_id=entry.id)
            tasks.append(self._ask(column, entry, text))
        self._update_controls()
        self.busy_changed.emit(self.is_busy())
        return tasks

    def _ask(self, column: ChatColumn, entry, text: str) -> asyncio.Task:
        messages = build_messages(column.system_prompt.toPlainText(), column.history, text)
        options = ChatOptions(column.temperature.value(), column.max_tokens.value())
        self._running.add(column.index)
        column.begin_answer()
        return self.ctx.tasks.start(
            f"testchat.column.{column.index}",
            self._answer(column, entry, messages, options, text, self.session_id),
            title=self.tr("Answer of {model}").format(model=entry.name), owner=self.ctx.project)

    def _failed_columns(self) -> list[ChatColumn]:
        """Columns whose last answer failed, its question still the last thing they hold."""
        return [c for c in self.columns if c.last_reply is not None and c.last_reply.error
                and c.history and c.history[-1][0] == "user" and c.entry() is not None]

    def retry_failed(self) -> list[asyncio.Task]:
        """Ask the columns whose answer failed their last question again."""
        if self.ctx.project is None or self._running:
            return []
        tasks = []
        for column in self._failed_columns():
            _role, text = column.history.pop()
            column.last_reply = None
            column.transcript.add_note(self.tr("Asking again…"))
            tasks.append(self._ask(column, column.entry(), text))
        self._update_controls()
        self.busy_changed.emit(self.is_busy())
        return tasks

    async def _answer(self, column: ChatColumn, entry, messages: list[ChatMessage],
                      options: ChatOptions, question: str, session_id: int) -> Reply:
        project = self.ctx.project
        reply = Reply()
        try:
            try:
                provider = provider_for(entry, self.ctx.secrets)
            except Exception as exc:  # missing key or settings: a sentence in this column
                reply = Reply(error=error_message(exc))
            else:
                stream = ReplyStream(provider, entry.model_id, messages, options)
                try:
                    reply = await stream.run(column.add_piece)
                except asyncio.CancelledError:
                    reply = stream.reply
                    raise
        finally:
            self._finish(column, entry, question, reply, session_id, project)
        return reply

    def _finish(self, column: ChatColumn, entry, question: str, reply: Reply, session_id: int,
                project) -> None:
        self._running.discard(column.index)
        if project is not None and project is self.ctx.project and session_id == self.session_id:
            extra = {"error": reply.error} if reply.error else {}
            if reply.stopped:
                extra["stopped"] = True
            add_message(project, session_id, column.index, "assistant", reply.text,
                        model_id=entry.id, metrics=reply.metrics, extra=extra)
            column.end_answer(question, reply)
        self._update_controls()
        if not self._running:
            self.busy_changed.emit(False)

    def stop(self) -> None:
        for index in list(self._running):
            self.ctx.tasks.cancel(f"testchat.column.{index}")

    def _on_deploy_requested(self, entry: ModelEntry | None) -> None:
        """A Fireworks tuned model could not answer: deploy it once its cost is agreed."""
        if entry is None or self.ctx.project is None:
            return
        self.tuned_chat.deploy(self.ctx.project, entry.model_id, lambda: self.ctx.show_status(
            self.tr("“{name}” is deployed: ask again. The first answer may take a few minutes "
                    "while the model loads.").format(name=entry.name), 15000))

    def _on_adapter_requested(self, column: ChatColumn) -> None:
        """A Together tuned model could not answer: its adapter answers in this column."""
        entry = column.entry()
        if entry is None or entry.job_id is None or self.ctx.project is None:
            return

        def use(entry_id: int | None) -> None:
            if entry_id is None:
                return
            self.reload_models()
            column.model_combo.select(entry_id)
            self.ctx.show_status(self.tr("The adapter is on this computer: ask again."), 10000)

        self.tuned_chat.bring_adapter_home(self.ctx.project, entry.job_id, use)

    # -- back into the dataset -----------------------------------------------------------------

    def _on_save_pair(self, column: ChatColumn) -> None:
        project = self.ctx.project
        if project is None or column.last_reply is None:
            return
        history = list(column.history)
        if history and history[-1][0] == "assistant":
            history = history[:-1]
        conversation = [ChatMessage(role, text) for role, text in history]
        dialog = CorrectionDialog(project, conversation, column.last_reply.text,
                                  column.model_label(), self)
        if dialog.exec() and dialog.pair_id is not None:
            self.ctx.apply(Changes.of_pairs({dialog.pair_id}))
            self.ctx.show_status(self.tr("Saved as a new training pair."))

    # -- project -------------------------------------------------------------------------------

    def on_project_changed(self) -> None:
        self._running.clear()
        self.new_chat()
        for column in self.columns:
            column.system_prompt.setPlainText(
                self.ctx.project.system_prompt if self.ctx.project else "")
        # A project reopens on its last chat, where the curator left off (the demo on its
        # recorded one), rather than on empty columns.
        sessions = list_sessions(self.ctx.project) if self.ctx.project is not None else []
        if sessions:
            self.open_session(sessions[0].id)
        self._update_controls()
