"""``natasha-studio self-test``: start the real window offscreen and visit every tab.

Runs in a temporary app folder so it never changes the user's settings or recent projects.
Exits 0 when everything works, 1 with a message naming what failed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path


def run_self_test() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="natasha-studio-selftest-") as tmp:
        os.environ["NATASHA_STUDIO_HOME"] = str(Path(tmp) / "home")
        try:
            _run(Path(tmp))
        except Exception as exc:  # report any failure in one line, details below it
            print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
            traceback.print_exc()
            return 1
    print("self-test passed")
    return 0


def _step(text: str) -> None:
    print(f"  ok  {text}", flush=True)


def _run(tmp: Path) -> None:
    import asyncio

    import qasync
    from PySide6.QtWidgets import QApplication

    from natasha_studio.app import create_qapplication
    from natasha_studio.core.store import Project
    from natasha_studio.i18n import load_translators
    from natasha_studio.paths import resource
    from natasha_studio.settings import AppSettings
    from natasha_studio.ui.context import AppContext
    from natasha_studio.ui.main_window import TABS, MainWindow
    from natasha_studio.ui.theme import apply_theme

    app = create_qapplication([sys.argv[0]])
    _step(f"Qt platform: {QApplication.platformName()}")
    for language in ("ru", "en"):
        found = sorted(resource("translations").glob(f"*_{language}.qm"))
        if not found:
            raise RuntimeError(f"no {language} translations in {resource('translations')}")
        if language == "ru" and not load_translators(language):
            raise RuntimeError("Russian translations do not load")
    _step("translations present")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        ctx = AppContext(AppSettings())
        for theme in ("dark", "light"):
            apply_theme(app, theme)
        window = MainWindow(ctx)
        window.show()
        app.processEvents()
        _step("main window shown")
        project = Project.create(tmp / "self-test.nstudio", "Наташа", "Ты — Наташа.")
        window._set_project(project)
        app.processEvents()
        if window.stack.currentWidget() is not window.tabs:
            raise RuntimeError("the tabs did not appear after opening a project")
        _step("temporary project opened")
        for index, (key, _module, _cls) in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            for _ in range(3):
                app.processEvents()
            image = window.grab()
            if image.isNull():
                raise RuntimeError(f"tab {key} did not render")
            _step(f"tab {key}: {window.tabs.tabText(index)}")
        window.close_project()
        app.processEvents()
        window.close()
        loop.run_until_complete(ctx.tasks.shutdown())
        _step("project closed")
    finally:
        asyncio.set_event_loop(None)
        loop.close()
