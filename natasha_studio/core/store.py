"""The project file: one SQLite database per dataset (``*.nstudio``).

WAL journal, foreign keys on, synchronous=FULL so that a committed edit survives a power cut,
a versioned schema migrated in order with a backup copy made first. Every write goes through
``Project.transaction()``, which takes the project's write gate (``core.writer``): in a
process one transaction writes at a time, whichever connection it uses, and a writer of
another process is waited for in plain words. A ``Project`` belongs to the thread that opened
it; a worker thread opens its own with ``Project.open(path)`` (WAL lets readers and one writer
share the file).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from natasha_studio.core import storage, wal, writer
from natasha_studio.core.errors import ProjectError
from natasha_studio.core.i18n import translate
from natasha_studio.core.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

PROJECT_SUFFIX = ".nstudio"
_SQLITE_MAGIC = b"SQLite format 3\x00"

# Project settings and their defaults (values are stored as JSON).
DEFAULT_SETTINGS: dict[str, Any] = {
    "persona_name": "",
    "system_prompt": "",
    "persona_ids": [],
}


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")



# Pairs and messages are rows of a few hundred bytes to a few kilobytes: pages larger than
# SQLite's 4 KiB default hold several of them, which makes bulk writes and index builds
# markedly faster (1M-message benchmark), at the cost of a little more written per small edit.
PAGE_SIZE = 16384


# How long a connection waits for another one's write lock before giving up.
BUSY_TIMEOUT_MS = 10_000
# How long one try to begin a write waits for another process (see Project._begin).
BEGIN_TRY_MS = 200


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # the file's Checkpointer does it (see wal)


def _schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


# Project files this process has open, with how many connections each. While a file is open
# here, nothing but SQLite may open and close it: on POSIX systems closing ANY descriptor of a
# file drops every lock this process holds on it, and another process (the command line, a
# second window) could then take the database for unused and checkpoint or delete its WAL
# under the open connections — a corrupt project. SQLite's own descriptors are kept safe.
_open_here: dict[str, int] = {}
_open_here_lock = threading.Lock()


def _file_key(path: Path) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def is_open_here(path: Path | str) -> bool:
    """Whether a project connection to ``path`` is open in this process."""
    return connections_here(path) > 0


def connections_here(path: Path | str) -> int:
    """How many project connections to ``path`` are open in this process."""
    with _open_here_lock:
        return _open_here.get(_file_key(Path(path)), 0)


def inspect_file(path: Path) -> int:
    """Check that ``path`` is a project this version can open; return its schema version.

    Reads only: a file that is not a project, or is too new, is left exactly as it was.
    """
    path = Path(path)
    if not path.exists():
        raise ProjectError(translate("Project", "The project file {path} does not exist.").format(path=path))
    if path.is_dir():
        raise ProjectError(translate("Project", "{path} is a folder, not a project file.").format(path=path))
    not_project = ProjectError(
        translate("Project", "{name} is not a Natasha Studio project.").format(name=path.name),
        translate("Project", "Choose a file with the .nstudio extension, or create a new project."),
    )
    if not is_open_here(path):
        # The header tells a foreign file apart before SQLite touches it (see _open_here for
        # why this only happens while no connection is open in this process).
        try:
            with path.open("rb") as fh:
                header = fh.read(100)
        except OSError as exc:
            raise ProjectError(
                translate("Project", "The file {path} cannot be read: {reason}").format(path=path, reason=exc.strerror)
            ) from exc
        if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
            raise not_project
        if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
            raise not_project
    try:
        _roll_back_unfinished_write(path)
        conn = _connect(path, readonly=True)
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise not_project
            version = _schema_version(conn)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise _busy_error(path) from exc
        if not storage.writable(path):
            # SQLite cannot open a WAL project where it may not write its side files: that is
            # a read-only file or folder, not damage.
            raise storage.read_only_error(path) from exc
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF not in (sqlite3.SQLITE_CORRUPT,
                                                               sqlite3.SQLITE_NOTADB):
            raise storage.storage_error(exc, path) from exc
        raise ProjectError(
            translate("Project", "The project {name} is damaged and cannot be opened ({reason}).").format(
                name=path.name, reason=exc),
            translate("Project", "Open a backup copy of the project, if you have one."),
        ) from exc
    if version > SCHEMA_VERSION:
        raise ProjectError(
            translate("Project", "The project {name} was saved by a newer version of Natasha Studio.").format(
                name=path.name),
            translate("Project", "Update Natasha Studio to open it. The file was not changed."),
        )
    if version < 1 or "schema_version" not in tables:
        raise not_project
    return version


def _roll_back_unfinished_write(path: Path) -> None:
    """Undo a bulk write that was cut off (see ``core.dataset.bulk.direct_writes``): its
    rollback journal is left beside the file, and only a writing connection may roll it
    back, so the read-only checks below would take the project for damaged."""
    if not os.path.exists(f"{path}-journal"):
        return
    conn = _connect(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _busy_error(path: Path) -> ProjectError:
    # A large import from the command line holds the file while it writes (see
    # core.dataset.bulk.direct_writes); nothing else keeps it locked for long.
    claim = writer.current_claim(path)
    if claim is not None:
        return writer.busy_error(path, claim)
    return ProjectError(
        translate("Project", "The project {name} is busy: another program is writing a large"
                  " import into it.").format(name=path.name),
        translate("Project", "Try again when the import has finished. The project was not changed."),
    )


def backup_path_for(path: Path, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix}")


class Project:
    """An open project file."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = Path(path)
        self.conn = conn
        self._depth = 0
        self._lock = threading.RLock()
        self._key: str | None = _file_key(self.path)
        self._gate = writer.gate(self.path)
        self._checkpointer = wal.checkpointer(self._key, self.path, self._gate)
        self._wait_path = str(writer.wait_file(self.path))
        self._pausable = False
        self.rollback_journal = False  # see bulk.direct_writes: nobody else can wait, no pauses
        self._next_wait_check = 0.0
        self._last_pause = -1e9  # when this write last let another in (monotonic time)
        self._before_pause: list[Callable[[], None]] = []
        self.damaged = False  # found damaged at open: read-only, see storage.damaged_error
        with _open_here_lock:
            _open_here[self._key] = _open_here.get(self._key, 0) + 1

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, persona_name: str, system_prompt: str = "") -> Project:
        """Create a new, empty project file at ``path`` (which must not exist)."""
        path = Path(path)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        if path.exists():
            raise ProjectError(
                translate("Project", "A file named {name} already exists.").format(name=path.name),
                translate("Project", "Choose another name, or open the existing project."),
            )
        if not persona_name.strip():
            raise ProjectError(translate("Project", "The persona needs a name."))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(path)
        except (OSError, sqlite3.Error) as exc:
            raise ProjectError(
                translate("Project", "The project cannot be created at {path}: {reason}").format(path=path, reason=exc)
            ) from exc
        # Before anything is written: the page size is fixed once the file has content.
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _configure(conn)
        project = cls(path, conn)
        project._migrate(0)
        with project.transaction():
            project.conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (_now(),))
            project.set_setting("persona_name", persona_name.strip())
            project.set_setting("system_prompt", system_prompt.strip())
        return project

    @classmethod
    def open(cls, path: Path | str) -> Project:
        """Open an existing project, migrating it (after a backup copy) if it is older."""
        path = Path(path)
        version = inspect_file(path)
        if version < SCHEMA_VERSION:
            backup = backup_path_for(path, version)
            cls._backup(path, backup)
        try:
            conn = _connect(path)
            _configure(conn)
        except sqlite3.Error as exc:
            if _busy(exc):
                raise _busy_error(path) from exc
            raise ProjectError(
                translate("Project", "The project {name} cannot be opened for writing: {reason}").format(
                    name=path.name, reason=exc),
                translate("Project", "Check that the file is not read-only and that the disk is not full."),
            ) from exc
        if not storage.sound(conn, path, _file_key(path)):
            # Damaged: opened for reading only, so nothing writes into it and makes it worse;
            # the curator is offered to recover what can be read into a new file.
            conn.close()
            if version < SCHEMA_VERSION:
                raise storage.damaged_error(path)
            conn = _connect(path, readonly=True)
            project = cls(path, conn)
            project.damaged = True
            storage.notice_damaged(path)
            return project
        project = cls(path, conn)
        if version < SCHEMA_VERSION:
            project._migrate(version)
        return project

    @staticmethod
    def _backup(path: Path, target: Path) -> None:
        """A consistent copy of the database (WAL content included) before a migration."""
        src = _connect(path, readonly=True)
        try:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)
            finally:
                dst.close()
        except sqlite3.Error:
            src.close()
            shutil.copy2(path, target)
            return
        src.close()

    def _migrate(self, current: int) -> None:
        for version in range(current, SCHEMA_VERSION):
            script = MIGRATIONS[version]
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for statement in _split_sql(script):
                    self.conn.execute(statement)
                if version == 0:
                    self.conn.execute(
                        "CREATE TABLE IF NOT EXISTS schema_version ("
                        " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
                    )
                self.conn.execute(
                    "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)",
                    (version + 1, _now()),
                )
                self.conn.execute(f"PRAGMA user_version = {version + 1}")
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.conn.execute("ROLLBACK")
                raise ProjectError(
                    translate("Project", "Updating the project {name} failed: {reason}").format(
                        name=self.path.name, reason=exc),
                    translate("Project", "The project was left as it was; a backup copy sits beside it."),
                ) from exc

    def close(self) -> None:
        with _open_here_lock:
            last_here = self._key is None or _open_here.get(self._key, 0) <= 1
        if last_here:
            with contextlib.suppress(sqlite3.Error):
                # Statistics for the query planner, from a sample of each index rather than
                # all of it (after a million-message import, a full ANALYZE took most of a
                # second). Only by the last connection of this process: a worker's connection
                # closing after an extraction held the write lock for it while the window's
                # edit waited (0.4 s); the window refreshes them when it closes the project.
                self.conn.execute("PRAGMA analysis_limit = 1000")
                self.conn.execute("PRAGMA optimize")
            if self._key is not None:
                wal.stop_checkpointer(self._key)
        self.conn.close()
        key, self._key = self._key, None
        if key is not None:
            with _open_here_lock:
                left = _open_here.get(key, 0) - 1
                if left > 0:
                    _open_here[key] = left
                else:
                    _open_here.pop(key, None)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested calls join the outer one through savepoints."""
        if self.damaged:
            raise storage.damaged_error(self.path)
        with self._lock:
            depth = self._depth
            if depth == 0:
                self._begin()
            else:
                self.conn.execute(f"SAVEPOINT sp{depth}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                try:
                    # A full disk or an I/O error makes SQLite roll the whole transaction back
                    # itself: rolling back again would hide that error behind "no transaction".
                    if self.conn.in_transaction:
                        if depth == 0:
                            self.conn.execute("ROLLBACK")
                        else:
                            self.conn.execute(f"ROLLBACK TO sp{depth}")
                            self.conn.execute(f"RELEASE sp{depth}")
                finally:
                    if depth == 0:
                        self._gate.release()
                raise
            self._depth -= 1
            if depth == 0:
                try:
                    self.conn.execute("COMMIT")
                finally:
                    self._gate.release()
                self._checkpointer.nudge()
            else:
                self.conn.execute(f"RELEASE sp{depth}")

    def _begin(self) -> None:
        """Take the write gate, then SQLite's write lock (waiting for another process)."""
        gate = self._gate
        if gate.held_here() and gate.holder is not self:
            # This thread writes through another connection to the file already: waiting for
            # it would never end.
            raise writer.busy_error(self.path, writer.current_claim(self.path))
        gate.acquire(self)
        try:
            self._begin_immediate()
        except BaseException:
            gate.release()
            raise

    def _begin_immediate(self) -> None:
        conn = self.conn
        deadline: float | None = None
        conn.execute(f"PRAGMA busy_timeout = {BEGIN_TRY_MS}")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not _busy(exc):
                        raise
                    # Another process writes: tell it (a long write of its pauses), say once
                    # what this waits for, and give up in plain words after a while.
                    writer.mark_waiting(self.path)
                    if deadline is None:
                        deadline = time.monotonic() + writer.wait_limit()
                        writer.notify_waiting(self.path)
                    elif time.monotonic() >= deadline:
                        raise writer.busy_error(self.path, writer.current_claim(self.path)) from None
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if deadline is not None:
                writer.unmark_waiting(self.path)

    # -- long writes -------------------------------------------------------------------------

    @contextlib.contextmanager
    def pausable(self, enabled: bool = True) -> Iterator[None]:
        """Let the long write in the block pause at ``pause_point`` for other writers: what
        it wrote until then is committed (a cancel or failure after it undoes only what came
        later). Without it, a long write is one transaction, all or nothing."""
        previous, self._pausable = self._pausable, enabled
        try:
            yield
        finally:
            self._pausable = previous

    @property
    def can_pause(self) -> bool:
        """Whether the write running now may pause (see ``pausable``)."""
        return self._pausable and not self.rollback_journal

    def pause_point(self) -> bool:
        """Between batches of a long write: when another writer waits (a thread of this
        process, or another process), commit, let it in, and begin again where this was
        (savepoints included). Cheap when nobody waits. Returns whether it paused."""
        if not self.can_pause or self._depth == 0:
            return False
        outside = False
        if not self._gate.waiting:
            now = time.monotonic()
            if now < self._next_wait_check:
                return False
            self._next_wait_check = now + 0.05
            if not os.path.exists(self._wait_path):
                return False
            outside = True
        with self._lock:
            depth, turns = self._let_go()
            if outside:
                # The other process takes its turn when its next try comes (a fraction of a
                # second); it removes its mark once it has begun.
                until = time.monotonic() + writer.HANDOVER_S
                while os.path.exists(self._wait_path):
                    if time.monotonic() >= until:
                        # Left by a writer that gave up or ended: one still waiting marks
                        # it again at its next try.
                        writer.unmark_waiting(self.path)
                        break
                    time.sleep(0.005)
            self._take_again(depth, turns)
            self._last_pause = time.monotonic()
        return True

    @contextlib.contextmanager
    def not_writing(self) -> Iterator[None]:
        """A part of a pausable long write that writes nothing (scoring a batch, say): while
        other writers came lately, the write is committed and the gate let go for the block,
        so that one coming meanwhile gets in at once rather than after the block."""
        if (not self.can_pause or self._depth == 0
                or time.monotonic() - self._last_pause > writer.LATELY_S):
            yield
            return
        with self._lock:
            depth, turns = self._let_go()
            try:
                yield
            finally:
                if self._take_again(depth, turns):
                    self._last_pause = time.monotonic()

    def _let_go(self) -> tuple[int, int]:
        """Commit the long write so far and let go of the gate; returns the depth to come
        back to and the gate's turn count."""
        for settle in self._before_pause:
            settle()
        self._before_pause.clear()
        depth = self._depth
        self.conn.execute("COMMIT")
        turns = self._gate.turns
        self._gate.release()
        self._checkpointer.nudge()
        return depth, turns

    def _take_again(self, depth: int, turns: int) -> bool:
        """Take the gate and begin again at ``depth``; returns whether others wrote meanwhile.
        If beginning fails, the gate stays taken: the transaction's end lets it go."""
        self._gate.acquire(self)
        self._begin_immediate()
        for level in range(1, depth):
            self.conn.execute(f"SAVEPOINT sp{level}")
        return self._gate.turns != turns + 1

    @contextlib.contextmanager
    def log_mover_suspended(self) -> Iterator[None]:
        """The block runs with no connection of the file's log mover open (see
        ``wal.Checkpointer.suspended``)."""
        with self._checkpointer.suspended():
            yield

    def before_pause(self, settle: Callable[[], None]) -> Callable[[], None]:
        """Have ``settle`` run once before the next pause commits (a bulk write puts back
        what it took away for speed: dropped indexes, a trigger). Returns a function that
        withdraws it (for the block's end, when no pause came)."""
        self._before_pause.append(settle)

        def withdraw() -> None:
            if settle in self._before_pause:
                self._before_pause.remove(settle)
        return withdraw

    def reader(self) -> sqlite3.Connection:
        """A read-only connection of its own to the project (the caller closes it): a long
        write that pauses reads through it, as a read pending on the writing connection
        across a pause would keep an outdated view of the file and could not write again."""
        conn = _connect(self.path, readonly=True)
        conn.execute(f"PRAGMA cache_size = {-64 * 1024}")
        return conn

    # -- settings ----------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default if default is not None else DEFAULT_SETTINGS.get(key)
        return json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    @property
    def persona_name(self) -> str:
        return self.get_setting("persona_name", "") or ""

    @property
    def system_prompt(self) -> str:
        return self.get_setting("system_prompt", "") or ""

    @property
    def schema_version(self) -> int:
        return _schema_version(self.conn)

    # -- reading -----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts of the main entities (pairs exclude deleted ones)."""
        q = self.conn.execute
        return {
            "chats": q("SELECT count(*) FROM chats").fetchone()[0],
            "participants": q("SELECT count(*) FROM participants").fetchone()[0],
            "messages": q("SELECT count(*) FROM messages").fetchone()[0],
            "pairs": q("SELECT count(*) FROM pairs WHERE deleted = 0").fetchone()[0],
            "snapshots": q("SELECT count(*) FROM snapshots").fetchone()[0],
            "jobs": q("SELECT count(*) FROM jobs").fetchone()[0],
            "models": q("SELECT count(*) FROM models").fetchone()[0],
        }

    def info(self) -> dict[str, Any]:
        created = self.conn.execute("SELECT value FROM meta WHERE key='created_at'").fetchone()
        return {
            "path": str(self.path),
            "persona": self.persona_name,
            "system_prompt": self.system_prompt,
            "schema_version": self.schema_version,
            "created_at": created[0] if created else None,
            "counts": self.counts(),
        }


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (sqlite3.execute runs one at a time)."""
    statements, buf = [], []
    for line in script.splitlines():
        stripped = line.split("--", 1)[0].rstrip()
        if not stripped.strip():
            continue
        buf.append(stripped)
        if stripped.endswith(";"):
            statements.append("\n".join(buf))
            buf = []
    if "".join(buf).strip():
        statements.append("\n".join(buf))
    return statements
