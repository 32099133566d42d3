"""One writer per project: who may write now, what is writing, and waiting in plain words.

Every write transaction of a project (``Project.transaction``) passes through the project's
``WriteGate`` in this process: one transaction at a time, taken in the order asked for, so
two threads never meet in SQLite's lock (where one would wait blind and then fail with
"database is locked"). A long write (an import, an extraction) marks itself ``pausable`` and
calls ``Project.pause_point()`` between batches: when someone waits, it commits what it has
written, lets the waiting writer in and goes on, so a curator's edit waits milliseconds.

Across processes (the command line while the window is open, two windows) SQLite's lock
still decides. A writer that finds the project locked by another process leaves a
``<project>-wait`` file (which tells that process's long write to pause), says once what it
waits for, and gives up after ``WAIT_S`` with a ``ProjectBusy`` that names what is writing
(the window's thread, which can show nothing while it waits, after ``WINDOW_WAIT_S``).
What is writing is known from ``claim``: the long actions (import, extraction) hold a claim
in this process and a ``<project>-busy`` file for others; one such action runs at a time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from natasha_studio.core.errors import ProjectError
from natasha_studio.core.i18n import translate

# How long a writer waits for another process's write before it says the project is busy.
WAIT_S = 60.0
# How long the window's thread waits at most: it can show nothing while it waits, and another
# process's long write hands over within HANDOVER_S. Past this, the curator is told what holds
# the project and nothing is changed.
WINDOW_WAIT_S = 3.0
# How long a long write, having paused for another process, waits for it to take its turn.
HANDOVER_S = 2.0
# For this long after another writer came in, a long write lets go of the project while it
# computes (see Project.not_writing): the curator's next edit is likely near.
LATELY_S = 2.0


class ProjectBusy(ProjectError):
    """Another action holds the project: a long one of the same kind, or another process."""


# -- what is writing ----------------------------------------------------------------------------


def action_label(action: str) -> str:
    """An action's name as the curator reads it."""
    labels = {
        "import": translate("Writer", "an import of messages"),
        "extraction": translate("Writer", "finding pairs"),
        "fetch": translate("Writer", "a fetch from Telegram"),
        "bulk": translate("Writer", "a change of many pairs"),
        "redaction": translate("Writer", "replacing personal data"),
        "learning": translate("Writer", "scoring pairs again"),
    }
    return labels.get(action, action)


@dataclass(frozen=True)
class Claim:
    action: str
    pid: int
    since: str  # ISO time, UTC
    here: bool  # held by this process

    def describe(self) -> str:
        where = (translate("Writer", "in this window") if self.here
                 else translate("Writer", "in another window or command (process {pid})").format(
                     pid=self.pid))
        started = _local_time(self.since)
        return translate("Writer", "{action} {where}, started at {time}").format(
            action=action_label(self.action), where=where, time=started)


