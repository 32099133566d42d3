"""Bulk curation changes: one transaction with progress; undone exactly; a change stopped
half-way (Stop, or the window closing) leaves the project exactly as it was."""

from __future__ import annotations

import json

import pytest
from pairs_data import populate

from natasha_studio.core import pairs
from natasha_studio.core.curation import bulk, operations, replace
from natasha_studio.core.errors import Cancelled
from natasha_studio.core.pairs import get_pair
from natasha_studio.core.store import Project


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


def _statements(project):
    seen: list[str] = []
    project.conn.set_trace_callback(seen.append)
    return seen


def test_many_pairs_change_in_few_statements_with_every_change_logged(project, ids):
    pairs.set_status(project, ids[:3], "approved")  # some already have the status wanted
    approved_before = {r[0] for r in project.conn.execute(
        "SELECT id FROM pairs WHERE status = 'approved'")}
    edits = project.conn.execute("SELECT count(*) FROM pair_edits").fetchone()[0]
    seen = _statements(project)
    many = ids * 30  # 3,600 ids (repeats are harmless): four lists of up to 900
    previous = pairs.set_status(project, many, "approved")
    project.conn.set_trace_callback(None)
    # Per list of 900 ids: a SELECT, an UPDATE and one INSERT run for all its rows
    # (executemany traces each row, so the INSERTs are counted by kind).
    kinds = [s.split()[0] for s in seen if not s.startswith("INSERT INTO pair_edits")]
    assert 4 <= len(kinds) <= 3 * 4 + 4, kinds
    assert set(previous) == {i for i in ids if i not in approved_before}
    logged = project.conn.execute(
        "SELECT pair_id, before, after FROM pair_edits WHERE id > (SELECT max(id) - ? FROM"
        " pair_edits) ORDER BY pair_id", (len(previous),)).fetchall()
    assert project.conn.execute("SELECT count(*) FROM pair_edits").fetchone()[0] \
        == edits + len(previous)
    assert [(r[0], json.loads(r[1]), json.loads(r[2])) for r in logged] == \
        [(pid, previous[pid], "approved") for pid in sorted(previous)]
    assert {get_pair(project, i).status for i in ids} == {"approved"}

    seen = _statements(project)
    before = operations.change_topic(project, many, "растяжка", True)
    deleted = operations.set_deleted(project, list(reversed(ids)), True)
    project.conn.set_trace_callback(None)
    assert len([s for s in seen if not s.startswith("INSERT INTO pair_")]) < 40
    assert deleted == list(reversed(ids))  # in the order given
    assert all("растяжка" in get_pair(project, i).topics for i in ids)
    operations.restore_topics(project, before)
    operations.set_deleted(project, ids, False)
    assert all("растяжка" not in get_pair(project, i).topics for i in ids)
    assert project.counts()["pairs"] == 120


def test_a_reader_never_fails_while_a_bulk_change_is_written(project, ids):
    reader = Project.open(project.path)
    try:
        def read(_done, _total, _detail=""):
            # WAL: readers see the last committed state, whatever the writer holds.
            assert reader.conn.execute(
                "SELECT count(*) FROM pairs WHERE status = 'rejected'").fetchone()[0] == rejected
            counts.append(reader.counts()["pairs"])

        rejected = reader.conn.execute(
            "SELECT count(*) FROM pairs WHERE status = 'rejected'").fetchone()[0]
        counts: list[int] = []
        bulk.set_statuses(project, ids, "rejected", read)
        assert counts and set(counts) == {120}
    finally:
        reader.close()
