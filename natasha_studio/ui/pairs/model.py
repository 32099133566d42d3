"""The pairs table model: holds only the matching ids; rows are read page by page."""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from natasha_studio.core.curation import filters
from natasha_studio.core.curation.filters import PairFilter, PairSummary
from natasha_studio.core.store import Project

PAGE = 200
MAX_PAGES = 50  # about 10k rows cached: memory stays flat however far one scrolls

COLUMNS = ("status", "chat", "date", "topics", "quality", "question", "answer", "edited")

_ROOT = QModelIndex()

STATUS_COLORS = {"new": "#6b7280", "approved": "#15803d", "rejected": "#b91c1c",
                 "needs_work": "#b45309"}


class PairTableModel(QAbstractTableModel):
    """Pairs matching a filter, sorted by any column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._ids = array("q")
        self._pages: OrderedDict[int, list[PairSummary | None]] = OrderedDict()
        self._row_of: dict[int, int] | None = None
        self.filter = PairFilter()
        self.sort_key = "date"
        self.descending = True
        self._headers = {
            "status": self.tr("Status"), "chat": self.tr("Chat"), "date": self.tr("Date"),
            "topics": self.tr("Topics"), "quality": self.tr("Quality"),
            "question": self.tr("Question"), "answer": self.tr("Answer"),
            "edited": self.tr("Edited"),
        }
        self._status_text = {
            "new": self.tr("New"), "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"), "needs_work": self.tr("Needs work"),
        }

    # -- loading ------------------------------------------------------------------------------

    def set_project(self, project: Project | None, load: bool = True) -> None:
        """Show ``project``'s pairs; ``load=False`` when a filter is applied right after."""
        self._project = project
        self.filter = PairFilter()
        if load or project is None:
            self.reload()

    def set_filter(self, flt: PairFilter) -> None:
        """Apply a filter (may raise StudioError for a bad pattern; the table is then kept)."""
        if self._project is not None:
            ids = filters.matching_ids(self._project, flt, self.sort_key, self.descending)
        else:
            ids = array("q")
        self.filter = flt
        self._reset(ids)

    def reload(self) -> None:
        if self._project is None:
            self._reset(array("q"))
            return
        self._reset(filters.matching_ids(self._project, self.filter, self.sort_key,
                                         self.descending))

    def _reset(self, ids: array) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._row_of = None
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._ids:
            return
        self.sort_key, self.descending = key, descending
        # A reset rather than a layout change: rows move wholesale, and the tab restores the
        # current pair by id afterwards.
        self.reload()

    def refresh_ids(self, pair_ids: set[int] | None) -> None:
        """Re-read rows of changed pairs (None: every cached row)."""
        if pair_ids is None or len(pair_ids) > 500:
            # One signal for a bulk change: thousands of per-row signals cost more than a
            # repaint of the visible rows.
            self._pages.clear()
            if self._ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._ids) - 1, len(COLUMNS) - 1))
            return
        for pid in pair_ids:
            row = self.row_of(pid)
            if row is None:
                continue
            self._pages.pop(row // PAGE, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- lookups ------------------------------------------------------------------------------

    def pair_id(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, pair_id: int) -> int | None:
        if self._row_of is None:
            # Built on first use only: a dict over a million ids costs ~100 MB, so keep it
            # for reasonable sizes and scan the array otherwise.
            if len(self._ids) > 200_000:
                try:
                    return self._ids.index(pair_id)
                except ValueError:
                    return None
            self._row_of = {int(pid): row for row, pid in enumerate(self._ids)}
        return self._row_of.get(pair_id)

    def ids(self) -> array:
        return self._ids

    def summary(self, row: int) -> PairSummary | None:
        if not 0 <= row < len(self._ids) or self._project is None:
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE
            chunk = self._ids[start:start + PAGE]
            found = filters.summaries(self._project, chunk)
            page = [found.get(int(pid)) for pid in chunk]
            self._pages[page_no] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE]

    def status_text(self, status: str) -> str:
        return self._status_text.get(status, status)

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[COLUMNS[section]]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.summary(index.row())
        if s is None:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("question", "answer"):
            return getattr(s, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(QColor(STATUS_COLORS.get(s.status, "#6b7280")))
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "quality":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return None

    def _display(self, s: PairSummary, key: str) -> str:
        if key == "status":
            return self.status_text(s.status)
        if key == "date":
            return dt.datetime.fromtimestamp(s.date).strftime("%Y-%m-%d") if s.date else ""
        if key == "quality":
            return f"{s.quality:.2f}" if s.quality is not None else ""
        if key == "edited":
            return "\u270e" if s.edited else ""
        if key in ("question", "answer"):
            return " ".join(getattr(s, key).split())
        return str(getattr(s, key))
