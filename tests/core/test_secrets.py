"""Secrets: keyring first, environment wins, memory only when there is no keyring."""

from __future__ import annotations

import keyring
from keyring.backends import fail

from natasha_studio.secrets import SERVICE, SecretStore


def test_keyring_round_trip(memory_keyring):
    store = SecretStore()
    assert store.keyring_available
    assert store.set("openai_api_key", "sk-test-123") == "keyring"
    assert memory_keyring.get_password(SERVICE, "openai_api_key") == "sk-test-123"
    assert SecretStore().get("openai_api_key") == "sk-test-123"
    assert store.source("openai_api_key") == "keyring"
    store.delete("openai_api_key")
    assert store.get("openai_api_key") is None


def test_environment_wins(monkeypatch):
    store = SecretStore()
    store.set("openai_api_key", "from-keyring")
    monkeypatch.setenv("OPENAI_API_KEY", "from-env")
    assert store.get("openai_api_key") == "from-env"
    assert store.source("openai_api_key") == "env"


def test_without_keyring_values_live_only_in_memory(tmp_path, monkeypatch):
    keyring.set_keyring(fail.Keyring())
    store = SecretStore()
    assert not store.keyring_available
    assert store.set("telegram_api_hash", "abcdef0123456789") == "session"
    assert store.get("telegram_api_hash") == "abcdef0123456789"
    assert store.source("telegram_api_hash") == "session"
    # Nothing was written anywhere on disk under the app's folders.
    home = tmp_path.parent
    for path in home.rglob("*"):
        if path.is_file():
            assert b"abcdef0123456789" not in path.read_bytes()
    assert SecretStore().get("telegram_api_hash") is None
