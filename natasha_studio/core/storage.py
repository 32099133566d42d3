"""Failures of the disk and of the project file, in plain words.

SQLite and the operating system say "attempt to write a readonly database", "database or disk
is full", "database is locked" or "database disk image is malformed"; a curator needs to hear
what happened to her project and what to do. ``storage_error`` turns any of them into a
``StudioError`` in both languages.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from natasha_studio.core.errors import ProjectError, StudioError
from natasha_studio.core.i18n import translate

_READONLY = {sqlite3.SQLITE_READONLY, getattr(sqlite3, "SQLITE_READONLY_DBMOVED", -1),
             getattr(sqlite3, "SQLITE_READONLY_DIRECTORY", -1),
             getattr(sqlite3, "SQLITE_READONLY_RECOVERY", -1),
             getattr(sqlite3, "SQLITE_READONLY_CANTLOCK", -1),
             getattr(sqlite3, "SQLITE_READONLY_ROLLBACK", -1)}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB,
            getattr(sqlite3, "SQLITE_CORRUPT_INDEX", -1), getattr(sqlite3, "SQLITE_CORRUPT_VTAB", -1)}


def _primary(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def free_megabytes(path: Path) -> int | None:
    """Free space on the disk that holds ``path``, in MB (None when it cannot be told)."""
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free // (1 << 20)
    except OSError:
        return None


def read_only_error(path: Path) -> ProjectError:
    path = Path(path)
    if os.access(path, os.W_OK) and not os.access(path.parent, os.W_OK | os.X_OK):
        # The file could be written, but SQLite keeps its journal and shared memory beside it.
        return ProjectError(
            translate("Storage", "The folder of the project {name} is read-only: nothing can be "
                      "changed in the project while it is there.").format(name=path.name),
            translate("Storage", "Copy the project to a folder you can write to (such as "
                      "Documents), or change the permissions of its folder. Nothing was "
                      "changed."))
    return ProjectError(
        translate("Storage", "The project file {name} is read-only: nothing can be changed in "
                  "it.").format(name=Path(path).name),
        translate("Storage", "Copy it to a folder you can write to (such as Documents), or change "
                  "the permissions of the file and its folder. Nothing was changed."))


def full_disk_error(path: Path) -> StudioError:
    free = free_megabytes(path)
    message = translate("Storage", "Not enough free space on the disk of {name} ({free} MB "
                        "free).").format(name=Path(path).name,
                                         free=free if free is not None else "?")
    return StudioError(message, translate(
        "Storage", "Free some space and try again. What was being written was undone; the project "
        "is as it was before."))


def busy_error(path: Path) -> ProjectError:
    return ProjectError(
        translate("Storage", "The project {name} is in use by another window or command that is "
                  "writing to it.").format(name=Path(path).name),
        translate("Storage", "Wait until it has finished, or close the other window, then try "
                  "again. Nothing was changed."))


def damaged_error(path: Path) -> ProjectError:
    return ProjectError(
        translate("Storage", "The project {name} is damaged: part of the file cannot be "
                  "read.").format(name=Path(path).name),
        translate("Storage", "It was opened for reading only. Copy what can be read into a new "
                  "file with \u201cnatasha-studio recover {name} --out {stem}-recovered.nstudio\u201d, "
                  "or open a backup copy. The damaged file was not changed.").format(
            name=Path(path).name, stem=Path(path).stem))


# A disk this close to full explains an I/O error: SQLite says "disk I/O error", not "disk is
# full", when it cannot grow the shared-memory file beside the project (even to read it).
_NEARLY_FULL_MB = 8
_IOERR_SHMSIZE = getattr(sqlite3, "SQLITE_IOERR_SHMSIZE", 4874)


def _full_disk_io_error(exc: BaseException, path: Path) -> bool:
    if _primary(exc) != sqlite3.SQLITE_IOERR:
        return False
    if getattr(exc, "sqlite_errorcode", None) == _IOERR_SHMSIZE:
        return True
    free = free_megabytes(path)
    return free is not None and free < _NEARLY_FULL_MB


# Where a project found damaged at open is told of, for a command that only reads it and
# would otherwise say nothing (the command line prints it; the window offers recovery).
_damage_notice: Callable[[str], None] | None = None


def set_damage_notice(notice: Callable[[str], None] | None) -> None:
    global _damage_notice
    _damage_notice = notice


def notice_damaged(path: Path) -> None:
    """Tell the curator (through ``set_damage_notice``) that ``path`` opened damaged."""
    if _damage_notice is not None:
        _damage_notice(str(damaged_error(path)))


def storage_error(exc: BaseException, path: Path | str | None) -> StudioError:
    """``exc`` (an sqlite3.Error or OSError met while using ``path``) in plain words."""
    path = Path(path) if path else Path("?")
    code = _primary(exc)
    text = str(exc).lower()
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return full_disk_error(path)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return read_only_error(path)
    elif (getattr(exc, "sqlite_errorcode", None) in _READONLY or code == sqlite3.SQLITE_READONLY
          or "readonly" in text):
        return read_only_error(path)
    elif code == sqlite3.SQLITE_FULL or "disk is full" in text or _full_disk_io_error(exc, path):
        return full_disk_error(path)
    elif code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return busy_error(path)
    elif code in _DAMAGED or "malformed" in text or "not a database" in text:
        return damaged_error(path)
    elif code == sqlite3.SQLITE_CONSTRAINT:
        # Two writers that both passed their checks: the second one's change is undone whole.
        return ProjectError(
            translate("Storage", "The project {name} was changed by another window or command "
                      "while this one was writing.").format(name=path.name),
            translate("Storage", "Try again: what was being written was undone, nothing was "
                      "lost."))
    return ProjectError(
        translate("Storage", "The project {name} could not be read or written: {reason}").format(
            name=path.name, reason=exc),
        translate("Storage", "Check that the disk is connected and not full, then try again."))


def writable(path: Path) -> bool:
    """Whether the project file and its folder can be written (SQLite's side files live there)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


# How long the check for damage may take at open: a big project is checked in part rather
# than keeping the window (or a command) waiting; what was not reached is taken as sound.
QUICK_CHECK_S = 1.5
_checked: dict[str, tuple[int, int]] = {}  # file -> (size, mtime) found sound in this process


def quick_check(conn: sqlite3.Connection, seconds: float = QUICK_CHECK_S) -> bool | None:
    """Whether SQLite's ``quick_check`` finds the file sound (None: not finished in time)."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            return None
        return False
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.set_progress_handler(None, 0)
    return [tuple(r) for r in rows] == [("ok",)]


def sound(conn: sqlite3.Connection, path: Path, key: str) -> bool:
    """The quick check, once per process for a file (``key``) that has not changed since."""
    try:
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
    except OSError:
        stamp = (-1, -1)
    if _checked.get(key) == stamp:
        return True
    if quick_check(conn) is False:
        return False
    _checked[key] = stamp
    return True
