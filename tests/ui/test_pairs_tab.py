"""The Pairs tab driven through its real widgets: review by keyboard, edits that persist,
undo/redo, filters that match the store, find-and-replace through the dialog."""

from __future__ import annotations

from pairs_data import populate
from pairs_view import shown_pairs_tab
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from natasha_studio.core.curation import filters, replace
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.pairs import get_pair
from natasha_studio.core.store import Project
from natasha_studio.ui.pairs.detail import SAVE_DELAY_MS
from natasha_studio.ui.pairs.dialogs import ReplaceDialog
from natasha_studio.ui.pairs.shortcuts import SHORTCUTS, ShortcutsDialog
from natasha_studio.ui.pairs.tab import PairsTab


def _settle(qtbot, tab):
    """Wait for the table's answer (queries run on the tab's worker thread)."""
    qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)


def _tab(qtbot, ctx, n=40):
    populate(ctx.project, n)
    return shown_pairs_tab(qtbot, ctx)


def test_empty_states(qtbot, ctx, tmp_path):
    tab = PairsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.stack.currentWidget() is tab.empty
    assert "No project" in tab.empty_title.text()
    ctx.set_project(Project.create(tmp_path / "e.nstudio", "Наташа"))
    assert tab.stack.currentWidget() is tab.empty and tab.go_sources.isVisibleTo(tab)


