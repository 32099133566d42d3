"""Careless or unlucky use: nothing the user already has is lost, and every refusal is plain.

Numbered after the defects they guard against: (1) exports that could replace the project,
(5) refused commands that still wrote, and the rest in the modules named in each section.
"""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

import pytest
from core.export_fixtures import make_pairs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_the_windows_export_refuses_the_same_targets(tmp_path, _isolated_home):
    # The Export dialog goes straight to the core's export, without the command line's check.
    from natasha_studio.core import export
    from natasha_studio.core.errors import StudioError

    path = _project(tmp_path)
    targets = [path, tmp_path / "p.nstudio-wal", "/dev/null", tmp_path,
               _isolated_home / "data" / "x.jsonl"]
    with Project.open(path) as project:
        snapshot, _ = export.freeze_or_reuse(project)
        before = _digest(path)
        for target in targets:
            with pytest.raises(StudioError) as refused:
                export.export_snapshot(project, snapshot.id, "openai", target)
            assert "Nothing was written" in refused.value.hint, target
        assert _digest(path) == before
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    assert not (_isolated_home / "data" / "x.jsonl").exists()


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


@pytest.mark.parametrize(("errno_name", "said"), [("ENOSPC", "not enough free space"),
                                                  ("EACCES", "read-only"), ("EROFS", "read-only")])
