#!/usr/bin/env python3
"""Render every view a curator meets offscreen to PNG files, to look at them.

    python scripts/screenshots_all.py OUT_DIR [--lang ru|en] [--theme light|dark]
        [--only STATE ...]

States: ``welcome`` (no project), ``empty`` (a project with nothing imported: every tab),
``persona`` (chats imported, no persona ticked yet), ``report`` (the extraction report of
answers that came too late), ``demo`` (the demo project: every tab and sub-tab) and
``dialogs`` (every dialog, most of them over the demo project). The window is 1280×820.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STATES = ("welcome", "empty", "persona", "report", "demo", "dialogs")


class Shooter:
    """Owns the application, its loop and the window; saves what it is asked to."""

    def __init__(self, out: Path, lang: str, theme: str, tmp: Path) -> None:
        import asyncio

        from screenshots import open_window

        self.asyncio = asyncio
        self.out, self.tmp = out, tmp
        self.suffix = f"{lang}-{theme}"
        self.app, self.loop, self.studio = open_window(theme, "1280x820")
        self.window = self.studio.window
        self.saved: list[Path] = []

    def settle(self, rounds: int = 30) -> None:
        for _ in range(rounds):
            self.loop.run_until_complete(self.asyncio.sleep(0.02))
            self.app.processEvents()

    def wait_tasks(self, limit: float = 60.0) -> None:
        """Until the background work (imports, extraction, reports) has ended."""
        async def idle() -> None:
            waited = 0.0
            while self.window.ctx.tasks.running() and waited < limit:
                await self.asyncio.sleep(0.05)
                waited += 0.05
        self.loop.run_until_complete(idle())
        self.settle()

    def path(self, name: str) -> Path:
        return self.out / f"{name}-{self.suffix}.png"

    def save(self, widget, name: str) -> None:
        target = self.path(name)
        widget.grab().save(str(target))
        self.saved.append(target)

    def window_shot(self, name: str) -> None:
        self.settle()
        self.save(self.window, name)

    def tabs(self, prefix: str) -> None:
        from PySide6.QtWidgets import QTabWidget

        from natasha_studio.ui.main_window import TABS

        window = self.window
        for key in (t[0] for t in TABS):
            window.tabs.setCurrentWidget(window.tab_widgets[key])
            self.window_shot(f"{prefix}-{key}")
            inner = window.tab_widgets[key].findChildren(QTabWidget)
            if inner:
                for index in range(1, inner[0].count()):
                    inner[0].setCurrentIndex(index)
                    self.window_shot(f"{prefix}-{key}-{index}")
                inner[0].setCurrentIndex(0)
        window.tabs.setCurrentIndex(0)

    def modal(self, name: str, trigger: Callable[[], object]) -> None:
        """Call ``trigger``, which opens a modal dialog; save the dialog and close it."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QDialog

        state = {"tries": 0, "saved": False}

        def poll() -> None:
            widget = self.app.activeModalWidget()
            if widget is None:
                state["tries"] += 1
                if state["tries"] > 200:
                    timer.stop()
                    print(f"no dialog for {name}", file=sys.stderr)
                return
            for _ in range(20):
                self.app.processEvents()
            if not state["saved"]:
                self.save(widget, name)
                state["saved"] = True
            else:  # an error shown over the dialog, or a dialog left open: close it too
                print(f"{name}: closing {widget.windowTitle()!r}", file=sys.stderr)
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()

        timer = QTimer()
        timer.setInterval(150)
        timer.timeout.connect(poll)
        timer.start()

        returned: list[bool] = []

        def fire() -> None:
            trigger()
            returned.append(True)

        async def until_returned() -> None:
            while not returned:
                await self.asyncio.sleep(0.05)

        # From the running loop, as a menu action is (dialogs start asyncio tasks), but not
        # inside a task of its own, where their tasks could not take turns.
        QTimer.singleShot(0, fire)
        self.loop.run_until_complete(until_returned())
        timer.stop()
        self.settle(5)

    def close(self) -> None:
        # Quit as the app does: background work stopped, project closed, loop closed (its
        # worker QThreads still running when Python exits would abort the process).
        import faulthandler

        faulthandler.dump_traceback_later(60, exit=True)  # a hung shutdown says where
        for info in self.window.ctx.tasks.running():
            self.window.ctx.tasks.cancel(info.name)
        self.window.close()
        try:
            self.loop.run_until_complete(self.asyncio.wait_for(self.studio.shutdown(), 30))
        except TimeoutError:
            print("the shutdown did not end within 30 s", file=sys.stderr)
        self.loop.close()


