"""Snapshots: freeze the chosen pairs, write one to a file, delete one.

The Statistics tab's Snapshots dialog, the Fine-tune tab's "Freeze the approved pairs" and
the ``export`` command call these. Each returns, beside its result, the ``Changes`` it made:
a snapshot frozen, exported (the export is recorded in the project) or deleted; reusing an
identical snapshot changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from natasha_studio.core import export
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import NOTHING, Changes

SNAPSHOTS = Changes(snapshots=True)


def freeze(project: Project, name: str, note: str = "",
           **options: Any) -> tuple[export.Snapshot, Changes]:
    """A new snapshot named ``name`` of the pairs ``options["pair_filter"]`` selects (the
    approved ones by default); the other options are ``create_snapshot``'s."""
    snapshot = export.create_snapshot(project, name, note, **options)
    return snapshot, SNAPSHOTS


def freeze_or_reuse(project: Project, name: str | None = None, note: str = "",
                    **options: Any) -> tuple[export.Snapshot, bool, Changes]:
    """The snapshot of exactly this content: an identical one is reused (``False``: nothing
    was frozen, and nothing changed)."""
    snapshot, created = export.freeze_or_reuse(project, name, note, **options)
    return snapshot, created, SNAPSHOTS if created else NOTHING


def export_file(project: Project, snapshot_id: int, fmt: str, out_path: Path | str,
                split: str = "train", **options: Any) -> tuple[Path, Changes]:
    """Write one part of a snapshot in ``fmt`` (see ``export_snapshot``); the export is
    recorded with the snapshot."""
    path = export.export_snapshot(project, snapshot_id, fmt, out_path, split, **options)
    return path, SNAPSHOTS


def delete(project: Project, snapshot_id: int) -> Changes:
    """Delete a snapshot; the jobs tuned on it keep their record."""
    export.delete_snapshot(project, snapshot_id)
    return SNAPSHOTS
