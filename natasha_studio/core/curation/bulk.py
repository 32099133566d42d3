"""Changes of many pairs at once, written in one transaction with progress and Stop.

Each function walks its pairs in chunks through the single-pair operations (``core.pairs``,
``operations``, ``replace``), reports ``progress(done, total, "")`` after every chunk and
returns what undoes it. The whole change is one transaction: when ``progress`` raises
(``Cancelled``, because the curator pressed Stop or closed the window) or anything fails,
the project is left exactly as it was. Meant for a worker thread with its own ``Project``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from natasha_studio.core.curation import operations, replace
from natasha_studio.core.dataset.bulk import gc_paused
from natasha_studio.core.pairs import Turn, restore_statuses, set_status
from natasha_studio.core.store import Project

Progress = Callable[..., None]
T = TypeVar("T")

# Pairs per step: small enough that Stop takes effect within a few tens of milliseconds.
CHUNK = 500


def _chunks(items: Sequence[T]) -> Iterable[Sequence[T]]:
    size = CHUNK
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _steps(project: Project, items: Sequence[T], step: Callable[[Sequence[T]], None],
           progress: Progress | None) -> None:
    """Run ``step`` over ``items`` chunk by chunk inside one transaction.

    The cyclic garbage collector is paused meanwhile: its full collections, triggered by the
    change's many short-lived rows, hold every thread (the window's too) for 40-100 ms each.
    """
    total = len(items)
    with gc_paused(), project.transaction():
        done = 0
        if progress is not None:
            progress(0, total, "")
        for chunk in _chunks(items):
            step(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total, "")


def set_statuses(project: Project, pair_ids: Sequence[int], status: str,
                 progress: Progress | None = None) -> dict[int, str]:
    """Give every pair ``status``; returns the previous status of each pair that changed."""
    previous: dict[int, str] = {}
    _steps(project, list(pair_ids),
           lambda chunk: previous.update(set_status(project, chunk, status)), progress)
    return previous


def put_back_statuses(project: Project, previous: dict[int, str],
                      progress: Progress | None = None) -> None:
    """Undo ``set_statuses``."""
    # Chunks of ids, not of (id, status) tuples: a hundred thousand tuples alive through
    # the change would make every garbage collection meanwhile (which stops the window's
    # thread too) traverse them.
    _steps(project, list(previous),
           lambda chunk: restore_statuses(project, {pid: previous[pid] for pid in chunk}),
           progress)


def change_topic(project: Project, pair_ids: Sequence[int], name: str, add: bool,
                 progress: Progress | None = None) -> dict[int, list[str]]:
    """Add (or remove) one topic on many pairs; returns the topics before, for undo."""
    before: dict[int, list[str]] = {}
    _steps(project, list(pair_ids),
           lambda chunk: before.update(operations.change_topic(project, chunk, name, add)),
           progress)
    return before


def put_back_topics(project: Project, topics: dict[int, list[str]],
                    progress: Progress | None = None) -> None:
    """Undo ``change_topic``."""
    _steps(project, list(topics),
           lambda chunk: operations.restore_topics(project, {pid: topics[pid] for pid in chunk}),
           progress)


def set_deleted(project: Project, pair_ids: Sequence[int], deleted: bool,
                progress: Progress | None = None) -> list[int]:
    """Soft-delete (or restore) many pairs; returns the ids that changed."""
    changed: list[int] = []
    _steps(project, list(pair_ids),
           lambda chunk: changed.extend(operations.set_deleted(project, chunk, deleted)),
           progress)
    return changed


def apply_replace(project: Project, plan: Sequence[replace.PairChange],
                  progress: Progress | None = None) -> replace.ApplyResult:
    """Write a find-and-replace plan (pairs changed since the preview are skipped)."""
    result = replace.ApplyResult({}, [])

    def step(chunk: Sequence[replace.PairChange]) -> None:
        part = replace.apply_replace(project, chunk)
        result.applied.update(part.applied)
        result.skipped.extend(part.skipped)

    _steps(project, list(plan), step, progress)
    return result


def undo_replace(project: Project, applied: dict[int, list[Turn] | None],
                 progress: Progress | None = None) -> None:
    """Undo ``apply_replace``."""
    _steps(project, list(applied.items()),
           lambda chunk: replace.undo_replace(project, dict(chunk)), progress)


def merge_duplicates(project: Project, groups: Sequence[tuple[int, Sequence[int]]],
                     progress: Progress | None = None) -> list[operations.MergeResult]:
    """Keep one pair of each duplicate group and reject the others."""
    results: list[operations.MergeResult] = []
    _steps(project, list(groups),
           lambda chunk: results.extend(operations.merge_duplicates(project, keep, others)
                                        for keep, others in chunk), progress)
    return results


def undo_merges(project: Project, results: Sequence[operations.MergeResult],
                progress: Progress | None = None) -> None:
    """Undo ``merge_duplicates`` (latest group first)."""
    def step(chunk: Sequence[operations.MergeResult]) -> None:
        for result in chunk:
            operations.undo_merge(project, result)

    _steps(project, list(reversed(results)), step, progress)
