"""Changes of many pairs at once: status, topic, delete and restore, and their undo.

The Pairs tab (through its undo stack) and the ``pairs`` command call these. Each writes one
transaction through the project's write gate (a change waits its turn behind an extraction's
next batch, not behind the whole run) and returns the ``Changes`` it made along with what
undoes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet

from natasha_studio.core.curation import bulk, operations
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes

Progress = Callable[..., None]


def _changed(ids: AbstractSet[int] | Sequence[int], **counts: int) -> Changes:
    # Kept as given (a million ids are not copied on the window's thread): never changed after.
    return Changes(pairs=ids if isinstance(ids, AbstractSet) else frozenset(ids), counts=counts)


def set_status(project: Project, pair_ids: Sequence[int], status: str,
               progress: Progress | None = None) -> tuple[dict[int, str], Changes]:
    """Give the pairs ``status``; returns the previous status of those that changed."""
    previous = bulk.set_statuses(project, pair_ids, status, progress)
    return previous, _changed(previous.keys(), changed=len(previous))


def put_back_statuses(project: Project, previous: dict[int, str],
                      progress: Progress | None = None) -> Changes:
    """Undo ``set_status``."""
    bulk.put_back_statuses(project, previous, progress)
    return _changed(previous.keys(), changed=len(previous))


def change_topic(project: Project, pair_ids: Sequence[int], name: str, add: bool,
                 progress: Progress | None = None) -> tuple[frozenset[int], Changes]:
    """Add (or take off) the topic ``name``; returns the pairs that gained (lost) it: the
    same call with ``not add`` on exactly those undoes it."""
    changed = frozenset(bulk.change_topic(project, pair_ids, name, add, progress))
    return changed, _changed(changed, changed=len(changed))


def set_deleted(project: Project, pair_ids: Sequence[int], deleted: bool,
                progress: Progress | None = None) -> tuple[list[int], Changes]:
    """Delete (or restore) the pairs; returns those that changed (rows come or go: the
    ``Changes`` say any pair may have)."""
    changed = bulk.set_deleted(project, pair_ids, deleted, progress)
    return changed, Changes(pairs=None, counts={"changed": len(changed)})


def set_status_recorded(project: Project, pair_ids: Iterable[int], status: str,
                        description: str) -> tuple[dict[int, str], Changes]:
    """``set_status``, recorded in the project so that ``undo_recorded`` reverts it later
    (from another command, after the window that made it has closed)."""
    previous = operations.set_status_undoable(project, pair_ids, status, description)
    return previous, _changed(previous.keys(), changed=len(previous))


def undo_recorded(project: Project) -> tuple[dict | None, Changes]:
    """Revert the latest recorded change not yet undone; returns its record (None: none)."""
    record = operations.undo_last_operation(project)
    if record is None:
        return None, Changes()
    return record, Changes(pairs=None, counts={"changed": int(record["pair_count"])})
