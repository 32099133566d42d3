"""The chat chooser's table: one checkable row per chat, with its fetch progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from natasha_studio.telegram.live.dialogs import ChatInfo
from natasha_studio.telegram.live.fetch import ChatProgress

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class ChatTableModel(QAbstractTableModel):
    """Chats of the account; the curator ticks those to fetch."""

    COLUMNS = ("name", "type", "members", "messages", "last", "fetched")
    selection_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.chats: list[ChatInfo] = []
        self.checked: set[int] = set()
        self.progress: dict[int, ChatProgress] = {}
        self.stored: dict[int, int] = {}  # messages already in the project, per chat

    def _type_name(self, chat: ChatInfo) -> str:
        if chat.discussion_of:
            return self.tr("Comments group")
        names = {
            "public_channel": self.tr("Channel"),
            "private_channel": self.tr("Private channel"),
            "public_supergroup": self.tr("Supergroup"),
            "private_supergroup": self.tr("Private supergroup"),
            "private_group": self.tr("Group"),
        }
        name = names.get(chat.type, chat.type)
        if chat.is_forum:
            name = self.tr("{kind}, forum (topics: {n})").format(kind=name, n=len(chat.topics)) \
                if chat.topics else self.tr("{kind}, forum").format(kind=name)
        return name

    # -- filling -------------------------------------------------------------------------------

    def set_chats(self, chats: list[ChatInfo], checked: set[int]) -> None:
        self.beginResetModel()
        self.chats = list(chats)
        self.checked = {c.id for c in chats if c.id in checked}
        self.endResetModel()
        self.selection_changed.emit()

    def add_chats(self, chats: list[ChatInfo]) -> None:
        new = [c for c in chats if all(c.id != old.id for old in self.chats)]
        if not new:
            return
        self.beginInsertRows(QModelIndex(), len(self.chats), len(self.chats) + len(new) - 1)
        self.chats.extend(new)
        self.endInsertRows()

    def chat_updated(self, chat_id: int) -> None:
        row = self.row_of(chat_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def set_progress(self, items: list[ChatProgress]) -> None:
        for item in items:
            self.progress[item.chat_id] = item
            row = self.row_of(item.chat_id)
            if row >= 0:
                col = self.COLUMNS.index("fetched")
                self.dataChanged.emit(self.index(row, col), self.index(row, col))

    def row_of(self, chat_id: int) -> int:
        return next((i for i, c in enumerate(self.chats) if c.id == chat_id), -1)

    def selected(self) -> list[ChatInfo]:
        return [c for c in self.chats if c.id in self.checked]

    def set_checked(self, chat_ids: set[int], on: bool) -> None:
        changed = False
        for chat in self.chats:
            if chat.id in chat_ids and (chat.id in self.checked) != on:
                (self.checked.add if on else self.checked.discard)(chat.id)
                changed = True
        if changed:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.chats) - 1, 0))
            self.selection_changed.emit()

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.chats)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Chat"), self.tr("Type"), self.tr("Members"), self.tr("Messages"),
                self.tr("Last activity"), self.tr("Fetched"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        chat = self.chats[index.row()]
        column = self.COLUMNS[index.column()]
        locale = QLocale()
        if role == Qt.ItemDataRole.CheckStateRole and column == "name":
            return Qt.CheckState.Checked if chat.id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            tip = [chat.name]
            if chat.username:
                tip.append("@" + chat.username)
            if chat.topics:
                tip.append(self.tr("Topics: {list}").format(list=", ".join(chat.topics.values())))
            if chat.linked_chat_id:
                tip.append(self.tr("Comments are fetched from its discussion group too."))
            return "\n".join(tip)
        if role == PROGRESS_ROLE and column == "fetched":
            return self.progress.get(chat.id)
        if role == SORT_ROLE:
            return {"name": chat.name.lower(), "type": self._type_name(chat),
                    "members": chat.members or 0, "messages": chat.messages or 0,
                    "last": chat.last_date.timestamp() if chat.last_date else 0,
                    "fetched": self.stored.get(chat.id, 0)}[column]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "name":
            return chat.name
        if column == "type":
            return self._type_name(chat)
        if column == "members":
            return locale.toString(chat.members) if chat.members is not None else "…"
        if column == "messages":
            if chat.messages is not None:
                return locale.toString(chat.messages)
            return "…" if not chat.details_loaded else "—"
        if column == "last":
            if chat.last_date is None:
                return ""
            return locale.toString(chat.last_date.astimezone(), QLocale.FormatType.ShortFormat)
        if column == "fetched":
            item = self.progress.get(chat.id)
            stored = self.stored.get(chat.id, 0)
            if item is None:
                return locale.toString(stored) if stored else ""
            return ""
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        chat = self.chats[index.row()]
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        (self.checked.add if on else self.checked.discard)(chat.id)
        self.dataChanged.emit(index, index)
        self.selection_changed.emit()
        return True


class ChatFilterModel(QSortFilterProxyModel):
    """Search by name or @username, case-insensitive."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        # Qt 6.9+ wants begin/endFilterChange; older versions only have invalidateFilter.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._needle = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = text.strip().casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self._needle:
            return True
        chat = self.sourceModel().chats[row]
        return self._needle in chat.name.casefold() or self._needle in (chat.username or "").casefold()


class ProgressDelegate(QStyledItemDelegate):
    """Draws a chat's fetch progress as a bar with counts."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: ChatProgress | None = index.data(PROGRESS_ROLE)
        if item is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(2, 3, -2, -3))
        total = max(item.total or 0, item.fetched)
        bar.minimum, bar.maximum = 0, max(total, 1)
        bar.progress = min(item.fetched, bar.maximum) if total else 0
        locale = QLocale()
        status = {
            "queued": self.tr("waiting"),
            "waiting": self.tr("pause"),
            "failed": self.tr("failed"),
            "cancelled": self.tr("stopped"),
        }.get(item.status)
        counts = f"{locale.toString(item.fetched)} / {locale.toString(total)}" if total else \
            locale.toString(item.fetched)
        bar.text = f"{counts} · {status}" if status else counts
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
