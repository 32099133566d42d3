"""Comparing two snapshots: what was added, removed and edited, and how each figure moved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.stats import SnapshotComparison
from natasha_studio.ui.statistics.texts import figure_label, format_change, format_value


class CompareDialog(QDialog):
    def __init__(self, comparison: SnapshotComparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        c = comparison
        self.setWindowTitle(self.tr("\u201c{old}\u201d \u2192 \u201c{new}\u201d").format(
            old=c.old.name, new=c.new.name))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        if c.same:
            summary = self.tr("The two snapshots hold exactly the same data (same content hash).")
        else:
            summary = self.tr("Added: {added} \u00b7 removed: {removed} \u00b7 edited: {edited} \u00b7 "
                              "moved to another part: {moved} \u00b7 unchanged: {unchanged}").format(
                added=len(c.added), removed=len(c.removed), edited=len(c.edited),
                moved=len(c.moved), unchanged=c.unchanged)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "heading")
        layout.addWidget(self.summary)
        if c.prompt_changed:
            prompt = QLabel(self.tr("The system prompt changed."))
            prompt.setProperty("role", "muted")
            layout.addWidget(prompt)
        self.table = QTableWidget(len(c.figures), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Figure"), c.old.name, c.new.name, self.tr("Change")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, (key, old, new) in enumerate(c.figures):
            cells = [figure_label(key), format_value(key, old), format_value(key, new),
                     format_change(key, old, new)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        layout.addWidget(self.table, 1)
        ids = []
        for label, values in ((self.tr("Added pairs"), c.added), (self.tr("Removed pairs"), c.removed),
                              (self.tr("Edited pairs"), c.edited)):
            if values:
                shown = ", ".join(f"#{i}" for i in values[:30])
                more = self.tr(" and %n more", "", len(values) - 30) if len(values) > 30 else ""
                ids.append(f"{label}: {shown}{more}")
        self.ids = QLabel("\n".join(ids))
        self.ids.setWordWrap(True)
        self.ids.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.ids)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
