"""Marking a highlighted finding as not personal, in the Pairs tab's "Personal data" panel:
no longer highlighted, not replaced by a redaction, and Ctrl+Z brings it back."""

from __future__ import annotations

import asyncio

import pytest
from pairs_view import shown_pairs_tab
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from natasha_studio.core.pairs import Turn, add_pair, get_pair
from natasha_studio.core.privacy import load_settings
from natasha_studio.ui.privacy.highlighter import PrivacyHighlighter


def _idle(qloop, ctx, until=lambda: True, panel=None):
    async def wait():
        for _ in range(400):
            if not ctx.tasks.running() and until() and (panel is None or panel.is_idle()):
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the background work did not finish")

    qloop.run_until_complete(wait())


@pytest.fixture
def tab(qtbot, qloop, ctx_with_project):
    project = ctx_with_project.project
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name, username) VALUES (1, 'Марина Иванова', 'marina_iv')")
    ids = [add_pair(project, [Turn("user", "Марина спрашивает про богиню Хатхор", 1),
                              Turn("assistant", "Хатхор — богиня радости.", 2)]),
           add_pair(project, [Turn("user", "А Хатхор помогает в медитации?", 1),
                              Turn("assistant", "Да.", 2)])]
    widget = shown_pairs_tab(qtbot, ctx_with_project, settle=False)
    _idle(qloop, ctx_with_project, until=lambda: widget.model.rowCount() == 2)
    widget.ids = ids
    return widget


def _rows(panel) -> list[str]:
    return [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]


def _highlighted(tab, turn: int) -> set[str]:
    editor = tab.detail.turn_editor(turn)
    highlighter = editor.document().findChild(PrivacyHighlighter)
    text = editor.toPlainText()
    return {text[s:e] for s, e, _kind in highlighter.spans()} if highlighter else set()


def test_not_personal_from_a_finding_then_undo(tab, qloop, ctx_with_project):
    ctx, panel = ctx_with_project, tab.privacy_panel
    tab.select_row(tab.model.row_of(tab.ids[0]))
    _idle(qloop, ctx, until=lambda: "Хатхор" in _rows(panel), panel=panel)
    assert "Хатхор" in _highlighted(tab, 1)
    assert not panel.not_personal.isEnabled()  # nothing chosen yet
    panel.tree.setCurrentItem(panel.tree.topLevelItem(_rows(panel).index("Хатхор")))
    assert panel.not_personal.isEnabled()

    panel.not_personal.click()
    assert load_settings(ctx.project).allow_list == ("Хатхор",)
    _idle(qloop, ctx, until=lambda: "Хатхор" not in _rows(panel), panel=panel)
    assert "Марина" in _rows(panel)
    assert "Хатхор" not in _highlighted(tab, 1) and "Хатхор" not in _highlighted(tab, 0)
    assert "Хатхор" in tab.undo_stack.undoText()

    # Nowhere else either: the other pair has nothing left, and a redaction keeps the word.
    tab.select_row(tab.model.row_of(tab.ids[1]))
    _idle(qloop, ctx, panel=panel)
    assert _rows(panel) == []
    tab.select_row(tab.model.row_of(tab.ids[0]))
    _idle(qloop, ctx, until=lambda: _rows(panel) == ["Марина"], panel=panel)
    panel.redact_pair.click()
    assert get_pair(ctx.project, tab.ids[0]).turns[0].text.endswith("богиню Хатхор")
    QTest.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the redaction
    _idle(qloop, ctx, panel=panel)

    QTest.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the word
    assert load_settings(ctx.project).allow_list == ()
    _idle(qloop, ctx, until=lambda: "Хатхор" in _rows(panel), panel=panel)
    assert "Хатхор" in _highlighted(tab, 1)
    tab.undo_stack.redo()
    assert load_settings(ctx.project).allow_list == ("Хатхор",)


def test_marking_a_word_already_listed_adds_no_undo_step(tab, qloop, ctx_with_project):
    panel = tab.privacy_panel
    panel.mark_not_personal("Хатхор")
    steps = tab.undo_stack.count()
    panel.mark_not_personal("хатхор")
    assert tab.undo_stack.count() == steps
    panel.mark_not_personal("Хатхор", not_personal=False)
    assert load_settings(ctx_with_project.project).allow_list == ()
    tab.undo_stack.undo()
    assert load_settings(ctx_with_project.project).allow_list == ("Хатхор",)
    _idle(qloop, ctx_with_project, panel=panel)


def _point_in(editor, text: str):
    """A point (viewport coordinates) in the middle of ``text`` in ``editor``."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(text) + len(text) // 2)
    return editor.cursorRect(cursor).center()


def test_not_personal_from_the_highlight_in_the_text_then_undo(tab, qtbot, qloop,
                                                              ctx_with_project):
    ctx, panel = ctx_with_project, tab.privacy_panel
    tab.select_row(tab.model.row_of(tab.ids[0]))
    _idle(qloop, ctx, until=lambda: "Хатхор" in _rows(panel), panel=panel)
    editor = tab.detail.turn_editor(1)  # "Хатхор — богиня радости."
    assert editor.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu

    # A right-click on the highlight opens the editor's menu with the word's actions on top.
    editor.customContextMenuRequested.emit(_point_in(editor, "Хатхор"))
    menu = panel.word_menu.last_menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Not personal: never flag «Хатхор»"
    assert texts[1] == "Replace «Хатхор» in this pair"
    assert any("Copy" in t for t in texts)  # the usual menu is still there
    menu.actions()[0].trigger()
    menu.close()
    assert load_settings(ctx.project).allow_list == ("Хатхор",)
    _idle(qloop, ctx, until=lambda: "Хатхор" not in _rows(panel), panel=panel)
    assert "Хатхор" not in _highlighted(tab, 1)

    # Elsewhere in the text the usual menu comes alone; Ctrl+Z takes the word back.
    plain = panel.word_menu.menu_for(editor, _point_in(editor, "радости"))
    assert not any("«" in a.text() for a in plain.actions())
    tab.activateWindow()  # offscreen, no window is active again once the menu closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window())
    QTest.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert load_settings(ctx.project).allow_list == ()
    _idle(qloop, ctx, until=lambda: "Хатхор" in _rows(panel), panel=panel)
    assert "Хатхор" in _highlighted(tab, 1)


def test_replace_from_the_highlight_in_the_text(tab, qloop, ctx_with_project):
    ctx, panel = ctx_with_project, tab.privacy_panel
    tab.select_row(tab.model.row_of(tab.ids[0]))
    _idle(qloop, ctx, until=lambda: "Марина" in _rows(panel), panel=panel)
    editor = tab.detail.turn_editor(0)  # "Марина спрашивает про богиню Хатхор"
    menu = panel.word_menu.menu_for(editor, _point_in(editor, "Марина"))
    replace = next(a for a in menu.actions() if a.text() == "Replace «Марина» in this pair")
    replace.trigger()
    assert not get_pair(ctx.project, tab.ids[0]).turns[0].text.startswith("Марина")
    QTest.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_pair(ctx.project, tab.ids[0]).turns[0].text.startswith("Марина")
    _idle(qloop, ctx, panel=panel)
