"""Where the app keeps its files, resolved once at start-up.

Everything goes through platformdirs, except when ``NATASHA_STUDIO_HOME`` is set: then config,
data, logs and cache all live under that one folder. Tests and portable installs use it, so
nothing touches the real home folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from natasha_studio import APP_ID

HOME_ENV = "NATASHA_STUDIO_HOME"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "natasha-studio.log"

    def ensure(self) -> AppPaths:
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def _resolve() -> AppPaths:
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "config", root / "data", root / "logs", root / "cache")
    return AppPaths(
        Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
    )


_paths: AppPaths | None = None


def app_paths() -> AppPaths:
    """The app's folders (created on first use)."""
    global _paths
    if _paths is None or os.environ.get(HOME_ENV) and not str(_paths.config_dir).startswith(
        str(Path(os.environ[HOME_ENV]).expanduser())
    ):
        _paths = _resolve().ensure()
    return _paths


def resources_dir() -> Path:
    """The bundled resources: beside the package in a checkout, inside the bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
