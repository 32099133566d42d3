"""Recovering what can still be read from a damaged project into a new one.

A damaged project opens for reading only (see ``store.Project.open``). Recovery makes a fresh
project file with the current schema and copies every row that can still be read, table by
table; where a damaged page stops a table's scan, reading goes on past it by row id, so one
bad page loses the rows on that page and no more. The damaged file is never written.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from natasha_studio.core.errors import ProjectError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project, _connect, inspect_file

# The full-text index is rebuilt from the pairs (its "dirty" list is refilled by triggers).
_SKIPPED_PREFIXES = ("sqlite_", "pair_search")
_STEP = 500


@dataclass
class RecoveryReport:
    """Rows copied and rows that could not be read, per table."""

    path: Path
    copied: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)

    @property
    def total_lost(self) -> int:
        return sum(self.lost.values())


def recover_project(source: Path | str, target: Path | str) -> RecoveryReport:
    """Copy every readable row of ``source`` into a new project at ``target``."""
    source, target = Path(source), Path(target)
    inspect_file(source)
    if target.exists():
        raise ProjectError(
            translate("Project", "A file named {name} already exists.").format(name=target.name),
            translate("Project", "Choose another name for the recovered project."))
    src = _connect(source, readonly=True)
    try:
        try:
            persona = src.execute("SELECT value FROM settings WHERE key = 'persona_name'").fetchone()
        except sqlite3.DatabaseError:
            persona = None
        try:
            name = json.loads(persona[0]) if persona else ""
        except ValueError:
            name = ""
        name = (name if isinstance(name, str) else "").strip() or translate("Project", "Persona")
        project = Project.create(target, name)
        report = RecoveryReport(project.path)
        try:
            dst = project.conn
            dst.execute("PRAGMA foreign_keys = OFF")  # rows arrive table by table
            tables = [r[0] for r in dst.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")
                if not r[0].startswith(_SKIPPED_PREFIXES)]
            for table in tables:
                copied, lost = _copy_table(src, dst, table)
                report.copied[table], report.lost[table] = copied, lost
            dst.execute("PRAGMA foreign_keys = ON")
        finally:
            project.close()
    finally:
        src.close()
    return report


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, table: str) -> tuple[int, int]:
    columns = [c for c in _columns(dst, table) if c in set(_columns(src, table))]
    if not columns:
        return 0, 0
    names = ", ".join(f'"{c}"' for c in columns)
    insert = (f'INSERT OR REPLACE INTO "{table}" ({names}) '
              f"VALUES ({', '.join('?' * len(columns))})")
    dst.execute("BEGIN")
    try:
        if _has_rowid(src, table):
            copied, lost = _copy_by_rowid(src, dst, table, names, insert)
        else:
            copied, lost = _copy_scan(src, dst, table, names, insert)
        dst.execute("COMMIT")
    except BaseException:
        dst.execute("ROLLBACK")
        raise
    return copied, lost


def _has_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 1').fetchall()
        return True
    except sqlite3.DatabaseError:
        return False


def _copy_scan(src, dst, table: str, names: str, insert: str) -> tuple[int, int]:
    copied = 0
    try:
        for row in src.execute(f'SELECT {names} FROM "{table}"'):
            dst.execute(insert, tuple(row))
            copied += 1
    except sqlite3.DatabaseError:
        return copied, 1  # the rest of this table is past a damaged page
    return copied, 0


def _copy_by_rowid(src, dst, table: str, names: str, insert: str) -> tuple[int, int]:
    try:
        top = src.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
    except sqlite3.DatabaseError:
        return _copy_scan(src, dst, table, names, insert)
    copied = lost = 0
    select = f'SELECT {names} FROM "{table}" WHERE rowid BETWEEN ? AND ?'
    for low in range(1, top + 1, _STEP):
        high = low + _STEP - 1
        try:
            rows = src.execute(select, (low, high)).fetchall()
        except sqlite3.DatabaseError:
            rows = []
            for rowid in range(low, high + 1):  # row by row around the damaged page
                try:
                    rows += src.execute(select, (rowid, rowid)).fetchall()
                except sqlite3.DatabaseError:
                    lost += 1
        for row in rows:
            dst.execute(insert, tuple(row))
        copied += len(rows)
    return copied, lost