def test_review_session_by_keyboard_reaches_the_store(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    tab.filter_bar.status.setCurrentIndex(1)  # New
    _settle(qtbot, tab)
    ids = [tab.model.pair_id(r) for r in range(4)]
    tab.select_row(0)
    tab.table.setFocus()
    for key in (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_J, Qt.Key.Key_W):
        QTest.keyClick(tab.table, key)
    statuses = [get_pair(ctx.project, i).status for i in ids]
    # A approves and moves on, R rejects and moves on, J skips, W marks needs work.
    assert statuses == ["approved", "rejected", "new", "needs_work"]
    QTest.keyClick(tab.table, Qt.Key.Key_K)
    assert tab.model.pair_id(tab.table.currentIndex().row()) == ids[3]
    QTest.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_pair(ctx.project, ids[3]).status == "new"


def test_letters_do_not_fire_while_typing(qtbot, ctx_with_project):
    tab = _tab(qtbot, ctx_with_project)
    tab.select_row(0)
    pid = tab.detail.current_pair_id()
    status = get_pair(ctx_with_project.project, pid).status
    tab.detail.focus_answer()
    QTest.keyClicks(tab.detail.answer_editor(), "ar")
    tab.flush()
    pair = get_pair(ctx_with_project.project, pid)
    assert pair.status == status and pair.answer.endswith("ar")


def test_edit_is_written_after_a_pause_and_survives_reopening(qtbot, ctx_with_project, tmp_path):
    ctx = ctx_with_project
    path = ctx.project.path
    tab = _tab(qtbot, ctx)
    tab.select_row(2)
    pid = tab.detail.current_pair_id()
    editor = tab.detail.answer_editor()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText(" Пейте воду.")  # QTest cannot type Cyrillic keys
    qtbot.waitUntil(lambda: get_pair(ctx.project, pid).answer.endswith("Пейте воду."),
                    timeout=SAVE_DELAY_MS * 4)
    QTest.keyClicks(editor, "!")  # written on close, without waiting for the pause
    ctx.set_project(None)
    with Project.open(path) as project:
        pair = get_pair(project, pid)
        assert pair.edited and pair.answer.endswith("Пейте воду.!")


def test_undo_redo_of_a_bulk_status_change(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 30)
    before = dict(ctx.project.conn.execute("SELECT id, status FROM pairs").fetchall())
    tab.table.selectAll()
    tab.actions_by_name["approve"].trigger()
    assert {s for (s,) in ctx.project.conn.execute("SELECT status FROM pairs")} == {"approved"}
    assert tab.model.summary(0).status == "approved"
    tab.undo_stack.undo()
    assert dict(ctx.project.conn.execute("SELECT id, status FROM pairs").fetchall()) == before
    tab.undo_stack.redo()
    assert {s for (s,) in ctx.project.conn.execute("SELECT status FROM pairs")} == {"approved"}


def test_filters_and_search_match_a_direct_query(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 80)
    bar = tab.filter_bar
    bar.status.setCurrentIndex(bar.status.findText("Needs work"))
    bar.search.setText("колен")
    qtbot.waitUntil(lambda: tab.model.filter.search == "колен", timeout=2000)
    shown = sorted(tab.model.ids())
    want = filters.matching_ids(ctx.project, PairFilter(statuses=("needs_work",),
                                                        search="колен"))
    assert shown == sorted(want) and shown
    rows = ctx.project.conn.execute("SELECT id, question, answer, status FROM pairs").fetchall()
    direct = sorted(r[0] for r in rows if r[3] == "needs_work"
                    and ("колен" in r[1].lower() or "колен" in r[2].lower()))
    assert shown == direct
    assert str(len(shown)) in bar.count_label.text()
    bar.regex.setChecked(True)
    bar.search.setText("(колен")
    qtbot.waitUntil(lambda: bar.error_label.isVisibleTo(bar), timeout=2000)
    assert "regular expression" in bar.error_label.text()


def test_find_and_replace_preview_equals_what_is_applied(qtbot, qloop, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 40)
    ids = list(tab.model.ids())
    dialog = ReplaceDialog(ctx.project, ctx.tasks, {"filtered": ids, "selected": []}, tab)
    qtbot.addWidget(dialog)
    dialog.find.setText("бег")
    dialog.replacement.setText("пробежка")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.apply_button.isEnabled()  # the preview runs in a worker thread
    qloop.run_until_complete(dialog.progress.task)
    assert dialog.apply_button.isEnabled()
    direct = replace.plan_replace(ctx.project, ids, "бег", "пробежка")
    assert [(c.pair_id, [(t.index, t.after) for t in c.changes]) for c in dialog.plan] == \
        [(c.pair_id, [(t.index, t.after) for t in c.changes]) for c in direct]
    previewed = {}
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        previewed.setdefault(item.data(0, Qt.ItemDataRole.UserRole), []).append(item.text(2))
    from natasha_studio.ui.pairs import commands
    tab._push(commands.ReplaceCommand(ctx.project, tab._notify, dialog.plan, "replace"))
    for pid, afters in previewed.items():
        texts = [t.text for t in get_pair(ctx.project, pid).turns]
        assert all(a in texts for a in afters)
    untouched = set(ids) - set(previewed)
    assert all(not get_pair(ctx.project, i).edited for i in untouched)
    tab.undo_stack.undo()
    assert all(not get_pair(ctx.project, i).edited for i in previewed)


def test_topics_notes_delete_and_split(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx, 12)
    tab.select_row(0)
    pid = tab.detail.current_pair_id()
    tab.detail.topics.input.setText("дыхание")
    QTest.keyClick(tab.detail.topics.input, Qt.Key.Key_Return)
    assert "дыхание" in get_pair(ctx.project, pid).topics
    tab.detail.notes.setPlainText("проверить")
    tab.flush()
    assert get_pair(ctx.project, pid).notes == "проверить"
    tab.undo_stack.undo()
    assert get_pair(ctx.project, pid).notes == ""
    tab.table.setFocus()
    tab.actions_by_name["delete"].trigger()
    assert get_pair(ctx.project, pid).deleted
    _settle(qtbot, tab)
    assert pid not in tab.model.ids()
    tab.undo_stack.undo()
    _settle(qtbot, tab)
    assert not get_pair(ctx.project, pid).deleted and pid in tab.model.ids()


def test_shortcuts_dialog_lists_every_shortcut(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(SHORTCUTS)
    assert all(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount()))


def test_sent_here_with_pair_ids_shows_just_those(qtbot, ctx_with_project):
    """Another tab (the fine-tune pre-flight's personal-data link) sends a list of pairs."""
    tab = _tab(qtbot, ctx_with_project)
    wanted = sorted(tab.model.ids())[3:8]
    tab.navigate_to(wanted)
    _settle(qtbot, tab)
    assert sorted(tab.model.ids()) == wanted
    assert "5 pair" in tab.filter_bar.hint_label.text()
    tab.filter_bar.clear()
    _settle(qtbot, tab)
    assert len(tab.model.ids()) == 40
    assert not tab.filter_bar.hint_label.isVisibleTo(tab)


def test_add_topic_starts_with_an_empty_field(qtbot, ctx_with_project, monkeypatch):
    from natasha_studio.ui.pairs import tab as tab_module

    tab = _tab(qtbot, ctx_with_project)
    tab.select_row(0)
    offered = []

    def get_item(_parent, _title, _label, items, current, editable):
        offered.append((list(items), current, editable))
        return "", False

    monkeypatch.setattr(tab_module.QInputDialog, "getItem", get_item)
    tab.add_topic()
    items, current, editable = offered[0]
    assert items[current] == "" and editable and len(items) > 1


def test_undo_shows_the_pair_it_changed(qtbot, ctx_with_project):
    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    tab.select_row(0)
    tab.table.setFocus()
    first = tab.detail.current_pair_id()
    before = get_pair(ctx.project, first).status
    QTest.keyClick(tab.table, Qt.Key.Key_A)  # approve, and move on
    QTest.keyClick(tab.table, Qt.Key.Key_J)
    assert tab.detail.current_pair_id() != first
    QTest.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.detail.current_pair_id() == first
    assert get_pair(ctx.project, first).status == before


def test_the_answer_is_in_view_when_a_long_thread_is_shown(qtbot, ctx_with_project):
    from natasha_studio.core.pairs import Turn, set_turns

    ctx = ctx_with_project
    tab = _tab(qtbot, ctx)
    tab.resize(1280, 620)  # the pane gets little height, as in a 1280x820 window
    first, second = tab.model.pair_id(0), tab.model.pair_id(1)
    long_context = [Turn("user" if i % 2 == 0 else "assistant", f"реплика {i}\n" * 6)
                    for i in range(6)]
    set_turns(ctx.project, first, [*long_context, Turn("user", "Вопрос?"),
                                   Turn("assistant", "Ответ.")])
    tab.model.refresh_ids({first})
    tab.select_row(1)
    tab.detail.editors_scroll.verticalScrollBar().setValue(
        tab.detail.editors_scroll.verticalScrollBar().maximum())
    tab.select_row(0)
    assert tab.detail.current_pair_id() == first

    def answer_in_view():
        answer = tab.detail.answer_editor()
        viewport = tab.detail.editors_scroll.viewport()
        top = answer.mapTo(viewport, answer.rect().topLeft()).y()
        return answer.toPlainText() == "Ответ." and 0 <= top < viewport.height() - 20

    qtbot.waitUntil(answer_in_view, timeout=2000)
    # The quality line and the topics stay in view above the scrolled turns.
    viewport = tab.detail.editors_scroll.viewport()
    assert not viewport.isAncestorOf(tab.detail.reasons)
    assert tab.detail.reasons.isVisible() and tab.detail.topics.isVisible()
    tab.select_row(1)
    assert second == tab.detail.current_pair_id()
