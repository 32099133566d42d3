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

    from PySide6.QtWidgets import QApplication

    from natasha_studio.app import create_qapplication
    from natasha_studio.i18n import load_translators
    from natasha_studio.paths import resource
    from natasha_studio.tasks import StudioEventLoop

    app = create_qapplication([sys.argv[0]])
    _step(f"Qt platform: {QApplication.platformName()}")
    for language in ("ru", "en"):
        found = sorted(resource("translations").glob(f"*_{language}.qm"))
        if not found:
            raise RuntimeError(f"no {language} translations in {resource('translations')}")
        if language == "ru" and not load_translators(language):
            raise RuntimeError("Russian translations do not load")
    _step("translations present")
    loop = StudioEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(_visit(app, tmp))
        _step("project closed")
    finally:
        asyncio.set_event_loop(None)
        loop.close()


async def _visit(app, tmp: Path) -> None:
    """Open the window and a project, and show each tab, with the app's loop running.

    Background work the tabs start runs for real; a failure of any of it fails the self-test
    (it would otherwise open a message box and wait for a click).
    """
    import asyncio

    from natasha_studio.core.store import Project
    from natasha_studio.settings import AppSettings
    from natasha_studio.ui.context import AppContext
    from natasha_studio.ui.main_window import TABS, MainWindow
    from natasha_studio.ui.theme import apply_theme

    async def settle(seconds: float = 0.3) -> None:
        deadline = asyncio.get_running_loop().time() + seconds
        while asyncio.get_running_loop().time() < deadline or ctx.tasks.running():
            await asyncio.sleep(0.02)
            if asyncio.get_running_loop().time() > deadline + 60:
                names = ", ".join(t.name for t in ctx.tasks.running())
                raise RuntimeError(f"background work did not finish: {names}")

    ctx = AppContext(AppSettings())
    for theme in ("dark", "light"):
        apply_theme(app, theme)
    window = MainWindow(ctx)
    failures: list[str] = []
    ctx.tasks.task_failed.disconnect(window._on_task_failed)
    ctx.tasks.task_failed.connect(lambda title, message: failures.append(f"{title}: {message}"))
    window.show()
    await settle()
    _step("main window shown")
    project = Project.create(tmp / "self-test.nstudio", "Наташа", "Ты — Наташа.")
    window._set_project(project)
    await settle()
    if window.stack.currentWidget() is not window.tabs_page:
        raise RuntimeError("the tabs did not appear after opening a project")
    _step("temporary project opened")
    for index, (key, _module, _cls) in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        await settle()
        if window.grab().isNull():
            raise RuntimeError(f"tab {key} did not render")
        _step(f"tab {key}: {window.tabs.tabText(index)}")
    if failures:
        raise RuntimeError("background work failed: " + "; ".join(failures))
    window.close_project()
    await settle()
    window.close()
    await ctx.tasks.shutdown()
