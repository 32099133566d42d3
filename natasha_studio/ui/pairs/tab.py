"""The Pairs tab: where curators read, edit, label and review pairs.

The table shows the pairs a filter matches (ids only; rows are read as they scroll into view).
Every change goes through the tab's undo stack as a command that writes to the project at once;
views then re-read only the pairs that changed.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.curation import filters, operations, search
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.curation.thread import thread_around
from natasha_studio.core.dataset.messages import chat_name
from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import get_pair, has_pairs
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.pairs import commands
from natasha_studio.ui.pairs.bulk import BulkRunner
from natasha_studio.ui.pairs.detail import PairDetailPane
from natasha_studio.ui.pairs.dialogs import AddPairDialog, DuplicatesDialog, ReplaceDialog
from natasha_studio.ui.pairs.filter_bar import PairFilterBar
from natasha_studio.ui.pairs.learning import LearnBar
from natasha_studio.ui.pairs.model import COLUMNS, PairTableModel
from natasha_studio.ui.pairs.shortcuts import ShortcutsDialog, key_sequences, keys_text
from natasha_studio.ui.privacy.integration import install_privacy

# Actions that change pairs: disabled while a bulk change is being written.
_CHANGING_ACTIONS = ("approve", "reject", "needs_work", "reset_status", "add_topic", "delete",
                     "replace", "duplicates", "add_pair")

# Review buttons show their key (the rest show it in the tooltip and the cheat sheet).
_KEYS_ON_BUTTONS = ("approve", "reject", "needs_work", "reset_status", "previous", "next",
                    "add_topic")


class PairsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        # Changes of many pairs are written on a worker thread, one at a time.
        self.bulk = BulkRunner(ctx.tasks, self.undo_stack, ctx.show_status, self)
        self.bulk.busy_changed.connect(self._on_bulk_busy)
        self._own_change = False
        self._chat_counts_shown = None
        self._to_top = False  # the next answer shows the first row (see sort_by_quality)
        self.model = PairTableModel(self)
        self.filter_bar = PairFilterBar()
        self.filter_bar.changed.connect(self._on_filter_changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COLUMNS.index("date"),
                                                       Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        # Painting a header asks the table's selection whether each whole column is
        # selected, looking at every row: seconds after "select all" over 100k rows. The
        # header gets a selection of its own (it only uses it to highlight sections).
        header.setHighlightSections(False)
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        for i, key in enumerate(COLUMNS):
            if key in ("question", "answer"):
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
        for key, width in (("status", 100), ("chat", 140), ("date", 90), ("topics", 120),
                           ("quality", 64), ("edited", 56)):
            # At least as wide as the column's title in the curator's language.
            column = COLUMNS.index(key)
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.filtered.connect(self._on_filtered)
        self.model.progress.connect(self._on_filter_progress)
        self.model.failed.connect(self.filter_bar.show_error)

        self.detail = PairDetailPane()
        self.detail.turns_edited.connect(self._on_turns_edited)
        self.detail.field_edited.connect(self._on_field_edited)
        self.detail.topics_edited.connect(self._on_topics_edited)
        self.detail.revert_requested.connect(self._on_revert)
        self.detail.join_requested.connect(self._on_join)
        self.detail.split_requested.connect(self._on_split)

        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        # Review buttons and tools on two rows, so the tab fits 1280 px in Russian too.
        review, tools = QHBoxLayout(), QHBoxLayout()
        for row, names in ((review, ("approve", "reject", "needs_work", "reset_status", None,
                                     "previous", "next", None, "undo", "redo")),
                           (tools, ("add_topic", "delete", "replace", "duplicates",
                                    "add_pair", "shortcuts"))):
            for name in names:
                if name is None:
                    row.addSpacing(12)
                    continue
                button = QToolButton()
                button.setDefaultAction(self.actions_by_name[name])
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                row.addWidget(button)
            row.addStretch(1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 480])
        work = QWidget()
        col = QVBoxLayout(work)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.filter_bar)
        col.addLayout(review)
        col.addLayout(tools)
        # Learning from the curator's decisions, and the sort it serves.
        self.learn_bar = LearnBar(ctx, self.sort_by_quality)
        col.addWidget(self.learn_bar)
        col.addWidget(split, 1)

        self.empty = QWidget()
        self.empty_title = QLabel()
        self.empty_title.setProperty("role", "heading")
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        for label in (self.empty_title, self.empty_text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # As the other tabs' empty states: muted text, the way forward as the primary button.
        self.empty_text.setProperty("role", "muted")
        self.go_sources = QPushButton(self.tr("Go to Sources"))
        self.go_sources.setProperty("primary", True)
        self.go_sources.clicked.connect(lambda: self.ctx.navigate.emit("sources", None))
        add = QPushButton(self.tr("Add a pair by hand"))
        add.clicked.connect(self.add_pair)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.go_sources)
        buttons.addWidget(add)
        buttons.addStretch(1)
        ecol = QVBoxLayout(self.empty)
        ecol.addStretch(1)
        ecol.addWidget(self.empty_title)
        ecol.addWidget(self.empty_text)
        ecol.addLayout(buttons)
        ecol.addStretch(2)
        self._add_button = add

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(work)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        ctx.project_changed.connect(self._on_project_changed)
        ctx.changed.connect(self._on_changed_elsewhere)
        QApplication.instance().aboutToQuit.connect(self.flush)
        # The "Personal data" panel beside the thread: highlights, redaction, its filter.
        self.privacy_panel = install_privacy(self)
        # After the panel's own handler, which enables its actions for the pair shown.
        self.detail.pair_shown.connect(self._hold_other_writers)
        self._held_actions: dict[QAction, bool] = {}
        self._on_project_changed(ctx.project)

    # -- actions ------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        specs = {
            "approve": (self.tr("Approve"), lambda: self.set_status("approved")),
            "reject": (self.tr("Reject"), lambda: self.set_status("rejected")),
            "needs_work": (self.tr("Needs work"), lambda: self.set_status("needs_work")),
            "reset_status": (self.tr("Back to new"), lambda: self.set_status("new")),
            "next": (self.tr("Next"), lambda: self.move(1)),
            "previous": (self.tr("Previous"), lambda: self.move(-1)),
            "focus_answer": (self.tr("Edit the answer"), self.detail.focus_answer),
            "focus_table": (self.tr("Back to the table"), self._focus_table),
            "focus_search": (self.tr("Search"), self._focus_search),
            "undo": (self.tr("Undo"), self.undo),
            "redo": (self.tr("Redo"), self.redo),
            "add_topic": (self.tr("Add topic\u2026"), self.add_topic),
            "delete": (self.tr("Delete"), self.delete_selected),
            "replace": (self.tr("Find and replace\u2026"), self.find_and_replace),
            "add_pair": (self.tr("Add pair\u2026"), self.add_pair),
            "duplicates": (self.tr("Duplicates\u2026"), self.show_duplicates),
            "shortcuts": (self.tr("Shortcuts"), self.show_shortcuts),
        }
        for name, (text, slot) in specs.items():
            action = QAction(text, self)
            action.triggered.connect(slot)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            try:
                keys = key_sequences(name)
            except KeyError:
                keys = []
            # Single keys act only in the table, so typing in an editor never triggers them.
            modified = [k for k in keys if len(k.toString()) > 1]
            action.setShortcuts(modified)
            if keys:
                action.setToolTip(f"{text} ({keys_text(name)})")
            if name in _KEYS_ON_BUTTONS:
                # Buttons show their first key, so the shortcuts are learnt by looking.
                first = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
                action.setIconText(f"{text.rstrip(chr(0x2026))}  [{first}]")
            for key in keys:
                if len(key.toString()) == 1:
                    shortcut = QShortcut(key, self.table, context=Qt.ShortcutContext.WidgetShortcut)
                    shortcut.activated.connect(action.trigger)
            self.addAction(action)
            self.actions_by_name[name] = action
        self.undo_stack.canUndoChanged.connect(self._update_undo_actions)
        self.undo_stack.canRedoChanged.connect(self._update_undo_actions)
        self._update_undo_actions()

    def menu_actions(self) -> list[QAction]:
        """Actions for the window's Edit menu."""
        return [self.actions_by_name[n] for n in (
            "undo", "redo", "approve", "reject", "needs_work", "reset_status", "add_topic",
            "delete", "replace", "duplicates", "add_pair")] + self.privacy_panel.menu_actions()

    # -- project ------------------------------------------------------------------------------

    def _on_project_changed(self, project: Project | None) -> None:
        self.flush()
        # A change still being written is stopped (rolled back) before the project closes.
        self.bulk.set_project(project)
        self.undo_stack.clear()
        self.project = project
        self.detail.show_pair(None)
        self.filter_bar.load_choices(project)
        self.model.set_project(project, load=False)
        self.filter_bar.clear()  # applies the (empty) filter: the one query that fills the table
        self.learn_bar.set_project(project)
        self._update_empty()

    def _has_pairs(self) -> bool:
        return self.project is not None and has_pairs(self.project)

    def _update_empty(self) -> None:
        if self.project is None:
            self.empty_title.setText(self.tr("No project is open"))
            self.empty_text.setText(self.tr("Open or create a project from the File menu; its "
                                            "question-and-answer pairs appear here."))
            self.go_sources.hide()
            self._add_button.hide()
            self.stack.setCurrentWidget(self.empty)
        elif not self._has_pairs() and self.filter_bar.current().is_default():
            self.empty_title.setText(self.tr("No pairs yet"))
            self.empty_text.setText(self.tr("Import chats on the Sources tab and pairs are found "
                                            "there, or write a pair by hand."))
            self.go_sources.show()
            self._add_button.show()
            self.stack.setCurrentIndex(0)
        else:
            self.stack.setCurrentIndex(1)

    # -- filtering and navigation -------------------------------------------------------------

    def navigate_to(self, argument: object) -> None:
        """Another tab sent the curator here with a list of pair ids: show just those."""
        if isinstance(argument, (list, tuple, set)) and self.project is not None:
            self.filter_bar.show_only(sorted(int(i) for i in argument))

    def _on_filter_changed(self, flt: PairFilter) -> None:
        """Ask for the matching pairs; the table changes when the answer comes
        (``_on_filtered``), so typing never waits for a query."""
        if self.project is None:
            return
        self.flush()
        hint = ""
        text = flt.search.strip()
        if text and not flt.regex and len("".join(search.words(text))) < 2:
            # One letter starts most words: the answer would be most pairs, slowly.
            flt = dataclasses.replace(flt, search="")
            hint = self.tr("Type at least two letters to search.")
        try:
            self.model.set_filter(flt)
        except StudioError as exc:
            self.filter_bar.show_error(exc.message)
            return
        self.filter_bar.show_error("")
        self.filter_bar.show_hint(hint)

    def _on_filtered(self, complete: bool) -> None:
        self._update_counts()
        if self.model.chat_counts is not None and \
                self.model.chat_counts is not self._chat_counts_shown:
            self._chat_counts_shown = self.model.chat_counts
            self.filter_bar.load_choices(self.project, self.model.chat_counts)
        current = self.detail.current_pair_id()
        row = self.model.row_of(current) if current is not None else None
        if self._to_top and complete:
            self._to_top = False
            self._restore_current(None)
        elif row is not None:
            if self.table.currentIndex().row() != row:
                self.select_row(row)
        elif complete or current is None:
            # The shown pair is no longer among the rows (or none was shown): the first row.
            self._restore_current(None)

    def _on_filter_progress(self, done: int, total: int, detail: str) -> None:
        percent = int(100 * done / total) if total else 0
        text = (self.tr("Preparing search: {percent}%") if detail == "index"
                else self.tr("Searching: {percent}%"))
        self.filter_bar.count_label.setText(text.format(percent=percent))

    def _update_counts(self) -> None:
        if self.project is not None:
            self.filter_bar.show_count(self.model.count, self.model.total)

    def _restore_current(self, pair_id: int | None) -> None:
        row = self.model.row_of(pair_id) if pair_id is not None else None
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is None:
            self.detail.show_pair(None)
            return
        self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._show_current()

    def move(self, step: int) -> None:
        row = self.table.currentIndex().row()
        target = min(max(row + step, 0), self.model.rowCount() - 1)
        if target >= 0 and target != row:
            self.select_row(target)

    def _on_current_changed(self, current, _previous) -> None:
        self._show_current()

    def _show_current(self) -> None:
        self._show_pair_id(self.model.pair_id(self.table.currentIndex().row()))

    def _show_pair_id(self, pair_id: int | None) -> None:
        if self.project is None:
            return
        pair = get_pair(self.project, pair_id) if pair_id is not None else None
        if pair is None:
            self.detail.show_pair(None)
            return
        self.detail.show_pair(pair, thread_around(self.project, pair),
                              chat_name(self.project, pair.chat_id),
                              filters.topic_choices(self.project))

    def selected_ids(self) -> list[int]:
        """The selected pairs in table order (the current one when none is selected).

        Read from the selection's row ranges: "select all" over 100k rows is one range,
        where listing its rows as indexes would take seconds."""
        chosen = np.zeros(self.model.rowCount(), dtype=bool)
        for span in self.table.selectionModel().selection():
            if span.isValid():
                chosen[span.top():span.bottom() + 1] = True
        rows = np.flatnonzero(chosen)
        if not len(rows) and self.table.currentIndex().isValid():
            rows = np.array([self.table.currentIndex().row()])
        return self.model.ids_at(rows)

    def _focus_table(self) -> None:
        self.detail.flush()
        self.table.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # Coming to the tab, Qt gives the focus to the first editor of the pane, where J or A
        # would type into the member's question. Review starts in the table: its letters work
        # at once, and an editor is one key (E) or one click away. Posted, so it lands after
        # Qt's own focus change.
        QTimer.singleShot(0, self._focus_table_on_arrival)

    def _focus_table_on_arrival(self) -> None:
        if self.isVisible() and self.table.isVisible():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    # -- changes ------------------------------------------------------------------------------

    def _push(self, command: commands.PairCommand) -> None:
        if self._step(command, True, self.tr("The change was not made")):
            self.undo_stack.push(command)

    def _step(self, command: commands.PairCommand, forward: bool, failure: str) -> bool:
        """Run a step of ``command`` where its failure can be told (see ``PairCommand``)."""
        try:
            command.run_step(forward)
        except StudioError as exc:
            show_error(self, failure, exc)
            return False
        return True

    def _notify(self, pair_ids: set[int] | None, detail: bool = True) -> None:
        """Called by commands after they write: refresh views, tell the other tabs.
        ``detail=False``: the change shows only in the table (a status), so the pair shown
        is not read and laid out again."""
        if pair_ids is None:
            self.model.reload()  # the current pair is found again when the answer comes
        else:
            self.model.refresh_ids(pair_ids)
            if detail and self.detail.current_pair_id() in pair_ids:
                self._show_current()
        self.learn_bar.decisions_changed()
        self._own_change = True
        try:
            self.ctx.apply(Changes(pairs=pair_ids))
        finally:
            self._own_change = False

    def _notify_status(self, pair_ids: set[int] | None) -> None:
        self._notify(pair_ids, detail=False)

    def _on_changed_elsewhere(self, changes: Changes) -> None:
        if self._own_change or self.project is None or not changes.any_pairs:
            return
        pair_ids = changes.pairs
        self.learn_bar.decisions_changed()
        self.filter_bar.load_choices(self.project)
        if pair_ids is None:
            self.model.reload()
            self._update_empty()
        else:
            self.model.refresh_ids(set(pair_ids))
            if self.detail.current_pair_id() in pair_ids and not self.detail.has_unsaved():
                self._show_current()

    def sort_by_quality(self) -> None:
        """Highest quality first (after learning: the pairs most likely to be approved), from
        the first row."""
        if (self.model.sort_key, self.model.descending) == ("quality", True):
            self._restore_current(None)
            return
        self._to_top = True
        self.table.sortByColumn(COLUMNS.index("quality"), Qt.SortOrder.DescendingOrder)

    def set_status(self, status: str) -> None:
        self.flush()
        ids = self.selected_ids()
        if self.project is None or not ids:
            return
        label = self.model.status_text(status)
        self._push(commands.StatusCommand(self.project, self._notify_status, ids, status,
                                          label, self.bulk))
        if len(ids) == 1:
            self.move(1)

    def _on_turns_edited(self, pair_id: int, turns: list) -> None:
        if self.project is None:
            return
        before = operations.edited_turns(self.project, pair_id)
        self._push(commands.TurnsCommand(self.project, self._notify, pair_id, before, turns,
                                         self.tr("Edit text"), mergeable=True))

    def _on_field_edited(self, pair_id: int, field_name: str, value) -> None:
        if self.project is None:
            return
        pair = get_pair(self.project, pair_id)
        before = pair.notes if field_name == "notes" else pair.system_prompt
        text = self.tr("Edit notes") if field_name == "notes" else self.tr("Edit system prompt")
        self._push(commands.FieldCommand(self.project, self._notify, pair_id, field_name,
                                         before, value, text))

    def _on_topics_edited(self, pair_id: int, before: list, after: list) -> None:
        if self.project is not None:
            self._push(commands.SetTopicsCommand(self.project, self._notify, pair_id, before,
                                                 after))
            self.filter_bar.load_choices(self.project)

    def _on_revert(self, pair_id: int) -> None:
        if self.project is not None:
            before = operations.edited_turns(self.project, pair_id)
            self._push(commands.TurnsCommand(self.project, self._notify, pair_id, before, None,
                                             self.tr("Revert to original")))

    def _on_join(self, pair_id: int, index: int) -> None:
        pair = get_pair(self.project, pair_id) if self.project else None
        if pair is None:
            return
        try:
            joined = operations.merge_turn_with_next(pair.turns, index)
        except StudioError as exc:
            show_error(self, self.tr("The messages were not joined"), exc)
            return
        before = operations.edited_turns(self.project, pair_id)
        self._push(commands.TurnsCommand(self.project, self._notify, pair_id, before, joined,
                                         self.tr("Join messages")))

    def _on_split(self, pair_id: int, at: int) -> None:
        if self.project is not None:
            self._push(commands.SplitCommand(self.project, self._notify, pair_id, at))

    def add_topic(self) -> None:
        ids = self.selected_ids()
        if self.project is None or not ids:
            return
        # The field starts empty: a preselected first topic ("Business") was added by a
        # careless Enter.
        name, ok = QInputDialog.getItem(
            self, self.tr("Add a topic"),
            self.tr("Topic for %n selected pairs:", "", len(ids)),
            ["", *filters.topic_choices(self.project)], 0, True)
        if ok and name.strip():
            self._push(commands.TopicCommand(self.project, self._notify, ids, name.strip(),
                                             True, self.bulk))
            self.filter_bar.load_choices(self.project)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if self.project is not None and ids:
            self.flush()
            restoring = self.model.filter.deleted
            self._push(commands.DeleteCommand(self.project, self._notify, ids, not restoring,
                                              self.bulk))
            self.ctx.show_status(self.tr("%n pairs restored", "", len(ids)) if restoring else
                                 self.tr("%n pairs deleted; Undo brings them back", "",
                                         len(ids)))

    def add_pair(self) -> None:
        if self.project is None:
            return
        dialog = AddPairDialog(self)
        if dialog.exec():
            question, answer, context = dialog.values()
            command = commands.AddPairCommand(self.project, self._notify, question, answer,
                                              context)
            self._push(command)
            self._update_empty()
            if command.pair_id is not None:
                # Shown now; the table finds its row when the reload answers.
                self._show_pair_id(command.pair_id)

    def find_and_replace(self) -> None:
        if self.project is None:
            return
        self.flush()
        scopes = {"filtered": list(self.model.ids()), "selected": self.selected_ids()}
        dialog = ReplaceDialog(self.project, self.ctx.tasks, scopes, self)
        if dialog.exec() and dialog.plan:
            self._push(commands.ReplaceCommand(
                self.project, self._notify, dialog.plan,
                self.tr("Replace in %n pairs", "", len(dialog.plan)), self.bulk))

    def show_duplicates(self) -> None:
        if self.project is None:
            return
        self.flush()
        dialog = DuplicatesDialog(self.project, self.ctx.tasks, self)
        if dialog.exec():
            groups = dialog.decisions()
            if groups:
                self._push(commands.MergeCommand(self.project, self._notify, groups,
                                                 self.bulk))

    def undo(self) -> None:
        if not self.bulk.busy() and self.undo_stack.canUndo():
            self.flush()
            command = self.undo_stack.command(self.undo_stack.index() - 1)
            if not self._step(command, False, self.tr("Nothing was undone")):
                return
            self.undo_stack.undo()
            self._reveal(command, self.tr("Undone: {change}"))

    def redo(self) -> None:
        if not self.bulk.busy() and self.undo_stack.canRedo():
            self.flush()
            command = self.undo_stack.command(self.undo_stack.index())
            if not self._step(command, True, self.tr("Nothing was redone")):
                return
            self.undo_stack.redo()
            self._reveal(command, self.tr("Redone: {change}"))

    def _reveal(self, command, message: str) -> None:
        """Show the pair an undo or redo changed, so the curator sees what came back."""
        if command is None:
            return
        ids = list(getattr(command, "pair_ids", None) or [])
        if not ids and getattr(command, "pair_id", None) is not None:
            ids = [command.pair_id]
        if ids and self.detail.current_pair_id() not in ids:
            row = next((r for r in map(self.model.row_of, ids[:1000]) if r is not None), None)
            if row is not None:
                self.select_row(row)
        self.ctx.show_status(message.format(change=command.text()))

    def _update_undo_actions(self) -> None:
        busy = self.bulk.busy()
        self.actions_by_name["undo"].setEnabled(self.undo_stack.canUndo() and not busy)
        self.actions_by_name["redo"].setEnabled(self.undo_stack.canRedo() and not busy)

    def _on_bulk_busy(self, busy: bool) -> None:
        """While a change of many pairs is being written nothing else may change pairs:
        writes would wait for it (and two changes must not interleave). Reading and
        filtering go on."""
        for name in _CHANGING_ACTIONS:
            self.actions_by_name[name].setEnabled(not busy)
        self._update_undo_actions()
        self.detail.setEnabled(not busy)
        # The privacy panel's menu actions write too (some on this thread): held back, then
        # given back as they were.
        if busy:
            self._held_actions = {a: a.isEnabled() for a in self.privacy_panel.menu_actions()}
            self._hold_other_writers()
        else:
            for action, enabled in self._held_actions.items():
                action.setEnabled(enabled)
            self._held_actions = {}

    def _hold_other_writers(self, *_args) -> None:
        if self.bulk.busy():
            for action in self.privacy_panel.menu_actions():
                action.setEnabled(False)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def flush(self) -> None:
        """Write any pending typing now."""
        self.detail.flush()

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)