def _local_time(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.astimezone().strftime("%H:%M")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def file_key(path: Path | str) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def busy_file(path: Path | str) -> Path:
    return Path(f"{path}-busy")


def wait_file(path: Path | str) -> Path:
    return Path(f"{path}-wait")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


_claims: dict[str, Claim] = {}
_claims_lock = threading.Lock()


def _read_busy_file(path: Path) -> Claim | None:
    try:
        data = json.loads(busy_file(path).read_text(encoding="utf-8"))
        pid = int(data["pid"])
        claim = Claim(str(data["action"]), pid, str(data.get("since", "")), False)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid == os.getpid() or not _alive(pid):
        return None  # left behind by a process that ended (or ours, known from _claims)
    return claim


def current_claim(path: Path | str) -> Claim | None:
    """The long action running on the project, here or in another process (None: none)."""
    with _claims_lock:
        claim = _claims.get(file_key(path))
    return claim or _read_busy_file(Path(path))


@contextlib.contextmanager
def claim(path: Path | str, action: str, *, wait_s: float = 0.0,
          on_wait: Callable[[Claim], None] | None = None) -> Iterator[Claim]:
    """Hold the project for the long action ``action`` for the block.

    One long action (import, extraction) runs on a project at a time, across processes: while
    another holds it, this waits up to ``wait_s`` seconds (telling ``on_wait`` once what it
    waits for), then raises ``ProjectBusy`` naming it.
    """
    key = file_key(path)
    mine = Claim(action, os.getpid(), _now(), True)
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        other = _take(key, Path(path), mine)
        if other is None:
            break
        if time.monotonic() >= deadline:
            raise busy_error(Path(path), other)
        if on_wait is not None and not told:
            on_wait(other)
            told = True
        time.sleep(0.05)
    try:
        yield mine
    finally:
        with _claims_lock:
            if _claims.get(key) is mine:
                del _claims[key]
        with contextlib.suppress(OSError):
            if _read_own_busy_file(Path(path)):
                busy_file(path).unlink()


def _read_own_busy_file(path: Path) -> bool:
    try:
        return int(json.loads(busy_file(path).read_text(encoding="utf-8"))["pid"]) == os.getpid()
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _take(key: str, path: Path, mine: Claim) -> Claim | None:
    """Take the claim; returns the one that holds it instead, if any."""
    with _claims_lock:
        held = _claims.get(key)
        if held is not None:
            return held
        other = _read_busy_file(path)
        if other is not None:
            return other
        record = json.dumps({"pid": mine.pid, "action": mine.action, "since": mine.since})
        target = busy_file(path)
        try:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()  # left by a process that ended
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            other = _read_busy_file(path)
            if other is not None:
                return other
        except OSError:
            pass  # a read-only folder: other processes are not told, this one still is
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(record)
        _claims[key] = mine
        return None


def busy_error(path: Path, claim: Claim | None) -> ProjectBusy:
    name = Path(path).name
    if claim is None:
        return ProjectBusy(
            translate("Writer", "The project {name} is busy: another window or command is "
                      "writing to it.").format(name=name),
            translate("Writer", "Try again when it has finished. Nothing was changed."))
    return ProjectBusy(
        translate("Writer", "The project {name} is busy: {what}.").format(
            name=name, what=claim.describe()),
        translate("Writer", "Try again when it has finished, or stop it there. Nothing was "
                  "changed."))


# -- waiting for another process ----------------------------------------------------------------

# Called once per wait with the message to show (the command line prints it; the window's
# thread cannot show anything while it waits, and waits little: long writes pause for it).
_wait_notice: Callable[[str], None] | None = None


def set_wait_notice(notice: Callable[[str], None] | None) -> None:
    global _wait_notice
    _wait_notice = notice


_brief_threads: set[int] = set()


def wait_briefly_here() -> None:
    """Writes from the calling thread (the window's) wait ``WINDOW_WAIT_S`` at most for
    another process, instead of ``WAIT_S``."""
    _brief_threads.add(threading.get_ident())


def wait_limit() -> float:
    """How long a write from this thread waits for another process's write."""
    return WINDOW_WAIT_S if threading.get_ident() in _brief_threads else WAIT_S


def waiting_message(path: Path) -> str:
    claim = current_claim(path)
    what = claim.describe() if claim is not None else translate(
        "Writer", "another window or command is writing to it")
    return translate("Writer", "The project {name} is busy: {what}. Waiting for its turn…").format(
        name=Path(path).name, what=what)


def notify_waiting(path: Path) -> None:
    if _wait_notice is not None:
        _wait_notice(waiting_message(path))


def mark_waiting(path: Path) -> None:
    """Tell another process's long write that a writer here waits (see ``Project.pause_point``)."""
    with contextlib.suppress(OSError):
        wait_file(path).touch()


def unmark_waiting(path: Path) -> None:
    with contextlib.suppress(OSError):
        wait_file(path).unlink()


# -- the gate within a process ------------------------------------------------------------------


class WriteGate:
    """The one writer of a project file in this process, taken in the order asked for.

    Re-entrant for the thread that holds it. ``waiting`` counts the threads waiting for it:
    a long write reads it between batches to know when to pause.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._owner: int | None = None
        self._depth = 0
        self._queue: deque[object] = deque()  # waiting threads' tokens, first come first
        self.holder: object | None = None  # the Project whose transaction holds it
        self.turns = 0  # how many times it was taken

    @property
    def waiting(self) -> int:
        return len(self._queue)

    def acquire(self, holder: object, *, timeout: float | None = None,
                counted: bool = True) -> bool:
        """Take the gate, waiting in turn; with ``timeout``, give up after that many seconds
        (returns False). ``counted=False``: a turn that writes nothing a long write should
        know of (see ``turns``)."""
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return True
            token = object()
            self._queue.append(token)
            deadline = None if timeout is None else time.monotonic() + timeout
            try:
                while self._owner is not None or self._queue[0] is not token:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        self._queue.remove(token)
                        self._cond.notify_all()
                        return False
                    self._cond.wait(left)
            except BaseException:
                self._queue.remove(token)
                self._cond.notify_all()
                raise
            self._queue.popleft()
            self._owner = me
            self._depth = 1
            self.holder = holder
            if counted:
                self.turns += 1
            return True

    def release(self) -> None:
        with self._cond:
            if self._owner != threading.get_ident():
                raise RuntimeError("the write gate is released by a thread that does not hold it")
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self.holder = None
                self._cond.notify_all()

    def held_here(self) -> bool:
        return self._owner == threading.get_ident()


_gates: dict[str, WriteGate] = {}
_gates_lock = threading.Lock()


def gate(path: Path | str) -> WriteGate:
    """The write gate of the project file at ``path`` in this process."""
    key = file_key(path)
    with _gates_lock:
        found = _gates.get(key)
        if found is None:
            found = _gates[key] = WriteGate()
        return found