def _open(shooter: Shooter, path: Path) -> None:
    shooter.window.open_project(path)
    shooter.wait_tasks()


@contextlib.contextmanager
def _opened(shooter: Shooter, path: Path) -> Iterator[None]:
    """The project at ``path`` open in the window while the block shoots it, closed after."""
    _open(shooter, path)
    yield
    shooter.window.close_project()
    shooter.settle()


def _late_answers_export(folder: Path) -> Path:
    """A club chat where the persona answers, but later than the default window."""
    from natasha_studio.telegram.export.synth import message as m
    from natasha_studio.telegram.export.synth import write_export

    msgs, t = [], 1_700_000_000
    questions = ["Подскажите, с чего начать практику?", "Сколько минут в день достаточно?",
                 "А если утром совсем нет времени?"]
    for i, delay in enumerate([1200, 2400, 9000]):
        msgs.append(m(2 * i + 1, t, "Ольга", "user201", questions[i]))
        msgs.append(m(2 * i + 2, t + delay, "Наташа", "user100", "С трёх минут дыхания утром."))
        t += delay + 500_000
    return write_export(folder / "result.json", "Клуб", "private_supergroup", 4242, msgs)


def shoot_empty(shooter: Shooter) -> None:
    from natasha_studio.core.store import Project

    path = shooter.tmp / "empty.nstudio"
    Project.create(path, "Наташа").close()
    with _opened(shooter, path):
        shooter.tabs("empty")


def shoot_persona(shooter: Shooter) -> None:
    from natasha_studio.core.store import Project
    from natasha_studio.telegram.export.importer import import_exports

    data = Path("/work/shared/data/telegram-exports")
    samples = sorted(data.glob("*.json")) if data.is_dir() else []
    path = shooter.tmp / "imported.nstudio"
    with Project.create(path, "Наташа") as project:
        import_exports(project, samples or [_late_answers_export(shooter.tmp)])
    with _opened(shooter, path):
        shooter.window_shot("persona-sources")


def shoot_report(shooter: Shooter) -> None:
    from natasha_studio.core.dataset.pipeline import run_extraction
    from natasha_studio.core.dataset.settings import set_persona_ids
    from natasha_studio.core.store import Project
    from natasha_studio.telegram.export.importer import import_exports

    path = shooter.tmp / "late.nstudio"
    folder = shooter.tmp / "late"
    folder.mkdir(exist_ok=True)
    with Project.create(path, "Наташа") as project:
        import_exports(project, [_late_answers_export(folder)])
        set_persona_ids(project, [100])
        run_extraction(project)
    with _opened(shooter, path):
        shooter.window_shot("report-sources")


def _demo_path(shooter: Shooter) -> Path:
    path = shooter.tmp / "demo.nstudio"
    if not path.exists():
        from natasha_studio.operations.demo import create_demo_project

        create_demo_project(path).close()
    return path


def shoot_demo(shooter: Shooter) -> None:
    with _opened(shooter, _demo_path(shooter)):
        shooter.tabs("demo")


