"""Learn from my decisions in the Pairs tab: says how many more decisions it needs, learns off
the window's thread and sorts the likeliest to be approved first, and decisions undone below
the threshold take back what they taught."""

from __future__ import annotations

import asyncio
import time

from pairs_data import populate
from PySide6.QtCore import Qt

from natasha_studio.core.dataset import quality_learning
from natasha_studio.ui.pairs.model import COLUMNS
from natasha_studio.ui.pairs.tab import PairsTab


def _tab(qtbot, ctx, n):
    populate(ctx.project, n)
    tab = PairsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)
    return tab


def _until(condition, timeout=20.0):
    """Run the app's loop (Qt and asyncio, as the app does) until ``condition()``."""
    async def poll():
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "timed out"
            await asyncio.sleep(0.005)

    asyncio.get_event_loop().run_until_complete(poll())


def _idle(tab):
    _until(lambda: not tab.learn_bar.progress.active and not tab.bulk.busy()
           and not tab.model.is_busy() and not tab.learn_bar._recount.isActive())


def test_too_few_decisions_say_how_many_more(qtbot, qloop, ctx_with_project):
    tab = _tab(qtbot, ctx_with_project, 40)  # 10 approved, 10 rejected
    bar = tab.learn_bar
    assert not bar.button.isEnabled()
    assert "30 more" in bar.state.text()
    assert bar.sort_button.isEnabled()


def test_learning_sorts_and_undone_decisions_take_it_back(qtbot, qloop, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 200)  # 50 approved, 50 rejected
    bar = tab.learn_bar
    assert bar.button.isEnabled() and "100 decisions" in bar.state.text()
    bar.button.click()
    _idle(tab)
    assert bar.state.text().startswith("Learnt from 100 decisions")
    assert quality_learning.project_weights(ctx.project)["decisions"] == 100
    header = tab.table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMNS.index("quality")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # Every rejection undone (back to new): too few decisions, the default score comes back.
    tab.filter_bar.status.setCurrentIndex(tab.filter_bar.status.findData("rejected"))
    _idle(tab)
    tab.table.selectAll()
    tab.set_status("new")
    _until(lambda: quality_learning.project_weights(ctx.project) is None)
    _idle(tab)
    assert "back to its defaults" in bar.state.text()
    # Undoing that brings the rejections back: enough to learn again, on request.
    tab.undo()
    _idle(tab)
    _until(lambda: "100 decisions to learn from" in bar.state.text())
    assert bar.button.isEnabled()
