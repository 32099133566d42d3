"""Curation core: filters and search agree with a direct reading of the pairs; bulk changes,
find-and-replace, split, merge and duplicate groups do what they say and can be undone."""

from __future__ import annotations

import re

import pytest
from pairs_data import populate

from natasha_studio.core.curation import filters, operations, replace, search
from natasha_studio.core.curation.duplicates import find_duplicate_groups
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.curation.reasons import reason_text
from natasha_studio.core.curation.thread import message_link, thread_around
from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import (
    Turn,
    add_pair,
    count_pairs,
    get_pair,
    has_pairs,
    pair_topics,
    set_field,
    set_status,
    set_turns,
)


def _all_pairs(project):
    rows = project.conn.execute(
        "SELECT p.*, (SELECT group_concat(t.name) FROM pair_topics pt JOIN topics t"
        " ON t.id = pt.topic_id WHERE pt.pair_id = p.id) AS topic_names FROM pairs p").fetchall()
    return [dict(r) for r in rows]


def _expected(project, pred):
    return sorted(r["id"] for r in _all_pairs(project) if pred(r))


@pytest.mark.parametrize("flt, pred", [
    (PairFilter(), lambda r: not r["deleted"]),
    (PairFilter(statuses=("approved", "needs_work")),
     lambda r: r["status"] in ("approved", "needs_work")),
    (PairFilter(chat_ids=(-1000000000101,)), lambda r: r["chat_id"] == -1000000000101),
    (PairFilter(topic="сон"), lambda r: "сон" in (r["topic_names"] or "").split(",")),
    (PairFilter(min_quality=0.3, max_quality=0.7),
     lambda r: r["quality"] is not None and 0.3 <= r["quality"] <= 0.7),
    (PairFilter(origins=("implicit",)), lambda r: r["origin"] == "implicit"),
    (PairFilter(search="колен"),
     lambda r: search.text_matches(r["question"], r["answer"], "колен")),
    (PairFilter(search="БЕГ утро"),
     lambda r: search.text_matches(r["question"], r["answer"], "БЕГ утро")),
    (PairFilter(search="Run"), lambda r: search.text_matches(r["question"], r["answer"], "Run")),
    (PairFilter(search=r"колен\w+\?", regex=True),
     lambda r: bool(re.search(r"колен\w+\?", r["question"] + "\n" + r["answer"], re.I))),
    (PairFilter(statuses=("new",), search="вода", origins=("reply",)),
     lambda r: r["status"] == "new" and r["origin"] == "reply"
     and search.text_matches(r["question"], r["answer"], "вода")),
])
def test_filter_matches_a_direct_reading(project, flt, pred):
    populate(project)
    got = filters.matching_ids(project, flt, sort="id", descending=False)
    want = _expected(project, lambda r: not r["deleted"] and pred(r))
    assert list(got) == want
    assert filters.count_matching(project, flt) == len(want)
    assert want, "the filter should match some of the test pairs"


def test_search_follows_edits_and_ignores_case_and_yo(project):
    ids = populate(project, 30)
    set_turns(project, ids[0], [Turn("user", "Ёлка?"), Turn("assistant", "Зелёная Пальма")])
    found = filters.matching_ids(project, PairFilter(search="елк пальм"))
    assert list(found) == [ids[0]]
    assert search.pending_count(project) == 0
    set_turns(project, ids[0], None)
    assert list(filters.matching_ids(project, PairFilter(search="пальм"))) == []


def test_search_index_steps_aside_for_a_waiting_writer(project):
    """Filling the index lets a writer waiting for the project in between its steps; a pair
    that writer changed (later in the same batch) keeps its mark, so its new text is
    indexed on the next round rather than the text read before its edit."""
    import threading

    from natasha_studio.core.store import Project

    ids = populate(project, 30)
    order: list[str] = []
    edited = ids[-1]
    other = Project.open(project.path)
    real_pause = project.pause_point

    def edit() -> None:
        set_turns(other, edited, [Turn("user", "Ёлка?"), Turn("assistant", "Кактус")])
        order.append("edited")

    def pause_point() -> bool:
        if not order:
            order.append("first step written")
            writer = threading.Thread(target=edit)
            writer.start()
            while not project._gate.waiting:  # the edit waits for the index's transaction
                threading.Event().wait(0.001)
            paused = real_pause()
            writer.join()
            assert paused
            return paused
        return real_pause()

    project.pause_point = pause_point
    try:
        search.sync_search_index(project, step=5)
    finally:
        other.close()
    assert order == ["first step written", "edited"]
    assert search.pending_count(project) == 0  # the edited pair's mark, kept, came round again
    assert list(filters.matching_ids(project, PairFilter(search="кактус"))) == [edited]


