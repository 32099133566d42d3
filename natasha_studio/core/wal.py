"""Moving a project's write-ahead log into the file, beside the writes rather than inside them.

SQLite's own way is for the connection that commits to copy the log into the file once the
log has grown (an automatic checkpoint): the commit returns only when the copy is done, and
the write gate (``core.writer``) stays held meanwhile. An extraction beside the window
commits at every pause for a curator's edit, so each pause copied what the run had just
written and fsynced the file, while the edit waited; and the copying competed with the run's
own writes for the disk (a 300,000-message run took twice as long as with no copying).

Here each project file open in this process has one ``Checkpointer``: a thread with a
connection of its own that copies the log into the file once commits stop coming for
``QUIET_S`` (a passive checkpoint: it takes no lock a writer or reader waits for). Once the
log is long and everything in it was copied, it starts the log over and empties the file;
that needs a moment with no write going, so it takes the gate for the few milliseconds it
needs (a long write pauses for it like for an edit). The project's connections do no
automatic checkpoints; the last one to close moves what is left and removes the log, as
SQLite does. While a long write goes on the log grows with it (as it did before, when
readers of the messages held it) and is copied and emptied when the write ends.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from natasha_studio.core.writer import WriteGate

log = logging.getLogger(__name__)

# Copy once no commit came for this long.
QUIET_S = 1.0
# Start the log over once it holds this many pages (of 16 KiB: 64 MB).
RESTART_PAGES = 4000
# How long starting over waits for the gate, and then for readers on an old snapshot;
# past these it is tried again after the next commit.
GATE_WAIT_S = 0.2
READERS_WAIT_MS = 20


class Checkpointer:
    """The log mover of one project file in this process (see the module's note)."""

    def __init__(self, path: Path, gate: WriteGate) -> None:
        self.path = Path(path)
        self._gate = gate
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.moves = 0  # how many times the log was copied into the file
        self.restarts = 0  # how many times the log was started over

    def nudge(self) -> None:
        """Say that a commit went into the log (cheap: the work happens in the thread)."""
        if self._thread is None:
            with self._start_lock:
                if self._thread is None and not self._stopping:
                    self._thread = threading.Thread(target=self._run, daemon=True,
                                                    name=f"checkpoint {self.path.name}")
                    self._thread.start()
        self._wake.set()

    def stop(self) -> None:
        """End the thread and close its connection (before the project's last connection
        closes, which then moves what is left and removes the log, as SQLite does)."""
        with self._start_lock:
            self._stopping = True
            thread = self._thread
        self._wake.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    @contextlib.contextmanager
    def suspended(self) -> Iterator[None]:
        """No connection of the checkpointer is open in the block (leaving WAL mode, see
        ``bulk.direct_writes``, needs the only connection to the file); commits after it
        start the thread again."""
        self.stop()
        try:
            yield
        finally:
            with self._start_lock:
                self._stopping = False
                self._thread = None

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while True:
                self._wake.wait()
                # Commits keep coming (a long write pausing for edits): wait for a quiet
                # moment, so that the copy does not compete with them for the disk (on a
                # 300,000-message extraction beside the window, copying as it went made the
                # run twice as long and each edit slower).
                self._wake.clear()
                while self._wake.wait(QUIET_S) and not self._stopping:
                    self._wake.clear()
                if self._stopping:
                    return
                if conn is None:
                    conn = self._connect()
                    if conn is None:
                        return
                self._move(conn)
        finally:
            if conn is not None:
                conn.close()

    def _connect(self) -> sqlite3.Connection | None:
        try:
            # mode=rw: a project removed meanwhile is not made again as an empty file.
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                                   isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 0")
        except sqlite3.Error as exc:
            log.info("The log of %s is left for the project's closing: %s", self.path.name, exc)
            return None
        return conn

    def _move(self, conn: sqlite3.Connection) -> None:
        try:
            _busy, pages, moved = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.moves += 1
            # Starting over takes the gate: only when it will likely succeed, that is when
            # no reader is on an old snapshot now (all was moved).
            if pages >= RESTART_PAGES and moved == pages:
                self._restart(conn)
        except sqlite3.Error as exc:
            # Another process's checkpoint, a full disk: the next commit brings another try,
            # and the project's last connection moves the log when it closes.
            log.info("Moving the log of %s waits: %s", self.path.name, exc)

    def _restart(self, conn: sqlite3.Connection) -> None:
        if not self._gate.acquire(self, timeout=GATE_WAIT_S, counted=False):
            return
        try:
            conn.execute(f"PRAGMA busy_timeout = {READERS_WAIT_MS}")
            # TRUNCATE: starting over, the log file is emptied too (a long extraction's log
            # can take gigabytes of disk).
            busy, _pages, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                self.restarts += 1
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA busy_timeout = 0")
            self._gate.release()


_checkpointers: dict[str, Checkpointer] = {}
_lock = threading.Lock()


def checkpointer(key: str, path: Path, gate: WriteGate) -> Checkpointer:
    """The checkpointer of the project file ``key`` (see ``store._file_key``) in this process."""
    with _lock:
        found = _checkpointers.get(key)
        if found is None:
            found = _checkpointers[key] = Checkpointer(path, gate)
        return found


def stop_checkpointer(key: str) -> None:
    """Stop the file's checkpointer, if it has one (its last connection here is closing)."""
    with _lock:
        found = _checkpointers.pop(key, None)
    if found is not None:
        found.stop()
