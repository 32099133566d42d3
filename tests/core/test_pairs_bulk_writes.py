"""Bulk curation changes: one transaction with progress; undone exactly; a change stopped
half-way (Stop, or the window closing) leaves the project exactly as it was."""

from __future__ import annotations

import pytest
from pairs_data import populate

from natasha_studio.core.curation import bulk, replace
from natasha_studio.core.errors import Cancelled
from natasha_studio.core.pairs import get_pair


def _state(project):
    q = project.conn.execute
    return (q("SELECT id, status, deleted, turns, notes FROM pairs ORDER BY id").fetchall(),
            q("SELECT pair_id, topic_id FROM pair_topics ORDER BY 1, 2").fetchall(),
            q("SELECT count(*) FROM pair_edits").fetchone()[0])


def _stop_after(steps):
    calls = []

    def progress(done, total, _detail=""):
        calls.append((done, total))
        if len(calls) > steps:
            raise Cancelled()

    return progress, calls


@pytest.fixture
def ids(project, monkeypatch):
    monkeypatch.setattr(bulk, "CHUNK", 25)  # several steps with a small project
    return populate(project, 120)


def test_statuses_with_progress_and_exact_undo(project, ids):
    before = _state(project)
    calls = []
    previous = bulk.set_statuses(project, ids, "approved",
                                 lambda d, t, _x="": calls.append((d, t)))
    assert {get_pair(project, i).status for i in ids} == {"approved"}
    assert set(previous) == {i for i, s in zip(ids, before[0], strict=True) if s[1] != "approved"}
    assert calls[0] == (0, 120) and calls[-1] == (120, 120) and len(calls) == 1 + 120 // 25 + 1
    bulk.put_back_statuses(project, previous)
    assert _state(project)[:2] == before[:2]


@pytest.mark.parametrize("change", ["status", "topic", "delete", "replace", "merge"])
def test_a_change_stopped_half_way_writes_nothing(project, ids, change):
    before = _state(project)
    progress, calls = _stop_after(2)
    with pytest.raises(Cancelled):
        if change == "status":
            bulk.set_statuses(project, ids, "rejected", progress)
        elif change == "topic":
            bulk.change_topic(project, ids, "растяжка", True, progress)
        elif change == "delete":
            bulk.set_deleted(project, ids, True, progress)
        elif change == "replace":
            plan = replace.plan_replace(project, ids, "а", "о", scope="all")
            assert len(plan) > 50
            bulk.apply_replace(project, plan, progress)
        else:
            groups = [(ids[i], [ids[i + 1]]) for i in range(0, 100, 2)]
            bulk.merge_duplicates(project, groups, progress)
    assert len(calls) == 3  # it was stopped after writing two steps
    assert _state(project) == before


def test_topics_deletion_replace_and_merge_undo_exactly(project, ids):
    before = _state(project)
    topics = bulk.change_topic(project, ids, "растяжка", True)
    assert all("растяжка" in get_pair(project, i).topics for i in ids)
    bulk.put_back_topics(project, topics)
    assert _state(project)[1] == before[1]

    changed = bulk.set_deleted(project, ids[:70], True)
    assert len(changed) == 70 and project.counts()["pairs"] == 50
    bulk.set_deleted(project, changed, False)
    assert project.counts()["pairs"] == 120

    plan = replace.plan_replace(project, ids, "а", "о", scope="all")
    result = bulk.apply_replace(project, plan)
    assert set(result.applied) == {c.pair_id for c in plan} and not result.skipped
    assert all("а" not in t.text for c in plan for t in get_pair(project, c.pair_id).turns)
    bulk.undo_replace(project, result.applied)

    groups = [(ids[i], [ids[i + 1], ids[i + 2]]) for i in range(0, 90, 3)]
    results = bulk.merge_duplicates(project, groups)
    assert {get_pair(project, others[0]).status for _k, others in groups} == {"rejected"}
    bulk.undo_merges(project, results)
    assert _state(project)[:2] == before[:2]
