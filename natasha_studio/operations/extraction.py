"""Bringing messages in and finding pairs: the one way the window and the command line do it.

``import_then_extract`` (export files, then pairs) and ``extract_again`` (pairs only, after a
fetch, a persona or settings change) each hold the project's claim for the whole action
(``core.writer.claim``): one of them runs on a project at a time, in this window or any
other process, and a second is told, in plain words, what runs. Both write pausably, so a
curator's edits land while they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from natasha_studio.core import writer
from natasha_studio.core.dataset.pipeline import ExtractionReport, run_extraction
from natasha_studio.core.dataset.settings import persona_ids
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.telegram.export.importer import ImportReport, import_exports

Progress = Callable[..., None]
OnWait = Callable[[writer.Claim], None]


@dataclass
class ImportOutcome:
    report: ImportReport
    extraction: ExtractionReport | None
    changes: Changes


def import_then_extract(
    project: Project,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    *,
    prepare: Callable[[Project, ImportReport], None] | None = None,
    always_extract: bool = False,
    wait_s: float = 0.0,
    on_wait: OnWait | None = None,
    beside_window: bool = False,
) -> ImportOutcome:
    """Import the exports under ``paths``, then find pairs when a persona is chosen.

    Pairs are found when new messages came in (or always, with ``always_extract``); nothing
    is extracted when no file could be imported. ``prepare(project, report)`` runs between
    the two (the command line picks the persona by name there). While another import or
    extraction holds the project, waits up to ``wait_s`` (telling ``on_wait``), then raises
    ``ProjectBusy``. ``beside_window``: see ``run_extraction``.
    """
    with writer.claim(project.path, "import", wait_s=wait_s, on_wait=on_wait), \
            project.pausable():
        report = import_exports(project, paths, progress)
        extraction = None
        if report.outcome != "failed":
            if prepare is not None:
                prepare(project, report)
            if persona_ids(project) and (report.added or always_extract):
                extraction = run_extraction(project, progress, beside_window=beside_window)
    changes = Changes(pairs=None if extraction is not None else frozenset(),
                      sources=report.added > 0,
                      counts={"messages": report.added,
                              "pairs": extraction.total if extraction else 0})
    return ImportOutcome(report, extraction, changes)


def extract_again(project: Project, progress: Progress | None = None, *, wait_s: float = 0.0,
                  on_wait: OnWait | None = None,
                  beside_window: bool = False) -> tuple[ExtractionReport, Changes]:
    """Find the pairs of every included chat again (curation kept; see ``run_extraction``)."""
    with writer.claim(project.path, "extraction", wait_s=wait_s, on_wait=on_wait), \
            project.pausable():
        report = run_extraction(project, progress, beside_window=beside_window)
    return report, Changes(pairs=None, counts={"pairs": report.total, "new": report.new,
                                               "stale": report.stale})


def extract_in_thread(path: Path | str, progress: Progress | None = None,
                      wait_s: float = 30.0) -> tuple[ExtractionReport, Changes]:
    """``extract_again`` on a connection of the calling (worker) thread's own. A run being
    cancelled in this window still holds the claim for a moment: it is waited for. The pairs
    are scored in a helper process (``beside_window``): the window keeps the interpreter."""
    with Project.open(path) as project:
        return extract_again(project, progress, wait_s=wait_s, beside_window=True)


def import_in_thread(path: Path | str, paths: list[str], progress: Progress | None = None,
                     wait_s: float = 30.0) -> ImportOutcome:
    """``import_then_extract`` on a connection of the calling (worker) thread's own, the
    pairs scored in a helper process (see ``extract_in_thread``)."""
    with Project.open(path) as project:
        return import_then_extract(project, paths, progress, wait_s=wait_s, beside_window=True)
