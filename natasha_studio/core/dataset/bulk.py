"""Bulk writing helpers: secondary indexes rebuilt once instead of updated row by row.

Inserting hundreds of thousands of rows into a table with many indexes costs far more than
building those indexes afterwards (one sort each). Dropping and recreating them happens in
a savepoint of the caller's transaction, so a failed or cancelled bulk write leaves the
indexes exactly as they were, and other connections never see the table without them.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator

from natasha_studio.core.store import Project, connections_here

log = logging.getLogger(__name__)

# The page cache while bulk work runs (KiB, as PRAGMA cache_size takes negative values):
# enough for the b-trees being filled to stay in memory, small next to the 500 MB budget.
BULK_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def deferred_indexes(project: Project, table: str, enabled: bool = True, *,
                     keep: Iterable[str] = ()) -> Iterator[None]:
    """Drop ``table``'s explicit indexes for the block and create them again after it.

    Indexes SQLite made itself (primary keys, UNIQUE constraints) stay, so constraints hold
    throughout. Whatever indexes others add to the table later are handled the same way:
    they are read from the schema, not listed here. ``keep`` names indexes that cost little
    to keep up to date in the block (the new rows enter them at one end or at a few places,
    or not at all): rebuilding one would read the whole table again.
    """
    if not enabled:
        yield
        return
    with project.transaction() as conn:
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL ORDER BY name", (table,)).fetchall()
        kept = set(keep)
        indexes = [(name, sql) for name, sql in indexes if name not in kept]
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')

        def rebuild() -> None:
            # Before a pause commits (see Project.pause_point): others never see the table
            # without its indexes; the rest of the block keeps them up to date.
            for _name, sql in indexes:
                conn.execute(sql)
            indexes.clear()

        withdraw = project.before_pause(rebuild)
        try:
            yield
        finally:
            withdraw()
        rebuild()


@contextlib.contextmanager
def bulk_cache(project: Project) -> Iterator[None]:
    """A larger page cache on the project's connection for the block, then the old size."""
    conn = project.conn
    previous = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(previous)}")


@contextlib.contextmanager
def direct_writes(project: Project, enabled: bool = True) -> Iterator[None]:
    """Bulk writes in the block go straight into the project file, when nothing else has
    the project open (outside any transaction: the journal mode cannot change inside one).

    A project is in WAL mode, where every page written goes to the WAL first and is copied
    into the file by a checkpoint later: a million-message import writes gigabytes twice,
    each time flushed to disk. With a rollback journal, pages new to the file are written
    once, and only pages that existed before are copied aside first; a failed or killed
    write is rolled back from that journal the next time the project opens, as from the WAL.
    Leaving WAL mode needs the only connection to the file: when this process or another
    one has the project open too (the window's workers, a second window), the block runs in
    WAL mode as usual, without waiting. The project goes back to WAL mode after the block
    (and on every open anyway).
    """
    conn = project.conn
    if not enabled or conn.in_transaction or connections_here(project.path) > 1:
        yield
        return
    with project.log_mover_suspended():
        yield from _direct_writes(project, conn)


def _direct_writes(project: Project, conn: sqlite3.Connection) -> Iterator[None]:
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "wal"  # another process has it open
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    if mode != "delete":
        yield
        return
    project.rollback_journal = True  # no pauses: nobody else can be waiting
    try:
        yield
    finally:
        project.rollback_journal = False
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            # Someone opened the project meanwhile and reads it; opening it sets WAL again.
            log.info("the project stays in rollback-journal mode until it is opened again: %s", exc)


@contextlib.contextmanager
def foreign_keys_unchecked(project: Project, enabled: bool = True) -> Iterator[None]:
    """Foreign keys unchecked on the project's connection for the block (outside any
    transaction: SQLite ignores the switch inside one).

    Only for writes that make valid references by construction and delete nothing: with
    the checks off, ON DELETE actions do not run either. Checking every row of a bulk insert
    against its parents costs as much as writing it.
    """
    conn = project.conn
    if not enabled or conn.in_transaction:
        yield
        return
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


def gc_pause_active() -> bool:
    """Whether some bulk work has the collector paused (``gc_paused``)."""
    return _gc_pauses > 0


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block.

    Bulk work allocates millions of short-lived objects that reference counting frees anyway;
    the collector meanwhile walks the whole (large) heap again and again, which cost a third
    of extraction's time. Pauses nest and may overlap across threads: the collector comes
    back when the last one ends.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
