"""Dialogs of the Pairs tab: add a pair, find and replace with a preview, duplicate groups."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.curation import operations, replace
from natasha_studio.core.curation.duplicates import find_duplicate_groups
from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import Pair, get_pairs
from natasha_studio.core.store import Project
from natasha_studio.tasks import TaskRegistry
from natasha_studio.ui.pairs.task_progress import TaskProgress

# Groups listed in the duplicates dialog (the rest are counted).
SHOWN_GROUPS = 1000


def _plan_in_thread(path: str, ids: list[int], find: str, replacement: str, regex: bool,
                    case_sensitive: bool, scope: str, progress) -> list[replace.PairChange]:
    with Project.open(path) as project:
        return replace.plan_replace(project, ids, find, replacement, regex=regex,
                                    case_sensitive=case_sensitive, scope=scope,
                                    progress=progress)


def _groups_in_thread(path: str, threshold: float,
                      progress) -> tuple[int, list[list[Pair]]]:
    with Project.open(path) as project:
        groups = find_duplicate_groups(project, threshold, progress=progress)
        return len(groups), [get_pairs(project, ids) for ids in groups[:SHOWN_GROUPS]]


class AddPairDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a pair"))
        self.context = QPlainTextEdit()
        self.context.setPlaceholderText(self.tr("Optional: what was said before the question"))
        self.context.setMaximumHeight(70)
        self.question = QPlainTextEdit()
        self.question.setPlaceholderText(self.tr("The member's question"))
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(self.tr("The persona's answer"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b91c1c")
        form = QFormLayout()
        form.addRow(self.tr("Context"), self.context)
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.tr("Answer"), self.answer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 440)

    def values(self) -> tuple[str, str, str]:
        return (self.question.toPlainText().strip(), self.answer.toPlainText().strip(),
                self.context.toPlainText().strip())

    def _on_accept(self) -> None:
        question, answer, _ = self.values()
        if not question or not answer:
            self.error.setText(self.tr("Write both the question and the answer."))
            return
        self.accept()


class ReplaceDialog(QDialog):
    """Find and replace: Preview lists every change; Apply writes exactly those."""

    def __init__(self, project: Project, tasks: TaskRegistry, scope_ids: dict[str, list[int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find and replace"))
        self.project = project
        # The preview reads every pair in scope: a worker thread, with progress and Stop.
        self.progress = TaskProgress(tasks, "pairs-replace-preview", self)
        self.scope_ids = scope_ids
        self.plan: list[replace.PairChange] = []
        self.find = QLineEdit()
        self.replacement = QLineEdit()
        self.regex = QCheckBox(self.tr("Regular expression"))
        self.case = QCheckBox(self.tr("Match case"))
        self.where = QComboBox()
        self.where.addItem(self.tr("Answers"), "answers")
        self.where.addItem(self.tr("Questions"), "questions")
        self.where.addItem(self.tr("All turns"), "all")
        self.pairs = QComboBox()
        labels = {"filtered": self.tr("Pairs shown in the table (%n)", "",
                                      len(scope_ids.get("filtered", []))),
                  "selected": self.tr("Selected pairs (%n)", "",
                                      len(scope_ids.get("selected", [])))}
        for key, ids in scope_ids.items():
            if ids:
                self.pairs.addItem(labels[key], key)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Pair"), self.tr("Before"), self.tr("After")])
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Replace all shown"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for w in (self.find, self.replacement):
            w.textChanged.connect(self._invalidate)
        for w in (self.regex, self.case):
            w.toggled.connect(self._invalidate)
        for w in (self.where, self.pairs):
            w.currentIndexChanged.connect(self._invalidate)
        form = QFormLayout()
        form.addRow(self.tr("Find"), self.find)
        form.addRow(self.tr("Replace with"), self.replacement)
        options = QHBoxLayout()
        for w in (self.regex, self.case, QLabel(self.tr("In")), self.where, self.pairs):
            options.addWidget(w)
        options.addStretch(1)
        options.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(900, 600)

    def _invalidate(self) -> None:
        self.progress.cancel()  # a preview of other options would no longer be exact
        self.preview_button.setEnabled(True)
        self.plan = []
        self.tree.clear()
        self.apply_button.setEnabled(False)
        self.summary.clear()

    def preview(self):
        """Start computing the changes; returns the task (None when the options are wrong)."""
        ids = self.scope_ids.get(self.pairs.currentData() or "filtered", [])
        self._invalidate()
        try:
            replace.check_replace(self.find.text(), self.replacement.text(),
                                  regex=self.regex.isChecked(),
                                  case_sensitive=self.case.isChecked())
        except StudioError as exc:
            self.summary.setText(f"<span style='color:#b91c1c'>{html.escape(str(exc))}</span>")
            return None
        self.preview_button.setEnabled(False)
        self.summary.setText(self.tr("Looking through %n pairs\u2026", "", len(ids)))
        return self.progress.start(
            _plan_in_thread, str(self.project.path), list(ids), self.find.text(),
            self.replacement.text(), self.regex.isChecked(), self.case.isChecked(),
            self.where.currentData(), title=self.tr("Preview of find and replace"),
            on_done=self._show_plan)

    def _show_plan(self, plan: list[replace.PairChange]) -> None:
        self.preview_button.setEnabled(True)
        self.plan = plan
        self.tree.clear()
        for change in self.plan[:2000]:
            for tc in change.changes:
                item = QTreeWidgetItem([f"#{change.pair_id}", tc.before, tc.after])
                item.setData(0, Qt.ItemDataRole.UserRole, change.pair_id)
                self.tree.addTopLevelItem(item)
        total = sum(c.count for c in self.plan)
        text = self.tr("%n pairs will change", "", len(self.plan)) + " \u00b7 " + \
            self.tr("%n replacements", "", total)
        if len(self.plan) > 2000:
            text += " \u00b7 " + self.tr("the first 2,000 pairs are listed")
        self.summary.setText(text if self.plan else self.tr("Nothing matches."))
        self.apply_button.setEnabled(bool(self.plan))

    def done(self, result: int) -> None:
        self.progress.cancel()
        super().done(result)


class DuplicatesDialog(QDialog):
    """Groups of near-identical questions; tick the pair to keep in each group."""

    def __init__(self, project: Project, tasks: TaskRegistry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate questions"))
        self.project = project
        # Comparing every question reads the whole project: a worker thread, with Stop.
        self.progress = TaskProgress(tasks, "pairs-duplicates", self)
        self.threshold = QSpinBox()
        self.threshold.setRange(70, 100)
        self.threshold.setValue(90)
        self.threshold.setSuffix(" %")
        self.threshold.setToolTip(self.tr("How alike two questions must be"))
        self.find_button = QPushButton(self.tr("Find again"))
        self.find_button.clicked.connect(self.find_groups)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Keep"), self.tr("Question"), self.tr("Answer"),
                                   self.tr("Status")])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Keep the ticked pairs, reject the rest"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Similarity")))
        top.addWidget(self.threshold)
        top.addWidget(self.find_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self._updating = False
        self.task = self.find_groups()

    def find_groups(self):
        """Start looking for groups in a worker thread; returns the task."""
        self.tree.clear()
        self.ok.setEnabled(False)
        self.find_button.setEnabled(False)
        self.summary.setText(self.tr("Comparing questions\u2026"))
        self.task = self.progress.start(
            _groups_in_thread, str(self.project.path), float(self.threshold.value()),
            title=self.tr("Looking for duplicate questions"), on_done=self._show_groups)
        self.task.add_done_callback(lambda _t: self.find_button.setEnabled(True))
        return self.task

    def _show_groups(self, found: tuple[int, list[list[Pair]]]) -> None:
        count, groups = found
        self._updating = True
        self.tree.clear()
        status_names = {"new": self.tr("New"), "approved": self.tr("Approved"),
                        "rejected": self.tr("Rejected"), "needs_work": self.tr("Needs work")}
        for number, pairs in enumerate(groups, 1):
            keep = operations.best_to_keep(pairs)
            top = QTreeWidgetItem(["", self.tr("Group {n}: %n pairs", "", len(pairs))
                                   .format(n=number)])
            self.tree.addTopLevelItem(top)
            for pair in pairs:
                child = QTreeWidgetItem(["", " ".join(pair.question.split()),
                                         " ".join(pair.answer.split())[:200],
                                         status_names.get(pair.status, pair.status)])
                child.setData(0, Qt.ItemDataRole.UserRole, pair.id)
                child.setCheckState(0, Qt.CheckState.Checked if pair.id == keep.id
                                    else Qt.CheckState.Unchecked)
                top.addChild(child)
            top.setExpanded(True)
        self._updating = False
        text = self.tr("%n groups of duplicates", "", count) if count else \
            self.tr("No duplicates found.")
        if count > len(groups):
            text += " \u00b7 " + self.tr("the first %n are listed", "", len(groups))
        self.summary.setText(text)
        self.ok.setEnabled(bool(groups))

    def done(self, result: int) -> None:
        self.progress.cancel()
        super().done(result)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        # One pair kept per group: ticking one unticks its siblings.
        if self._updating or column != 0 or item.parent() is None \
                or item.checkState(0) != Qt.CheckState.Checked:
            return
        self._updating = True
        parent = item.parent()
        for i in range(parent.childCount()):
            sibling = parent.child(i)
            if sibling is not item:
                sibling.setCheckState(0, Qt.CheckState.Unchecked)
        self._updating = False

    def decisions(self) -> list[tuple[int, list[int]]]:
        """(kept pair, the others) for each group with a ticked pair."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            ids = [top.child(j).data(0, Qt.ItemDataRole.UserRole)
                   for j in range(top.childCount())]
            kept = [top.child(j).data(0, Qt.ItemDataRole.UserRole)
                    for j in range(top.childCount())
                    if top.child(j).checkState(0) == Qt.CheckState.Checked]
            if kept:
                out.append((kept[0], [x for x in ids if x != kept[0]]))
        return out
