"""The Telegram login file: written without following planted links, private, and a
plain-text file from before moved into the keyring and deleted."""

from __future__ import annotations

import json
import logging
import os
import stat

import pytest

from natasha_studio.paths import app_paths
from natasha_studio.secrets import SecretStore
from natasha_studio.telegram.live import session as session_module
from natasha_studio.telegram.live.errors import TelegramError
from natasha_studio.telegram.live.session import ApiCredentials, SessionStorage

CREDS = ApiCredentials(1234567, "0123456789abcdef0123456789abcdef")
SESSION = "1" + "BQA" * 120

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks and modes are POSIX here")


class _NoKeyring(SecretStore):
    @property
    def keyring_available(self) -> bool:
        return False


def _victim(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    return victim


@posix_only
def test_planted_symlinks_are_not_followed(tmp_path, monkeypatch):
    victim = _victim(tmp_path)
    path = tmp_path / "config" / "telegram" / "telegram-login.json"
    path.parent.mkdir(parents=True)
    # The temporary name an earlier version used, and the one this write will pick.
    (path.parent / (path.name + ".tmp")).symlink_to(victim)
    monkeypatch.setattr(session_module.pyrandom, "token_hex", lambda n: "planted")
    planted = path.parent / f".{path.name}.planted.tmp"
    planted.symlink_to(victim)

    storage = SessionStorage(_NoKeyring(), file_path=path)
    with pytest.raises(OSError):
        storage.save_credentials(CREDS, file_consent=True)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert planted.is_symlink() and not path.exists()

    # With a fresh temporary name the write goes through, still leaving the victim alone.
    monkeypatch.setattr(session_module.pyrandom, "token_hex", lambda n: "fresh")
    assert storage.save_credentials(CREDS, file_consent=True) == "file"
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not list(path.parent.glob(".*fresh*"))  # no temporary file left behind


@posix_only
def test_a_symlink_at_the_file_itself_is_replaced_not_written_through(tmp_path):
    victim = _victim(tmp_path)
    path = tmp_path / "config" / "telegram" / "telegram-login.json"
    path.parent.mkdir(parents=True)
    path.symlink_to(victim)
    storage = SessionStorage(_NoKeyring(), file_path=path)
    storage.save_session(SESSION, file_consent=True)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not path.is_symlink()
    assert json.loads(path.read_text(encoding="utf-8"))["telegram_session"] == SESSION


@posix_only
def test_a_planted_folder_link_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "telegram").symlink_to(elsewhere, target_is_directory=True)
    storage = SessionStorage(_NoKeyring(), file_path=tmp_path / "config" / "telegram" / "login.json")
    with pytest.raises(TelegramError) as caught:
        storage.save_session(SESSION, file_consent=True)
    assert "not an ordinary folder" in caught.value.message
    assert not list(elsewhere.iterdir())


@posix_only
def test_a_loose_folder_is_made_private(tmp_path):
    folder = tmp_path / "config" / "telegram"
    folder.mkdir(parents=True, mode=0o755)
    SessionStorage(_NoKeyring(), file_path=folder / "login.json").save_session(SESSION, file_consent=True)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_plain_text_login_moves_into_the_keyring(tmp_path, caplog):
    path = tmp_path / "config" / "telegram-login.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"telegram_session": SESSION, "telegram_api_id": "1234567",
                                "telegram_api_hash": CREDS.api_hash}), encoding="utf-8")
    secrets = SecretStore()
    assert secrets.keyring_available
    storage = SessionStorage(secrets, file_path=path)
    with caplog.at_level(logging.INFO, logger="natasha_studio.telegram.live.session"):
        assert storage.session() == SESSION
    assert not path.exists()
    assert secrets.source("telegram_session") == "keyring"
    assert storage.credentials() == CREDS
    assert not storage.uses_file and not storage.needs_consent
    assert any("moved into the system's password store" in r.getMessage() for r in caplog.records)
    assert SESSION not in caplog.text
    notice = storage.take_notice()
    assert "password store" in notice and "deleted" in notice
    assert storage.take_notice() == ""  # told once
    # A later start finds nothing to move and says nothing.
    assert SessionStorage(secrets, file_path=path).take_notice() == ""


def test_a_newer_keyring_value_wins_over_the_old_file(tmp_path):
    path = tmp_path / "telegram-login.json"
    path.write_text(json.dumps({"telegram_session": "1old"}), encoding="utf-8")
    secrets = SecretStore()
    secrets.set("telegram_session", "1newer")
    storage = SessionStorage(secrets, file_path=path)
    assert storage.session() == "1newer"
    assert not path.exists()


def test_an_old_loose_file_in_the_default_place_is_handled():
    old = app_paths().config_dir / "telegram-login.json"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(json.dumps({"telegram_session": SESSION}), encoding="utf-8")
    # No keyring yet: the curator's consent holds, but the file moves into the private folder.
    storage = SessionStorage(_NoKeyring())
    assert storage.session() == SESSION and storage.uses_file
    assert not old.exists()
    assert storage.file_path.parent.name == "telegram"
    if os.name == "posix":
        assert stat.S_IMODE(storage.file_path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(storage.file_path.stat().st_mode) == 0o600
    # Once a keyring is there, the file goes into it and is deleted.
    later = SessionStorage(SecretStore())
    assert later.session() == SESSION and not later.file_path.exists()
    assert later.take_notice()
    later.forget_all()
    assert SessionStorage(SecretStore()).session() == ""
