"""The keyboard as a curator uses it: every key bound once, review keys that work on arrival."""

from __future__ import annotations

from collections import defaultdict

import pytest
from pairs_data import populate
from pairs_view import shown_active
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from natasha_studio.core.pairs import get_pair
from natasha_studio.core.store import Project
from natasha_studio.ui import main_window as mw
from natasha_studio.ui.main_window import MainWindow


@pytest.fixture
def window(ctx, qtbot, qloop, tmp_path):
    path = tmp_path / "keys.nstudio"
    with Project.create(path, "Наташа", "Ты — Наташа.") as project:
        populate(project, 30)
    win = shown_active(qtbot, MainWindow(ctx), 1280, 820)
    assert win.open_project(path)
    for index in range(win.tabs.count()):  # every tab built, so all its keys exist
        win.tabs.setCurrentIndex(index)
    return win


def _bindings(root: QWidget) -> dict[str, list[tuple[object, Qt.ShortcutContext, QWidget]]]:
    """key -> [(owner, context, widget it is attached to)] for every action and shortcut."""
    found: dict[str, list] = defaultdict(list)
    widgets = [root, *root.findChildren(QWidget)]
    seen: set[int] = set()
    for widget in widgets:
        for action in widget.actions():
            if id(action) in seen:
                continue
            seen.add(id(action))
            for key in action.shortcuts():
                found[key.toString()].append((action, action.shortcutContext(), widget))
    for shortcut in root.findChildren(QShortcut):
        found[shortcut.key().toString()].append(
            (shortcut, shortcut.context(), shortcut.parent()))
    return found


def _overlap(a: tuple, b: tuple) -> bool:
    """Whether two bindings of one key can both be live for the same focus widget."""
    (_, context_a, widget_a), (_, context_b, widget_b) = a, b
    if Qt.ShortcutContext.WidgetShortcut in (context_a, context_b):
        return widget_a is widget_b
    return widget_a is widget_b or widget_a.isAncestorOf(widget_b) \
        or widget_b.isAncestorOf(widget_a)


def test_no_key_is_bound_twice_where_both_could_fire(window):
    clashes = []
    for key, owners in _bindings(window).items():
        for i, first in enumerate(owners):
            for second in owners[i + 1:]:
                if first[0] is not second[0] and _overlap(first, second):
                    clashes.append((key, getattr(first[0], "text", lambda: "")(),
                                    getattr(second[0], "text", lambda: "")()))
    assert not clashes, clashes


def test_tab_keys_switch_tabs_and_new_project_key_fires_once(window, monkeypatch):
    for index in reversed(range(window.tabs.count())):
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key(Qt.Key.Key_1 + index),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index
    calls = []
    # The new-project dialog is the one thing Ctrl+N may open: count its openings.
    monkeypatch.setattr(mw.NewProjectDialog, "exec", lambda self: calls.append(1) or 0)
    window.tabs.setCurrentIndex(1)  # on the Pairs tab, where "add pair" once took Ctrl+N
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier)
    assert calls == [1]


def test_review_keys_work_after_typing_on_another_tab(window, ctx, qtbot):
    project = ctx.project
    tabs = window.tabs
    pairs = tabs.widget(1)
    tabs.setCurrentIndex(3)  # Fine-tune: type a job name
    editor = next(e for e in tabs.widget(3).findChildren(QLineEdit) if e.isVisible()
                  and e.isEnabled() and not e.isReadOnly())
    editor.setFocus()
    QTest.keyClicks(editor, "v1 test")
    assert "v1 test" in editor.text()
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not pairs.model.is_busy(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pairs.table, timeout=2000)
    first = pairs.detail.current_pair_id()
    before = get_pair(project, first)
    focus = QApplication.focusWidget()
    QTest.keyClick(focus, Qt.Key.Key_J)
    second = pairs.detail.current_pair_id()
    assert second != first
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    pairs.flush()
    after_first, after_second = get_pair(project, first), get_pair(project, second)
    assert after_second.status == "approved"
    # Nothing was typed into a member's question or an answer.
    assert (after_first.question, after_first.answer) == (before.question, before.answer)
    assert not after_first.edited and not after_second.edited
