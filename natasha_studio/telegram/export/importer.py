"""Importing Telegram Desktop exports into a project (no UI; the tab and the CLI call this).

The reader and converter of this package turn the export into message records; the core's
dataset stores them (``core.dataset.messages.store_rows``).

Each file is imported in one transaction: a damaged, truncated or foreign file leaves the
project exactly as it was, and its error names the file and where it went wrong. Other files
of the same import still go in.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from natasha_studio.core.dataset.bulk import bulk_cache, direct_writes, gc_paused
from natasha_studio.core.dataset.helper import HelperFailed, HelperProcess, put_result, start_helper
from natasha_studio.core.dataset.messages import RowBatch, store_rows
from natasha_studio.core.dataset.records import ChatRecord
from natasha_studio.core.errors import Cancelled, StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.storage import storage_error
from natasha_studio.core.store import Project
from natasha_studio.telegram.export.convert import MessageConverter, chat_from_header
from natasha_studio.telegram.export.reader import ExportReader

log = logging.getLogger(__name__)

Progress = Callable[..., None]  # progress(done, total, detail="")


@dataclass
class ChatImport:
    chat_id: int
    name: str
    seen: int
    added: int
    no_id: int = 0        # messages skipped: without an id a message cannot be stored
    unreadable: int = 0   # elements of the messages array that are not messages at all

    @property
    def skipped(self) -> int:
        return self.no_id + self.unreadable


@dataclass
class FileImport:
    path: Path
    chats: list[ChatImport] = field(default_factory=list)
    error: StudioError | None = None

    @property
    def added(self) -> int:
        return sum(c.added for c in self.chats)

    @property
    def skipped(self) -> int:
        return sum(c.skipped for c in self.chats)


@dataclass
class ImportReport:
    """What an import did, file by file."""

    files: list[FileImport] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def seen(self) -> int:
        return sum(c.seen for f in self.files for c in f.chats)

    @property
    def chats(self) -> int:
        return len({c.chat_id for f in self.files for c in f.chats})

    @property
    def errors(self) -> list[FileImport]:
        return [f for f in self.files if f.error is not None]

    @property
    def skipped(self) -> int:
        return sum(f.skipped for f in self.files)

    @property
    def outcome(self) -> str:
        """"complete" (every file, every message), "partial" (some files failed or some
        messages were skipped, the rest imported) or "failed" (no file could be imported)."""
        if not self.files or len(self.errors) == len(self.files):
            return "failed"
        return "partial" if self.errors or self.skipped else "complete"


def find_export_files(paths: Iterable[Path | str]) -> list[Path]:
    """The ``result.json`` files named by ``paths`` (files, or folders that hold exports).

    A folder is searched (three levels deep) for ``result.json``; a folder without one gives
    its ``*.json`` files. A path that does not exist is kept, so the import reports it.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inner = sorted(p for depth in ("", "*/", "*/*/")
                           for p in path.glob(f"{depth}result.json") if p.is_file())
            found.extend(inner or sorted(p for p in path.glob("*.json") if p.is_file()))
            if not inner and not any(path.glob("*.json")):
                found.append(path)  # reported as "no export in this folder"
        else:
            found.append(path)
    unique: list[Path] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


def import_exports(
    project: Project,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
) -> ImportReport:
    """Import every export under ``paths``; returns the report (errors are in it, not raised).

    ``progress(done_bytes, total_bytes, detail)`` may raise ``Cancelled``: the file being
    read is then rolled back, the files before it stay imported, and ``Cancelled`` propagates.
    """
    files = find_export_files(paths)
    sizes = {p: (p.stat().st_size if p.is_file() else 0) for p in files}
    total = sum(sizes.values()) or 1
    done = 0
    report = ImportReport()
    for path in files:
        entry = FileImport(path)
        report.files.append(entry)
        try:
            if path.is_dir():
                raise StudioError(
                    translate("Import", "The folder {name} holds no Telegram export (result.json).").format(
                        name=path.name),
                    translate("Import", "Choose the folder Telegram Desktop wrote, or its result.json."),
                )
            entry.chats = _import_file(project, path, done, total, progress)
        except StudioError as exc:
            entry.chats = []
            entry.error = exc
        except Cancelled:
            raise
        except sqlite3.Error as exc:
            # The project's file or disk, not the export (read-only, full, in use): said in
            # plain words about the project; a traceback would tell the curator nothing more.
            log.info("importing %s failed: %s", path, exc)
            entry.chats = []
            entry.error = storage_error(exc, project.path)
        except Exception as exc:  # noqa: BLE001 — one file's surprise never stops the others
            # Whatever else one file holds, the others are still tried; its transaction was
            # rolled back, so nothing of it stayed.
            log.exception("importing %s failed", path)
            entry.chats = []
            entry.error = _unexpected(path, exc)
        done += sizes[path]
        if progress is not None:
            progress(done, total, path.name)
    return report


