"""The pairs table model: holds only the matching ids; rows are read page by page.

Which ids match is asked of a ``FilterWorker`` (its own thread and connection), so typing in
the filter bar never waits for a query. Answers to requests other than the newest are dropped;
the first answer after opening may be the first page only, the rest is appended when it comes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from natasha_studio.core.curation import filters
from natasha_studio.core.curation.filters import PairFilter, PairSummary
from natasha_studio.core.curation.reasons import reason_text
from natasha_studio.core.i18n import number
from natasha_studio.core.store import Project
from natasha_studio.ui.pairs.worker import FilterResult, FilterWorker

PAGE = 200
MAX_PAGES = 50  # about 10k rows cached: memory stays flat however far one scrolls

COLUMNS = ("status", "chat", "date", "topics", "quality", "question", "answer", "edited")

_ROOT = QModelIndex()
_NO_IDS = np.zeros(0, dtype=np.int64)

STATUS_COLORS = {"new": "#6b7280", "approved": "#15803d", "rejected": "#b91c1c",
                 "needs_work": "#b45309"}


class PairTableModel(QAbstractTableModel):
    """Pairs matching a filter, sorted by any column."""

    filtered = Signal(bool)           # rows now answer the newest request; complete or not
    progress = Signal(int, int, str)  # done, total, "index" (preparing word search) or ""
    failed = Signal(str)              # the newest request failed: why, in plain words

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._worker: FilterWorker | None = None
        self._ids = _NO_IDS
        self._pages: OrderedDict[int, list[PairSummary | None]] = OrderedDict()
        self._generation = 0      # of the answer the rows show
        self.complete = True      # False: the rows are the first page of ``count``
        self.count = 0            # how many pairs match
        self.total = 0            # live pairs in the project
        self.chat_counts: dict[int, int] | None = None  # live pairs per chat, once known
        self.filter = PairFilter()      # what the rows show
        self.wanted = PairFilter()      # what was asked last
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
        self.close()
        self._project = project
        self.chat_counts = None
        self.filter = self.wanted = PairFilter()
        self._reset(_NO_IDS)
        if project is not None:
            # No Qt parent: the worker's thread keeps it alive until the thread ends, so a
            # late answer never goes out through a deleted object; if this model goes away
            # without close(), the thread is told to stop.
            self._worker = FilterWorker(project.path)
            self.destroyed.connect(self._worker.request_stop)
            self._worker.result.connect(self._on_result)
            self._worker.progress.connect(self._on_progress)
            self._worker.failed.connect(self._on_failed)
            if load:
                self.reload()

    def close(self) -> None:
        """Stop the query thread (before the project closes)."""
        if self._worker is not None:
            self._worker.stop()
            self._worker.result.disconnect(self._on_result)
            self._worker.progress.disconnect(self._on_progress)
            self._worker.failed.disconnect(self._on_failed)
            self._worker = None

    def set_filter(self, flt: PairFilter) -> None:
        """Ask for the pairs matching ``flt``; the rows change when the answer comes.

        A bad regular expression raises StudioError at once (the rows are then kept).
        """
        if flt.search.strip() and flt.regex:
            filters.check_regex(flt.search.strip())
        self.wanted = flt
        self._ask()

    def reload(self) -> None:
        """Ask again for the current filter, after pairs were added or removed."""
        if self._worker is not None:
            self._worker.update(None)
        self._ask()

    def _ask(self) -> None:
        if self._worker is not None:
            self._worker.request(self.wanted, self.sort_key, self.descending)

    def is_busy(self) -> bool:
        """True while an answer (or the rest of one) is awaited."""
        return self._worker is not None and (
            self._generation != self._worker.latest() or not self.complete)

    def _on_result(self, res: FilterResult) -> None:
        if self._worker is None or res.generation != self._worker.latest():
            return  # an answer to an older request: a newer one is on its way
        n = len(self._ids)
        appended = (res.generation == self._generation and not self.complete
                    and res.complete and len(res.ids) >= n
                    and np.array_equal(res.ids[:n], self._ids))
        self._generation = res.generation
        self.complete, self.count, self.total = res.complete, res.count, res.total
        if res.chat_counts is not None:
            self.chat_counts = res.chat_counts
        self.filter = res.flt
        if appended:
            if len(res.ids) > n:
                self.beginInsertRows(_ROOT, n, len(res.ids) - 1)
                self._ids = res.ids
                self.endInsertRows()
        elif not np.array_equal(res.ids, self._ids):
            self._reset(res.ids)  # the same ids keep the selection and the scroll position
        self.filtered.emit(res.complete)

    def _on_progress(self, generation: int, done: int, total: int, detail: str) -> None:
        if self._worker is not None and generation == self._worker.latest():
            self.progress.emit(done, total, detail)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._worker is not None and generation == self._worker.latest():
            self._generation = generation
            self.complete = True
            self.failed.emit(message)

    def _reset(self, ids: np.ndarray) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and len(self._ids):
            return
        self.sort_key, self.descending = key, descending
        # The rows move wholesale when the answer comes (a reset); the tab then restores
        # the current pair by id.
        self._ask()

    def refresh_ids(self, pair_ids: set[int] | None) -> None:
        """Re-read rows of changed pairs (None: every cached row)."""
        if self._worker is not None:
            self._worker.update(pair_ids)
        if pair_ids is None or len(pair_ids) > 500:
            # One signal for a bulk change: thousands of per-row signals cost more than a
            # repaint of the visible rows.
            self._pages.clear()
            if len(self._ids):
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._ids) - 1, len(COLUMNS) - 1))
            return
        rows = {pid: row for pid in pair_ids if (row := self.row_of(pid)) is not None}
        # The changed rows are read again on their own and put into the pages kept: reading
        # a whole page again (200 rows) for one approval took 30 ms of the window's thread.
        cached = [pid for pid, row in rows.items() if row // PAGE in self._pages]
        found = filters.summaries(self._project, cached) if self._project is not None else {}
        for pid, row in rows.items():
            page = self._pages.get(row // PAGE)
            if page is not None:
                page[row - (row // PAGE) * PAGE] = found.get(pid)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- lookups ------------------------------------------------------------------------------

    def pair_id(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, pair_id: int) -> int | None:
        hits = np.flatnonzero(self._ids == pair_id)
        return int(hits[0]) if len(hits) else None

    def ids(self) -> list[int]:
        return self._ids.tolist()

    def ids_at(self, rows: np.ndarray) -> list[int]:
        """The pair ids of these rows (rows past the end are left out)."""
        rows = np.asarray(rows, dtype=np.int64)
        return self._ids[rows[(rows >= 0) & (rows < len(self._ids))]].tolist()

    def summary(self, row: int) -> PairSummary | None:
        if not 0 <= row < len(self._ids) or self._project is None:
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE
            chunk = self._ids[start:start + PAGE].tolist()
            found = filters.summaries(self._project, chunk)
            page = [found.get(pid) for pid in chunk]
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
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and COLUMNS[section] == "quality"):
            return self.tr("How likely each pair is a question and its answer worth keeping."
                           " Sort by it to see the likeliest first; once you have approved and"
                           " rejected enough pairs, Learn from my decisions makes it say how likely"
                           " you are to approve each pair.")
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
        if role == Qt.ItemDataRole.ToolTipRole and key == "quality":
            return self._quality_tip(s)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(QColor(STATUS_COLORS.get(s.status, "#6b7280")))
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "quality":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return None

    def _quality_tip(self, s: PairSummary) -> str:
        if s.quality is None:
            return self.tr("Not rated")
        reasons = [reason_text(code) for code in json.loads(s.reasons)]
        return "\n".join([self.tr("How likely this is a question and its answer worth keeping:"
                                   " {score}").format(score=number(s.quality, 2)),
                           *(f"\u2022 {reason}" for reason in reasons)])

    def _display(self, s: PairSummary, key: str) -> str:
        if key == "status":
            return self.status_text(s.status)
        if key == "date":
            return dt.datetime.fromtimestamp(s.date).strftime("%Y-%m-%d") if s.date else ""
        if key == "quality":
            return number(s.quality, 2) if s.quality is not None else ""
        if key == "edited":
            return "\u270e" if s.edited else ""
        if key in ("question", "answer"):
            return " ".join(getattr(s, key).split())
        return str(getattr(s, key))
