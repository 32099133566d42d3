"""A curator at the keyboard, as she works: clicks and keys, tabs changed mid-task.

Each key press goes through Qt's own shortcut dispatch; what it reaches is recorded where the
key is delivered (the shortcut event of an action or a QShortcut), so "this key fires exactly
one thing" is what Qt did, not what the code meant to bind.
"""

from __future__ import annotations

from collections import defaultdict

from pairs_data import populate
from pairs_view import shown_active
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from natasha_studio.core.chat.models import add_model
from natasha_studio.core.pairs import get_pair
from natasha_studio.core.store import Project
from natasha_studio.ui.main_window import MainWindow

TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


def _open(ctx, qtbot, tmp_path, visit_tabs: bool) -> MainWindow:
    path = tmp_path / "curator.nstudio"
    with Project.create(path, "Наташа", "Ты — Наташа.") as project:
        populate(project, 30)
        add_model(project, "Наташа v1", "openai", "ft:gpt-4.1-mini:natasha")  # Test chat opens
    win = shown_active(qtbot, MainWindow(ctx), 1280, 820)
    assert win.open_project(path)
    if visit_tabs:  # every tab built and shown once, so all its keys exist
        for index in range(win.tabs.count()):
            win.tabs.setCurrentIndex(index)
        win.tabs.setCurrentIndex(0)
    return win


def _click_tab(window: MainWindow, key: str) -> None:
    """Click a tab's title in the bar, as a curator does."""
    index = window.tabs.indexOf(window.tab_widgets[key])
    bar = window.tab_bar
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def _texts(project) -> dict[int, tuple]:
    rows = project.conn.execute("SELECT id FROM pairs").fetchall()
    return {pid: (p.question, p.answer, p.edited)
            for pid, p in ((r[0], get_pair(project, r[0])) for r in rows)}


def test_typing_in_test_chat_then_clicking_pairs_lets_j_and_a_review(ctx, qtbot, qloop,
                                                                    tmp_path):
    window = _open(ctx, qtbot, tmp_path, visit_tabs=True)
    project = ctx.project
    pairs, chat = window.tab_widgets["pairs"], window.tab_widgets["testchat"]
    before = _texts(project)
    _click_tab(window, "testchat")
    box = chat.side_by_side.input
    qtbot.waitExposed(box)
    QTest.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    QTest.keyClicks(QApplication.focusWidget(), "How do I start running?")
    assert box.toPlainText() == "How do I start running?"

    _click_tab(window, "pairs")
    qtbot.waitUntil(lambda: not pairs.model.is_busy(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pairs.table, timeout=2000)
    row = pairs.table.currentIndex().row()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_J)
    assert pairs.table.currentIndex().row() == row + 1  # the table moved
    target = pairs.detail.current_pair_id()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    pairs.flush()
    assert get_pair(project, target).status == "approved"
    assert pairs.table.currentIndex().row() == row + 2  # approving moves on
    # Not a letter landed in a question, an answer or the chat box.
    assert _texts(project) == before
    assert box.toPlainText() == "How do I start running?"


def test_a_fresh_pairs_tab_takes_review_keys_without_a_click(ctx, qtbot, qloop, tmp_path):
    window = _open(ctx, qtbot, tmp_path, visit_tabs=False)
    project = ctx.project
    before = _texts(project)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_2,
                   Qt.KeyboardModifier.ControlModifier)
    pairs = window.tab_widgets["pairs"]
    assert window.tabs.currentWidget() is pairs
    qtbot.waitUntil(lambda: not pairs.model.is_busy() and pairs.model.rowCount() == 30,
                    timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pairs.table, timeout=2000)
    qtbot.waitUntil(lambda: pairs.detail.current_pair_id() is not None, timeout=2000)
    target = pairs.detail.current_pair_id()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    pairs.flush()
    assert get_pair(project, target).status == "approved"
    assert _texts(project) == before


class _Deliveries(QObject):
    """Eats every shortcut event sent to the objects it watches, noting who got it."""

    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[QObject, bool]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Shortcut:
            self.got.append((watched, event.isAmbiguous()))
            return True  # recorded, not run: no dialog opens, no pair changes
        return False