def test_edited_filter_and_sorting(project):
    ids = populate(project, 40)
    set_turns(project, ids[3], [Turn("user", "q"), Turn("assistant", "a")])
    assert list(filters.matching_ids(project, PairFilter(edited=True))) == [ids[3]]
    for key in filters.SORT_KEYS:
        got = filters.matching_ids(project, PairFilter(), sort=key)
        assert sorted(got) == sorted(ids)
    by_quality = filters.matching_ids(project, PairFilter(), sort="quality", descending=False)
    qualities = [get_pair(project, i).quality for i in by_quality]
    assert [q if q is not None else -1 for q in qualities] == \
        sorted(q if q is not None else -1 for q in qualities)


def test_bad_regex_is_explained(project):
    populate(project, 5)
    with pytest.raises(StudioError, match="regular expression"):
        filters.matching_ids(project, PairFilter(search="(колен", regex=True))


def test_summaries_show_previews_topics_and_edits(project):
    ids = populate(project, 10)
    rows = filters.summaries(project, ids)
    assert set(rows) == set(ids)
    assert rows[ids[0]].topics in ("", "бег", "питание", "сон", "травмы")
    assert rows[ids[1]].chat == "Питание и сон"


def test_soft_delete_and_restore(project):
    ids = populate(project, 10)
    assert operations.set_deleted(project, ids[:3], True) == ids[:3]
    assert ids[0] not in filters.matching_ids(project, PairFilter())
    assert sorted(filters.matching_ids(project, PairFilter(deleted=True))) == ids[:3]
    operations.set_deleted(project, ids[:3], False)
    assert filters.count_matching(project, PairFilter()) == 10


def test_topic_bulk_change_and_undo(project):
    ids = populate(project, 9)
    before = operations.change_topic(project, ids, "травмы", add=True)
    assert all("травмы" in pair_topics(project, i) for i in ids)
    operations.restore_topics(project, before)
    assert [pair_topics(project, i) for i in ids] == \
        [before.get(i, pair_topics(project, i)) for i in ids]
    with pytest.raises(StudioError):
        operations.change_topic(project, ids, "  ", add=True)


def test_replace_preview_is_what_is_applied(project):
    ids = populate(project, 60)
    plan = replace.plan_replace(project, ids, "бег", "пробежка", scope="answers")
    assert plan and all(c.count for c in plan)
    result = replace.apply_replace(project, plan)
    assert not result.skipped
    for change in plan:
        assert [t.text for t in get_pair(project, change.pair_id).turns] == \
            [t.text for t in change.new_turns]
        for tc in change.changes:
            assert tc.after == re.sub("бег", "пробежка", tc.before, flags=re.I)
    untouched = set(ids) - {c.pair_id for c in plan}
    assert all(not get_pair(project, i).edited for i in untouched)
    replace.undo_replace(project, result.applied)
    assert all(not get_pair(project, c.pair_id).edited for c in plan)


def test_replace_skips_pairs_changed_since_preview(project):
    ids = populate(project, 20)
    plan = replace.plan_replace(project, ids, "бег", "бeг2", scope="all")
    target = plan[0].pair_id
    set_turns(project, target, [Turn("user", "другое"), Turn("assistant", "совсем")])
    result = replace.apply_replace(project, plan)
    assert result.skipped == [target]
    assert get_pair(project, target).answer == "совсем"


def test_replace_regex_groups_and_errors(project):
    ids = populate(project, 20)
    plan = replace.plan_replace(project, ids, r"(\w+)\.$", r"\1!", regex=True)
    assert plan and all(c.changes[0].after.endswith("!") for c in plan)
    with pytest.raises(StudioError):
        replace.plan_replace(project, ids, "(", "x", regex=True)
    with pytest.raises(StudioError):
        replace.plan_replace(project, ids, "a", r"\5", regex=True)
    with pytest.raises(StudioError):
        replace.plan_replace(project, ids, "", "x")


