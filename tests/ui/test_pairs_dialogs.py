"""Find-and-replace previews and duplicate finding run in worker threads: results equal the
direct computation, changing the options or Stop drops a run, mistakes are shown at once."""

from __future__ import annotations

import asyncio

import pytest
from pairs_data import populate
from PySide6.QtCore import Qt

from natasha_studio.core.curation import replace
from natasha_studio.core.curation.duplicates import find_duplicate_groups
from natasha_studio.core.pairs import add_pair, turns_from_json
from natasha_studio.ui.pairs.dialogs import DuplicatesDialog, ReplaceDialog


def _ids(project):
    return [r[0] for r in project.conn.execute("SELECT id FROM pairs ORDER BY id")]


def _summary(plan):
    return [(c.pair_id, [(t.index, t.before, t.after) for t in c.changes]) for c in plan]


def test_changing_the_options_drops_the_running_preview(qtbot, qloop, ctx_with_project):
    ctx = ctx_with_project
    populate(ctx.project, 60)
    ids = _ids(ctx.project)
    dialog = ReplaceDialog(ctx.project, ctx.tasks, {"filtered": ids}, None)
    qtbot.addWidget(dialog)
    dialog.find.setText("бег")
    first = dialog.preview()
    assert dialog.progress.isVisibleTo(dialog) and not dialog.preview_button.isEnabled()
    dialog.find.setText("колен")  # the running preview no longer matches the options
    with pytest.raises(asyncio.CancelledError):
        qloop.run_until_complete(first)
    assert dialog.plan == [] and not dialog.apply_button.isEnabled()
    second = dialog.preview()
    qloop.run_until_complete(second)
    assert _summary(dialog.plan) == _summary(
        replace.plan_replace(ctx.project, ids, "колен", ""))
    assert dialog.plan and not dialog.progress.isVisibleTo(dialog)


def test_stop_and_a_bad_pattern(qtbot, qloop, ctx_with_project):
    ctx = ctx_with_project
    populate(ctx.project, 30)
    dialog = ReplaceDialog(ctx.project, ctx.tasks, {"filtered": _ids(ctx.project)}, None)
    qtbot.addWidget(dialog)
    dialog.find.setText("бег")
    task = dialog.preview()
    qtbot.mouseClick(dialog.progress.stop_button, Qt.MouseButton.LeftButton)
    with pytest.raises(asyncio.CancelledError):
        qloop.run_until_complete(task)
    assert dialog.plan == [] and not ctx.tasks.is_running("pairs-replace-preview")
    dialog.regex.setChecked(True)
    dialog.find.setText("(бег")
    assert dialog.preview() is None
    assert "regular expression" in dialog.summary.text()
    dialog.find.setText("(бег)")
    dialog.replacement.setText(r"\2")
    assert dialog.preview() is None and "group" in dialog.summary.text()


def test_duplicate_groups_from_the_worker(qtbot, qloop, ctx_with_project):
    ctx = ctx_with_project
    populate(ctx.project, 40)
    row = ctx.project.conn.execute("SELECT turns_original FROM pairs LIMIT 1").fetchone()
    for _ in range(2):  # two more copies of the first pair's question
        add_pair(ctx.project, turns_from_json(row[0]), origin="manual")
    dialog = DuplicatesDialog(ctx.project, ctx.tasks, None)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    qloop.run_until_complete(dialog.task)
    want = find_duplicate_groups(ctx.project, 90.0)
    shown = [[dialog.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)
              for j in range(dialog.tree.topLevelItem(i).childCount())]
             for i in range(dialog.tree.topLevelItemCount())]
    assert shown == want and want
    assert dialog.ok.isEnabled() and str(len(want)) in dialog.summary.text()
    decisions = dialog.decisions()
    assert [sorted([keep, *others]) for keep, others in decisions] == want
    # Finding again while a search runs replaces it; closing stops it.
    dialog.threshold.setValue(95)
    first = dialog.find_groups()
    second = dialog.find_groups()
    with pytest.raises(asyncio.CancelledError):
        qloop.run_until_complete(first)
    qloop.run_until_complete(second)
    assert dialog.tree.topLevelItemCount() == len(find_duplicate_groups(ctx.project, 95.0))
    last = dialog.find_groups()
    dialog.reject()
    with pytest.raises(asyncio.CancelledError):
        qloop.run_until_complete(last)
    qloop.run_until_complete(asyncio.sleep(0.01))
    assert not ctx.tasks.is_running("pairs-duplicates")
