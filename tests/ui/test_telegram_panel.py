"""The Telegram panel end to end on the stand-in client: credentials, phone + code + 2FA,
QR login, choosing chats, fetching with progress, cancel and log out."""

from __future__ import annotations

import asyncio
import time

import pytest
from fakes.telegram_standin import flood_wait
from fakes.telegram_world import CHANNEL, DISCUSSION, GROUP, NATASHA, community
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from natasha_studio.core.dataset.settings import set_persona_ids
from natasha_studio.secrets import SecretStore
from natasha_studio.telegram.live.account import LoginState
from natasha_studio.telegram.live.session import SessionStorage
from natasha_studio.ui.telegram import TelegramPanel

API_ID, API_HASH = "1234567", "0123456789abcdef0123456789abcdef"


def wait_until(loop, condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        loop.run_until_complete(asyncio.sleep(0.005))


@pytest.fixture
def world():
    return community()


@pytest.fixture
def panel(ctx_with_project, qtbot, qloop, world):
    storage = SessionStorage(ctx_with_project.secrets)
    widget = TelegramPanel(ctx_with_project, client_factory=world.client, storage=storage)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    yield widget
    ctx_with_project.tasks.cancel_owner(widget)


def enter_credentials(panel, qtbot):
    page = panel.credentials_page
    assert panel.stack.currentWidget() is page
    qtbot.keyClicks(page.api_id, API_ID)
    qtbot.keyClicks(page.api_hash, API_HASH)
    qtbot.mouseClick(page.next, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is panel.login_page


def test_bad_credentials_are_explained(panel, qtbot):
    page = panel.credentials_page
    qtbot.keyClicks(page.api_id, "my id")
    qtbot.mouseClick(page.next, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is page
    assert page.error.isVisible() and "1234567" in page.error.text()


def test_phone_code_and_cloud_password_login(panel, qtbot, qloop, world):
    world.password, world.password_hint = "секрет", "имя кота"
    enter_credentials(panel, qtbot)
    phone = panel.login_page.phone
    qtbot.keyClicks(phone.phone, "+7 912 000 00 00")
    qtbot.mouseClick(phone.send, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: phone.currentIndex() == 1)
    assert "Telegram app" in phone.code_where.text()
    assert not phone.resend.isEnabled()  # "send again" waits for Telegram's timeout

    qtbot.keyClicks(phone.code, "99999")
    qtbot.mouseClick(phone.sign_in, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: phone.code_error.isVisible())
    assert "wrong" in phone.code_error.text()

    phone.code.clear()
    qtbot.keyClicks(phone.code, "12345")
    qtbot.mouseClick(phone.sign_in, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: phone.currentIndex() == 2)
    assert "имя кота" in phone.hint.text()

    phone.password.setText("не то")
    qtbot.mouseClick(phone.check, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: phone.password_error.isVisible())
    assert "password is wrong" in phone.password_error.text()

    phone.password.clear()
    phone.password.setText("секрет")
    qtbot.mouseClick(phone.check, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: panel.stack.currentWidget() is panel.chats_page)
    assert "Ольга Куратор" in panel.chats_page.account.text()
    assert panel.storage.session() in world.sessions
    wait_until(qloop, lambda: panel.chats_page.model.rowCount() == 5)


def test_qr_login_with_refresh_and_2fa(panel, qtbot, qloop, world):
    world.qr_ttl, world.password = 0.05, "pw"
    enter_credentials(panel, qtbot)
    qr = panel.login_page.qr
    panel.login_page.tabs.setCurrentWidget(qr)
    wait_until(qloop, lambda: qr.url != "")
    first = qr.url
    assert not qr.image.pixmap().isNull()
    wait_until(qloop, lambda: qr.url != first)  # expired, redrawn by itself
    world.scan_qr()
    phone = panel.login_page.phone
    wait_until(qloop, lambda: phone.currentIndex() == 2 and panel.login_page.tabs.currentWidget() is phone)
    qtbot.keyClicks(phone.password, "pw")
    qtbot.mouseClick(phone.check, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: panel.account.state == LoginState.SIGNED_IN)
    assert panel.stack.currentWidget() is panel.chats_page


def sign_in(panel, qtbot, qloop):
    enter_credentials(panel, qtbot)
    phone = panel.login_page.phone
    qtbot.keyClicks(phone.phone, "+79120000000")
    qtbot.mouseClick(phone.send, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: phone.currentIndex() == 1)
    qtbot.keyClicks(phone.code, "12345")
    qtbot.mouseClick(phone.sign_in, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: panel.stack.currentWidget() is panel.chats_page)
    model = panel.chats_page.model
    wait_until(qloop, lambda: model.rowCount() == 5 and all(c.details_loaded for c in model.chats))


def test_choose_search_fetch_and_extract(panel, qtbot, qloop, world, ctx_with_project):
    project = ctx_with_project.project
    set_persona_ids(project, [NATASHA])
    sign_in(panel, qtbot, qloop)
    page = panel.chats_page
    page.search.setText("круг")
    assert page.proxy.rowCount() == 1
    qtbot.mouseClick(page.select_shown, Qt.MouseButton.LeftButton)
    page.search.setText("")
    page.model.set_checked({CHANNEL}, True)
    assert "2 chats" in page.chosen.text()
    assert sorted(project.get_setting("telegram_chats")) == sorted([GROUP, CHANNEL])

    world.inject(GROUP, 12, flood_wait(2))
    statuses = []
    show = page.show_progress

    def record(progress):
        show(progress)
        statuses.append(page.status.text())

    page.show_progress = record
    with qtbot.waitSignal(panel.fetch_finished, timeout=20000) as finished:
        qtbot.mouseClick(page.fetch, Qt.MouseButton.LeftButton)
        wait_until(qloop, lambda: not page.cancel.isVisible(), timeout=20)
    assert any("going on by itself in 2 s" in s for s in statuses)
    summary = finished.args[0]
    assert summary.added[GROUP] == 33 and summary.added[DISCUSSION] == 3
    assert "new messages fetched" in page.status.text()
    counts = dict(project.conn.execute("SELECT chat_id, count(*) FROM messages GROUP BY chat_id").fetchall())
    assert counts[GROUP] == 33 and counts[CHANNEL] == 1
    wait_until(qloop, lambda: project.conn.execute("SELECT count(*) FROM pairs").fetchone()[0] > 0, timeout=20)
    page.grab().save(str(qtbot_screenshot_path("chats")))


def qtbot_screenshot_path(name):
    import os
    import tempfile
    folder = os.environ.get("NATASHA_STUDIO_SCREENSHOTS") or tempfile.gettempdir()
    return f"{folder}/telegram-{name}.png"


def test_cancel_then_resume(panel, qtbot, qloop, world, ctx_with_project):
    project = ctx_with_project.project
    sign_in(panel, qtbot, qloop)
    page = panel.chats_page
    page.model.set_checked({GROUP}, True)
    world.inject(GROUP, 20, flood_wait(600))
    qtbot.mouseClick(page.fetch, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: "going on by itself in 10 min" in page.status.text())
    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: not page.cancel.isVisible())
    assert "goes on from here" in page.status.text()
    assert project.conn.execute("SELECT count(*) FROM messages WHERE chat_id = ?", (GROUP,)).fetchone()[0] == 20

    with qtbot.waitSignal(panel.fetch_finished, timeout=10000) as finished:
        qtbot.mouseClick(page.fetch, Qt.MouseButton.LeftButton)
        wait_until(qloop, lambda: not page.cancel.isVisible() and page.fetch.isEnabled())
    assert finished.args[0].added[GROUP] == 13


def test_restore_then_log_out(ctx_with_project, qtbot, qloop, world, monkeypatch):
    storage = SessionStorage(ctx_with_project.secrets)
    first = TelegramPanel(ctx_with_project, client_factory=world.client, storage=storage)
    qtbot.addWidget(first)
    sign_in(first, qtbot, qloop)

    second = TelegramPanel(ctx_with_project, client_factory=world.client,
                           storage=SessionStorage(ctx_with_project.secrets))
    qtbot.addWidget(second)
    wait_until(qloop, lambda: second.stack.currentWidget() is second.chats_page)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(second.chats_page.log_out, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: second.stack.currentWidget() is second.login_page)
    assert storage.session() == "" and not world.sessions


def test_revoked_session_during_fetch_returns_to_login(panel, qtbot, qloop, world):
    sign_in(panel, qtbot, qloop)
    page = panel.chats_page
    page.model.set_checked({GROUP}, True)
    world.revoke_all()
    qtbot.mouseClick(page.fetch, Qt.MouseButton.LeftButton)
    wait_until(qloop, lambda: panel.stack.currentWidget() is panel.login_page)
    assert "ended" in panel.login_page.phone.phone_error.text()
    assert panel.storage.session() == ""


def test_without_keyring_asks_before_writing_a_file(ctx_with_project, qtbot, qloop, world, monkeypatch):
    class NoKeyring(SecretStore):
        @property
        def keyring_available(self):
            return False

    asked = []

    def answer(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    storage = SessionStorage(NoKeyring())
    widget = TelegramPanel(ctx_with_project, client_factory=world.client, storage=storage)
    qtbot.addWidget(widget)
    enter_credentials(widget, qtbot)
    assert asked and not storage.file_path.exists()
    assert "until the app closes" in widget.credentials_page.where.text()
