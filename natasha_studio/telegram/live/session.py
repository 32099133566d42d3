"""Where the Telegram login is kept between runs.

A Telethon ``StringSession`` gives full access to the account, so it goes to the OS keyring
(``secret_store()``, name ``telegram_session``), beside the API id and hash. Where the
system has no keyring, it is kept in memory for this run only, unless the user agrees to a
file readable only by them in the app's config folder; that file also holds the API id and
hash, so that a restart needs no typing.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from natasha_studio.core.i18n import translate
from natasha_studio.paths import app_paths
from natasha_studio.secrets import SecretStore, secret_store
from natasha_studio.telegram.live.errors import TelegramError

SESSION_SECRET = "telegram_session"
API_ID_SECRET = "telegram_api_id"
API_HASH_SECRET = "telegram_api_hash"
SESSION_FILE_NAME = "telegram-login.json"


@dataclass(frozen=True)
class ApiCredentials:
    api_id: int
    api_hash: str


def parse_credentials(api_id: str, api_hash: str) -> ApiCredentials:
    """Check what the user typed; raises ``TelegramError`` with what is wrong."""
    api_id = api_id.strip()
    api_hash = api_hash.strip().lower()
    if not api_id.isdigit() or not 0 < int(api_id) < 2**31:
        raise TelegramError(
            "api_invalid",
            translate("TelegramSession", "The API id is a number, like 1234567."),
            translate("TelegramSession", "Copy it from my.telegram.org → API development tools → App api_id."))
    if len(api_hash) != 32 or any(c not in "0123456789abcdef" for c in api_hash):
        raise TelegramError(
            "api_invalid",
            translate("TelegramSession", "The API hash is 32 letters and digits, like 0123456789abcdef0123456789abcdef."),
            translate("TelegramSession", "Copy it from my.telegram.org → API development tools → App api_hash."))
    return ApiCredentials(int(api_id), api_hash)


class SessionStorage:
    """Load, save and forget the API credentials and the login (session string)."""

    def __init__(self, secrets: SecretStore | None = None, file_path: Path | None = None) -> None:
        self.secrets = secrets or secret_store()
        self._file_path = file_path

    @property
    def file_path(self) -> Path:
        return self._file_path or app_paths().config_dir / SESSION_FILE_NAME

    @property
    def keyring_available(self) -> bool:
        return self.secrets.keyring_available

    @property
    def uses_file(self) -> bool:
        """True when the login is kept in the private file (the user agreed to it earlier)."""
        return not self.keyring_available and self.file_path.exists()

    @property
    def needs_consent(self) -> bool:
        """True when saving would need the user's consent to write the private file."""
        return not self.keyring_available and not self.file_path.exists()

    # -- reading -------------------------------------------------------------------------------

    def _file_data(self) -> dict[str, str]:
        try:
            data = json.loads(self.file_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _get(self, name: str) -> str | None:
        value = self.secrets.get(name)
        if value:
            return value
        if not self.keyring_available:
            value = self._file_data().get(name)
            return str(value) if value else None
        return None

    def credentials(self) -> ApiCredentials | None:
        api_id, api_hash = self._get(API_ID_SECRET), self._get(API_HASH_SECRET)
        if not api_id or not api_hash:
            return None
        try:
            return parse_credentials(api_id, api_hash)
        except TelegramError:
            return None

    def session(self) -> str:
        """The saved session string, or '' when there is none."""
        return self._get(SESSION_SECRET) or ""

    # -- writing -------------------------------------------------------------------------------

    def save_credentials(self, creds: ApiCredentials, *, file_consent: bool = False) -> str:
        """Keep the API id and hash; returns 'keyring', 'file' or 'memory'."""
        return self._save({API_ID_SECRET: str(creds.api_id), API_HASH_SECRET: creds.api_hash},
                          file_consent)

    def save_session(self, session: str, *, file_consent: bool = False) -> str:
        """Keep the login; returns 'keyring', 'file' or 'memory'."""
        return self._save({SESSION_SECRET: session}, file_consent)

    def _save(self, values: dict[str, str], file_consent: bool) -> str:
        where = "memory"
        for name, value in values.items():
            where = "keyring" if self.secrets.set(name, value) == "keyring" else "memory"
        if where == "keyring":
            return where
        if file_consent or self.file_path.exists():
            data = self._file_data()
            data.update(values)
            self._write_private(data)
            return "file"
        return where

    def _write_private(self, data: dict[str, str]) -> None:
        path = self.file_path
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        # Created 0600 from the start: the secret is never readable by others, even briefly.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        with contextlib.suppress(OSError):
            os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(tmp, path)

    def forget_session(self) -> None:
        """Forget the login (after logging out, or when Telegram ended it)."""
        self.secrets.delete(SESSION_SECRET)
        if self.file_path.exists():
            data = self._file_data()
            data.pop(SESSION_SECRET, None)
            self._write_private(data)

    def forget_all(self) -> None:
        """Forget the login and the API credentials, and remove the private file."""
        for name in (SESSION_SECRET, API_ID_SECRET, API_HASH_SECRET):
            self.secrets.delete(name)
        with contextlib.suppress(FileNotFoundError):
            self.file_path.unlink()
