"""Review shortcuts, defined once: the tab binds them, the buttons and the cheat sheet show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PairsShortcuts", text)


# action name -> keys (the first is shown on buttons)
SHORTCUTS: dict[str, list[str]] = {
    "approve": ["A", "Ctrl+1"],
    "reject": ["R", "Ctrl+2"],
    "needs_work": ["W", "Ctrl+3"],
    "reset_status": ["U", "Ctrl+0"],
    "next": ["J", "Alt+Down"],
    "previous": ["K", "Alt+Up"],
    "focus_answer": ["E", "Ctrl+E"],
    "focus_table": ["Escape"],
    "focus_search": ["Ctrl+F"],
    "undo": ["Ctrl+Z"],
    "redo": ["Ctrl+Shift+Z", "Ctrl+Y"],
    "add_topic": ["T"],
    "delete": ["Delete"],
    "replace": ["Ctrl+H"],
    "add_pair": ["Ctrl+N"],
}


def descriptions() -> dict[str, str]:
    return {
        "approve": _tr("Approve the pair"),
        "reject": _tr("Reject the pair"),
        "needs_work": _tr("Mark the pair as needing work"),
        "reset_status": _tr("Put the pair back to \u201cnew\u201d"),
        "next": _tr("Next pair"),
        "previous": _tr("Previous pair"),
        "focus_answer": _tr("Edit the answer"),
        "focus_table": _tr("Back to the table (from an editor)"),
        "focus_search": _tr("Search"),
        "undo": _tr("Undo"),
        "redo": _tr("Redo"),
        "add_topic": _tr("Add a topic to the selected pairs"),
        "delete": _tr("Delete the selected pairs (restorable)"),
        "replace": _tr("Find and replace in answers"),
        "add_pair": _tr("Add a pair by hand"),
    }


def key_sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in dict.fromkeys(SHORTCUTS[name]) if k]


def keys_text(name: str) -> str:
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in dict.fromkeys(SHORTCUTS[name]) if k)


class ShortcutsDialog(QDialog):
    """The Pairs tab's keyboard cheat sheet (Help menu)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(self.tr("On the Pairs tab you can review without the mouse. "
                               "Single letters work while the table has the focus; the "
                               "combinations with Ctrl or Alt work everywhere on the tab."))
        intro.setWordWrap(True)
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        texts = descriptions()
        for row, name in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(texts[name]))
            item = QTableWidgetItem(keys_text(name))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 1, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(520, 560)
