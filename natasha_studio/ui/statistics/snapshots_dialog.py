"""The Snapshots dialog: the project's snapshots; freeze, export, compare, delete.

Freezing and exporting run in worker threads (each opens the project itself); the list reloads
and ``ctx.changed`` says so when they finish, so the Fine-tune tab sees new snapshots.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import export
from natasha_studio.core.export.speakers import set_speakers_setting, speakers_setting
from natasha_studio.core.stats import SnapshotComparison, compare_snapshots
from natasha_studio.core.store import Project
from natasha_studio.operations import snapshots
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.statistics.compare_dialog import CompareDialog
from natasha_studio.ui.statistics.preflight_dialog import PreflightDialog
from natasha_studio.ui.statistics.snapshot_forms import ExportDialog, FreezeDialog


def freeze_in_thread(path: str, values: dict[str, Any], progress=None) -> tuple[int, Changes]:
    project = Project.open(path)
    try:
        snapshot, changes = snapshots.freeze(project, progress=progress, **values)
        return snapshot.id, changes
    finally:
        project.close()


# The parts of a snapshot each choice of the export form writes.
_PARTS = {"all": ("train", "validation", "heldout")}


def export_in_thread(path: str, snapshot_id: int, values: dict[str, Any],
                     progress=None) -> tuple[str, Changes, dict[str, Any]]:
    """Write the file, then check what it holds for personal data (not an internal copy,
    which names members on purpose)."""
    project = Project.open(path)
    try:
        written, changes = snapshots.export_file(project, snapshot_id, progress=progress, **values)
        privacy: dict[str, Any] = {}
        if not values.get("internal"):
            split = values.get("split", "train")
            privacy = export.privacy_findings(
                project, snapshot_id, _PARTS.get(split, (split,)), values.get("speakers"),
                exchanges_only=values.get("fmt") not in ("csv", "json"))
        return str(written), changes, privacy
    finally:
        project.close()


def compare_in_thread(path: str, old_id: int, new_id: int) -> SnapshotComparison:
    project = Project.open(path)
    try:
        return compare_snapshots(project, old_id, new_id)
    finally:
        project.close()


class SnapshotsDialog(QDialog):
    COLUMNS = 7

    def __init__(self, ctx: AppContext, stats_filter: export.PairFilter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats_filter = stats_filter
        self.setWindowTitle(self.tr("Snapshots"))
        self.resize(940, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Freeze the pairs before a fine-tune: the snapshot keeps them as they are, with the "
            "system prompt and the train/validation split. Select two snapshots to compare them."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Frozen"), self.tr("Pairs"), self.tr("Training"),
            self.tr("Validation"), self.tr("Held out"), self.tr("Note")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No snapshots yet. Press \u201cFreeze\u2026\u201d to make the first one."))
        self.empty.setProperty("role", "muted")
        layout.addWidget(self.empty)
        self.busy = QLabel()
        self.busy.setProperty("role", "muted")
        layout.addWidget(self.busy)
        # Personal data the file just exported holds (hidden when it holds none).
        self.privacy_note = QLabel()
        self.privacy_note.setWordWrap(True)
        self.privacy_note.setVisible(False)
        layout.addWidget(self.privacy_note)
        row = QHBoxLayout()
        self.freeze_button = QPushButton(self.tr("Freeze\u2026"))
        self.freeze_button.setProperty("primary", True)
        self.export_button = QPushButton(self.tr("Export\u2026"))
        self.check_button = QPushButton(self.tr("Check for a fine-tune\u2026"))
        self.check_button.setToolTip(self.tr("Validate the files a provider would get, count "
                                             "tokens and estimate the cost."))
        self.compare_button = QPushButton(self.tr("Compare"))
        self.delete_button = QPushButton(self.tr("Delete"))
        close = QPushButton(self.tr("Close"))
        for button, slot in ((self.freeze_button, self.freeze), (self.export_button, self.ask_export),
                             (self.check_button, self.check),
                             (self.compare_button, self.compare), (self.delete_button, self.delete),
                             (close, self.accept)):
            button.clicked.connect(slot)
        for button in (self.freeze_button, self.export_button, self.check_button,
                       self.compare_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    @property
    def project(self) -> Project:
        return self.ctx.project

    def reload(self, select: int | None = None) -> None:
        self.snapshots = export.list_snapshots(self.project) if self.project else []
        self.table.setRowCount(len(self.snapshots))
        for row, s in enumerate(self.snapshots):
            cells = [s.name, s.created_at[:16].replace("T", " "), s.pair_count,
                     s.split_counts.get("train", 0), s.split_counts.get("validation", 0),
                     s.split_counts.get("heldout", 0), s.note]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self.tr("Content hash: {hash}").format(hash=s.content_hash))
                self.table.setItem(row, column, item)
            if s.id == select:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.snapshots)
        self._update_buttons()

    def selected(self) -> list[export.Snapshot]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.snapshots[r] for r in rows]

    def _update_buttons(self) -> None:
        n = len(self.selected())
        self.export_button.setEnabled(n == 1)
        self.check_button.setEnabled(n == 1)
        self.delete_button.setEnabled(n == 1)
        self.compare_button.setEnabled(n == 2)

    # -- actions -----------------------------------------------------------------------------

    def freeze(self) -> None:
        dialog = FreezeDialog(self.tr("v{n}").format(n=len(self.snapshots) + 1), self.stats_filter, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_freeze(dialog.values())

    def start_freeze(self, values: dict[str, Any]) -> None:
        self.busy.setText(self.tr("Freezing \u201c{name}\u201d\u2026").format(name=values["name"]))
        self.freeze_button.setEnabled(False)
        task = self.ctx.tasks.run_in_thread(
            "statistics:freeze", freeze_in_thread, str(self.project.path), values,
            title=self.tr("Freezing a snapshot"), owner=self.project, with_progress=True,
            on_done=self._on_frozen)
        task.add_done_callback(lambda _t: self._task_ended())

    def _task_ended(self) -> None:
        self.busy.setText("")
        self.freeze_button.setEnabled(True)

    def _on_frozen(self, result: tuple[int, Changes]) -> None:
        snapshot_id, changes = result
        self.reload(select=snapshot_id)
        self.ctx.apply(changes)
        self.ctx.show_status(self.tr("Snapshot frozen."))

    def ask_export(self) -> None:
        [snapshot] = self.selected()
        dialog = ExportDialog(snapshot.name, self, speakers=speakers_setting(self.project))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            # The choice of how several members are written is the project's: the fine-tune
            # pre-flight writes its files the same way.
            set_speakers_setting(self.project, values["speakers"])
            self.start_export(snapshot.id, values)

    def start_export(self, snapshot_id: int, values: dict[str, Any]) -> None:
        self.privacy_note.setVisible(False)
        self.busy.setText(self.tr("Writing {path}\u2026").format(path=values["out_path"]))
        task = self.ctx.tasks.run_in_thread(
            "statistics:export", export_in_thread, str(self.project.path), snapshot_id, values,
            title=self.tr("Exporting a snapshot"), owner=self.project, with_progress=True,
            on_done=self._on_exported)
        task.add_done_callback(lambda _t: self._task_ended())

    def _on_exported(self, result: tuple[str, Changes, dict[str, Any]]) -> None:
        path, changes, privacy = result
        self.ctx.apply(changes)
        self.ctx.show_status(self.tr("Exported {name}").format(name=Path(path).name))
        self.busy.setText(self.tr("Exported to {path}").format(path=path))
        self.privacy_note.setVisible(bool(privacy.get("pairs")))
        if privacy.get("pairs"):
            self.privacy_note.setText(
                self.tr("{name}: {summary} Replace it on the Pairs tab (Personal data), then "
                        "freeze a new snapshot and export it.").format(
                    name=Path(path).name, summary=privacy["summary"]))

    def check(self) -> None:
        [snapshot] = self.selected()
        self.preflight_dialog = PreflightDialog(self.ctx, snapshot, self)
        self.preflight_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preflight_dialog.open()

    def compare(self) -> None:
        pair = self.selected()
        if len(pair) != 2:
            return
        # Older first, so "added" means added since the older snapshot.
        old, new = sorted(pair, key=lambda s: (s.created_at, s.id))
        self.busy.setText(self.tr("Comparing\u2026"))
        self.compare_button.setEnabled(False)
        task = self.ctx.tasks.run_in_thread(
            "statistics:compare", compare_in_thread, str(self.project.path), old.id, new.id,
            title=self.tr("Comparing snapshots"), owner=self.project, on_done=self._on_compared)
        task.add_done_callback(lambda _t: (self._task_ended(), self._update_buttons()))

    def _on_compared(self, comparison: SnapshotComparison) -> None:
        self.compare_dialog = CompareDialog(comparison, self)
        self.compare_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.compare_dialog.open()

    def delete(self) -> None:
        [snapshot] = self.selected()
        answer = QMessageBox.question(self, self.tr("Delete snapshot"), self.tr(
            "Delete the snapshot \u201c{name}\u201d? Fine-tune jobs made from it keep their "
            "results, but its frozen pairs are gone.").format(name=snapshot.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        changes = snapshots.delete(self.project, snapshot.id)
        self.reload()
        self.ctx.apply(changes)
