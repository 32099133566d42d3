"""The participants list, where the curator ticks the persona's identities."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.dataset.participants import Participant
from natasha_studio.core.dataset.records import bare_id
from natasha_studio.core.i18n import number

_SHOWN = 2000  # the most active people; the persona is always among them or found by search


class _NumberItem(QTableWidgetItem):
    """Sorts by number, not by text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return int(self.data(Qt.ItemDataRole.UserRole) or 0) < int(other.data(Qt.ItemDataRole.UserRole) or 0)


class PersonaPicker(QWidget):
    """Participants with their counts; ticking a row makes that id one of the persona's."""

    persona_changed = Signal(list)  # the ticked ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Who is the persona?"))
        title.setProperty("role", "heading")
        hint = QLabel(self.tr("Tick every account the persona writes from, and her channel if its "
                              "posts are hers. Names are only labels: people are told apart by id."))
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or id"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Persona / name"), self.tr("Id"), self.tr("Messages"), self.tr("Replies"),
            self.tr("Chats")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self._loading = False
        self.table.itemChanged.connect(self._on_item_changed)
        self.search.textChanged.connect(self._on_search)

    def set_participants(self, people: list[Participant]) -> None:
        self._loading = True
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        shown = people[:_SHOWN] + [p for p in people[_SHOWN:] if p.is_persona]
        self.table.setRowCount(len(shown))
        for row, person in enumerate(shown):
            name = QTableWidgetItem(person.name or self.tr("(no name)"))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            name.setCheckState(Qt.CheckState.Checked if person.is_persona else Qt.CheckState.Unchecked)
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            if person.kind == "channel":
                name.setToolTip(self.tr("A channel: its posts count as the persona's when ticked "
                                        "(%n signed post(s)).", "", person.signed_posts))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(self._id_text(person)))
            for col, value in ((2, person.messages), (3, person.replies), (4, person.chats)):
                item = _NumberItem(number(value))
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # most active first
        self._loading = False
        self._on_search(self.search.text())

    @staticmethod
    def _id_text(person: Participant) -> str:
        return f"{person.kind}{bare_id(person.id)}"

    def checked_ids(self) -> list[int]:
        ids = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading and item.column() == 0:
            self.persona_changed.emit(self.checked_ids())

    def _on_search(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            name, ident = self.table.item(row, 0), self.table.item(row, 1)
            visible = (not needle or needle in name.text().casefold()
                       or needle in ident.text().casefold())
            self.table.setRowHidden(row, not visible)
