"""Bulk changes of the Pairs tab are written on a worker thread: they land in the store, undo
restores them, the window keeps running its event loop meanwhile, two changes never
interleave, and closing mid-change leaves the project exactly as it was."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from pairs_data import populate
from PySide6.QtCore import QTimer

from natasha_studio.core.curation import bulk as core_bulk
from natasha_studio.core.pairs import restore_statuses as real_restore_statuses
from natasha_studio.core.pairs import set_status as real_set_status
from natasha_studio.core.store import Project
from natasha_studio.ui.pairs import bulk as ui_bulk
from natasha_studio.ui.pairs.model import COLUMNS
from natasha_studio.ui.pairs.tab import PairsTab

N = ui_bulk.WORKER_MIN_PAIRS + 60  # large enough for the worker


def _until(condition, timeout=10.0):
    """Run the app's loop (Qt and asyncio, as the app does) until ``condition()``.

    Only short sleeps: a closed qasync loop keeps its pending Qt timers (a ``wait_for``
    timeout would be one), and one that fires after the loop is gone crashes the process."""
    loop = asyncio.get_event_loop()

    async def poll():
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "timed out"
            await asyncio.sleep(0.005)

    loop.run_until_complete(poll())


def _settle(tab):
    _until(lambda: not tab.model.is_busy() and not tab.bulk.busy())


def _tab(qtbot, ctx, n=N):
    populate(ctx.project, n)
    tab = PairsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    _settle(tab)
    return tab


def _statuses(project):
    return dict(project.conn.execute("SELECT id, status FROM pairs").fetchall())


@pytest.fixture
def slow_steps(monkeypatch):
    """Bulk status changes take small steps that each take a while, so a test can act
    while one is half-way; ``reached`` is set once the first step is written."""
    reached = threading.Event()
    monkeypatch.setattr(core_bulk, "CHUNK", 20)

    def slowly(write):
        def step(*args):
            result = write(*args)
            reached.set()
            time.sleep(0.02)
            return result
        return step

    monkeypatch.setattr(core_bulk, "set_status", slowly(real_set_status))
    monkeypatch.setattr(core_bulk, "restore_statuses", slowly(real_restore_statuses))
    return reached


def test_approve_all_runs_in_a_worker_lands_in_the_store_and_undo_restores(
        qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    before = _statuses(ctx.project)
    runs = []
    tab.bulk.started.connect(runs.append)
    tab.table.selectAll()
    tab.actions_by_name["approve"].trigger()
    assert tab.bulk.busy()
    assert not tab.actions_by_name["reject"].isEnabled()
    assert not tab.actions_by_name["undo"].isEnabled() and not tab.detail.isEnabled()
    privacy = tab.privacy_panel.menu_actions()
    assert privacy and not any(a.isEnabled() for a in privacy)
    _settle(tab)
    assert runs and runs[0].thread and runs[0].thread != threading.main_thread().name
    assert set(_statuses(ctx.project).values()) == {"approved"}
    assert tab.model.summary(0).status == "approved"  # the table was refreshed
    assert tab.actions_by_name["reject"].isEnabled() and tab.detail.isEnabled()
    assert all(a.isEnabled() for a in privacy)
    assert tab.undo_stack.count() == 1

    tab.actions_by_name["undo"].trigger()
    assert tab.bulk.busy()
    _settle(tab)
    assert _statuses(ctx.project) == before
    assert runs[-1].forward is False and runs[-1].outcome == "done"
    assert tab.model.summary(0).status == before[tab.model.pair_id(0)]

    tab.actions_by_name["redo"].trigger()
    _settle(tab)
    assert set(_statuses(ctx.project).values()) == {"approved"}


def test_window_keeps_running_while_a_change_is_written(qtbot, ctx_with_project, slow_steps):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    ticks_while_writing = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks_while_writing.append(1) if tab.bulk.busy() else None)
    timer.start()
    tab.table.selectAll()
    tab.actions_by_name["approve"].trigger()
    _settle(tab)
    timer.stop()
    # The change took many steps of 20 ms; the window's timer kept firing throughout.
    assert len(ticks_while_writing) >= 5
    assert set(_statuses(ctx.project).values()) == {"approved"}


def test_two_quick_changes_do_not_interleave(qtbot, ctx_with_project, slow_steps):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    before = _statuses(ctx.project)
    tab.table.selectAll()
    tab.actions_by_name["approve"].trigger()
    tab.actions_by_name["reject"].trigger()      # disabled while the first is written
    tab.actions_by_name["undo"].trigger()
    _settle(tab)
    assert set(_statuses(ctx.project).values()) == {"approved"}
    assert tab.undo_stack.count() == 1
    # Code that moves the stack directly waits for a running change instead.
    tab.actions_by_name["reject"].trigger()
    assert tab.bulk.busy()
    tab.undo_stack.undo()
    _settle(tab)
    assert set(_statuses(ctx.project).values()) == {"approved"}
    tab.undo_stack.undo()
    _settle(tab)
    assert _statuses(ctx.project) == before


def test_closing_the_project_mid_change_leaves_it_as_it_was(qtbot, ctx_with_project,
                                                           slow_steps):
    ctx = ctx_with_project
    path = ctx.project.path
    tab = _tab(qtbot, ctx)
    before = _statuses(ctx.project)
    edits = ctx.project.conn.execute("SELECT count(*) FROM pair_edits").fetchone()[0]
    runs = []
    tab.bulk.started.connect(runs.append)
    tab.table.selectAll()
    tab.actions_by_name["approve"].trigger()
    _until(slow_steps.is_set)  # part of it is written, uncommitted
    ctx.set_project(None)  # what closing the window does
    run = runs[0]
    assert run.ended.is_set() and run.outcome == "cancelled"
    assert not tab.bulk.busy() and tab.undo_stack.count() == 0
    with Project.open(path) as project:
        assert _statuses(project) == before
        assert project.conn.execute("SELECT count(*) FROM pair_edits").fetchone()[0] == edits


def test_cancel_from_the_status_bar_writes_nothing_and_drops_the_step(
        qtbot, ctx_with_project, slow_steps):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    before = _statuses(ctx.project)
    messages = []
    ctx.status_message.connect(lambda text, _ms: messages.append(text))
    tab.table.selectAll()
    tab.actions_by_name["approve"].trigger()
    _until(slow_steps.is_set)
    ctx.tasks.cancel(tab.bulk.task_name)  # the window's Cancel button
    _settle(tab)
    assert _statuses(ctx.project) == before
    assert tab.undo_stack.count() == 0 and not tab.actions_by_name["undo"].isEnabled()
    assert any("nothing was changed" in m for m in messages)
    assert tab.actions_by_name["approve"].isEnabled() and tab.detail.isEnabled()
    # A cancelled undo leaves the step where it was, still undoable.
    tab.actions_by_name["approve"].trigger()
    _until(lambda: not tab.bulk.busy())
    approved = _statuses(ctx.project)
    slow_steps.clear()
    tab.actions_by_name["undo"].trigger()
    _until(slow_steps.is_set)
    ctx.tasks.cancel(tab.bulk.task_name)
    _settle(tab)
    assert _statuses(ctx.project) == approved
    assert tab.undo_stack.index() == 1 and tab.actions_by_name["undo"].isEnabled()


def test_topic_delete_and_restore_of_many_pairs_go_through_the_worker(
        qtbot, ctx_with_project, monkeypatch):
    monkeypatch.setattr(ui_bulk, "WORKER_MIN_PAIRS", 10)
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 40)
    runs = []
    tab.bulk.started.connect(runs.append)
    monkeypatch.setattr("natasha_studio.ui.pairs.tab.QInputDialog.getItem",
                        lambda *a, **k: ("растяжка", True))
    tab.table.selectAll()
    tab.actions_by_name["add_topic"].trigger()
    _settle(tab)
    tagged = ctx.project.conn.execute(
        "SELECT count(*) FROM pair_topics JOIN topics ON topics.id = topic_id"
        " WHERE name = 'растяжка'").fetchone()[0]
    assert tagged == 40 and len(runs) == 1
    tab.table.selectAll()
    tab.actions_by_name["delete"].trigger()
    _settle(tab)
    assert ctx.project.counts()["pairs"] == 0 and tab.model.rowCount() == 0
    tab.actions_by_name["undo"].trigger()
    _settle(tab)
    assert ctx.project.counts()["pairs"] == 40 and tab.model.rowCount() == 40
    tab.actions_by_name["undo"].trigger()
    _settle(tab)
    assert ctx.project.conn.execute(
        "SELECT count(*) FROM pair_topics JOIN topics ON topics.id = topic_id"
        " WHERE name = 'растяжка'").fetchone()[0] == 0
    assert len(runs) == 4 and all(r.thread != threading.main_thread().name for r in runs)


def test_selected_ids_follow_the_selection_in_table_order(qtbot, ctx_with_project):
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    tab = _tab(qtbot, ctx_with_project, 30)
    model, selection = tab.model, QItemSelection()
    for top, bottom in ((5, 7), (0, 1), (6, 9)):  # overlapping and out of order
        selection.select(model.index(top, 0), model.index(bottom, len(COLUMNS) - 1))
    tab.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert tab.selected_ids() == [model.pair_id(r) for r in (0, 1, 5, 6, 7, 8, 9)]
    tab.table.clearSelection()
    tab.select_row(3)
    tab.table.clearSelection()
    assert tab.selected_ids() == [model.pair_id(3)]  # none selected: the current pair


def test_replace_and_merge_of_many_pairs_go_through_the_worker(
        qtbot, ctx_with_project, monkeypatch):
    from natasha_studio.core.curation import replace
    from natasha_studio.core.pairs import get_pair
    from natasha_studio.ui.pairs import commands

    monkeypatch.setattr(ui_bulk, "WORKER_MIN_PAIRS", 10)
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 40)
    runs = []
    tab.bulk.started.connect(runs.append)
    before = ctx.project.conn.execute("SELECT id, status, turns, notes FROM pairs").fetchall()
    plan = replace.plan_replace(ctx.project, tab.model.ids(), "бег", "пробежка")
    assert len(plan) >= 10
    tab._push(commands.ReplaceCommand(ctx.project, tab._notify, plan, "replace", tab.bulk))
    _settle(tab)
    assert all("пробежка" in get_pair(ctx.project, c.pair_id).answer
               + get_pair(ctx.project, c.pair_id).question for c in plan)
    ids = tab.model.ids()
    groups = [(ids[i], [ids[i + 1]]) for i in range(0, 30, 2)]
    tab._push(commands.MergeCommand(ctx.project, tab._notify, groups, tab.bulk))
    _settle(tab)
    assert {get_pair(ctx.project, others[0]).status for _k, others in groups} == {"rejected"}
    for _ in range(2):
        tab.actions_by_name["undo"].trigger()
        _settle(tab)
    assert ctx.project.conn.execute("SELECT id, status, turns, notes FROM pairs").fetchall() \
        == before
    assert len(runs) == 4 and all(r.thread != threading.main_thread().name for r in runs)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_tab_fits_a_1200_pixel_window(qtbot, ctx_with_project, language):
    from PySide6.QtWidgets import QApplication

    from natasha_studio.i18n import install_app_translation, remove_app_translation

    translators = install_app_translation(QApplication.instance(), language)
    try:
        tab = _tab(qtbot, ctx_with_project, 10)
        # The window's frame and the tab bar take a few pixels more.
        assert tab.minimumSizeHint().width() <= 1150
    finally:
        remove_app_translation(QApplication.instance(), translators)
