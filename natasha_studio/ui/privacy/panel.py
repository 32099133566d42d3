"""The privacy panel: personal data found in the current pair, and redaction.

It stands alone (``PrivacyPanel(ctx)``); the Pairs tab plugs it in beside the thread and
gives it hooks: where the turn editors are (for highlights), which pairs are selected, its
undo stack (so Ctrl+Z undoes a redaction) and a flush before changes. Scans run in worker
threads; the panel only shows what they found.

Changes reported through ``ctx.changed`` are gathered for a moment (a bulk change, its
undo and a few edits become one check) and only the pairs whose text changed are read again
(the scan cache tells them apart: a status or topic change moves a pair's stamp, not its
text). Counting and listing the pairs with personal data happen in the worker too, so with
a million pairs the window never waits for them. When another change holds the project file
longer than a check waits, the check quietly tries again a few seconds later.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.errors import StudioError
from natasha_studio.core.privacy import (
    Finding,
    ScanSummary,
    audit_log,
    kind_label,
    load_settings,
    save_settings,
    source_label,
)
from natasha_studio.core.store import Project
from natasha_studio.operations import privacy
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.privacy import workers
from natasha_studio.ui.privacy.commands import AllowWordCommand, RedactCommand
from natasha_studio.ui.privacy.dialogs import (
    AuditDialog,
    PrivacySettingsDialog,
    RedactPreviewDialog,
)
from natasha_studio.ui.privacy.highlighter import PrivacyHighlighter, kind_color
from natasha_studio.ui.privacy.word_menu import WordMenu

# Changes arriving within this long are checked together.
DEBOUNCE_MS = 400
# A check that found the project busy (another change being written) tries again after this.
RETRY_MS = 3000
# Past this many changed pairs, one pass over the stale stamps is cheaper than listing ids.
WHOLE_DATASET_FROM = 20_000


class PrivacyPanel(QWidget):
    # Pair ids with personal data, to show only them; None to show all pairs again.
    filter_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project: Project | None = None
        self.pair_id: int | None = None
        self.findings: list[Finding] = []
        self._undo_stack: QUndoStack | None = None
        self._selection: Callable[[], list[int]] = lambda: [self.pair_id] if self.pair_id else []
        self._editor: Callable[[int], QPlainTextEdit | None] = lambda _i: None
        self._before_change: Callable[[], None] = lambda: None
        self._preview: RedactPreviewDialog | None = None
        # Changed pairs waiting for a rescan: sets as they came (merged only when small),
        # and whether the whole dataset's stale pairs are due (a change of unknown or many
        # pairs: the stamps find them).
        self._pending: list[set[int]] = []
        self._pending_count = 0
        self._whole_pending = False
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_pending)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._start_pending)
        self._pair_retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._pair_retry.timeout.connect(lambda: self.show_pair(self.pair_id))
        self.busy_retries = 0  # checks that found the project busy (for benchmarks)
        # Right-click on a highlighted word in the pair's text: "not personal", "replace".
        self.word_menu = WordMenu(self)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Found"), self.tr("Kind"), self.tr("Found by"), ""])
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.redact_pair = QPushButton(self.tr("Replace in this pair"))
        self.redact_pair.clicked.connect(self._on_redact_pair)
        self.not_personal = QPushButton(self.tr("Not personal"))
        self.not_personal.setToolTip(self.tr("The chosen word is nobody's personal data (a "
                                             "goddess, a brand): never highlight or replace it "
                                             "in this project. Undo with Ctrl+Z."))
        self.not_personal.clicked.connect(self._on_not_personal)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_menu)
        self.redact_selected = QPushButton(self.tr("Selected pairs\u2026"))
        self.redact_selected.setToolTip(self.tr("Preview and replace personal data in the "
                                                "pairs selected in the table"))
        self.redact_selected.clicked.connect(lambda: self._open_preview("selection"))
        self.redact_all = QPushButton(self.tr("All pairs\u2026"))
        self.redact_all.setToolTip(self.tr("Preview and replace personal data in every pair"))
        self.redact_all.clicked.connect(lambda: self._open_preview("all"))
        self.undo_button = QPushButton(self.tr("Undo last redaction"))
        self.undo_button.clicked.connect(self._on_undo)
        self.settings_button = QPushButton(self.tr("Settings\u2026"))
        self.settings_button.clicked.connect(self._on_settings)
        self.history_button = QPushButton(self.tr("History\u2026"))
        self.history_button.clicked.connect(self._on_history)
        self.dataset = QLabel()
        self.dataset.setWordWrap(True)
        self.dataset.setProperty("role", "muted")
        self.only_flagged = QCheckBox(self.tr("Show only pairs with personal data"))
        self.only_flagged.toggled.connect(self._on_only_flagged)

        replace_row = QHBoxLayout()
        for button in (self.redact_pair, self.not_personal, self.redact_selected,
                       self.redact_all):
            replace_row.addWidget(button)
        replace_row.addStretch(1)
        tools_row = QHBoxLayout()
        for button in (self.undo_button, self.settings_button, self.history_button):
            tools_row.addWidget(button)
        tools_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(replace_row)
        layout.addLayout(tools_row)
        layout.addWidget(self.dataset)
        layout.addWidget(self.only_flagged)

        self._actions: list[QAction] = []
        for text, slot in ((self.tr("Replace personal data in all pairs\u2026"),
                            lambda: self._open_preview("all")),
                           (self.tr("Undo last redaction"), self._on_undo),
                           (self.tr("Privacy settings\u2026"), self._on_settings),
                           (self.tr("Redaction history\u2026"), self._on_history)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            self._actions.append(action)

        ctx.project_changed.connect(self._on_project_changed)
        ctx.changed.connect(self._on_changed)
        ctx.tasks.progress.connect(self._on_progress)
        self._on_project_changed(ctx.project)

    def menu_actions(self) -> list[QAction]:
        """Redaction, undo, settings and history, for the window's Edit menu."""
        return list(self._actions)

    # -- hooks for the host tab -----------------------------------------------------------

    def set_undo_stack(self, stack: QUndoStack | None) -> None:
        """Put redactions on this stack, so the host's Undo (Ctrl+Z) reverts them."""
        self._undo_stack = stack

    def set_selection_provider(self, provider: Callable[[], list[int]]) -> None:
        self._selection = provider

    def set_editor_provider(self, provider: Callable[[int], QPlainTextEdit | None]) -> None:
        """Where the editor of turn ``i`` is, for highlighting what was found in it."""
        self._editor = provider

    def set_before_change(self, callback: Callable[[], None]) -> None:
        """Called before a redaction writes (the host saves typing in progress)."""
        self._before_change = callback

    def _run(self, name: str, fn, *args, **kwargs) -> bool:
        """Start background work; without the app's event loop (a panel built outside the
        app) there is nowhere to run it, and the panel stays idle instead of failing."""
        try:
            asyncio.get_event_loop()
        except RuntimeError:
            return False
        on_done = kwargs.get("on_done")
        if on_done is not None:
            def done_here(result: object) -> None:
                if shiboken6.isValid(self):  # the tab may have gone while the work ran
                    on_done(result)
            kwargs["on_done"] = done_here
        self.ctx.tasks.run_in_thread(name, fn, *args, **kwargs)
        return True

    # -- showing ------------------------------------------------------------------------------

    def _on_project_changed(self, project: Project | None) -> None:
        self.project = project
        self._clear_pending()
        self.only_flagged.blockSignals(True)
        self.only_flagged.setChecked(False)
        self.only_flagged.blockSignals(False)
        self.show_pair(None)
        self._update_buttons()
        if project is None:
            self.dataset.setText(self.tr("Open a project to check its pairs for personal data."))
            return
        self.scan_dataset()

    def _clear_pending(self) -> None:
        self._pending, self._pending_count, self._whole_pending = [], 0, False
        self._debounce.stop()
        self._retry.stop()
        self._pair_retry.stop()

    def is_idle(self) -> bool:
        """No check running or waiting (for tests and benchmarks)."""
        names = {f"privacy-scan-{id(self)}", f"privacy-rescan-{id(self)}",
                 f"privacy-pair-{id(self)}", f"privacy-flagged-{id(self)}"}
        running = any(t.name in names for t in self.ctx.tasks.running())
        waiting = self._pending_count or self._whole_pending
        return not (running or waiting or self._debounce.isActive() or self._retry.isActive()
                    or self._pair_retry.isActive())

    def scan_dataset(self, pair_ids: list[int] | None = None) -> None:
        """Check (in the background) the pairs whose cached results are stale: all of them,
        at once, or ``pair_ids`` after a short pause that gathers further changes.

        Changed pairs are rescanned as a separate task, so a curator's edits never cancel
        the first scan of a large dataset; edits made meanwhile wait for the next round.
        """
        if self.project is None:
            return
        if pair_ids is not None:
            self._add_pending(pair_ids)
            return
        self.dataset.setText(self.tr("Checking the pairs for personal data\u2026"))
        self._start(f"privacy-scan-{id(self)}", None)

    def _add_pending(self, pair_ids) -> None:
        if pair_ids is None or self._pending_count + len(pair_ids) > WHOLE_DATASET_FROM:
            self._whole_pending = True
            self._pending, self._pending_count = [], 0
        elif not self._whole_pending:
            # Kept as they came: merging a bulk change's ids here would cost the window.
            self._pending.append(pair_ids)
            self._pending_count += len(pair_ids)
        self._debounce.start()

    def _start_pending(self) -> None:
        if self.project is None:
            return
        if self._whole_pending:
            # A pass over every pair's stamps goes under the first scan's name (with its
            # progress in the panel): while one runs, the next waits for it rather than
            # reading the same unscanned pairs beside it.
            if self.ctx.tasks.is_running(f"privacy-scan-{id(self)}"):
                return  # started again when it ends
            self._pending, self._pending_count, self._whole_pending = [], 0, False
            self.scan_dataset()
            return
        name = f"privacy-rescan-{id(self)}"
        if not self._pending or self.ctx.tasks.is_running(name):
            return  # started again when it ends
        ids = sorted(set().union(*self._pending))
        self._pending, self._pending_count = [], 0
        self._start(name, ids)

    def _start(self, name: str, ids: list[int] | None) -> None:
        project = self.project
        self._run(
            name, workers.refresh, str(project.path), ids, self.only_flagged.isChecked(),
            title=self.tr("Checking for personal data"), owner=project,
            on_done=lambda summary: self._on_refreshed(project, ids, summary),
            with_progress=True)

    def _on_progress(self, name: str, done: int, total: int, _detail: str) -> None:
        if name == f"privacy-scan-{id(self)}" and total > 50:
            self.dataset.setText(self.tr("Checking for personal data: {done} of {total} pairs")
                                 .format(done=done, total=total))

    def _on_refreshed(self, project: Project, ids: list[int] | None,
                      summary: ScanSummary | None) -> None:
        if project is not self.project:
            return
        if summary is None:
            # Another change held the project: nothing is lost, the same pairs are checked
            # again in a moment (their stamps still say they are stale).
            self.busy_retries += 1
            self._add_pending(ids)
            self._debounce.stop()
            self._retry.start()
            return
        if summary.flagged:
            self.dataset.setText(self.tr("%n pairs have personal data", "", summary.flagged)
                                 + " " + self.tr("(of %n).", "", summary.total))
        else:
            self.dataset.setText(self.tr("No personal data found in %n pairs.", "",
                                         summary.total))
        if self.only_flagged.isChecked() and summary.flagged_ids is not None:
            self.filter_requested.emit(set(summary.flagged_ids))
        if (self._pending or self._whole_pending) and not self._debounce.isActive() \
                and not self._retry.isActive():
            self._start_pending()

    def show_pair(self, pair_id: int | None) -> None:
        """Show what was found in the pair (scanned in the background if it changed)."""
        self.pair_id = pair_id or None
        self._pair_retry.stop()
        self._set_findings([])
        if self.project is None or not self.pair_id:
            self.title.setText(self.tr("Choose a pair to see personal data in it."))
            return
        self.title.setText(self.tr("Looking for personal data\u2026"))
        self._run(
            f"privacy-pair-{id(self)}", workers.scan, str(self.project.path), [self.pair_id],
            title=self.tr("Checking for personal data"), owner=self.project,
            on_done=lambda result, pid=self.pair_id: self._on_pair_scanned(pid, result))

    def _on_pair_scanned(self, pair_id: int, result: dict[int, list[Finding]] | None) -> None:
        if pair_id != self.pair_id:
            return
        if result is None:
            self.title.setText(self.tr("Waiting for another change to be written\u2026"))
            self._pair_retry.start()
            return
        self._set_findings(result.get(pair_id, []))

    def _set_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.tree.clear()
        for f in findings:
            item = QTreeWidgetItem([f.text, kind_label(f.kind), source_label(f.source), ""])
            item.setBackground(0, kind_color(f.kind))
            item.setForeground(0, Qt.GlobalColor.black)
            item.setToolTip(0, self.tr("In turn {n}").format(n=f.turn + 1))
            self.tree.addTopLevelItem(item)
            button = QToolButton()
            button.setText(self.tr("Replace"))
            button.setToolTip(self.tr("Replace just this one"))
            button.clicked.connect(lambda _c=False, finding=f: self._on_redact_span(finding))
            self.tree.setItemWidget(item, 3, button)
        if self.pair_id:
            self.title.setText(self.tr("%n findings in this pair", "", len(findings))
                               if findings else self.tr("No personal data found in this pair."))
        self._highlight()
        self._update_buttons()

    def _highlight(self) -> None:
        turns = {f.turn for f in self.findings}
        for index in range(max(turns, default=-1) + 8):
            editor = self._editor(index)
            if editor is None:
                if index > max(turns, default=-1):
                    break
                continue
            self.word_menu.watch(editor, index)
            document = editor.document()
            highlighter = document.findChild(PrivacyHighlighter)
            if highlighter is None:
                highlighter = PrivacyHighlighter(document)
            highlighter.set_spans([(f.start, f.end, f.kind) for f in self.findings
                                   if f.turn == index])

    def _update_buttons(self) -> None:
        has_project = self.project is not None
        self.redact_pair.setEnabled(bool(self.findings))
        self.not_personal.setEnabled(self._chosen_finding() is not None)
        for w in (self.redact_selected, self.redact_all, self.settings_button,
                  self.history_button, self.undo_button, self.only_flagged, *self._actions):
            w.setEnabled(has_project)

    def _on_changed(self, changes: Changes) -> None:
        if self.project is None or not changes.any_pairs:
            return
        pair_ids = changes.pairs
        self._add_pending(pair_ids)
        if self.pair_id and (pair_ids is None or self.pair_id in pair_ids):
            self.show_pair(self.pair_id)

    def _on_only_flagged(self, on: bool) -> None:
        if self.project is None:
            return
        if not on:
            self.filter_requested.emit(None)
            return
        project = self.project

        def done(ids: list[int] | None) -> None:
            if project is self.project and self.only_flagged.isChecked() and ids is not None:
                self.filter_requested.emit(set(ids))

        self._run(f"privacy-flagged-{id(self)}", workers.flagged, str(project.path),
                  title=self.tr("Checking for personal data"), owner=project, on_done=done)

    # -- redacting ----------------------------------------------------------------------------

    def _notify(self, pair_ids: set[int] | None) -> None:
        self.ctx.apply(Changes(pairs=pair_ids))

    def _apply(self, findings: dict[int, list[Finding]], scope: str) -> None:
        """A small redaction (one finding, one pair), made at once on this thread."""
        if self.project is None or not findings:
            return
        self._before_change()
        mode = load_settings(self.project).mode
        command = RedactCommand(self.project, self._notify, findings, mode, scope)
        try:
            if self._undo_stack is not None:
                self._undo_stack.push(command)
            else:
                command.redo()
        except StudioError as exc:
            show_error(self, self.tr("Nothing was replaced"), exc)

    def _on_redact_span(self, finding: Finding) -> None:
        if self.pair_id:
            self._apply({self.pair_id: [finding]}, "span")

    def replace_finding(self, finding: Finding) -> None:
        """Replace one finding of the shown pair, as one undoable step."""
        self._on_redact_span(finding)

    def _on_redact_pair(self) -> None:
        if self.pair_id and self.findings and self.project is not None:
            kinds = load_settings(self.project).kinds
            chosen = [f for f in self.findings if f.kind in kinds]
            self._apply({self.pair_id: chosen}, "pair")

    def _open_preview(self, scope: str) -> None:
        if self.project is None:
            return
        ids = None if scope == "all" else self._selection()
        if ids is not None and not ids:
            self.ctx.show_status(self.tr("Select pairs in the table first."))
            return
        self._before_change()
        settings = load_settings(self.project)
        dialog = RedactPreviewDialog([], settings.mode, settings.kinds, self)
        self._preview = dialog
        dialog.options_changed.connect(lambda mode, kinds: self._plan(dialog, ids, mode, kinds))
        self._plan(dialog, ids, settings.mode, settings.kinds)
        if dialog.exec() and dialog.plans:
            self._redact_in_background(ids, dialog.mode(), dialog.kinds(), scope)
        self._preview = None

    def _plan(self, dialog: RedactPreviewDialog, ids, mode: str, kinds: tuple) -> None:
        dialog.set_busy()
        self._run(
            f"privacy-preview-{id(self)}", workers.plan, str(self.project.path), ids, mode, kinds,
            title=self.tr("Preparing the preview"), owner=self.project, with_progress=True,
            on_done=lambda plans: dialog.set_plans(plans) if self._preview is dialog else None)

    def _redact_in_background(self, ids, mode: str, kinds: tuple, scope: str) -> None:
        project = self.project

        def done(result) -> None:
            if project is not self.project or result.operation_id is None:
                return
            command = RedactCommand(project, self._notify, {}, mode, scope, result)
            if self._undo_stack is not None:
                self._undo_stack.push(command)
            else:
                command.redo()
            self.ctx.show_status(self.tr("Personal data replaced in %n pairs.", "",
                                         len(result.pair_ids)))

        self._run(
            f"privacy-redact-{id(self)}", workers.redact_pairs, str(project.path), ids, mode,
            kinds, "all" if ids is None else "selection", title=self.tr("Replacing personal data"),
            owner=project, with_progress=True, on_done=done)

    def _on_undo(self) -> None:
        if self.project is None:
            return
        self._before_change()
        try:
            result, changes = privacy.undo_redaction(self.project)
        except StudioError as exc:
            show_error(self, self.tr("Nothing to undo"), exc)
            return
        if result.skipped:
            show_error(self, self.tr("Redaction undone"), StudioError(
                self.tr("%n pairs were edited after the redaction and were left as they are.",
                        "", len(result.skipped))))
        self.ctx.apply(changes)

    def _on_settings(self) -> None:
        if self.project is None:
            return
        dialog = PrivacySettingsDialog(load_settings(self.project), self.project.persona_name, self)
        if dialog.exec():
            save_settings(self.project, dialog.settings())
            self.scan_dataset()
            if self.pair_id:
                self.show_pair(self.pair_id)

    # -- the allow-list -------------------------------------------------------------------

    def _chosen_finding(self) -> Finding | None:
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def _on_tree_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("Not personal: never flag «{word}»").format(word=item.text(0)),
                       self._on_not_personal)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _on_not_personal(self) -> None:
        finding = self._chosen_finding()
        if finding is not None:
            self.mark_not_personal(finding.text)

    def mark_not_personal(self, word: str, *, not_personal: bool = True) -> None:
        """Put ``word`` on the allow-list (or take it off) as one undoable step."""
        if self.project is None:
            return
        command = AllowWordCommand(self.project, word, self._after_allow_change,
                                   not_personal=not_personal)
        try:
            if self._undo_stack is not None:
                self._undo_stack.push(command)
            else:
                command.redo()
        except StudioError as exc:
            show_error(self, self.tr("The list of words that are not personal was not changed"),
                       exc)
            return
        if not_personal:
            self.ctx.show_status(self.tr("«{word}» is not personal now: it is no longer "
                                         "highlighted or replaced. Ctrl+Z undoes this.")
                                 .format(word=word))

    def _after_allow_change(self) -> None:
        # Every pair's findings depend on the list: the scan cache sees the new settings as
        # stale and the whole dataset is checked again, the shown pair first.
        self.scan_dataset()
        if self.pair_id:
            self.show_pair(self.pair_id)

    def _on_history(self) -> None:
        if self.project is not None:
            AuditDialog(audit_log(self.project), self).exec()