def test_an_export_that_fails_at_the_move_keeps_the_earlier_file(tmp_path, capsys, monkeypatch,
                                                                 errno_name, said):
    # Faults even root meets (the test above needs permissions root ignores): the disk fills
    # up, or the folder turns read-only, just as the finished file is moved into place.
    import errno

    import natasha_studio.core.export.target as target

    project = _project(tmp_path)
    out = tmp_path / "train.jsonl"
    out.write_text("earlier\n")
    code = getattr(errno, errno_name)

    def failing_replace(src, dst):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(target.os, "replace", failing_replace)
    rc = main(["export", str(project), "--format", "openai", "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 1 and said in err.lower() and "Traceback" not in err, err
    assert out.read_text() == "earlier\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".train")] == []


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
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), f"helper {child} outlived its parent"
    finally:
        parent.kill()


_IMPORT_THEN_STALL = '''
import sys, time
import natasha_studio.telegram.export.importer as importer
from natasha_studio.cli import main

importer.HELPER_MIN_BYTES = 0  # read in a helper, as a big export is
store_rows = importer.store_rows

def stalled(*args, **kwargs):
    # The writer falls behind: the helper fills its queue and blocks there (where the
    # orphans of SIGKILLed imports were found waiting).
    print("stalled", flush=True)
    time.sleep(600)
    return store_rows(*args, **kwargs)

importer.store_rows = stalled
main(["import", *sys.argv[1:], "--persona-id", "user2"])
'''


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process states from /proc")
def test_an_import_killed_with_sigkill_leaves_no_helper_behind(tmp_path):
    import json
    import subprocess
    import sys
    import time

    messages = []
    for i in range(1, 40_000, 2):
        messages += _messages(i)
    export = tmp_path / "big.json"
    export.write_text(json.dumps(_chat(91, messages), ensure_ascii=False, indent=1),
                      encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen([sys.executable, "-c", _IMPORT_THEN_STALL,
                               str(tmp_path / "p.nstudio"), str(export)],
                              stdout=subprocess.PIPE, text=True, cwd=root)
    try:
        assert parent.stdout.readline().strip() == "stalled"
        helpers = _children(parent.pid)
        assert helpers, "the import read in no helper"
        time.sleep(1.0)  # let the helper fill its queue and block on it
        assert all(_alive(h) for h in helpers)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 5
        while any(_alive(h) for h in helpers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [h for h in helpers if _alive(h)], "a helper outlived its import"
    finally:
        parent.kill()
        parent.stdout.close()


# -- (2) a bulk change and its undo record are one transaction ------------------------------

_KILL_AT_STATEMENT = '''
import json, os, signal, sys
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
            # SIGKILL; on Windows os.kill ends the process with TerminateProcess.
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
    conn.set_trace_callback(trace)
    return conn

store._connect = killing_connect
main(json.loads(sys.argv[3]))
print("finished", flush=True)
'''


def _kill_at(path, limit, command):
    """Run the command line's ``command`` on a copy, SIGKILLed at its ``limit``-th write
    statement; whether it finished first."""
    import json
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _KILL_AT_STATEMENT, str(path), str(limit),
                          json.dumps(command)], capture_output=True, text=True, timeout=120)
    return "finished" in run.stdout


def _statuses(path):
    with Project.open(path) as project:
        return {r[0] for r in project.conn.execute("SELECT DISTINCT status FROM pairs")}


def test_undo_after_a_kill_reverts_exactly_the_last_completed_change(tmp_path, capsys):
    import shutil

    base = tmp_path / "base.nstudio"
    with Project.create(base, "Наташа") as project:
        make_pairs(project, 1000, status_cycle=("new",))
    assert main(["pairs", str(base), "--set-status", "rejected"]) == 0  # operation A
    capsys.readouterr()
    outcomes = set()
    for limit in range(1, 80):
        path = tmp_path / f"k{limit}.nstudio"
        shutil.copy(base, path)
        finished = _kill_at(path, limit, ["pairs", str(path), "--set-status", "approved"])
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



def _redacted(path):
    """Whether every pair's e-mail address and phone number are redacted (None: some are)."""
    with Project.open(path) as project:
        texts = [r[0] for r in project.conn.execute(
            "SELECT coalesce(turns, turns_original) FROM pairs")]
    def state(original):
        hidden = {original not in text for text in texts}
        return hidden.pop() if len(hidden) == 1 else None
    return state("@mail.ru"), state("+7 916")


def test_undo_of_a_redaction_after_a_kill_reverts_exactly_the_last_completed_one(tmp_path, capsys):
    import shutil

    from natasha_studio.core import pairs as P

    base = tmp_path / "base.nstudio"
    with Project.create(base, "Наташа") as project:
        for i in range(4):
            P.add_pair(project, [P.Turn("user", f"Мой телефон +7 916 123-45-{i:02d}, почта "
                                         f"anna{i}@mail.ru"), P.Turn("assistant", "Спасибо.")])
    assert main(["privacy", str(base), "--redact", "--kinds", "email"]) == 0  # redaction A
    capsys.readouterr()
    assert _redacted(base) == (True, False)
    outcomes = set()
    for limit in range(1, 120, 3):  # every third write statement of redaction B
        path = tmp_path / f"k{limit}.nstudio"
        shutil.copy(base, path)
        finished = _kill_at(path, limit, ["privacy", str(path), "--redact", "--kinds", "phone"])
        before_undo = _redacted(path)
        assert before_undo in ((True, True), (True, False)), (limit, before_undo)
        assert main(["privacy", str(path), "--undo"]) == 0
        capsys.readouterr()
        # B undone where it was completed; A undone where B never was.
        expected = (True, False) if before_undo == (True, True) else (False, False)
        assert _redacted(path) == expected, (limit, before_undo)
        outcomes.add(before_undo)
        if finished:
            break
    else:
        pytest.fail("the redaction never finished within the statements counted")
    assert outcomes == {(True, True), (True, False)}, limit  # killed before and after its commit


# -- (4, 5, 6) imports: every file tried, every skip counted, a refusal changes nothing -------

def _chat(chat_id, messages, name="Сообщество"):
    return {"name": name, "type": "private_supergroup", "id": chat_id, "messages": messages}


def _messages(start=1):
    return [
        {"id": start, "type": "message", "date_unixtime": "1704103200", "from": "Участница",
         "from_id": "user1", "text": "Как начать медитировать?"},
        {"id": start + 1, "type": "message", "date_unixtime": "1704103260", "from": "Наташа",
         "from_id": "user2", "text": "Начните с пяти минут утром.",
         "reply_to_message_id": start},
    ]


def _write(path, document):
    import json

    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _persona_ids(path):
    from natasha_studio.core.dataset.settings import persona_ids

    with Project.open(path) as project:
        return persona_ids(project)


def test_a_multi_chat_export_cut_between_chats_is_reported_not_half_imported(tmp_path, capsys):
    import json

    whole = json.dumps({"chats": {"list": [_chat(11, _messages()), _chat(12, _messages(), "Второй")]}},
                       ensure_ascii=False, indent=1)
    cut = whole[:whole.index('"Второй"') - 40]
    (tmp_path / "result.json").write_text(cut, encoding="utf-8")
    project = tmp_path / "p.nstudio"
    rc = main(["import", str(project), str(tmp_path / "result.json"), "--persona-id", "user2"])
    err = capsys.readouterr().err
    assert rc == 1 and "cut short" in err and "Traceback" not in err
    assert not project.exists()  # refused: the project made for it goes again


def test_every_file_is_tried_and_the_summary_says_what_was_skipped(tmp_path, capsys):
    good = _write(tmp_path / "good.json", _chat(21, _messages()))
    odd = _write(tmp_path / "odd.json", _chat(22, [*_messages(), {"type": "message", "text": "без id"},
                                                  17, "строка", [1, 2]]))
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "x", "messages": [{"id": 1, "text": ', encoding="utf-8")
    project = tmp_path / "p.nstudio"
    rc = main(["import", str(project), str(broken), str(good), str(odd), "--persona-id", "user2"])
    captured = capsys.readouterr()
    assert rc == 3, captured  # some skipped or failed, the rest imported
    assert "broken.json: not imported" in captured.err
    assert "Skipped 1 message without an id" in captured.out
    assert "Skipped 3 non-message elements" in captured.out
    with Project.open(project) as p:
        assert p.counts()["messages"] == 4 and p.counts()["pairs"] == 2
    assert main(["import", str(project), str(good)]) == 0  # nothing new, nothing skipped


def test_a_refused_import_keeps_the_persona_options_unchanged(tmp_path, capsys):
    project = tmp_path / "p.nstudio"
    good = _write(tmp_path / "good.json", _chat(31, _messages()))
    assert main(["import", str(project), str(good), "--persona-id", "user2"]) == 0
    broken = tmp_path / "broken.json"
    broken.write_text("not json", encoding="utf-8")
    before = _digest(project)
    rc = main(["import", str(project), str(broken), "--persona-id", "user1"])
    capsys.readouterr()
    assert rc == 1
    assert _persona_ids(project) == [2]
    assert _digest(project) == before


def test_two_imports_at_once_both_land_without_a_traceback(tmp_path):
    import subprocess
    import sys

    project = tmp_path / "p.nstudio"
    Project.create(project, "Наташа").close()
    exports = []
    for k in range(2):
        messages = []
        for i in range(1, 300, 2):
            messages += _messages(i)
            messages[-2]["text"] = f"Вопрос {k} {i}?"
            messages[-1]["text"] = f"Ответ {k} {i}."
        exports.append(_write(tmp_path / f"e{k}.json", _chat(70 + k, messages, f"Чат {k}")))
    # Two commands in a race used to fail with "UNIQUE constraint failed: pairs.key".
    runs = [subprocess.Popen([sys.executable, "-m", "natasha_studio", "import", str(project),
                              str(export), "--persona-id", "user2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
            for export in exports]
    results = [(run.wait(timeout=180), *run.communicate()) for run in runs]
    for rc, out, err in results:
        assert rc == 0 and "Traceback" not in err and "UNIQUE" not in err, (rc, out, err)
    with Project.open(project) as p:
        assert p.counts()["messages"] == 600 and p.counts()["pairs"] == 300


@pytest.mark.parametrize("message", [
    {"id": 5, "type": "message", "from_id": "user1", "text": "x", "media_type": {"a": 1}},
    {"id": 5, "type": "service", "actor_id": "user1", "action": ["a", "b"], "text": ""},
    {"id": 2**63 + 5, "type": "message", "from_id": "user1", "text": "x"},
    {"id": 5, "type": "message", "date_unixtime": str(2**70), "from_id": f"user{2**65}",
     "reply_to_message_id": 2**64, "forwarded_from_id": f"channel{2**63}", "text": "x"},
    {"id": 5, "type": "message", "from_id": "user1", "text": {"text": "объект"},
     "edited_unixtime": 2**66, "date": ["2024"]},
])
def test_unexpected_values_are_stored_as_text_or_skipped_never_a_traceback(tmp_path, capsys, message):
    export = _write(tmp_path / "e.json", {**_chat(2**64, [*_messages(), message]), "name": ["а", "б"]})
    project = tmp_path / "p.nstudio"
    rc = main(["import", str(project), str(export), "--persona-id", "user2"])
    captured = capsys.readouterr()
    assert rc in (0, 3) and "Traceback" not in captured.err, captured
    with Project.open(project) as p:
        assert p.counts()["messages"] in (2, 3)
        assert p.conn.execute("SELECT name FROM chats").fetchone()[0] == "а б"


# -- (6) any value in any field: stored as text or skipped and counted ----------------------

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["user1", "user2", "channel5", "chat7", "1704103200", "2024-01-01T10:00:00",
                     "photo", "service", "message", "topic_created"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
_FIELDS = ["id", "type", "date", "date_unixtime", "from", "from_id", "actor", "actor_id",
           "action", "text", "text_entities", "reply_to_message_id", "reply_to_peer_id",
           "media_type", "photo", "file", "forwarded_from", "forwarded_from_id", "author",
           "via_bot", "edited", "edited_unixtime", "title"]
_MESSAGE = st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=10)
_ELEMENT = st.one_of(_MESSAGE, _MESSAGE, _MESSAGE, _SCALARS)
_HEADER = st.dictionaries(st.sampled_from(["name", "type", "id"]), _VALUES, max_size=3)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(header=_HEADER, elements=st.lists(_ELEMENT, max_size=12), indent=st.sampled_from([None, 1]))
def test_random_exports_import_without_a_traceback_and_the_counts_add_up(tmp_path_factory, header,
                                                                          elements, indent):
    import json

    from natasha_studio.telegram.export.importer import import_exports

    folder = tmp_path_factory.mktemp("random")
    export = folder / "result.json"
    export.write_text(json.dumps({**header, "messages": elements}, ensure_ascii=False,
                                 indent=indent), encoding="utf-8")
    with Project.create(folder / "p.nstudio", "Наташа") as project:
        report = import_exports(project, [export])
    (entry,) = report.files
    assert entry.error is None, str(entry.error)
    (chat,) = entry.chats
    objects = sum(isinstance(e, dict) for e in elements)
    assert chat.unreadable == len(elements) - objects
    assert chat.seen + chat.no_id == objects
    with Project.open(folder / "p.nstudio") as project:
        assert project.counts()["messages"] == chat.added <= chat.seen


# -- (6, 7) the disk and the project file: plain words, in both languages --------------------

def _damage(path):
    """Overwrite a page in the middle of the file, as a failing disk would."""
    with Project.open(path) as project:
        pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
        size = project.conn.execute("PRAGMA page_size").fetchone()[0]
    assert pages > 4
    with open(path, "r+b") as fh:
        fh.seek(size * (pages // 2))
        fh.write(b"\xa5" * size)


def test_a_damaged_project_opens_read_only_and_nothing_writes_into_it(tmp_path, capsys):
    path = tmp_path / "p.nstudio"
    with Project.create(path, "Наташа") as project:
        make_pairs(project, 300, status_cycle=("new",))
    _damage(path)
    before = _digest(path)
    # A command that only reads still works, and says what it found (it said nothing).
    for command in (["info", str(path)], ["pairs", str(path), "--status", "new", "--limit", "3"]):
        rc = main(command)
        captured = capsys.readouterr()
        assert rc == 0 and "pairs" in captured.out.lower(), captured
        assert "damaged" in captured.err and "recover" in captured.err, (command, captured)
    rc = main(["pairs", str(path), "--set-status", "approved"])
    err = capsys.readouterr().err
    assert rc == 1 and "damaged" in err and "recover" in err and "Traceback" not in err
    rc = main(["export", str(path), "--format", "csv", "--status", "new",
               "--out", str(tmp_path / "x.csv")])
    err = capsys.readouterr().err
    assert rc == 1 and "damaged" in err and "Traceback" not in err
    exports = [_write(tmp_path / f"e{k}.json", _chat(61 + k, _messages())) for k in range(3)]
    rc = main(["import", str(path), *map(str, exports), "--persona-id", "user2"])
    err = capsys.readouterr().err
    assert rc == 1 and err.count("is damaged") == 1, err  # said once, not once a file
    assert "Traceback" not in err
    assert _digest(path) == before


def test_a_read_only_project_is_reported_as_read_only_not_damaged(tmp_path, capsys, monkeypatch):
    import natasha_studio.core.store as store

    path = _project(tmp_path)
    assert main(["pairs", str(path), "--set-status", "new"]) == 0  # something for --undo to undo
    capsys.readouterr()
    connect = store._connect
    # What the operating system does to a file without write permission (as root, chmod
    # alone would not stop the write): SQLite opens it for reading only.
    monkeypatch.setattr(store, "_connect", lambda p, readonly=False: connect(p, readonly=True))
    for command in (["pairs", str(path), "--set-status", "rejected"], ["pairs", str(path), "--undo"],
                    ["export", str(path), "--format", "csv", "--status", "new",
                     "--out", str(tmp_path / "x.csv")]):
        rc = main(command)
        err = capsys.readouterr().err
        assert rc == 1 and "read-only" in err and "damaged" not in err, (command, err)
        assert "Traceback" not in err


_IMPORT_READ_ONLY = '''
import sys
import natasha_studio.core.store as store
from natasha_studio.cli import main

connect = store._connect
store._connect = lambda p, readonly=False: connect(p, readonly=True)
sys.exit(main(["import", *sys.argv[1:], "--persona-id", "user1"]))
'''


def test_an_import_into_a_read_only_project_names_the_project_without_a_traceback(tmp_path):
    import subprocess
    import sys

    path = _project(tmp_path)
    export = _write(tmp_path / "e.json", _chat(51, _messages()))
    second = _write(tmp_path / "f.json", _chat(52, _messages()))
    before = _digest(path)
    # Its own process, as the user runs it: what reaches the terminal is what is checked.
    run = subprocess.run([sys.executable, "-c", _IMPORT_READ_ONLY, str(path), str(export),
                          str(second)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run
    assert "Traceback" not in run.stderr and "readonly database" not in run.stderr, run.stderr
    assert "p.nstudio is read-only" in run.stderr, run.stderr
    assert "e.json is read-only" not in run.stderr
    assert "f.json" in run.stderr  # every file was tried and is named
    assert _digest(path) == before
    assert _persona_ids(path) == []


def test_an_import_into_a_read_only_project_says_so_once(tmp_path, capsys, monkeypatch):
    import natasha_studio.core.storage as storage

    path = _project(tmp_path)
    exports = [_write(tmp_path / f"e{k}.json", _chat(81 + k, _messages())) for k in range(3)]
    before = _digest(path)
    access = os.access
    # A file without write permission for this user (root ignores permissions).
    monkeypatch.setattr(storage.os, "access", lambda p, mode: access(p, mode) and
                        (Path(p) != path or not mode & os.W_OK))
    rc = main(["import", str(path), *map(str, exports), "--persona-id", "user2"])
    err = capsys.readouterr().err
    assert rc == 1 and err.count("p.nstudio is read-only") == 1, err
    assert _digest(path) == before


def test_a_full_disk_is_reported_as_such_and_the_import_is_undone(tmp_path):
    from natasha_studio.telegram.export.importer import import_exports

    export = _write(tmp_path / "e.json", _chat(41, [
        {"id": i, "type": "message", "date_unixtime": str(1704103200 + i), "from_id": "user1",
         "text": "длинный текст " * 200} for i in range(1, 400)]))
    with Project.create(tmp_path / "p.nstudio", "Наташа") as project:
        pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
        # The disk "fills up" a few pages on: SQLite answers as it does on a full disk.
        project.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        report = import_exports(project, [export])
        (entry,) = report.files
        assert entry.error is not None and "Not enough free space" in str(entry.error)
        assert report.outcome == "failed"
        assert project.counts()["messages"] == 0


def _io_error(extended_code):
    import sqlite3

    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode, exc.sqlite_errorname = extended_code, "SQLITE_IOERR"
    return exc


def test_a_disk_too_full_for_the_shared_memory_file_is_a_full_disk_not_an_io_error(tmp_path,
                                                                                  monkeypatch):
    import natasha_studio.core.storage as storage

    path = tmp_path / "p.nstudio"
    # What SQLite said on a disk with 8 KB left, even to `info` (seen on a 3 MB tmpfs):
    # it could not grow p.nstudio-shm.
    shm = storage.storage_error(_io_error(4874), path)  # SQLITE_IOERR_SHMSIZE
    assert "Not enough free space" in str(shm) and "I/O" not in str(shm)
    monkeypatch.setattr(storage, "free_megabytes", lambda _path: 2)
    assert "Not enough free space" in str(storage.storage_error(_io_error(778), path))  # _WRITE
    monkeypatch.setattr(storage, "free_megabytes", lambda _path: 50_000)
    # With room on the disk, an I/O error is the disk's own: it is not called full.
    assert "Not enough free space" not in str(storage.storage_error(_io_error(778), path))


def test_a_project_busy_elsewhere_is_reported_plainly(tmp_path, capsys, monkeypatch):
    import sqlite3

    import natasha_studio.core.store as store

    path = _project(tmp_path)
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        rc = main(["pairs", str(path), "--set-status", "rejected"])
        err = capsys.readouterr().err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert rc == 1 and ("in use" in err or "busy" in err) and "Traceback" not in err, err


def test_storage_errors_speak_plainly_in_russian_too(tmp_path):
    import sqlite3

    from natasha_studio.core.storage import storage_error
    from natasha_studio.i18n import install_cli_translation

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (k TEXT UNIQUE)")
    conn.execute("INSERT INTO t VALUES ('a')")
    with pytest.raises(sqlite3.IntegrityError) as caught:
        conn.execute("INSERT INTO t VALUES ('a')")
    english = str(storage_error(caught.value, tmp_path / "p.nstudio"))
    assert "changed by another window" in english and "UNIQUE" not in english
    try:
        install_cli_translation("ru")
        russian = str(storage_error(OSError(28, "No space left on device"), tmp_path / "p.nstudio"))
        read_only = str(storage_error(sqlite3.OperationalError("attempt to write a readonly database"),
                                      tmp_path / "p.nstudio"))
    finally:
        install_cli_translation("en")
    assert "места" in russian and "только для чтения" in read_only


def test_a_read_only_folder_is_named_as_the_folder_in_both_languages(tmp_path, monkeypatch):
    import sqlite3

    import natasha_studio.core.storage as storage
    from natasha_studio.i18n import install_cli_translation

    path = _project(tmp_path)
    access = os.access
    # What a user without write permission on the folder (root ignores it) is told by the OS.
    monkeypatch.setattr(storage.os, "access", lambda p, mode: access(p, mode) and
                        (Path(p) != tmp_path or not mode & os.W_OK))
    error = sqlite3.OperationalError("attempt to write a readonly database")
    english = str(storage.storage_error(error, path))
    try:
        install_cli_translation("ru")
        russian = str(storage.storage_error(error, path))
    finally:
        install_cli_translation("en")
    assert english.startswith("The folder of the project p.nstudio is read-only"), english
    assert russian.startswith("Папка проекта p.nstudio открыта только для чтения"), russian


def test_info_on_a_read_only_folder_or_a_full_disk_is_not_called_damaged(tmp_path, capsys,
                                                                         monkeypatch):
    import sqlite3

    import natasha_studio.core.storage as storage
    import natasha_studio.core.store as store

    path = _project(tmp_path)
    connect = store._connect
    access = os.access
    failure = {}

    def failing_connect(p, readonly=False):
        if failure:
            exc = sqlite3.OperationalError(failure["text"])
            exc.sqlite_errorcode = failure["code"]
            raise exc
        return connect(p, readonly=readonly)

    monkeypatch.setattr(store, "_connect", failing_connect)
    # What SQLite answers where it cannot make its shared-memory file beside the project.
    failure.update(text="unable to open database file", code=sqlite3.SQLITE_CANTOPEN)
    monkeypatch.setattr(storage.os, "access", lambda p, mode: access(p, mode) and
                        (Path(p) != tmp_path or not mode & os.W_OK))
    assert main(["info", str(path)]) == 1
    err = capsys.readouterr().err
    assert "folder of the project p.nstudio is read-only" in err and "damaged" not in err, err
    monkeypatch.setattr(storage.os, "access", access)
    failure.update(text="disk I/O error", code=4874)  # SQLITE_IOERR_SHMSIZE
    assert main(["info", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Not enough free space" in err and "damaged" not in err, err


def test_a_damaged_project_can_be_recovered_into_a_new_file(tmp_path, capsys):
    path = tmp_path / "p.nstudio"
    with Project.create(path, "Наташа") as project:
        make_pairs(project, 300, status_cycle=("approved",))
    _damage(path)
    before = _digest(path)
    out = tmp_path / "p-recovered.nstudio"
    rc = main(["recover", str(path), "--out", str(out)])
    captured = capsys.readouterr()
    assert rc == 0 and "Recovered into" in captured.out, captured
    assert _digest(path) == before
    with Project.open(out) as recovered:
        assert recovered.persona_name == "Наташа"
        assert 0 < recovered.counts()["pairs"] <= 300
        assert recovered.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert main(["pairs", str(out), "--set-status", "new"]) == 0


# -- (9) training files of a check live in a private folder and go when it ends ---------------

def test_preflight_files_are_private_and_removed_when_the_check_ends(tmp_path, monkeypatch):
    import stat
    import tempfile
    import time

    from natasha_studio.core import export
    from natasha_studio.core.export.operations import PREFLIGHT_PREFIX

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    stale = tmp_path / "tmp" / f"{PREFLIGHT_PREFIX}old"
    stale.mkdir()
    (stale / "snapshot-1-train.jsonl").write_text("{}\n")
    os.utime(stale, (time.time() - 3 * 86400,) * 2)
    with Project.create(tmp_path / "p.nstudio", "Наташа", "Ты — Наташа.") as project:
        make_pairs(project, 30, status_cycle=("approved",))
        snapshot, _ = export.freeze_or_reuse(project)
        pre = export.preflight(project, snapshot.id, "openai", check_privacy=False)
        folder = pre.temporary_dir
        assert pre.train_path.parent == folder and pre.train_path.exists()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert not stale.exists()  # a check cut short earlier left it: swept
        pre.discard()
        assert not folder.exists()
        with pytest.raises(KeyError):  # fails after making its folder: the folder goes too
            export.preflight(project, snapshot.id, "no-such-provider", check_privacy=False)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_local_job_id_from_a_crafted_project_never_reaches_outside_the_jobs_folder(tmp_path):
    import asyncio

    from natasha_studio.core.errors import StudioError
    from natasha_studio.local.provider import LocalProvider

    jobs = tmp_path / "local-jobs"
    jobs.mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    provider = LocalProvider(jobs_root=jobs)
    for crafted in ("../elsewhere", str(outside), "local-1/../../elsewhere", "local-..", ""):
        with pytest.raises(StudioError, match="did not make"):
            asyncio.run(provider.cancel_job(crafted))
        with pytest.raises(StudioError, match="did not make"):
            asyncio.run(provider.poll_job(crafted, {}))
    assert list(outside.iterdir()) == [] and list(jobs.iterdir()) == []
    assert provider.job_dir("local-20270101-120000-abc123") == jobs / "local-20270101-120000-abc123"


# -- (8) any valid JSON layout is read, in linear time and bounded memory --------------------

def _layouts(tmp_path, messages):
    import json

    import orjson

    head = {"name": "Сообщество", "type": "private_supergroup", "id": 77}
    files = {"telegram": json.dumps({**head, "messages": messages}, ensure_ascii=False, indent=1),
             "minified": orjson.dumps({**head, "messages": messages}).decode()}
    lines = ",\n".join(orjson.dumps(m).decode() for m in messages)
    files["one-line"] = orjson.dumps(head).decode()[:-1] + ',"messages":[\n' + lines + "\n]}"
    files["one-line, indented"] = (orjson.dumps(head).decode()[:-1] + ',"messages": [\n  '
                                   + lines.replace("\n", "\n  ") + "\n ]\n}")
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize("chunk", [64, 4096, 1 << 22])
def test_every_layout_reads_the_same_messages(tmp_path, chunk):
    from natasha_studio.telegram.export.reader import ExportReader

    messages = [{"id": i, "type": "message", "from_id": f"user{i % 3}",
                 "text": [{"type": "bold", "text": f"жирный {i}"}, ' и "кавычки" } ] , {']
                 if i % 2 else f'текст {i} \\ " {{'} for i in range(1, 200)]
    messages.insert(50, 17)  # not a message: skipped and counted in every layout
    results = {}
    for name, path in _layouts(tmp_path, messages).items():
        reader = ExportReader(path, chunk_size=chunk)
        got = [m for chat in reader.chats() for batch in chat.batches for m in batch]
        results[name] = (got, reader.skipped)
    expected = ([m for m in messages if isinstance(m, dict)], 1)
    for name, result in results.items():
        assert result == expected, name


def test_one_long_text_costs_a_small_multiple_of_its_size(tmp_path):
    import tracemalloc

    from natasha_studio.telegram.export.reader import ExportReader

    text = "Очень длинный ответ. " * 300_000  # 6 million characters, 11 MB of UTF-8
    path = tmp_path / "long.json"
    path.write_text('{"name":"x","type":"private_supergroup","id":1,"messages":[{"id":1,'
                    '"type":"message","from_id":"user1","text":"' + text + '"}]}', encoding="utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        reader = ExportReader(path, chunk_size=1 << 20)
        (message,) = [m for chat in reader.chats() for batch in chat.batches for m in batch]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message["text"] == text
    assert peak < 8 * size, f"{peak / size:.1f} bytes of memory per byte of file"
