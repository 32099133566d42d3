"""An edit typed in the Pairs tab survives the process being killed (SIGKILL, or
TerminateProcess on Windows) right after."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from pairs_data import populate

from natasha_studio.core.pairs import get_pair
from natasha_studio.core.store import Project

# How Popen.kill ends a process: SIGKILL on POSIX, TerminateProcess with exit code 1 on Windows.
KILLED = -signal.SIGKILL if os.name == "posix" else 1

CHILD = textwrap.dedent("""
    import sys, time
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from natasha_studio.core.store import Project
    from natasha_studio.secrets import SecretStore
    from natasha_studio.settings import AppSettings
    from natasha_studio.ui.context import AppContext
    from natasha_studio.ui.pairs.tab import PairsTab
    ctx = AppContext(AppSettings(sys.argv[2]), SecretStore())
    ctx.set_project(Project.open(sys.argv[1]))
    tab = PairsTab(ctx)
    tab.resize(1000, 700)
    tab.show()
    while tab.model.rowCount() < 2:  # the table's rows come from its worker thread
        app.processEvents()
        time.sleep(0.01)
    tab.select_row(1)
    editor = tab.detail.answer_editor()
    editor.setFocus()
    editor.insertPlainText("Сохранено до сбоя. ")
    deadline = time.monotonic() + 1.2   # longer than the 500 ms pause before writing
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print(tab.detail.current_pair_id(), flush=True)
    time.sleep(60)
""")


def test_edit_survives_sigkill(tmp_path):
    path = tmp_path / "crash.nstudio"
    with Project.create(path, "Наташа") as project:
        populate(project, 10)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(tmp_path / "s.ini")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip(), "the child did not report the edited pair"
        pair_id = int(line)
    finally:
        child.kill()
        child.wait(10)
    assert child.returncode == KILLED
    time.sleep(0.05)
    with Project.open(path) as project:
        pair = get_pair(project, pair_id)
        assert pair.edited and "Сохранено до сбоя." in pair.answer


BULK_CHILD = textwrap.dedent("""
    import asyncio, sys, time
    from natasha_studio.tasks import StudioEventLoop
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    asyncio.set_event_loop(StudioEventLoop(app))
    from natasha_studio.core import pairs
    from natasha_studio.core.curation import bulk
    from natasha_studio.core.store import Project
    from natasha_studio.secrets import SecretStore
    from natasha_studio.settings import AppSettings
    from natasha_studio.ui.context import AppContext
    from natasha_studio.ui.pairs.tab import PairsTab

    # Small, slow steps, so the process is killed half-way through the change.
    bulk.CHUNK = 10
    steps = []
    def slow(project, ids, status):
        result = pairs.set_status(project, ids, status)
        steps.append(len(ids))
        time.sleep(0.05)
        return result
    bulk.set_status = slow
    ctx = AppContext(AppSettings(sys.argv[2]), SecretStore())
    ctx.set_project(Project.open(sys.argv[1]))
    tab = PairsTab(ctx)
    tab.show()

    async def main():
        while tab.model.rowCount() < 400 or tab.model.is_busy():
            await asyncio.sleep(0.01)
        tab.table.selectAll()
        tab.actions_by_name["approve"].trigger()
        while len(steps) < 5:
            await asyncio.sleep(0.01)
        print("half-way", flush=True)
        await asyncio.sleep(60)

    asyncio.get_event_loop().run_until_complete(main())
""")


def test_bulk_change_killed_half_way_leaves_the_project_as_it_was(tmp_path):
    path = tmp_path / "bulk.nstudio"
    with Project.create(path, "Наташа") as project:
        populate(project, 400)
        before = project.conn.execute("SELECT id, status FROM pairs ORDER BY id").fetchall()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", BULK_CHILD, str(path), str(tmp_path / "s.ini")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        assert child.stdout.readline().strip() == "half-way"
    finally:
        child.kill()
        child.wait(10)
    with Project.open(path) as project:
        after = project.conn.execute("SELECT id, status FROM pairs ORDER BY id").fetchall()
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
