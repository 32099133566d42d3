"""The Telegram panel tells the curator once that a plain-text login was moved into the keyring."""

from __future__ import annotations

import json

from fakes.telegram_world import community

from natasha_studio.telegram.live.session import SessionStorage
from natasha_studio.ui.telegram import TelegramPanel


def _panel(ctx, qtbot, world, storage):
    widget = TelegramPanel(ctx, client_factory=world.client, storage=storage)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_moved_login_is_announced_once(ctx_with_project, qtbot, qloop, tmp_path):
    world = community()
    path = tmp_path / "config" / "telegram-login.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"telegram_api_id": "1234567",
                                "telegram_api_hash": "0123456789abcdef0123456789abcdef"}),
                    encoding="utf-8")
    first = _panel(ctx_with_project, qtbot, world,
                   SessionStorage(ctx_with_project.secrets, file_path=path))
    try:
        assert first.notice.isVisible()
        assert "password store" in first.notice.text()
        assert not path.exists()
        assert first.credentials_page.api_id.text() == "1234567"  # nothing lost on the way
    finally:
        ctx_with_project.tasks.cancel_owner(first)
    second = _panel(ctx_with_project, qtbot, world,
                    SessionStorage(ctx_with_project.secrets, file_path=path))
    try:
        assert not second.notice.isVisible() and second.notice.text() == ""
    finally:
        ctx_with_project.tasks.cancel_owner(second)