# Files from this size on are read and parsed in a helper process while this one writes;
# for smaller ones starting a process costs more than it saves.
HELPER_MIN_BYTES = 32 << 20
# Parsed batches the helper may hold ready (a few MB each): memory stays flat.
_AHEAD = 8


def _import_file(project: Project, path: Path, done_before: int, total: int,
                 progress: Progress | None) -> list[ChatImport]:
    try:
        big = path.stat().st_size >= HELPER_MIN_BYTES
    except OSError:
        big = False  # the reader reports it
    with gc_paused(), direct_writes(project, big):
        helper = start_helper(_read_in_helper, (str(path),), name="natasha-studio-import",
                              max_results=_AHEAD) if big else None
        if helper is not None:
            try:
                return _store_from_helper(project, path, helper, done_before, total, progress)
            except HelperFailed as exc:
                # Nothing of the file stayed (its transaction rolled back). Reading it here
                # gives the same result or the same error, in the curator's language.
                log.info("reading %s in a helper process failed; reading it here:\n%s",
                         path.name, exc)
            finally:
                helper.close(finished=False)
        return _import_here(project, path, done_before, total, progress)


def _unexpected(path: Path, exc: BaseException) -> StudioError:
    return StudioError(
        translate("Import", "{name} could not be imported: it holds something this version "
                  "cannot read ({reason}).").format(name=path.name, reason=type(exc).__name__),
        translate("Import", "Nothing of this file was imported; the other files were. Export the "
                  "chat again from Telegram Desktop, or send the file to the developers."))


def _converter(export_chat, chat: ChatRecord):
    return MessageConverter(chat, export_chat.header)


def _value_batches(export_chat, converter) -> Iterator[list[tuple]]:
    """An export chat's raw message batches as column values (see ``RowBatch.add``)."""
    values = converter.values
    for raw_batch in export_chat.batches:
        yield [row for row in map(values, raw_batch) if row is not None]


def _row_batch(rows: list[tuple], text_bytes: bool = False) -> RowBatch:
    batch = RowBatch()
    add = batch.add
    for row in rows:
        add(row, text_bytes)
    return batch


def _import_here(project: Project, path: Path, done_before: int, total: int,
                 progress: Progress | None) -> list[ChatImport]:
    reader = ExportReader(path)
    chats: list[ChatImport] = []
    with project.transaction(), bulk_cache(project):
        for export_chat in reader.chats():
            chat = chat_from_header(export_chat.header, fallback_name=path.parent.name)
            converter = _converter(export_chat, chat)
            unreadable = reader.skipped

            def batches(export_chat=export_chat, converter=converter) -> Iterator[RowBatch]:
                for rows in _value_batches(export_chat, converter):
                    yield _row_batch(rows)
                    if progress is not None:
                        progress(done_before + reader.position, total, path.name)

            result = store_rows(project, chat, batches())
            chats.append(ChatImport(chat.id, chat.name, result.seen, result.added,
                                    converter.skipped_no_id, reader.skipped - unreadable))
    return chats


def _read_in_helper(path: str, _tasks, results) -> None:
    """The helper process: read, parse and convert the export, chat by chat."""
    gc.disable()  # see bulk.gc_paused: this process only ever does this bulk work
    reader = ExportReader(Path(path))
    for export_chat in reader.chats():
        chat = chat_from_header(export_chat.header, fallback_name=Path(path).parent.name)
        put_result(results, ("chat", chat))
        converter = _converter(export_chat, chat)
        unreadable = reader.skipped
        # Batches go over sorted for writing, texts as UTF-8 bytes (see RowBatch): the
        # writing process has the least to do, as it is the busier one.
        for rows in _value_batches(export_chat, converter):
            put_result(results, ("rows", (_row_batch(rows, text_bytes=True).parts(),
                                          reader.position)))
        put_result(results, ("chat_end", (converter.skipped_no_id, reader.skipped - unreadable)))
    put_result(results, ("done", None))


def _store_from_helper(project: Project, path: Path, helper: HelperProcess, done_before: int,
                       total: int, progress: Progress | None) -> list[ChatImport]:
    """Write what the helper reads, as :func:`_import_here` would."""
    chats: list[ChatImport] = []
    with project.transaction(), bulk_cache(project):
        while True:
            kind, chat = helper.get()
            if kind == "done":
                return chats
            if kind != "chat":
                raise HelperFailed(f"unexpected {kind!r} from the helper")

            skipped = [0, 0]

            def batches(skipped=skipped) -> Iterator[RowBatch]:
                while True:
                    kind, value = helper.get()
                    if kind == "chat_end":
                        skipped[:] = value
                        return
                    parts, position = value
                    yield RowBatch.from_parts(parts)
                    if progress is not None:
                        progress(done_before + position, total, path.name)

            result = store_rows(project, chat, batches())
            chats.append(ChatImport(chat.id, chat.name, result.seen, result.added, *skipped))
