"""Shared test set-up: nothing touches the real home folder, keyring or network."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Must be set before Qt is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="natasha-studio-test-home-"))
os.environ["NATASHA_STUDIO_HOME"] = str(_SESSION_HOME)
os.environ["NATASHA_STUDIO_LANGUAGE"] = os.environ.get("NATASHA_STUDIO_LANGUAGE", "en")
for _var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "GOOGLE_APPLICATION_CREDENTIALS",
             "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", "TELEGRAM_API_ID",
             "TELEGRAM_API_HASH", "YC_API_KEY", "YC_FOLDER_ID", "YC_IAM_TOKEN", "YC_OAUTH_TOKEN",
             "YC_TOKEN", "YC_API_ENDPOINT", "NATASHA_STUDIO_YANDEX_ENDPOINT",
             "NATASHA_STUDIO_YANDEX_CHAT_URL", "TOGETHER_API_KEY", "TOGETHER_BASE_URL",
             "TOGETHER_PROJECT_ID", "TOGETHER_CUSTOM_HEADERS", "FIREWORKS_API_KEY",
             "FIREWORKS_ACCOUNT_ID", "FIREWORKS_BASE_URL", "FIREWORKS_CUSTOM_HEADERS",
             "NATASHA_STUDIO_FIREWORKS_CHAT_URL"):
    os.environ.pop(_var, None)

import keyring  # noqa: E402
import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
sys.path.insert(0, str(REPO_ROOT / "tests"))

from fakes.memory_keyring import MemoryKeyring  # noqa: E402

keyring.set_keyring(MemoryKeyring())


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Each test gets its own app folders and an empty in-memory keyring."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NATASHA_STUDIO_HOME", str(home))
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    import natasha_studio.paths
    import natasha_studio.secrets

    monkeypatch.setattr(natasha_studio.secrets, "_store", None)
    monkeypatch.setattr(natasha_studio.paths, "_paths", None)
    yield home


@pytest.fixture
def memory_keyring():
    return keyring.get_keyring()


@pytest.fixture
def project(tmp_path):
    from natasha_studio.core.store import Project

    p = Project.create(tmp_path / "test.nstudio", "Наташа", "Ты — Наташа, ведущая сообщества.")
    yield p
    p.close()


@pytest.fixture
def shared_exports() -> Path:
    path = SHARED_DATA / "telegram-exports"
    if not path.exists():
        pytest.fail(f"shared Telegram export samples are missing at {path}")
    return path
