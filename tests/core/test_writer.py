"""One writer per project: writes of several threads and processes take turns, a long write
pauses for them, and a busy project is said in plain words, never as "database is locked"."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from pairs_data import populate

from natasha_studio.core import pairs, writer
from natasha_studio.core.store import Project
from natasha_studio.core.writer import ProjectBusy

ROOT = Path(__file__).resolve().parents[2]


def _long_write(path: Path, started: threading.Event, stop: threading.Event,
                pausable: bool = True) -> None:
    """A write that holds the project for as long as ``stop`` is not set, in batches."""
    with Project.open(path) as project, project.pausable(pausable), project.transaction() as conn:
        started.set()
        while not stop.is_set():
            conn.execute("UPDATE settings SET value = value WHERE key = 'persona_name'")
            time.sleep(0.002)
            project.pause_point()


def test_an_edit_gets_in_while_a_long_write_runs(project):
    ids = populate(project, 20)
    started, stop = threading.Event(), threading.Event()
    worker = threading.Thread(target=_long_write, args=(project.path, started, stop))
    worker.start()
    try:
        assert started.wait(5)
        waits = []
        for pair_id in ids[:10]:
            t0 = time.perf_counter()
            pairs.set_status(project, [pair_id], "approved")
            waits.append(time.perf_counter() - t0)
        assert worker.is_alive()  # the long write goes on meanwhile
    finally:
        stop.set()
        worker.join(10)
    assert max(waits) < 2.0  # milliseconds in fact (see benchmarks/bench_concurrent_edit.py)
    assert {pairs.get_pair(project, i).status for i in ids[:10]} == {"approved"}


def test_a_write_on_a_second_connection_of_the_same_thread_fails_at_once(project):
    other = Project.open(project.path)
    try:
        t0 = time.perf_counter()
        with project.transaction(), pytest.raises(ProjectBusy) as caught:
            pairs.set_status(other, [1], "approved")
        assert time.perf_counter() - t0 < 1.0
        assert "locked" not in str(caught.value)
    finally:
        other.close()


def test_one_long_action_at_a_time(project):
    with writer.claim(project.path, "extraction"):
        assert writer.busy_file(project.path).exists()
        with pytest.raises(ProjectBusy) as caught, writer.claim(project.path, "extraction"):
            pass
        assert "finding pairs" in caught.value.message
        assert writer.current_claim(project.path).action == "extraction"
    assert not writer.busy_file(project.path).exists()
    assert writer.current_claim(project.path) is None


def test_a_claim_left_by_an_ended_process_is_taken_over(project):
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    writer.busy_file(project.path).write_text(json.dumps(
        {"pid": int(proc.stdout), "action": "import", "since": "2026-01-01T00:00:00Z"}))
    with writer.claim(project.path, "extraction") as held:
        assert held.action == "extraction"


_OTHER = textwrap.dedent("""
    import sys, time
    from natasha_studio.core import writer
    from natasha_studio.core.store import Project
    path, seconds, pausable = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1"
    with writer.claim(path, "import"), Project.open(path) as project, \\
            project.pausable(pausable), project.transaction() as conn:
        print("holding", flush=True)
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            conn.execute("UPDATE settings SET value = value WHERE key = 'persona_name'")
            time.sleep(0.005)
            project.pause_point()
""")


def _other_process(path: Path, seconds: float, pausable: bool) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", _OTHER, str(path), str(seconds),
                             "1" if pausable else "0"], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_write_waits_for_another_process_and_says_what_for(project):
    ids = populate(project, 5)
    notices = []
    writer.set_wait_notice(notices.append)
    proc = _other_process(project.path, 1.0, pausable=False)
    try:
        pairs.set_status(project, ids[:1], "approved")  # waits for the other to finish
    finally:
        writer.set_wait_notice(None)
        proc.wait(10)
    assert pairs.get_pair(project, ids[0]).status == "approved"
    assert len(notices) == 1 and "an import of messages" in notices[0]
    assert not writer.wait_file(project.path).exists()


def test_a_long_write_of_another_process_pauses_for_a_write_here(project):
    ids = populate(project, 5)
    proc = _other_process(project.path, 20.0, pausable=True)
    try:
        t0 = time.perf_counter()
        pairs.set_status(project, ids[:1], "approved")
        waited = time.perf_counter() - t0
        assert proc.poll() is None  # still writing
    finally:
        proc.kill()
        proc.wait(10)
    assert waited < 5.0  # a fraction of a second in fact
    assert pairs.get_pair(project, ids[0]).status == "approved"


def test_giving_up_on_a_busy_project_says_so_in_plain_words(project, monkeypatch):
    populate(project, 2)
    monkeypatch.setattr(writer, "WAIT_S", 0.5)
    proc = _other_process(project.path, 3.0, pausable=False)
    try:
        with pytest.raises(ProjectBusy) as caught:
            pairs.set_status(project, [1], "approved")
    finally:
        proc.wait(10)
    assert "an import of messages" in caught.value.message
    assert "locked" not in str(caught.value)


def test_a_wait_mark_left_behind_slows_a_long_write_only_once(project, monkeypatch):
    monkeypatch.setattr(writer, "HANDOVER_S", 0.2)
    writer.wait_file(project.path).touch()  # as a waiting command killed meanwhile leaves it
    with project.pausable(), project.transaction():
        started = time.perf_counter()
        paused = [project.pause_point() for _ in range(3) if not time.sleep(0.06)]
        took = time.perf_counter() - started
    assert paused == [True, False, False]
    assert not writer.wait_file(project.path).exists()
    assert took < 1.0