def test_split_and_undo(project):
    turns = [Turn("user", "q1"), Turn("assistant", "a1"), Turn("user", "q2"),
             Turn("assistant", "a2")]
    from natasha_studio.core.pairs import add_pair
    pid = add_pair(project, turns, origin="reply")
    assert operations.split_points(turns) == [2]
    with pytest.raises(StudioError):
        operations.split_pair(project, pid, 1)
    result = operations.split_pair(project, pid, 2)
    assert get_pair(project, pid).answer == "a1"
    assert get_pair(project, result.new_pair_id).question == "q2"
    operations.undo_split(project, result)
    assert get_pair(project, result.new_pair_id) is None
    assert get_pair(project, pid).answer == "a2" and not get_pair(project, pid).edited


def test_merge_turns():
    turns = [Turn("user", "q"), Turn("assistant", "a1", message_ids=[1]),
             Turn("assistant", "a2", message_ids=[2])]
    merged = operations.merge_turn_with_next(turns, 1)
    assert [t.text for t in merged] == ["q", "a1\n\na2"] and merged[1].message_ids == [1, 2]
    with pytest.raises(StudioError):
        operations.merge_turn_with_next(turns, 0)


def test_duplicate_groups_and_merge(project):
    ids = populate(project, 60)
    from natasha_studio.core.pairs import add_pair
    near = add_pair(project, [Turn("user", "Как бегать с больным  коленом??"),
                              Turn("assistant", "Осторожно.")])
    far = add_pair(project, [Turn("user", "Какой белок на завтрак лучше всего?"),
                             Turn("assistant", "Творог.")])
    groups = find_duplicate_groups(project)
    knee = [i for i in ids if get_pair(project, i).question == "Как бегать с больным коленом?"
            and get_pair(project, i).status != "rejected"]
    assert sorted(knee + [near]) in groups
    assert not any(far in g for g in groups)
    group = next(g for g in groups if near in g)
    keep = operations.best_to_keep([get_pair(project, i) for i in group])
    result = operations.merge_duplicates(project, keep.id, group)
    assert all(get_pair(project, i).status == "rejected" for i in group if i != keep.id)
    assert f"#{keep.id}" in get_pair(project, near if near != keep.id else group[0]).notes
    operations.undo_merge(project, result)
    assert get_pair(project, near).status == "new" and get_pair(project, near).notes == ""


def test_cli_style_operation_log_undo(project):
    ids = populate(project, 12)
    previous = set_status(project, ids, "approved")
    operations.record_operation(project, "status", "approve", len(previous),
                                {"statuses": previous})
    undone = operations.undo_last_operation(project)
    assert undone["kind"] == "status"
    assert [get_pair(project, i).status for i in ids] == \
        [("new", "approved", "rejected", "needs_work")[k % 4] for k in range(12)]
    assert operations.undo_last_operation(project) is None


def test_thread_and_links(project):
    ids = populate(project, 5)
    pair = get_pair(project, ids[0])
    thread = thread_around(project, pair)
    texts = [m.text for m in thread]
    assert "Всем привет!" in texts and pair.question in texts and pair.answer in texts
    assert [m.in_pair for m in thread].count(True) == 2
    answer = next(m for m in thread if m.text == pair.answer)
    assert answer.link == f"https://t.me/runclub/{answer.id}"
    assert message_link(-1000000000102, None, 5) == "https://t.me/c/102/5"
    assert message_link(-5001, None, 5) is None
    assert message_link(None, "x", 5) is None


def test_reason_text():
    assert reason_text("short_answer") != "short_answer"
    assert reason_text("weird_code") == "weird_code"


def test_pairs_are_counted_without_the_deleted_ones(project):
    assert (count_pairs(project), has_pairs(project)) == (0, False)
    turns = [Turn("user", "Как дела?"), Turn("assistant", "Хорошо")]
    first, second = add_pair(project, turns), add_pair(project, turns)
    set_field(project, first, "deleted", True)
    assert (count_pairs(project), has_pairs(project)) == (1, True)
    set_field(project, second, "deleted", True)
    assert (count_pairs(project), has_pairs(project)) == (0, False)
