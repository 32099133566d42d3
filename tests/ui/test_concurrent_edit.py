"""Curating while a big extraction writes: every edit lands, none fails as "database is
locked", and the window keeps answering (figures: benchmarks/bench_concurrent_edit.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 60_000  # the benchmark runs 300k; this keeps the suite quick


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_concurrent_edit", ROOT / "benchmarks" / "bench_concurrent_edit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def big_project(tmp_path_factory):
    return _bench().prepare(tmp_path_factory.mktemp("big"), MESSAGES)


def test_the_pairs_tab_edits_while_pairs_are_found(qapp, qloop, ctx, big_project):
    figures = _bench().run(ctx, qloop, big_project, every_ms=250)
    assert not figures["errors"], figures["errors"]
    assert figures["checked_pairs"] >= 3 and not figures["lost"], figures["lost"]
    assert figures["pairs"] > 0
    # Loose: the benchmark prints the real figures (tens of milliseconds).
    assert figures["latency_ms"]["edit"]["max"] < 3000
    assert figures["longest_stall_ms"] < 5000


def test_the_command_line_waits_for_the_window_and_succeeds(ctx, big_project):
    """``pairs --set-status`` while the window finds pairs: it waits its turn, then writes."""
    from natasha_studio.core.store import Project
    from natasha_studio.operations.extraction import extract_again

    project = Project.open(big_project)
    ctx.set_project(project)
    done = threading.Event()

    def extract() -> None:
        with Project.open(big_project) as own:
            extract_again(own)
        done.set()

    worker = threading.Thread(target=extract)
    worker.start()
    try:
        time.sleep(1.0)  # well into the run
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "natasha_studio", "pairs", str(big_project),
             "--chat", "Большое", "--status", "new", "--limit", "1",
             "--set-status", "rejected"],
            cwd=ROOT, capture_output=True, text=True, timeout=300)
        took = time.perf_counter() - started
    finally:
        worker.join(300)
    assert result.returncode == 0, result.stderr
    assert "locked" not in result.stderr
    assert "changed" in result.stdout
    assert done.is_set()
    rejected = project.conn.execute(
        "SELECT count(*) FROM pairs WHERE status = 'rejected'").fetchone()[0]
    assert rejected > 0
    assert took < 120


_HOLDER = """
import sys, time
from natasha_studio.core import writer
from natasha_studio.core.store import Project
path, seconds = sys.argv[1], float(sys.argv[2])
with writer.claim(path, "bulk"), Project.open(path) as project, project.transaction() as conn:
    print("holding", flush=True)
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        conn.execute("UPDATE settings SET value = value WHERE key = 'persona_name'")
        time.sleep(0.005)
"""


def test_an_edit_in_the_window_while_another_command_holds_the_project(
        qtbot, ctx_with_project, monkeypatch):
    """Another process's write that cannot pause (a command changing many pairs): the window
    waits seconds, not a minute, then says what holds the project; nothing is changed, and
    the same key works once the other has finished."""
    from pairs_data import populate
    from pairs_view import shown_pairs_tab
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from natasha_studio.core import writer
    from natasha_studio.core.pairs import get_pair
    from natasha_studio.ui.pairs import tab as pairs_tab

    ctx = ctx_with_project
    populate(ctx.project, 20)
    tab = shown_pairs_tab(qtbot, ctx)
    tab.filter_bar.status.setCurrentIndex(1)  # New
    qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)
    tab.select_row(0)
    tab.table.setFocus()
    pid = tab.detail.current_pair_id()
    errors = []
    monkeypatch.setattr(pairs_tab, "show_error",
                        lambda _parent, title, exc: errors.append((title, exc.message)))

    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(ctx.project.path), "8"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "holding"
        started = time.monotonic()
        QTest.keyClick(tab.table, Qt.Key.Key_A)
        waited = time.monotonic() - started
        assert proc.poll() is None   # the other still holds it
    finally:
        proc.wait(30)
    assert waited < writer.WINDOW_WAIT_S + 2
    assert len(errors) == 1 and "a change of many pairs" in errors[0][1]
    assert "in another window or command" in errors[0][1] and "locked" not in errors[0][1]
    assert get_pair(ctx.project, pid).status == "new" and tab.undo_stack.count() == 0

    tab.select_row(0)
    QTest.keyClick(tab.table, Qt.Key.Key_A)
    assert get_pair(ctx.project, pid).status == "approved" and tab.undo_stack.count() == 1

    # Undo while the other holds it: told, and the step stays on the stack to try again.
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(ctx.project.path), "6"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "holding"
        tab.undo()
    finally:
        proc.wait(30)
    assert [title for title, _ in errors][1:] == ["Nothing was undone"]
    assert get_pair(ctx.project, pid).status == "approved" and tab.undo_stack.index() == 1
    tab.undo()
    assert get_pair(ctx.project, pid).status == "new" and tab.undo_stack.index() == 0
