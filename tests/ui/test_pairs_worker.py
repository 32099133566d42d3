"""The table's queries run on a worker thread: what it shows equals a direct query, an
answer to an older request never replaces a newer one, and a search typed while the word
index is incomplete still finds everything."""

from __future__ import annotations

import threading

import numpy as np
from pairs_data import populate
from PySide6.QtCore import Qt

from natasha_studio.core.curation import filters, search
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.pairs import Turn, get_pair, set_turns
from natasha_studio.ui.pairs import worker as worker_module
from natasha_studio.ui.pairs.model import COLUMNS
from natasha_studio.ui.pairs.tab import PairsTab
from natasha_studio.ui.pairs.worker import FilterResult


def _tab(qtbot, ctx, n=120):
    populate(ctx.project, n)
    tab = PairsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    _settle(qtbot, tab)
    return tab


def _settle(qtbot, tab):
    qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)


def test_filters_and_sorts_through_the_worker_equal_a_direct_query(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    project = ctx.project
    assert tab.model.ids() == list(filters.matching_ids(project, PairFilter()))
    bar = tab.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(("new", "needs_work")))
    bar.search.setText("бег")
    qtbot.waitUntil(lambda: tab.model.filter.search == "бег", timeout=3000)
    _settle(qtbot, tab)
    for key in ("question", "topics", "quality", "chat", "date"):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            tab.table.sortByColumn(COLUMNS.index(key), order)
            _settle(qtbot, tab)
            want = filters.matching_ids(project, bar.current(), key,
                                        order == Qt.SortOrder.DescendingOrder)
            assert tab.model.ids() == list(want) and want, (key, order)
    assert str(len(tab.model.ids())) in bar.count_label.text()
    # The current pair stays current across a re-sort.
    tab.select_row(3)
    pid = tab.detail.current_pair_id()
    tab.table.sortByColumn(COLUMNS.index("answer"), Qt.SortOrder.AscendingOrder)
    _settle(qtbot, tab)
    assert tab.model.pair_id(tab.table.currentIndex().row()) == pid


def test_an_edit_is_seen_by_the_next_query(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 30)
    pid = tab.model.pair_id(5)
    tab.select_row(5)
    tab.actions_by_name["approve"].trigger()
    pair = get_pair(ctx.project, pid)
    set_turns(ctx.project, pid, [*pair.turns[:-1], Turn("assistant", "Пейте какао")])
    tab._notify({pid})
    tab.filter_bar.status.setCurrentIndex(tab.filter_bar.status.findData(("approved",)))
    tab.filter_bar.search.setText("какао")
    qtbot.waitUntil(lambda: tab.model.filter.search == "какао", timeout=3000)
    _settle(qtbot, tab)
    assert tab.model.ids() == [pid]


def test_a_stale_answer_never_replaces_a_newer_one(qtbot, ctx_with_project, monkeypatch):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 150)
    monkeypatch.setattr("natasha_studio.core.curation.columns._SCAN_CHUNK", 5)
    newer_asked, scan_started = threading.Event(), threading.Event()
    real_query = worker_module.PairColumns.query
    calls = []

    def query(self, flt, sort="date", descending=True, progress=None):
        calls.append(flt)
        if flt.regex and flt.search:
            # The regular expression's scan is overtaken while it runs.
            scan_started.set()
            assert newer_asked.wait(5)
        return real_query(self, flt, sort, descending, progress)

    monkeypatch.setattr(worker_module.PairColumns, "query", query)
    answered = []
    tab.model._worker.result.connect(lambda res: answered.append(res.generation))
    bar = tab.filter_bar
    bar.regex.setChecked(True)
    bar.search.setText("колен")
    bar.search.returnPressed.emit()
    old = tab.model._worker.latest()
    qtbot.waitUntil(scan_started.is_set, timeout=3000)
    bar.regex.setChecked(False)  # a newer request while the scan waits
    new = tab.model._worker.latest()
    newer_asked.set()
    _settle(qtbot, tab)
    assert new > old and old not in answered and answered[-1] == new
    want = list(filters.matching_ids(ctx.project, PairFilter(search="колен")))
    assert tab.model.ids() == want and want
    assert [f.regex for f in calls][-2:] == [True, False]
    # An old answer that still arrives (e.g. queued before the newer request) is dropped.
    stale = FilterResult(old, np.array(want[:1], dtype=np.int64), True, 1, 1,
                         PairFilter(search="колен", regex=True), "date", True)
    tab.model._worker.result.emit(stale)
    assert tab.model.ids() == want and not tab.model.filter.regex


def test_one_letter_asks_for_another_and_keeps_the_table(qtbot, ctx_with_project):
    tab = _tab(qtbot, ctx_with_project, 40)
    bar = tab.filter_bar
    bar.search.setText("к")
    bar.search.returnPressed.emit()
    _settle(qtbot, tab)
    assert bar.hint_label.isVisibleTo(bar) and len(tab.model.ids()) == 40
    bar.search.setText("ко")
    bar.search.returnPressed.emit()
    _settle(qtbot, tab)
    assert not bar.hint_label.isVisibleTo(bar)
    want = filters.matching_ids(ctx_with_project.project, PairFilter(search="ко"))
    assert tab.model.ids() == list(want)


def test_search_on_a_project_not_yet_indexed(qtbot, ctx_with_project):
    ctx = ctx_with_project
    populate(ctx.project, 60)
    with ctx.project.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO pair_search_dirty(pair_id) SELECT id FROM pairs")
    tab = PairsTab(ctx)
    qtbot.addWidget(tab)
    _settle(qtbot, tab)
    tab.filter_bar.search.setText("колен")
    tab.filter_bar.search.returnPressed.emit()
    _settle(qtbot, tab)
    rows = ctx.project.conn.execute("SELECT id, question, answer FROM pairs").fetchall()
    direct = sorted(r[0] for r in rows if "колен" in (r[1] + " " + r[2]).lower())
    assert sorted(tab.model.ids()) == direct and direct


def test_chat_choices_are_counted_by_the_worker(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 60)
    bar = tab.filter_bar
    want = [f"{name} ({count})" for _id, name, count in filters.chat_choices(ctx.project)]
    # The first answer (a page from an index) may come before the one carrying the counts.
    qtbot.waitUntil(lambda: tab.model.chat_counts is not None, timeout=5000)
    assert [bar.chat.itemText(i) for i in range(1, bar.chat.count())] == want
    # Refilling the choices while a search waits for the typing pause keeps that search.
    bar.search.setText("колен")
    bar.load_choices(ctx.project)
    qtbot.waitUntil(lambda: tab.model.filter.search == "колен", timeout=3000)


def test_the_word_index_is_filled_once_pairs_stop_changing(qtbot, ctx_with_project,
                                                           monkeypatch):
    """Filling the index while the curator reviews would take turns with her writes: it
    waits until pairs have not changed for a while, then fills."""
    monkeypatch.setattr(worker_module, "QUIET_S", 0.6)
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 40)
    qtbot.waitUntil(lambda: search.pending_count(ctx.project) == 0, timeout=5000)
    pid = tab.model.pair_id(0)
    pair = get_pair(ctx.project, pid)
    set_turns(ctx.project, pid, [*pair.turns[:-1], Turn("assistant", "Пейте какао")])
    tab._notify({pid})
    qtbot.wait(300)
    assert search.pending_count(ctx.project) == 1  # changed moments ago: not yet
    qtbot.waitUntil(lambda: search.pending_count(ctx.project) == 0, timeout=5000)
