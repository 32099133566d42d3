"""The detail pane's extension points used by the privacy tools: a side panel beside the
thread, highlighted spans in the turn editors, and the pair_shown signal."""

from __future__ import annotations

from pairs_data import populate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from natasha_studio.ui.pairs.tab import PairsTab


def _spans(editor):
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd(),
             s.format.background().color().name()) for s in editor.extraSelections()]


def test_side_panel_highlights_and_pair_shown(qtbot, ctx_with_project):
    populate(ctx_with_project.project, 10)
    tab = PairsTab(ctx_with_project)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)
    detail = tab.detail
    before = detail.side.count()
    panel = QLabel("findings")
    detail.add_side_panel(panel, "Личные данные")
    assert detail.side.count() == before + 1
    assert detail.side.widget(before) is panel and detail.side.tabText(before) == "Личные данные"

    with qtbot.waitSignal(detail.pair_shown) as shown:
        tab.select_row(0)
    assert shown.args == [tab.model.pair_id(0)]
    last = len(detail._editors) - 1
    answer = detail.answer_editor()
    assert detail.turn_editor(last) is answer and detail.question_editor() is not None
    detail.set_highlights(last, [(0, 3, "yellow"), (4, 6, QColor("#ff0000"))])
    assert _spans(answer) == [(0, 3, "#ffff00"), (4, 6, "#ff0000")]
    detail.set_highlights(99, [(0, 1, "red")])  # no such turn: nothing happens
    detail.set_highlights(last, [])
    assert _spans(answer) == []

    detail.set_highlights(last, [(0, 2, "yellow")])
    with qtbot.waitSignal(detail.pair_shown) as shown:
        tab.select_row(1)
    assert shown.args == [tab.model.pair_id(1)]
    assert _spans(detail.answer_editor()) == []  # a new pair starts without highlights
    with qtbot.waitSignal(detail.pair_shown) as shown:
        detail.show_pair(None)
    assert shown.args == [0]


def test_a_turn_without_text_says_a_description_makes_it_count(qtbot, ctx_with_project):
    from natasha_studio.core.pairs import Turn, add_pair

    project = ctx_with_project.project
    pid = add_pair(project, [Turn("user", "", 11, "Ольга"), Turn("assistant", "Красиво!", 1)])
    tab = PairsTab(ctx_with_project)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)
    with qtbot.waitSignal(tab.detail.pair_shown):
        tab.select_row(tab.model.row_of(pid))
    question = tab.detail.question_editor()
    assert question.toPlainText() == ""
    assert "Describe what it shows" in question.placeholderText()
    assert "training" in question.placeholderText()
