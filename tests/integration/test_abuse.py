"""Careless or unlucky use: nothing the user already has is lost, and every refusal is plain.

Numbered after the defects they guard against: (1) exports that could replace the project,
(5) refused commands that still wrote, and the rest in the modules named in each section.
"""

from __future__ import annotations

import hashlib
import os
import socket

import pytest
from core.export_fixtures import make_pairs

from natasha_studio.cli import main
from natasha_studio.core.store import Project


def _project(tmp_path, n=12):
    path = tmp_path / "p.nstudio"
    with Project.create(path, "Наташа", "Ты — Наташа.") as project:
        make_pairs(project, n, status_cycle=("approved",))
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshots(path):
    with Project.open(path) as project:
        return project.counts()["snapshots"]


# -- (1) an export never replaces the project, its side files or anything not a file --------


@pytest.mark.parametrize("target", ["p.nstudio", "p.nstudio-wal", "p.nstudio-shm", "link",
                                    "hardlink", "other.nstudio"])
def test_export_never_writes_over_a_project_or_its_files(tmp_path, capsys, target):
    project = _project(tmp_path)
    with Project.create(tmp_path / "other.nstudio", "Другая"):
        pass
    (tmp_path / "link").symlink_to(project)
    os.link(project, tmp_path / "hardlink")
    before = _digest(project)
    rc = main(["export", str(project), "--format", "csv", "--out", str(tmp_path / target)])
    err = capsys.readouterr().err
    assert rc == 1
    assert "project" in err and "Traceback" not in err
    assert _digest(project) == before
    assert (tmp_path / "link").is_symlink()
    assert _snapshots(project) == 0  # refused before anything was frozen
    assert not list(tmp_path.glob("*.part"))


def test_export_refuses_devices_pipes_and_folders(tmp_path, capsys):
    project = _project(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    try:
        for target in ("/dev/null", str(fifo), str(sock_path), str(tmp_path)):
            rc = main(["export", str(project), "--format", "openai", "--out", target])
            err = capsys.readouterr().err
            assert rc == 1 and ("not an ordinary file" in err or "folder" in err), err
    finally:
        sock.close()
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    assert _snapshots(project) == 0


def test_export_refuses_the_app_folders_and_a_part_named_twice(tmp_path, capsys, _isolated_home):
    project = _project(tmp_path)
    rc = main(["export", str(project), "--format", "openai",
               "--out", str(_isolated_home / "data" / "x.jsonl")])
    assert rc == 1 and "own folders" in capsys.readouterr().err
    rc = main(["export", str(project), "--format", "openai", "--out", str(tmp_path / "a.jsonl"),
               "--validation-out", str(tmp_path / "a.jsonl")])
    assert rc == 1 and "named twice" in capsys.readouterr().err
    assert not (tmp_path / "a.jsonl").exists()


def test_export_replaces_a_regular_file_the_user_chose_whole(tmp_path, capsys):
    project = _project(tmp_path)
    out = tmp_path / "train.jsonl"
    out.write_text("old\n")
    out.chmod(0o640)
    assert main(["export", str(project), "--format", "openai", "--out", str(out)]) == 0
    assert out.read_text().count("\n") == 12
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)
    assert not list(tmp_path.glob(".train.jsonl.*"))


def test_a_failed_export_keeps_the_earlier_file(tmp_path, capsys):
    project = _project(tmp_path)
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "train.jsonl"
    out.write_text("earlier\n")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with permissions that ignore a read-only folder")
        rc = main(["export", str(project), "--format", "openai", "--out", str(out)])
        err = capsys.readouterr().err
    finally:
        folder.chmod(0o700)
    assert rc == 1 and "read-only" in err and "Traceback" not in err
    assert out.read_text() == "earlier\n"


# -- (3) a helper never outlives its parent -------------------------------------------------

