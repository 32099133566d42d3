"""Snapshots: frozen content, a stable content hash, and plain-words errors."""

from __future__ import annotations

import pytest
from export_fixtures import edit_answer, make_pairs

from natasha_studio.core import export
from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import set_status


def test_snapshot_freezes_approved_pairs_with_splits(project):
    ids = make_pairs(project, 30, status_cycle=("approved", "approved", "new"))
    snap = export.create_snapshot(project, "v1", "first", validation_split=0.2, heldout=2)
    assert snap.pair_count == 20
    assert sum(snap.split_counts.values()) == 20
    assert snap.split_counts["heldout"] == 2
    assert snap.split_counts["validation"] == round(18 * 0.2)
    assert snap.system_prompt == project.system_prompt
    assert snap.settings["validation_split"] == 0.2
    frozen = {e.pair_id for e in export.snapshot_examples(project, snap.id)}
    approved = {i for n, i in enumerate(ids) if n % 3 != 2}
    assert frozen == approved
    assert [s.name for s in export.list_snapshots(project)] == ["v1"]
    assert export.get_snapshot(project, "v1").id == snap.id


def test_hash_is_stable_and_tracks_content(project):
    ids = make_pairs(project, 12)
    a = export.create_snapshot(project, "a", seed=7)
    b = export.create_snapshot(project, "b", "another note", seed=7)
    assert a.content_hash == b.content_hash  # name, note and time are not content
    assert a.content_hash == export.content_hash(
        a.system_prompt, list(reversed(export.snapshot_examples(project, a.id))))
    edit_answer(project, ids[0], "Новый ответ")
    c = export.create_snapshot(project, "c", seed=7)
    assert c.content_hash != a.content_hash
    d = export.create_snapshot(project, "d", seed=8)  # another split is another content
    assert d.content_hash != c.content_hash
    assert export.verify_snapshot(project, a.id)


def test_later_edits_do_not_change_a_snapshot(project):
    ids = make_pairs(project, 12)
    snap = export.create_snapshot(project, "v1")
    before = {e.pair_id: e.answer for e in export.snapshot_examples(project, snap.id)}
    edit_answer(project, ids[3], "Исправленный ответ")
    set_status(project, [ids[4]], "rejected")
    after = {e.pair_id: e.answer for e in export.snapshot_examples(project, snap.id)}
    assert after == before
    assert export.verify_snapshot(project, snap.id)


def test_frozen_example_keeps_provenance(project):
    ids = make_pairs(project, 10)
    edit_answer(project, ids[1], "Правка")
    snap = export.create_snapshot(project, "v1", validation_split=0)
    example = {e.pair_id: e for e in export.snapshot_examples(project, snap.id)}[ids[1]]
    assert example.edited and example.answer == "Правка"
    assert example.chat_name == "Питание"
    assert example.asker_name == "Иван"
    assert example.topics == ["питание"]
    assert example.message_ids == [12, 13]


def test_filter_by_chat_and_topic(project):
    make_pairs(project, 30)
    snap = export.create_snapshot(
        project, "run", pair_filter=export.PairFilter(statuses=("approved",), chat_ids=(-1001,),
                                                      topics=("бег",)))
    examples = export.snapshot_examples(project, snap.id)
    assert examples and all(e.chat_id == -1001 and e.topics == ["бег"] for e in examples)


@pytest.mark.parametrize("kwargs, words", [
    ({"name": "  "}, "needs a name"),
    ({"name": "v1", "validation_split": 1.0}, "validation share"),
    ({"name": "v1", "heldout": 50}, "leave no pairs"),
    ({"name": "v1", "pair_filter": export.PairFilter(statuses=("rejected",))}, "No pairs match"),
])
def test_bad_settings_are_explained(project, kwargs, words):
    make_pairs(project, 10)
    with pytest.raises(StudioError, match=words):
        export.create_snapshot(project, **kwargs)
    assert export.list_snapshots(project) == []


def test_duplicate_name_and_missing_snapshot(project):
    make_pairs(project, 10)
    export.create_snapshot(project, "v1")
    with pytest.raises(StudioError, match="already exists"):
        export.create_snapshot(project, "v1")
    with pytest.raises(StudioError, match="no snapshot"):
        export.get_snapshot(project, "v2")


def test_delete_snapshot_keeps_jobs(project):
    make_pairs(project, 10)
    snap = export.create_snapshot(project, "v1")
    with project.transaction() as conn:
        conn.execute("INSERT INTO jobs(provider, snapshot_id, base_model) VALUES ('openai', ?, 'm')",
                     (snap.id,))
    export.delete_snapshot(project, snap.id)
    assert export.list_snapshots(project) == []
    assert project.conn.execute("SELECT snapshot_id FROM jobs").fetchone()[0] is None
    assert project.conn.execute("SELECT count(*) FROM snapshot_pairs").fetchone()[0] == 0


def test_frozen_content_has_every_field_but_the_split():
    from dataclasses import fields

    from natasha_studio.core.export.selection import Example

    example = Example(pair_id=1, turns=[{"role": "user", "text": "q"}])
    assert set(example.content()) == {f.name for f in fields(Example)} - {"split"}
    assert export.Example.from_content(example.content(), "heldout").split == "heldout"
