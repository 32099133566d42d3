#!/usr/bin/env python3
"""Render the main window offscreen to PNG files, to look at what a curator sees.

    python scripts/screenshots.py OUT_DIR [--lang ru|en] [--theme light|dark]
        [--project FILE | --demo] [--tab KEY ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_window(theme: str, size: str):
    """The app with its main window shown at ``size`` ("1280x820") in ``theme``; the language
    and app folders come from the environment. Returns the QApplication, the event loop and
    the StudioApp."""
    import asyncio

    from natasha_studio.app import StudioApp, create_qapplication
    from natasha_studio.settings import AppSettings
    from natasha_studio.tasks import StudioEventLoop

    app = create_qapplication([sys.argv[0]])
    loop = StudioEventLoop(app)
    asyncio.set_event_loop(loop)
    settings = AppSettings()
    settings.theme = theme
    studio = StudioApp(app, settings)
    width, height = (int(v) for v in size.split("x"))
    studio.window.resize(width, height)
    studio.window.show()
    return app, loop, studio


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--project", type=Path)
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--tab", action="append", default=[])
    parser.add_argument("--size", default="1280x820")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="natasha-shots-"))
    os.environ["NATASHA_STUDIO_HOME"] = str(tmp / "home")
    os.environ["NATASHA_STUDIO_LANGUAGE"] = args.lang

    import asyncio

    from PySide6.QtWidgets import QTabWidget

    from natasha_studio.ui.main_window import TABS

    app, loop, studio = open_window(args.theme, args.size)
    window = studio.window
    args.out.mkdir(parents=True, exist_ok=True)

    def settle(rounds: int = 30) -> None:
        for _ in range(rounds):
            loop.run_until_complete(asyncio.sleep(0.02))
            app.processEvents()

    settle()
    suffix = f"{args.lang}-{args.theme}"
    window.grab().save(str(args.out / f"welcome-{suffix}.png"))
    project_path = args.project
    if args.demo:
        from natasha_studio.operations.demo import create_demo_project

        project_path = tmp / "demo.nstudio"
        create_demo_project(project_path).close()
    if project_path is not None:
        window.open_project(project_path)
        settle()
        keys = args.tab or [t[0] for t in TABS]
        for key in keys:
            window.tabs.setCurrentWidget(window.tab_widgets[key])
            settle()
            window.grab().save(str(args.out / f"{key}-{suffix}.png"))
            # A tab's own sub-tabs (Test chat: side by side, blind A/B, held-out, fidelity).
            inner = window.tab_widgets[key].findChildren(QTabWidget)
            if inner:
                for index in range(1, inner[0].count()):
                    inner[0].setCurrentIndex(index)
                    settle()
                    window.grab().save(str(args.out / f"{key}-{index}-{suffix}.png"))
                inner[0].setCurrentIndex(0)
    print("\n".join(sorted(str(p) for p in args.out.glob(f"*{suffix}.png"))))
    # Quit as the app does: the tabs' background work stopped, the project closed, and the
    # loop closed, which stops its worker threads (qasync runs them as QThreads; one still
    # running when Python exits aborts the process).
    window.close()
    loop.run_until_complete(studio.shutdown())
    loop.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
