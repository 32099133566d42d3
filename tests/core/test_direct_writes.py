"""Bulk writes straight into the project file (rollback journal) when nothing else has the
project open: the same data, the same crash safety, and no effect on a shared project."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from log_mover import moved_after

from natasha_studio.core import store
from natasha_studio.core.dataset.bulk import direct_writes
from natasha_studio.core.errors import ProjectError
from natasha_studio.core.store import Project


def _mode(project):
    return project.conn.execute("PRAGMA journal_mode").fetchone()[0]


def _count(project):
    return project.conn.execute("SELECT count(*) FROM pair_search_dirty").fetchone()[0]


def test_alone_the_block_writes_straight_into_the_file(tmp_path):
    path = tmp_path / "alone.nstudio"
    with Project.create(path, "Наташа") as project:
        with direct_writes(project):
            assert _mode(project) == "delete"
            assert not os.path.exists(f"{path}-wal")
            with project.transaction() as conn:
                conn.executemany("INSERT INTO pair_search_dirty VALUES (?)",
                                 [(i,) for i in range(5000)])
        assert _mode(project) == "wal"
    with Project.open(path) as project:
        assert _count(project) == 5000 and _mode(project) == "wal"


def test_the_log_movers_connection_does_not_keep_the_block_in_wal_mode(tmp_path, monkeypatch):
    """The thread that copies the log into the file has a connection of its own: it is
    closed for the block (leaving WAL mode needs the only connection), and copies again
    after it."""
    from natasha_studio.core import wal

    monkeypatch.setattr(wal, "QUIET_S", 0.05)
    path = tmp_path / "moved.nstudio"
    with Project.create(path, "Наташа") as project:
        # its connection is open now
        assert moved_after(project, lambda: project.set_setting("persona_name", "Наташа И."))
        with direct_writes(project):
            assert _mode(project) == "delete"
            with project.transaction() as conn:
                conn.execute("INSERT INTO pair_search_dirty VALUES (1)")
        assert _mode(project) == "wal"
        assert moved_after(project, lambda: project.set_setting("persona_name", "Наташа"))


def test_shared_in_this_process_the_block_stays_in_wal_mode(tmp_path):
    path = tmp_path / "shared.nstudio"
    with Project.create(path, "Наташа") as project, Project.open(path) as reader:
        with direct_writes(project):
            assert _mode(project) == "wal"
            with project.transaction() as conn:
                conn.execute("INSERT INTO pair_search_dirty VALUES (1)")
            assert _count(reader) == 1


def test_inside_a_transaction_or_disabled_nothing_changes(tmp_path):
    with Project.create(tmp_path / "t.nstudio", "Наташа") as project:
        with project.transaction(), direct_writes(project):
            assert _mode(project) == "wal"
        with direct_writes(project, enabled=False):
            assert _mode(project) == "wal"


HOLDER = textwrap.dedent("""
    import sys, time
    from natasha_studio.core.dataset.bulk import direct_writes
    from natasha_studio.core.store import Project

    project = Project.open(sys.argv[1])
    if sys.argv[2] == "idle":
        print("ready", flush=True)
        time.sleep(60)
    with direct_writes(project), project.transaction() as conn:
        conn.execute("PRAGMA cache_size = 50")  # spill to the file long before the commit
        conn.executemany("INSERT INTO pair_search_dirty VALUES (?)",
                         [(i,) for i in range(1000, 200_000)])
        print(conn.execute("PRAGMA journal_mode").fetchone()[0], flush=True)
        time.sleep(60)
""")


def _start(path, how):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), how],
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.getcwd()})
    return proc, proc.stdout.readline().strip()


def _stop(proc):
    proc.kill()
    proc.wait()
    proc.stdout.close()


def test_another_process_with_the_project_open_keeps_it_in_wal_mode(tmp_path):
    path = tmp_path / "other.nstudio"
    Project.create(path, "Наташа").close()
    proc, line = _start(path, "idle")
    try:
        assert line == "ready"
        with Project.open(path) as project:
            with direct_writes(project):  # does not wait for the other process
                assert _mode(project) == "wal"
    finally:
        _stop(proc)


def test_killed_mid_write_the_project_is_as_it_was_and_busy_meanwhile(tmp_path, monkeypatch):
    path = tmp_path / "killed.nstudio"
    with Project.create(path, "Наташа") as project, project.transaction() as conn:
        conn.executemany("INSERT INTO pair_search_dirty VALUES (?)", [(i,) for i in range(1000)])
    proc, line = _start(path, "write")
    try:
        assert line == "delete"
        assert os.path.exists(f"{path}-journal")
        # While it writes, opening the project says so in plain words.
        monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 50)
        with pytest.raises(ProjectError, match="busy"):
            Project.open(path)
    finally:
        _stop(proc)  # killed outright (SIGKILL), with no chance to clean up
    monkeypatch.undo()
    with Project.open(path) as project:
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _count(project) == 1000
        assert _mode(project) == "wal"
    assert not os.path.exists(f"{path}-journal")
