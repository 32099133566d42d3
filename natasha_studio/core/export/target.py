"""Where an export may be written, and writing it so that nothing else is ever lost.

An export names its file freely (the command line's ``--out``, a save dialog), so a slip of the
hand could name the project itself, one of SQLite's files beside it, a device or a folder.
``check_output_path`` refuses those before anything is written; ``atomic_output`` writes to a
private temporary file beside the target and moves it into place only when it is complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.resources import app_folders
from natasha_studio.core.schema import APPLICATION_ID

_SQLITE_MAGIC = b"SQLite format 3\x00"
# Files SQLite and the app keep beside a project: its journals and the backups before a migration.
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_BACKUP = re.compile(r"\.backup-v\d+-\d{8}-\d{6}$")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(str(a)) == os.path.normcase(str(b))


def _is_project_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    return (len(header) == 100 and header.startswith(_SQLITE_MAGIC)
            and int.from_bytes(header[68:72], "big") == APPLICATION_ID)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _refused(message: str, hint: str = "") -> StudioError:
    return StudioError(message, hint or translate(
        "Export", "Choose another file name for the export. Nothing was written."))


def check_output_path(path: Path | str, project_path: Path | str | None = None) -> Path:
    """Refuse an export target that would destroy something; return the path to write.

    Refused: the open project (``project_path``), SQLite's files and backups beside it, any
    other Natasha Studio project, anything that is not a regular file (a folder, a device, a
    pipe), and any path inside the app's own folders. A missing file is fine.
    """
    path = Path(path).expanduser()
    if not path.name or path.name in (".", ".."):
        raise _refused(translate("Export", "\u201c{path}\u201d is not a file name.").format(path=path))
    real = path.resolve()
    if project_path is not None:
        project = Path(project_path)
        candidates = [project, *(project.with_name(project.name + s) for s in _SIDE_SUFFIXES)]
        if any(_same_file(real, c) or _same_file(path, c) for c in candidates) or (
                real.parent == project.resolve().parent and real.suffix == project.suffix
                and _BACKUP.search(real.stem)
                and real.stem.startswith(project.stem + ".backup-v")):
            raise _refused(translate(
                "Export", "{name} is the project itself or one of its own files: writing the "
                "export there would destroy the project.").format(name=path.name))
    try:
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        st = None  # the write reports a missing or impossible folder
    except OSError as exc:
        raise _refused(translate("Export", "{path} cannot be checked: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise _refused(translate("Export", "{path} is a folder, not a file.").format(path=path))
        if not stat.S_ISREG(st.st_mode):
            raise _refused(translate(
                "Export", "{path} is not an ordinary file (a device or a pipe): an export is "
                "never written there.").format(path=path))
        if _is_project_file(real):
            raise _refused(translate(
                "Export", "{name} is a Natasha Studio project: writing the export there would "
                "destroy it.").format(name=path.name))
        if real.name.endswith(_SIDE_SUFFIXES) and _is_project_file(
                real.with_name(re.sub(r"-(wal|shm|journal)$", "", real.name))):
            raise _refused(translate(
                "Export", "{name} belongs to a Natasha Studio project: writing the export there "
                "would damage it.").format(name=path.name))
    for folder in app_folders():
        if _inside(real, folder):
            raise _refused(translate(
                "Export", "{path} is inside Natasha Studio's own folders.").format(path=path),
                translate("Export", "Choose a folder of your own, such as Documents. Nothing "
                          "was written."))
    return path


def check_output_paths(paths: Iterable[Path | str], project_path: Path | str | None = None) -> list[Path]:
    """``check_output_path`` for each, and no two of them the same file."""
    checked: list[Path] = []
    for raw in paths:
        path = check_output_path(raw, project_path)
        if any(_same_file(path.resolve(), p.resolve()) for p in checked):
            raise _refused(translate(
                "Export", "{name} is named twice: each part of the export needs its own "
                "file.").format(name=path.name))
        checked.append(path)
    return checked


@contextlib.contextmanager
def atomic_output(path: Path, project_path: Path | str | None = None) -> Iterator[Path]:
    """Yield a private temporary file beside ``path``; move it over ``path`` when the block ends.

    The target is checked first (``check_output_path``) and again just before the move, so a
    file swapped in meanwhile is not replaced either. On any failure the temporary file goes
    and the target stays as it was.
    """
    path = check_output_path(path, project_path)
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        check_output_path(path, project_path)
        with contextlib.suppress(OSError):
            # mkstemp makes the file readable by its owner only; an export is an ordinary file.
            mode = stat.S_IMODE(os.stat(path).st_mode) if path.exists() else 0o644
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def write_error(path: Path, exc: OSError) -> StudioError:
    """An OSError while writing ``path`` in plain words: a full disk, a read-only place, other."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return StudioError(
            translate("Export", "There is not enough free space to write {path}.").format(path=path),
            translate("Export", "Free some space on the disk or choose another one. The earlier "
                      "file, if any, was kept."))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StudioError(
            translate("Export", "{path} cannot be written: the folder or the file is "
                      "read-only.").format(path=path),
            translate("Export", "Choose a folder you can write to, or change its permissions."))
    return StudioError(
        translate("Export", "The file {path} cannot be written: {reason}").format(
            path=path, reason=exc.strerror or exc),
        translate("Export", "Choose another folder, or check that the disk is not full."))
