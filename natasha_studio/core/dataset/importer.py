"""Importing Telegram Desktop exports into a project (no UI; the tab and the CLI call this).

Each file is imported in one transaction: a damaged, truncated or foreign file leaves the
project exactly as it was, and its error names the file and where it went wrong. Other files
of the same import still go in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from natasha_studio.core.dataset.bulk import bulk_cache
from natasha_studio.core.dataset.messages import RowBatch, store_rows
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

Progress = Callable[..., None]  # progress(done, total, detail="")


@dataclass
class ChatImport:
    chat_id: int
    name: str
    seen: int
    added: int


@dataclass
class FileImport:
    path: Path
    chats: list[ChatImport] = field(default_factory=list)
    error: StudioError | None = None

    @property
    def added(self) -> int:
        return sum(c.added for c in self.chats)


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
        done += sizes[path]
        if progress is not None:
            progress(done, total, path.name)
    return report


def _import_file(project: Project, path: Path, done_before: int, total: int,
                 progress: Progress | None) -> list[ChatImport]:
    from natasha_studio.telegram.export.convert import MessageConverter, chat_from_header
    from natasha_studio.telegram.export.reader import ExportReader

    reader = ExportReader(path)
    chats: list[ChatImport] = []
    with project.transaction(), bulk_cache(project):
        for export_chat in reader.chats():
            chat = chat_from_header(export_chat.header, fallback_name=path.parent.name)
            values = MessageConverter(chat, export_chat.header).values

            def batches(raw_batches=export_chat.batches, values=values) -> Iterator[RowBatch]:
                for raw_batch in raw_batches:
                    batch = RowBatch()
                    add = batch.add
                    for raw in raw_batch:
                        row = values(raw)
                        if row is not None:
                            add(row)
                    yield batch
                    if progress is not None:
                        progress(done_before + reader.position, total, path.name)

            result = store_rows(project, chat, batches())
            chats.append(ChatImport(chat.id, chat.name, result.seen, result.added))
    return chats