_HELPER_TARGETS = '''
import time

def flood(tasks, results):
    from natasha_studio.core.dataset.helper import put_result
    while True:
        put_result(results, ("rows", b"x" * (1 << 20)))

def busy(tasks, results):
    from natasha_studio.core.dataset.helper import put_result
    put_result(results, ("started", None))
    while True:
        time.sleep(0.05)

def stuffed_exit(tasks, results):
    # Puts without waiting, then returns: the exit waits on a pipe nobody reads.
    for _ in range(64):
        results.put(("rows", b"x" * (1 << 20)))
'''

_PARENT = '''
import sys, time
import targets
from natasha_studio.core.dataset.helper import start_helper
helper = start_helper(getattr(targets, sys.argv[1]), (), name="t", max_results=1)
print(helper._process.pid, flush=True)
helper._results.get(timeout=60)
print("got", flush=True)
time.sleep(600)
'''


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process states from /proc")
@pytest.mark.parametrize("target", ["flood", "busy", "stuffed_exit"])
def test_helpers_end_within_seconds_of_their_parents_death(tmp_path, target):
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    (tmp_path / "targets.py").write_text(_HELPER_TARGETS)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(root)])}
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, target], stdout=subprocess.PIPE,
                              text=True, env=env)
    try:
        child = int(parent.stdout.readline())
        assert parent.stdout.readline().strip() == "got"
        time.sleep(0.5)  # let the helper block where it blocks
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), f"helper {child} outlived its parent"
    finally:
        parent.kill()


# -- (2) a bulk change and its undo record are one transaction ------------------------------

_KILL_AT_STATEMENT = '''
import os, signal, sys
import natasha_studio.core.store as store
from natasha_studio.cli import main

limit = int(sys.argv[2])
seen = 0
last = ""
_connect = store._connect

def killing_connect(*args, **kwargs):
    conn = _connect(*args, **kwargs)
    def trace(statement):
        global seen, last
        head = statement.lstrip()[:24].upper()
        if head.startswith(("PRAGMA", "SELECT")) or head == last:
            return  # reads, and the rows of one executemany, are not points of interest
        last = head
        seen += 1
        if seen >= limit:
            os.kill(os.getpid(), signal.SIGKILL)
    conn.set_trace_callback(trace)
    return conn

store._connect = killing_connect
main(["pairs", sys.argv[1], "--set-status", "approved"])
print("finished", flush=True)
'''


def _statuses(path):
    with Project.open(path) as project:
        return {r[0] for r in project.conn.execute("SELECT DISTINCT status FROM pairs")}


@pytest.mark.skipif(not hasattr(os, "kill") or os.name != "posix", reason="SIGKILL is POSIX")
def test_undo_after_a_kill_reverts_exactly_the_last_completed_change(tmp_path, capsys):
    import shutil
    import subprocess
    import sys

    base = tmp_path / "base.nstudio"
    with Project.create(base, "Наташа") as project:
        make_pairs(project, 1000, status_cycle=("new",))
    assert main(["pairs", str(base), "--set-status", "rejected"]) == 0  # operation A
    capsys.readouterr()
    outcomes = set()
    for limit in range(1, 80):
        path = tmp_path / f"k{limit}.nstudio"
        shutil.copy(base, path)
        run = subprocess.run([sys.executable, "-c", _KILL_AT_STATEMENT, str(path), str(limit)],
                             capture_output=True, text=True, timeout=120)
        finished = "finished" in run.stdout
        # Operation B either happened whole (with its record) or not at all.
        before_undo = _statuses(path)
        assert before_undo in ({"approved"}, {"rejected"}), (limit, before_undo)
        assert main(["pairs", str(path), "--undo"]) == 0
        capsys.readouterr()
        expected = {"rejected"} if before_undo == {"approved"} else {"new"}
        assert _statuses(path) == expected, (limit, before_undo)
        outcomes.add(before_undo == {"approved"})
        if finished:
            break
    else:
        pytest.fail("the change never finished within the statements counted")
    assert outcomes == {True, False}  # killed before and after its commit, both seen
