"""Where the app keeps its files, resolved once at start-up.

Everything goes through platformdirs, except when ``NATASHA_STUDIO_HOME`` is set: then config,
data, logs and cache all live under that one folder. Tests and portable installs use it, so
nothing touches the real home folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from natasha_studio import APP_ID
from natasha_studio.core.resources import resource, resources_dir, set_app_folders

__all__ = ["HOME_ENV", "AppPaths", "app_paths", "resource", "resources_dir"]

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


def _own_folders() -> tuple[Path, ...]:
    paths = app_paths()
    return paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir


set_app_folders(_own_folders)
