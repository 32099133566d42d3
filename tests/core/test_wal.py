"""The write-ahead log is copied into the project file beside the writes, once they stop,
and started over when long; commits never copy it themselves."""

from __future__ import annotations

import os
import sqlite3
import threading
import time

import pytest
from log_mover import until

from natasha_studio.core import wal, writer
from natasha_studio.core.store import Project


def _checkpointer(project: Project) -> wal.Checkpointer:
    return project._checkpointer


def _write(project: Project, n: int) -> None:
    project.set_setting("persona_name", f"Наташа {n}")


def _all_moved(path) -> bool:
    """Whether everything in the log is in the file (asked of a connection of the test's own,
    which copies nothing itself: nothing is left to copy when it says so)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        busy, pages, moved = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    return busy == 0 and pages == moved


def test_commits_leave_the_copy_to_a_quiet_moment(project, monkeypatch):
    monkeypatch.setattr(wal, "QUIET_S", 0.3)
    checkpointer = _checkpointer(project)
    moves = checkpointer.moves
    # Commits keep coming, closer than the quiet time: nothing is copied meanwhile.
    for n in range(12):
        _write(project, n)
        time.sleep(0.05)
    assert checkpointer.moves == moves
    assert os.path.getsize(f"{project.path}-wal") > 0
    # They stop: the log is copied into the file, once.
    assert until(lambda: checkpointer.moves == moves + 1)
    time.sleep(0.4)
    assert checkpointer.moves == moves + 1
    assert _all_moved(project.path)


def test_a_long_log_is_started_over_and_its_file_emptied(project, monkeypatch):
    monkeypatch.setattr(wal, "QUIET_S", 0.05)
    monkeypatch.setattr(wal, "RESTART_PAGES", 1)
    checkpointer = _checkpointer(project)
    for n in range(5):
        _write(project, n)
    assert until(lambda: checkpointer.restarts >= 1)
    assert os.path.getsize(f"{project.path}-wal") == 0
    with Project.open(project.path) as again:
        assert again.get_setting("persona_name") == "Наташа 4"


def test_starting_over_waits_for_a_write_going_on(project, monkeypatch):
    """The log is started over only between writes: while another thread's write holds
    the gate, the checkpointer gives up after a moment and tries again later."""
    monkeypatch.setattr(wal, "QUIET_S", 0.05)
    monkeypatch.setattr(wal, "RESTART_PAGES", 1)
    monkeypatch.setattr(wal, "GATE_WAIT_S", 0.05)
    checkpointer = _checkpointer(project)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with Project.open(project.path) as other, other.transaction():
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    _write(project, 1)
    holder.start()
    try:
        assert held.wait(10)
        write_done = threading.Event()
        threading.Thread(target=lambda: (_write(project, 2), write_done.set())).start()
        time.sleep(0.5)  # the checkpointer copied, then could not take the gate
        assert checkpointer.restarts == 0
        assert not write_done.is_set()  # the write here waits its turn too
    finally:
        release.set()
        holder.join()
    assert write_done.wait(10)
    assert until(lambda: checkpointer.restarts >= 1)
    assert project.get_setting("persona_name") == "Наташа 2"


def test_the_last_connection_to_close_stops_the_thread_and_removes_the_log(tmp_path):
    path = tmp_path / "p.nstudio"
    first = Project.create(path, "Наташа")
    second = Project.open(path)
    _write(second, 1)
    checkpointer = _checkpointer(first)
    assert checkpointer is _checkpointer(second)
    thread = checkpointer._thread
    assert thread is not None and thread.is_alive()
    first.close()
    assert thread.is_alive()  # the other connection still writes through it
    _write(second, 2)
    second.close()
    assert not thread.is_alive()
    assert not os.path.exists(f"{path}-wal")
    with Project.open(path) as again:
        assert again.get_setting("persona_name") == "Наташа 2"


def test_a_gate_taken_with_a_time_limit_gives_up_and_uncounted_turns_stay_uncounted():
    gate = writer.WriteGate()
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        gate.acquire("other")
        taken.set()
        release.wait(10)
        gate.release()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(10)
    started = time.monotonic()
    assert gate.acquire("me", timeout=0.1) is False
    assert time.monotonic() - started == pytest.approx(0.1, abs=0.5)
    assert gate.waiting == 0
    release.set()
    holder.join()
    turns = gate.turns
    assert gate.acquire("me", timeout=1, counted=False) is True
    assert gate.turns == turns
    gate.release()