def _bindings(window: MainWindow) -> dict[str, set[QObject]]:
    """Every key sequence bound in the window -> the actions and QShortcuts that bind it."""
    found: dict[str, set[QObject]] = defaultdict(set)
    for widget in [window, *window.findChildren(QWidget)]:
        for action in widget.actions():
            for key in action.shortcuts():
                found[key.toString()].add(action)
    for shortcut in window.findChildren(QShortcut):
        found[shortcut.key().toString()].add(shortcut)
    return found


def _home(owner: QObject, window: MainWindow) -> str | None:
    """The tab whose page an action or shortcut belongs to, or None for the window's own."""
    if isinstance(owner, QShortcut):
        widgets = [owner.parent()]
    else:
        widgets = [w for w in owner.associatedObjects()
                   if isinstance(w, QWidget) and not isinstance(w, (QMenu, QMenuBar))]
    for key, page in window.tab_widgets.items():
        if any(w is page or page.isAncestorOf(w) for w in widgets):
            return key
    return None


def _resting_focus(page: QWidget) -> QWidget:
    """Where focus rests on a tab when nothing is being typed: a table, list or button."""
    if hasattr(page, "table"):
        return page.table
    for widget in page.findChildren(QWidget):
        if widget.isVisible() and widget.isEnabled() and not isinstance(widget, TYPING) \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
    return page


def test_every_key_fires_exactly_one_action_on_every_tab(ctx, qtbot, qloop, tmp_path):
    window = _open(ctx, qtbot, tmp_path, visit_tabs=True)
    bindings = _bindings(window)
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+N", "A", "J", "Ctrl+Shift+A"} <= set(bindings)
    deliveries = _Deliveries()
    for owners in bindings.values():
        for owner in owners:
            owner.installEventFilter(deliveries)
    problems = []
    window_keys_fired: dict[str, int] = defaultdict(int)
    for tab_key, page in window.tab_widgets.items():
        window.show_tab(tab_key)
        focus = _resting_focus(page)
        focus.setFocus()
        qtbot.waitUntil(lambda f=focus: QApplication.focusWidget() is f, timeout=2000)
        for text, owners in sorted(bindings.items()):
            if window.tabs.currentWidget() is not page:  # a tab key moved away: come back
                window.show_tab(tab_key)
                focus.setFocus()
            combo = QKeySequence(text)[0]
            deliveries.got.clear()
            QTest.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())
            got = list(deliveries.got)
            if any(ambiguous for _, ambiguous in got) or len(got) > 1:
                problems.append(f"{tab_key}: {text} is ambiguous: {got}")
                continue
            # A disabled action (Undo with nothing to undo, say) rightly takes no key.
            live = {o for o in owners if not isinstance(o, QAction) or o.isEnabled()}
            window_owned = {o for o in live if _home(o, window) is None}
            here = {o for o in live if _home(o, window) == tab_key}
            if got:
                owner = got[0][0]
                home = _home(owner, window)
                if home not in (None, tab_key):
                    problems.append(f"{tab_key}: {text} reached the hidden {home} tab")
                if home is None:
                    window_keys_fired[text] += 1
            elif window_owned:
                problems.append(f"{tab_key}: the window's {text} fired nothing")
            elif here and tab_key == "pairs" and focus is page.table:
                problems.append(f"{tab_key}: {text} fired nothing in the table")
    assert not problems, "\n".join(problems)
    # The tab keys and New project work from every tab.
    for text in ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+N"):
        assert window_keys_fired[text] == len(window.tab_widgets), text


