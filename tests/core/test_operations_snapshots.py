"""Snapshot operations: what each returns, and what it says changed."""

from __future__ import annotations

import json

from natasha_studio.core import export
from natasha_studio.core.pairs import set_status
from natasha_studio.operations import snapshots
from natasha_studio.operations.changes import NOTHING
from tests.pairs_data import populate


def test_freeze_reuse_export_and_delete_say_what_changed(project, tmp_path):
    ids = populate(project, 12)
    set_status(project, ids, "approved")

    snapshot, created, changes = snapshots.freeze_or_reuse(project)
    assert created and changes.snapshots and not changes.any_pairs
    again, created, changes = snapshots.freeze_or_reuse(project)
    assert again.id == snapshot.id and not created and changes == NOTHING

    named, changes = snapshots.freeze(project, "v2", "a note")
    assert named.name == "v2" and named.pair_count == 12 and changes.snapshots

    path, changes = snapshots.export_file(project, named.id, "openai", tmp_path / "train.jsonl")
    assert changes.snapshots and path.exists()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["messages"] for line in lines)
    assert export.snapshot_exports(project, named.id)[0]["example_count"] == len(lines)

    assert snapshots.delete(project, named.id).snapshots
    assert [s.id for s in export.list_snapshots(project)] == [snapshot.id]
