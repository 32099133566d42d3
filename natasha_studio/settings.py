"""The app's own settings (not the project's): language, theme, recent projects, geometry.

Kept in an INI file in the app's config folder (see ``paths``), through QSettings so that
window geometry round-trips as Qt expects. Secrets never go here: see ``secrets``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from natasha_studio.paths import app_paths

LANGUAGES = ("system", "ru", "en")
THEMES = ("system", "light", "dark")
MAX_RECENT = 10


def system_language() -> str:
    """'ru' when the system speaks Russian (or a neighbour that reads it), else 'en'."""
    forced = os.environ.get("NATASHA_STUDIO_LANGUAGE")
    if forced in ("ru", "en"):
        return forced
    name = QLocale.system().name().split("_")[0]
    return "ru" if name in ("ru", "uk", "be", "kk", "ky", "uz", "tg", "hy", "az") else "en"


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or app_paths().settings_file
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._q.sync()

    def _get(self, key: str, default: str) -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    # language --------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._get("ui/language", "system")
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value if value in LANGUAGES else "system")

    @property
    def effective_language(self) -> str:
        return system_language() if self.language == "system" else self.language

    # theme -----------------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = self._get("ui/theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._q.setValue("ui/theme", value if value in THEMES else "system")

    # data folder -----------------------------------------------------------------------------
    @property
    def data_folder(self) -> Path:
        value = self._get("paths/data_folder", "")
        return Path(value) if value else app_paths().data_dir / "projects"

    @data_folder.setter
    def data_folder(self, value: Path | str) -> None:
        self._q.setValue("paths/data_folder", str(value))

    # recent projects -------------------------------------------------------------------------
    @property
    def recent_projects(self) -> list[Path]:
        raw = self._q.value("projects/recent", [])
        if isinstance(raw, str):
            raw = [raw]
        return [Path(p) for p in (raw or []) if p]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [p for p in self.recent_projects if p != path]
        self._q.setValue("projects/recent", [str(p) for p in [path, *items][:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        self._q.setValue("projects/recent",
                         [str(p) for p in self.recent_projects if p != path])

    @property
    def last_project(self) -> Path | None:
        value = self._get("projects/last", "")
        return Path(value) if value else None

    @last_project.setter
    def last_project(self, value: Path | None) -> None:
        self._q.setValue("projects/last", str(value) if value else "")

    # window ----------------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._q.value("window/geometry")
        state = self._q.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)

    # generic, for tabs that remember small things (splitter sizes, last choices) ------------
    def value(self, key: str, default: object = None) -> object:
        return self._q.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._q.setValue(key, value)
