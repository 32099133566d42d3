"""Review shortcuts, defined once: the tab binds them, the buttons and the cheat sheet show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# action name -> keys (the first is shown on buttons). The window owns Ctrl+1…5 (tabs) and
# Ctrl+N (new project): a key bound twice fires neither, so the combinations here use Shift.
SHORTCUTS: dict[str, list[str]] = {
    "approve": ["A", "Ctrl+Shift+A"],
    "reject": ["R", "Ctrl+Shift+R"],
    "needs_work": ["W", "Ctrl+Shift+W"],
    "reset_status": ["U", "Ctrl+Shift+U"],
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
    "add_pair": ["Ctrl+Shift+N"],
}


def descriptions() -> dict[str, str]:
    return {
        "approve": QCoreApplication.translate("PairsShortcuts", "Approve the pair"),
        "reject": QCoreApplication.translate("PairsShortcuts", "Reject the pair"),
        "needs_work": QCoreApplication.translate("PairsShortcuts", "Mark the pair as needing work"),
        "reset_status": QCoreApplication.translate("PairsShortcuts", "Put the pair back to \u201cnew\u201d"),
        "next": QCoreApplication.translate("PairsShortcuts", "Next pair"),
        "previous": QCoreApplication.translate("PairsShortcuts", "Previous pair"),
        "focus_answer": QCoreApplication.translate("PairsShortcuts", "Edit the answer"),
        "focus_table": QCoreApplication.translate("PairsShortcuts", "Back to the table (from an editor)"),
        "focus_search": QCoreApplication.translate("PairsShortcuts", "Search"),
        "undo": QCoreApplication.translate("PairsShortcuts", "Undo"),
        "redo": QCoreApplication.translate("PairsShortcuts", "Redo"),
        "add_topic": QCoreApplication.translate("PairsShortcuts", "Add a topic to the selected pairs"),
        "delete": QCoreApplication.translate("PairsShortcuts", "Delete the selected pairs (restorable)"),
        "replace": QCoreApplication.translate("PairsShortcuts", "Find and replace in answers"),
        "add_pair": QCoreApplication.translate("PairsShortcuts", "Add a pair by hand"),
    }


def key_sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in dict.fromkeys(SHORTCUTS[name]) if k]


def keys_text(name: str) -> str:
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in dict.fromkeys(SHORTCUTS[name]) if k)


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str]]:
    """(action, keys) of a menu bar's actions that have keys, for the cheat sheet."""
    rows = []
    for menu in bar.actions():
        for action in menu.menu().actions() if menu.menu() else []:
            keys = action.shortcuts()
            if keys and not action.isSeparator():
                rows.append((action.text().replace("&", ""), ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))
    return rows


class ShortcutsDialog(QDialog):
    """The Pairs tab's keyboard cheat sheet (Help menu)."""

    def __init__(self, parent: QWidget | None = None, *,
                 window_keys: list[tuple[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(self.tr("On the Pairs tab you can review without the mouse. "
                               "Single letters work while the table has the focus; the "
                               "combinations with Ctrl or Alt work everywhere on the tab."))
        intro.setWordWrap(True)
        texts = descriptions()
        rows = [(texts[name], keys_text(name)) for name in SHORTCUTS] + list(window_keys or ())
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # A sheet to read, not a list to pick from: no current-cell frame on the first row.
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, (text, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            item = QTableWidgetItem(keys)
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
