"""Where the Telegram login is kept between runs.

A Telethon ``StringSession`` gives full access to the account, so it goes to the OS keyring
(``secret_store()``, name ``telegram_session``), beside the API id and hash. Where the
system has no keyring, it is kept in memory for this run only, unless the user agrees to a
file readable only by them in a private folder of the app's config; that file also holds the
API id and hash, so that a restart needs no typing. A plain-text file left from before (when
there was no keyring, or from an earlier version) is moved into the keyring as soon as one is
available, then deleted, and the curator is told once.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets as pyrandom
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
SESSION_FOLDER_NAME = "telegram"
_SAVED_NAMES = (SESSION_SECRET, API_ID_SECRET, API_HASH_SECRET)

log = logging.getLogger(__name__)


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
        self._checked_old_files = False
        self._notice = ""

    @property
    def file_path(self) -> Path:
        if self._file_path is not None:
            return self._file_path
        return app_paths().config_dir / SESSION_FOLDER_NAME / SESSION_FILE_NAME

    def _old_paths(self) -> list[Path]:
        """Where earlier versions kept the file: loose in the config folder."""
        if self._file_path is not None:
            return []
        return [app_paths().config_dir / SESSION_FILE_NAME]

    @property
    def keyring_available(self) -> bool:
        return self.secrets.keyring_available

    @property
    def uses_file(self) -> bool:
        """True when the login is kept in the private file (the user agreed to it earlier)."""
        self._move_old_files()
        return not self.keyring_available and self.file_path.exists()

    @property
    def needs_consent(self) -> bool:
        """True when saving would need the user's consent to write the private file."""
        self._move_old_files()
        return not self.keyring_available and not self.file_path.exists()

    # -- reading -------------------------------------------------------------------------------

    def _file_data(self, path: Path | None = None) -> dict[str, str]:
        try:
            data = json.loads((path or self.file_path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def take_notice(self) -> str:
        """What the curator should be told once about their saved login ('' when nothing)."""
        self._move_old_files()
        notice, self._notice = self._notice, ""
        return notice

    def _move_old_files(self) -> None:
        """Move a plain-text login into the keyring (or an old file into the private folder).

        A login file written while there was no keyring outlives the day a keyring appears,
        and earlier versions kept it loose in the config folder; either way it is plain text
        that gives full access to the account, so it goes where it belongs and is deleted.
        """
        if self._checked_old_files:
            return
        self._checked_old_files = True
        paths = [p for p in (self.file_path, *self._old_paths()) if p.is_file() or p.is_symlink()]
        if not paths:
            return
        if self.keyring_available:
            self._move_into_keyring(paths)
        elif not self.file_path.exists():
            # No keyring yet: keep the curator's consent, but in the private folder.
            data = self._file_data(paths[0])
            self._write_private({k: str(v) for k, v in data.items() if k in _SAVED_NAMES and v})
            _remove(paths[0])
            log.info("The Telegram login file was moved into a private folder.")

    def _move_into_keyring(self, paths: list[Path]) -> None:
        moved = False
        for path in paths:
            data = self._file_data(path)
            kept = True
            for name in _SAVED_NAMES:
                value = data.get(name)
                if not value or self.secrets.get(name):
                    continue  # a value already in the keyring is the newer one
                kept = self.secrets.set(name, str(value)) == "keyring" and kept
            if not kept:
                log.warning("The Telegram login file could not be moved into the password store.")
                return
            _remove(path)
            moved = moved or bool(data.get(SESSION_SECRET))
            log.info("A plain-text Telegram login file was moved into the system's password "
                     "store and deleted.")
        if moved:
            self._notice = translate(
                "TelegramSession",
                "Your Telegram login was kept in a file on this computer. It is now in the "
                "system's password store, and the file has been deleted.")
        else:
            self._notice = translate(
                "TelegramSession",
                "Your Telegram API id and hash were kept in a file on this computer. They are now "
                "in the system's password store, and the file has been deleted.")

    def _get(self, name: str) -> str | None:
        self._move_old_files()
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
        self._move_old_files()
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
        _private_folder(path.parent)
        tmp = path.with_name(f".{path.name}.{pyrandom.token_hex(8)}.tmp")
        fh = _create_private(tmp)  # fails on anything already there, leaving it untouched
        try:
            with fh:
                json.dump(data, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            _remove(tmp)  # ours: created above
            raise

    def forget_session(self) -> None:
        """Forget the login (after logging out, or when Telegram ended it)."""
        self._move_old_files()
        self.secrets.delete(SESSION_SECRET)
        if self.file_path.exists():
            data = self._file_data()
            data.pop(SESSION_SECRET, None)
            self._write_private(data)

    def forget_all(self) -> None:
        """Forget the login and the API credentials, and remove the private file."""
        for name in _SAVED_NAMES:
            self.secrets.delete(name)
        for path in (self.file_path, *self._old_paths()):
            _remove(path)


_PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR
_PRIVATE_FOLDER = stat.S_IRWXU


def _private_folder(folder: Path) -> None:
    """Create ``folder`` readable only by this user, refusing one that is a symlink."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=_PRIVATE_FOLDER)
    if folder.is_symlink() or not folder.is_dir():
        raise TelegramError(
            "no_access",
            translate("TelegramSession", "The Telegram login could not be saved: {folder} is not "
                                         "an ordinary folder.").format(folder=folder),
            translate("TelegramSession", "Remove it and log in again, or ask whoever manages this "
                                         "computer to look at it."))
    if os.name == "posix":
        os.chmod(folder, _PRIVATE_FOLDER)


def _create_private(path: Path):
    """Open a new file for writing that nobody else can read, and that is not a planted link.

    ``O_EXCL`` refuses a path that already exists, a symlink included; ``O_NOFOLLOW`` (where
    the platform has it) refuses a link even where ``O_EXCL`` is not honoured.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, _PRIVATE_FILE)
    with contextlib.suppress(OSError, AttributeError, NotImplementedError):
        os.fchmod(fd, _PRIVATE_FILE)  # the umask can only narrow this; make it exact
    return os.fdopen(fd, "w", encoding="utf-8")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
