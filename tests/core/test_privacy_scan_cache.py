"""The scan cache in flat memory: only pairs whose text changed are read again, rows are
read page by page, and a project held by another writer is reported as ``ScanBusy``
while readers never fail."""

from __future__ import annotations

import pytest

from natasha_studio.core.curation import bulk
from natasha_studio.core.meaning import EMBEDDING_FILE, natasha_data_dir
from natasha_studio.core.pairs import Turn, add_pair, get_pair, set_status, set_turns
from natasha_studio.core.privacy import (
    ScanBusy,
    iter_findings,
    privacy_check,
    refresh_scan,
    refresh_summary,
    scan_pairs,
)
from natasha_studio.core.privacy import scan as scan_module
from natasha_studio.core.store import Project


@pytest.fixture
def pairs(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name) VALUES (1, 'Марина Иванова')")
    ids = []
    for i in range(7):
        question = f"Марина спрашивает про пульс, вопрос {i}" if i % 2 else f"Сколько бегать {i}?"
        ids.append(add_pair(project, [Turn("user", question, 1),
                                      Turn("assistant", f"Три раза, ответ {i}.", 2)]))
    return ids


@pytest.fixture
def detections(monkeypatch):
    """How many pairs each detector call was given (and whether one was built at all)."""
    calls: list[int] = []
    real = scan_module.detector_for

    def counting(project):
        det = real(project)

        class Counting:
            config = det.config

            def detect_turns(self, turn_texts):
                calls.append(len(turn_texts))
                return det.detect_turns(turn_texts)

        calls.append(0)  # built
        return Counting()

    monkeypatch.setattr(scan_module, "detector_for", counting)
    return calls


def test_status_topic_and_deletion_changes_read_no_text(project, pairs, detections):
    assert refresh_scan(project) == 7
    detections.clear()
    bulk.set_statuses(project, pairs, "approved")
    bulk.change_topic(project, pairs, "бег", True)
    bulk.set_deleted(project, pairs[:2], True)
    bulk.set_deleted(project, pairs[:2], False)
    assert refresh_scan(project) == 0
    assert detections == []  # not even built: no text needed reading
    # The stamps were refreshed: the next pass does not even hash the texts.
    stale = project.conn.execute(
        "SELECT count(*) FROM pairs p JOIN privacy_scan s ON s.pair_id = p.id"
        " WHERE s.pair_updated != p.updated_at").fetchone()[0]
    assert stale == 0

    turns = get_pair(project, pairs[2]).turns
    turns[1] = Turn("assistant", "Спросите у Марины.", 2)
    set_turns(project, pairs[2], turns)
    assert refresh_scan(project, pairs) == 1
    assert detections == [0, 1]
    assert [f.text for f in scan_pairs(project, [pairs[2]])[pairs[2]]] == ["Марины"]


def test_pages_cover_every_pair_in_order(project, pairs, monkeypatch):
    monkeypatch.setattr(scan_module, "_PAGE", 2)
    monkeypatch.setattr(scan_module, "_BATCH", 3)
    monkeypatch.setattr(scan_module, "_IDS", 3)
    calls = []
    assert refresh_scan(project, progress=lambda d, t, _x="": calls.append((d, t))) == 7
    assert calls[0] == (0, 7) and calls[-1] == (7, 7)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    found = list(iter_findings(project))
    assert [pid for pid, _ in found] == pairs
    assert {pid for pid, items in found if items} == set(pairs[1::2])
    assert [pid for pid, _ in iter_findings(project, reversed(pairs[2:5]))] == pairs[2:5]
    summary = refresh_summary(project, with_ids=True)
    assert (summary.flagged, summary.total, summary.rescanned) == (3, 7, 0)
    assert summary.flagged_ids == pairs[1::2]
    report = privacy_check(project)
    assert report.pairs_checked == 7 and report.pair_ids == pairs[1::2]


def test_a_held_project_is_busy_for_the_scan_but_never_for_readers(project, pairs):
    set_status(project, pairs, "approved")  # never scanned: a scan has to write
    other = Project.open(project.path)
    try:
        other.conn.execute("PRAGMA busy_timeout = 50")
        with project.transaction() as conn:  # a bulk change being written
            conn.execute("UPDATE pairs SET status = 'rejected'")
            with pytest.raises(ScanBusy) as caught:
                refresh_scan(other)
            assert "busy" in caught.value.message and caught.value.hint
            # Readers see the last committed state while the writer holds the lock.
            assert other.conn.execute(
                "SELECT count(*) FROM pairs WHERE status = 'approved'").fetchone()[0] == 7
            assert list(iter_findings(other)) == []
        # Nothing was lost: the next attempt finds the same pairs stale and scans them.
        assert refresh_scan(other) == 7
    finally:
        other.close()


def test_embeddings_read_directly_equal_navecs_own_loading():
    from navec import Navec

    from natasha_studio.core.privacy import ner

    path = natasha_data_dir() / "emb" / EMBEDDING_FILE
    ours, theirs = ner._embeddings(path), Navec.load(str(path))
    assert ours.meta.id == theirs.meta.id
    assert (ours.pq.indexes == theirs.pq.indexes).all()
    assert (ours.pq.codes == theirs.pq.codes).all()
    assert ner.entities(["Марина Иванова живёт в Казани"]) == [
        [(0, 14, "person"), (23, 29, "place")]]