def test_a_keyboard_only_review_across_tabs_does_one_thing_per_key(ctx, qtbot, qloop, tmp_path):
    """Approve, start fixing an answer, jump to Test chat and back mid-edit, approve, undo:
    by keys alone, each key one step on the undo stack, the half-typed fix kept."""
    window = _open(ctx, qtbot, tmp_path, visit_tabs=False)
    project = ctx.project

    def key(k, modifiers=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(QApplication.focusWidget() or window, k, modifiers)
        qtbot.wait(30)  # the beat a person leaves between keys

    ctrl = Qt.KeyboardModifier.ControlModifier
    key(Qt.Key.Key_2, ctrl)
    pairs = window.tab_widgets["pairs"]
    qtbot.waitUntil(lambda: not pairs.model.is_busy() and pairs.model.rowCount() == 30,
                    timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pairs.table, timeout=2000)
    stack = pairs.undo_stack
    first = pairs.detail.current_pair_id()
    key(Qt.Key.Key_A)
    assert stack.count() == 1 and get_pair(project, first).status == "approved"
    second = pairs.detail.current_pair_id()
    assert second != first
    key(Qt.Key.Key_E)  # into the answer
    assert QApplication.focusWidget() is pairs.detail.answer_editor()
    QTest.keyClicks(QApplication.focusWidget(), " ok")
    key(Qt.Key.Key_5, ctrl)  # Test chat, mid-edit
    assert window.tabs.currentWidget() is window.tab_widgets["testchat"]
    key(Qt.Key.Key_2, ctrl)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pairs.table, timeout=2000)
    pairs.flush()
    assert get_pair(project, second).answer.endswith(" ok")  # the fix was kept
    assert pairs.detail.current_pair_id() == second
    count = stack.count()
    key(Qt.Key.Key_A)
    assert stack.count() == count + 1 and get_pair(project, second).status == "approved"
    key(Qt.Key.Key_Z, ctrl)
    assert stack.count() == count + 1 and stack.index() == count  # one step back
    assert get_pair(project, second).status != "approved"
    assert pairs.detail.current_pair_id() == second  # Undo shows the pair it changed
    assert get_pair(project, first).status == "approved"


def test_while_fixing_an_answer_letters_type_and_review_combinations_still_work(
        ctx, qtbot, qloop, tmp_path):
    """The cheat sheet's promise: single letters act only in the table, the combinations with
    Ctrl or Alt work anywhere on the Pairs tab, an answer's editor included."""
    window = _open(ctx, qtbot, tmp_path, visit_tabs=True)
    pairs = window.tab_widgets["pairs"]
    window.show_tab("pairs")
    qtbot.waitUntil(lambda: not pairs.model.is_busy(), timeout=5000)
    pairs.select_row(0)
    pairs.detail.focus_answer()
    editor = pairs.detail.answer_editor()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=2000)
    bindings = _bindings(window)
    deliveries = _Deliveries()
    for owners in bindings.values():
        for owner in owners:
            owner.installEventFilter(deliveries)
    reached: dict[str, list] = {}
    for text in ("A", "J", "E", "Ctrl+Shift+A", "Ctrl+Shift+R", "Ctrl+Shift+W", "Ctrl+Shift+U",
                 "Alt+Down", "Alt+Up", "Ctrl+F", "Ctrl+1", "Ctrl+N"):
        deliveries.got.clear()
        combo = QKeySequence(text)[0]
        QTest.keyClick(editor, combo.key(), combo.keyboardModifiers())
        reached[text] = [(getattr(o, "text", lambda: "")(), ambiguous)
                         for o, ambiguous in deliveries.got]
        editor.setFocus()
    assert all(not reached[k] for k in ("A", "J", "E")), reached  # typed, not acted on
    for text in ("Ctrl+Shift+A", "Ctrl+Shift+R", "Ctrl+Shift+W", "Ctrl+Shift+U", "Alt+Down",
                 "Alt+Up", "Ctrl+F", "Ctrl+1", "Ctrl+N"):
        assert len(reached[text]) == 1 and not reached[text][0][1], (text, reached[text])


def test_on_the_welcome_screen_only_what_can_act_is_offered(ctx, qtbot, qloop, monkeypatch):
    """No project: View's tabs and the Edit menu are greyed out and their keys reach nothing,
    while New project (Ctrl+N) still opens its dialog."""
    from natasha_studio.ui import main_window as mw

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    assert window.stack.currentWidget() is window.welcome
    assert not window.view_menu.isEnabled()
    assert not window.edit_menu.isEnabled() or not window.edit_menu.menuAction().isVisible()
    fired = []
    for action in window.view_menu.actions():
        action.triggered.connect(lambda *_: fired.append(1))
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_2,
                   Qt.KeyboardModifier.ControlModifier)
    assert fired == []
    opened = []
    monkeypatch.setattr(mw.NewProjectDialog, "exec", lambda self: opened.append(1) or 0)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier)
    assert opened == [1]
