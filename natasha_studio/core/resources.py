"""The bundled resources, and which folders are the app's own (no Qt, no I/O of its own).

The resources (translations, the demo, tokenizer files, the price table) lie beside the package
in a checkout and inside the bundle when frozen. The app's own folders (settings, data, logs,
cache) are resolved above the core (``natasha_studio.paths``), which tells them to the core
with :func:`set_app_folders`, so an export can refuse to write into them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

_app_folders: Callable[[], Iterable[Path]] = tuple


def resources_dir() -> Path:
    """The bundled resources: beside the package in a checkout, inside the bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def set_app_folders(folders: Callable[[], Iterable[Path]]) -> None:
    """Tell the core where the app keeps its own files: ``folders()`` is asked each time."""
    global _app_folders
    _app_folders = folders


def app_folders() -> list[Path]:
    """The app's own folders and its resources: nothing the curator chooses is written there."""
    return [*_app_folders(), resources_dir()]
