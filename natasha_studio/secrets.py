"""Secrets (API keys, credentials, the Telegram session) in the OS keyring.

Environment variables win where set (OPENAI_API_KEY, GOOGLE_APPLICATION_CREDENTIALS, ...).
Where no keyring is available the value is kept in memory for this session only, never
written in plain text; the UI says so and asks again next time. Values never go to logs.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "Natasha Studio"


@dataclass(frozen=True)
class SecretSpec:
    name: str
    env: tuple[str, ...] = ()


SECRETS: dict[str, SecretSpec] = {
    spec.name: spec
    for spec in (
        SecretSpec("openai_api_key", ("OPENAI_API_KEY",)),
        SecretSpec("openai_base_url", ("OPENAI_BASE_URL",)),
        SecretSpec("vertex_credentials_file", ("GOOGLE_APPLICATION_CREDENTIALS",)),
        SecretSpec("vertex_project", ("GOOGLE_CLOUD_PROJECT",)),
        SecretSpec("vertex_location", ("GOOGLE_CLOUD_LOCATION", "GOOGLE_CLOUD_REGION")),
        SecretSpec("vertex_bucket", ("NATASHA_STUDIO_GCS_BUCKET",)),
        SecretSpec("yandex_api_key", ("YC_API_KEY",)),
        SecretSpec("yandex_folder_id", ("YC_FOLDER_ID",)),
        SecretSpec("yandex_endpoint", ("NATASHA_STUDIO_YANDEX_ENDPOINT",)),
        SecretSpec("yandex_chat_url", ("NATASHA_STUDIO_YANDEX_CHAT_URL",)),
        SecretSpec("together_api_key", ("TOGETHER_API_KEY",)),
        SecretSpec("together_base_url", ("TOGETHER_BASE_URL",)),
        SecretSpec("fireworks_api_key", ("FIREWORKS_API_KEY",)),
        SecretSpec("fireworks_account_id", ("FIREWORKS_ACCOUNT_ID",)),
        SecretSpec("fireworks_base_url", ("FIREWORKS_BASE_URL",)),
        SecretSpec("fireworks_chat_url", ("NATASHA_STUDIO_FIREWORKS_CHAT_URL",)),
        SecretSpec("telegram_api_id", ("TELEGRAM_API_ID",)),
        SecretSpec("telegram_api_hash", ("TELEGRAM_API_HASH",)),
        SecretSpec("telegram_session"),
        SecretSpec("compatible_api_key"),
    )
}


class SecretStore:
    """Read and write secrets: environment first, then keyring, then this session's memory."""

    def __init__(self) -> None:
        self._session: dict[str, str] = {}
        self._available: bool | None = None

    @property
    def keyring_available(self) -> bool:
        if self._available is None:
            try:
                backend = keyring.get_keyring()
                self._available = getattr(backend, "priority", 0) > 0 and not isinstance(
                    backend, keyring.backends.fail.Keyring)  # type: ignore[attr-defined]
            except Exception:  # any backend failure means we cannot rely on it
                self._available = False
        return self._available

    def get(self, name: str) -> str | None:
        value, _ = self.lookup(name)
        return value

    def source(self, name: str) -> str | None:
        """Where the value comes from: 'env', 'keyring', 'session' or None."""
        return self.lookup(name)[1]

    def lookup(self, name: str) -> tuple[str | None, str | None]:
        spec = SECRETS.get(name, SecretSpec(name))
        for var in spec.env:
            if os.environ.get(var):
                return os.environ[var], "env"
        if self.keyring_available:
            try:
                value = keyring.get_password(SERVICE, name)
            except (KeyringError, OSError) as exc:
                log.warning("keyring read failed for %s: %s", name, type(exc).__name__)
                value = None
            if value:
                return value, "keyring"
        if name in self._session:
            return self._session[name], "session"
        return None, None

    def set(self, name: str, value: str) -> str:
        """Store ``value``; returns 'keyring' or 'session' (when no keyring is usable)."""
        if not value:
            self.delete(name)
            return "keyring" if self.keyring_available else "session"
        if self.keyring_available:
            try:
                keyring.set_password(SERVICE, name, value)
                self._session.pop(name, None)
                return "keyring"
            except (KeyringError, NoKeyringError, OSError) as exc:
                log.warning("keyring write failed for %s: %s", name, type(exc).__name__)
                self._available = False
        self._session[name] = value
        return "session"

    def delete(self, name: str) -> None:
        self._session.pop(name, None)
        if self.keyring_available:
            try:
                keyring.delete_password(SERVICE, name)
            except (PasswordDeleteError, KeyringError, OSError):
                pass


_store: SecretStore | None = None


def secret_store() -> SecretStore:
    """The process-wide secret store."""
    global _store
    if _store is None:
        _store = SecretStore()
    return _store
