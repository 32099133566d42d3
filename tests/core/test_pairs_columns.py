"""The in-memory columns answer every filter and sort exactly as the SQL query does, and stay
right after status, text, topic and structural changes."""

from __future__ import annotations

import random

import pytest
from pairs_data import CHATS, populate

from natasha_studio.core.curation import filters, operations
from natasha_studio.core.curation.columns import PairColumns
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.errors import Cancelled, StudioError
from natasha_studio.core.pairs import Turn, get_pair, set_status, set_turns

SEARCHES = ["", "колен", "бег утро", "Run", "ё", "!!", r"колен\w+", "бол|сон"]


def _random_filter(rng: random.Random) -> PairFilter:
    """A few conditions at a time, so that most filters still match some pairs."""
    text = rng.choice(SEARCHES)
    fields = dict(
        statuses=tuple(rng.sample(["new", "approved", "rejected", "needs_work"], 2)),
        chat_ids=tuple(rng.sample([c[0] for c in CHATS], rng.choice([1, 2]))),
        topic=rng.choice(["сон", "бег", "нет такой"]),
        min_quality=rng.choice([0.2, 0.5]),
        max_quality=rng.choice([0.6, 0.9]),
        origins=(rng.choice(["reply", "implicit", "manual"]),),
        edited=rng.choice([True, False]),
        deleted=rng.random() < 0.3,
    )
    chosen = {k: fields[k] for k in rng.sample(sorted(fields), rng.choice([0, 1, 2, 3]))}
    return PairFilter(search=text, regex=text in (r"колен\w+", "бол|сон"), **chosen)


def _assert_same(project, columns, flt, sort, descending):
    want = list(filters.matching_ids(project, flt, sort, descending))
    got = columns.query(flt, sort, descending).tolist()
    assert got == want, (flt, sort, descending)


def _shake(project, ids):
    """Edits that touch every sort key: status, text, topics, deletion, an orphan chat."""
    set_status(project, ids[:30], "approved")
    set_turns(project, ids[5], [Turn("user", "Аааа первый вопрос?"),
                                Turn("assistant", "яяя последний ответ")])
    operations.change_topic(project, ids[10:40], "сон", True)
    operations.set_deleted(project, ids[50:60], True)
    with project.transaction() as conn:
        conn.execute("UPDATE pairs SET quality = NULL, chat_id = NULL WHERE id = ?", (ids[70],))
        conn.execute("UPDATE pairs SET quality = 0.55, answer_date = NULL WHERE id = ?",
                     (ids[71],))


def test_every_filter_and_sort_matches_the_sql_query(project):
    ids = populate(project, 160)
    _shake(project, ids)
    columns = PairColumns(project)
    rng = random.Random(3)
    matched = 0
    for _ in range(80):
        flt = _random_filter(rng)
        sort = rng.choice(filters.SORT_KEYS)
        _assert_same(project, columns, flt, sort, rng.random() < 0.5)
        matched += bool(len(filters.matching_ids(project, flt)))
    assert matched > 40  # the comparison is not mostly between empty lists
    for sort in filters.SORT_KEYS:
        for descending in (False, True):
            _assert_same(project, columns, PairFilter(), sort, descending)
    assert columns.live_count() == project.counts()["pairs"]


@pytest.mark.parametrize("sort", ["question", "answer", "topics", "status", "quality",
                                  "chat", "date", "edited"])
def test_updates_keep_orders_right(project, sort):
    ids = populate(project, 90)
    columns = PairColumns(project)
    columns.order(sort)  # kept, then changed underneath
    _shake(project, ids)
    changed = ids[:80]
    assert columns.update(changed)
    for descending in (False, True):
        _assert_same(project, columns, PairFilter(), sort, descending)
        _assert_same(project, columns, PairFilter(statuses=("approved",)), sort, descending)


def test_added_pairs_ask_for_a_full_reload(project):
    ids = populate(project, 20)
    columns = PairColumns(project)
    new_id = operations.add_manual_pair(project, "Новый вопрос?", "Ответ.")
    assert not columns.update([new_id, ids[0]])
    columns.load()
    assert new_id in columns.query(PairFilter(), "id").tolist()


def test_a_bad_pattern_is_explained_and_a_scan_can_be_stopped(project):
    populate(project, 30)
    columns = PairColumns(project)
    with pytest.raises(StudioError):
        columns.query(PairFilter(search="(колен", regex=True))

    def stop(done, total, detail):
        raise Cancelled()

    with pytest.raises(Cancelled):
        columns.query(PairFilter(search="колен", regex=True), progress=stop)


def test_new_text_is_found_by_word_search(project):
    ids = populate(project, 20)
    columns = PairColumns(project)
    pair = get_pair(project, ids[3])
    set_turns(project, ids[3], [*pair.turns[:-1], Turn("assistant", "Пейте какао")])
    assert columns.update([ids[3]])
    assert columns.query(PairFilter(search="какао")).tolist() == [ids[3]]