def shoot_dialogs(shooter: Shooter) -> None:
    from natasha_studio.ui.recovery import RecoveryOffer

    window = shooter.window
    modal = shooter.modal
    # Without a project.
    modal("dialog-new-project", window.new_project)
    modal("dialog-open", window.open_project_dialog)
    modal("dialog-open-export", lambda: window.ask_export_action(Path("result.json")))
    modal("dialog-recovery", lambda: RecoveryOffer(window).ask(Path("Наташа.nstudio")))
    modal("dialog-settings", window.open_settings)
    modal("dialog-shortcuts", window.show_shortcuts)
    modal("dialog-getting-started", window.show_getting_started)
    modal("dialog-about", window.show_about)

    _open(shooter, _demo_path(shooter))
    ctx = window.ctx
    project = ctx.project
    modal("dialog-import", window.import_export)
    modal("dialog-open-export-into", lambda: window.ask_export_action(Path("result.json")))

    pairs = window.tab_widgets["pairs"]
    window.show_tab("pairs")
    shooter.settle()
    pairs.table.selectRow(0)
    shooter.settle()
    modal("dialog-add-pair", pairs.add_pair)
    modal("dialog-topic", pairs.add_topic)
    modal("dialog-replace", pairs.find_and_replace)
    modal("dialog-duplicates", pairs.show_duplicates)

    from natasha_studio.core import export
    from natasha_studio.ui.statistics.snapshot_forms import ExportDialog, FreezeDialog
    from natasha_studio.ui.statistics.snapshots_dialog import SnapshotsDialog

    stats = window.tab_widgets["statistics"]
    modal("dialog-snapshots", lambda: SnapshotsDialog(ctx, stats.current_filter(), window).exec())
    modal("dialog-freeze", lambda: FreezeDialog("v2", stats.current_filter(), window).exec())
    modal("dialog-export", lambda: ExportDialog("v1", window).exec())

    from natasha_studio.core.jobs.confirm import launch_summary
    from natasha_studio.providers.catalog import country_name, provider_info
    from natasha_studio.ui.finetune.confirm_dialog import LaunchConfirmDialog
    from natasha_studio.ui.finetune.providers_dialog import ProviderSettingsDialog
    from natasha_studio.ui.finetune.setup_pages import setup_pages

    snapshots = export.list_snapshots(project)
    if snapshots:
        for kind, label in (("openai", "OpenAI"), ("yandex", "Yandex AI Studio")):
            pre = export.preflight(project, snapshots[0].id, kind, None)
            info = provider_info(kind)
            summary = launch_summary(info, pre, label=label, country=country_name(info.country))
            modal(f"dialog-launch-{kind}",
                  lambda s=summary: LaunchConfirmDialog(s, window).exec())
    from natasha_studio.ui.sources.lexicon import LexiconDialog
    from natasha_studio.ui.statistics.preflight_dialog import PreflightDialog
    from natasha_studio.ui.testchat.dialogs import SessionsDialog
    from natasha_studio.ui.testchat.models_dialog import ModelsDialog

    modal("dialog-lexicon", lambda: LexiconDialog(project, window).exec())
    modal("dialog-models", lambda: ModelsDialog(ctx, window).exec())
    modal("dialog-chat-sessions", lambda: SessionsDialog(project, window).exec())
    if snapshots:
        modal("dialog-preflight", lambda: PreflightDialog(ctx, snapshots[0], window).exec())
    for page in setup_pages():
        modal(f"dialog-provider-{page.kind}",
              lambda k=page.kind: ProviderSettingsDialog(ctx, window, kind=k).exec())
    window.close_project()
    shooter.settle()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--only", action="append", choices=STATES, default=[])
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="natasha-shots-"))
    os.environ["NATASHA_STUDIO_HOME"] = str(tmp / "home")
    os.environ["NATASHA_STUDIO_LANGUAGE"] = args.lang
    args.out.mkdir(parents=True, exist_ok=True)
    shooter = Shooter(args.out, args.lang, args.theme, tmp)
    shooter.window_shot("welcome")
    states = args.only or list(STATES)
    for state, shoot in (("empty", shoot_empty), ("persona", shoot_persona),
                         ("report", shoot_report), ("demo", shoot_demo),
                         ("dialogs", shoot_dialogs)):
        if state in states:
            shoot(shooter)
    print("\n".join(str(p) for p in shooter.saved))
    shooter.close()
    # The pictures are written and the app has shut down as it does on quit; leave without
    # the interpreter's teardown, whose order of freeing the forty dialogs' Qt objects now
    # and then aborted the process ("shared QObject was deleted directly") after all this.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
