"""Bulk writing helpers: secondary indexes rebuilt once instead of updated row by row.

Inserting hundreds of thousands of rows into a table with many indexes costs far more than
building those indexes afterwards (one sort each). Dropping and recreating them happens in
a savepoint of the caller's transaction, so a failed or cancelled bulk write leaves the
indexes exactly as they were, and other connections never see the table without them.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

from natasha_studio.core.store import Project

# The page cache while bulk work runs (KiB, as PRAGMA cache_size takes negative values):
# enough for the b-trees being filled to stay in memory, small next to the 500 MB budget.
BULK_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def deferred_indexes(project: Project, table: str, enabled: bool = True) -> Iterator[None]:
    """Drop ``table``'s explicit indexes for the block and create them again after it.

    Indexes SQLite made itself (primary keys, UNIQUE constraints) stay, so constraints hold
    throughout. Whatever indexes others add to the table later are handled the same way:
    they are read from the schema, not listed here.
    """
    if not enabled:
        yield
        return
    with project.transaction() as conn:
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL ORDER BY name", (table,)).fetchall()
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        yield
        for _name, sql in indexes:
            conn.execute(sql)


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
