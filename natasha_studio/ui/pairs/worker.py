"""The pairs table's queries, on a thread of their own with their own connection.

The window asks; the worker answers with a ``FilterResult`` carrying the request's number.
Only the newest request counts: one that arrives while an older is still running makes the
older stop at its next step (a regular expression's scan checks between chunks), and an
answer to an older request is dropped by the model. Changes to pairs are passed on in order
(``update``), always before the next query, so an answer never predates an edit the window
made before asking.

The first answer for a freshly opened project comes straight from SQL (the first page and
the count, served by an index), so the table fills before the columns are in memory.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, Signal

from natasha_studio.core.curation import filters, search
from natasha_studio.core.curation.columns import PairColumns
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.errors import Cancelled, StudioError
from natasha_studio.core.pairs import count_pairs
from natasha_studio.core.store import Project

log = logging.getLogger(__name__)

FIRST_PAGE = 200
# The word index is filled while idle: once this long has passed since the last change of
# pairs. During a review session (an approval every second) its writes would otherwise
# take turns with the curator's, each one a wait of the window's thread.
QUIET_S = 2.0


@dataclass
class FilterResult:
    generation: int
    ids: np.ndarray          # matching ids, in table order
    complete: bool           # False: only the first page of ``count`` matching pairs
    count: int               # how many match
    total: int               # live pairs in the project
    flt: PairFilter
    sort: str
    descending: bool
    chat_counts: dict[int, int] | None = None  # live pairs per chat, when they may have changed


@dataclass
class _Request:
    generation: int
    flt: PairFilter
    sort: str
    descending: bool


class FilterWorker(QObject):
    """One project's query thread."""

    result = Signal(object)            # FilterResult
    progress = Signal(int, int, int, str)  # generation, done, total, "index" or ""
    failed = Signal(int, str)          # generation, message in plain words

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._cond = threading.Condition()
        self._request: _Request | None = None
        self._updates: list[AbstractSet[int] | None] = []
        self._stopping = False
        self._latest = 0
        self._counts_changed = True  # per-chat counts are sent with the next answer
        self._last_update = 0.0  # monotonic time of the last change of pairs
        self._thread = threading.Thread(target=self._run, name="pairs-filter", daemon=True)
        self._thread.start()

    # -- asked from the window's thread ------------------------------------------------------

    def request(self, flt: PairFilter, sort: str, descending: bool) -> int:
        """Ask for the pairs matching ``flt``; returns the request's number."""
        with self._cond:
            self._latest += 1
            self._request = _Request(self._latest, flt, sort, descending)
            self._cond.notify()
            return self._latest

    def update(self, pair_ids: AbstractSet[int] | None) -> None:
        """These pairs changed (None: anything may have, e.g. pairs were added). The set is
        kept as given, not copied (a bulk change's million ids): callers never change it."""
        with self._cond:
            self._updates.append(pair_ids)
            self._last_update = time.monotonic()
            self._cond.notify()

    def latest(self) -> int:
        return self._latest

    def stop(self, wait: float = 5.0) -> None:
        """End the thread (the current scan stops at its next step)."""
        self.request_stop()
        self._thread.join(wait)

    def request_stop(self, *_args: object) -> None:
        """Tell the thread to end, without waiting for it."""
        with self._cond:
            self._stopping = True
            self._cond.notify()

    # -- the worker thread -------------------------------------------------------------------

    def _run(self) -> None:
        project: Project | None = None
        columns: PairColumns | None = None
        index_pending = False
        try:
            while True:
                with self._cond:
                    while not (self._stopping or self._request or self._updates
                               or (index_pending and self._quiet_for() <= 0)):
                        self._cond.wait(max(0.01, self._quiet_for()) if index_pending else 1.0)
                        if not shiboken6.isValid(self):
                            self._stopping = True  # the tab went away without closing us
                    if self._stopping:
                        return
                    updates, self._updates = self._updates, []
                    request, self._request = self._request, None
                try:
                    if project is None:
                        project = Project.open(self.path)
                    if updates:
                        index_pending = True  # their new texts, once pairs stop changing
                    if columns is not None:
                        for pair_ids in updates:
                            self._counts_changed = True
                            if pair_ids is None or not columns.update(pair_ids):
                                columns = None
                                break
                    if request is not None:
                        columns = self._answer(project, columns, request)
                        index_pending = search.pending_count(project) > 0
                    elif index_pending and not updates and self._quiet_for() <= 0:
                        index_pending = self._index_while_idle(project)
                except Cancelled:
                    continue
                except StudioError as exc:
                    if request is not None:
                        self._emit(self.failed, request.generation, exc.message)
                except Exception as exc:  # noqa: BLE001 - shown, and the thread stays alive
                    log.exception("pairs query failed")
                    index_pending = False
                    if request is not None:
                        self._emit(self.failed, request.generation,
                                   f"{type(exc).__name__}: {exc}")
        finally:
            if project is not None:
                project.close()

    def _quiet_for(self) -> float:
        """How long until pairs have not changed for ``QUIET_S`` (0 or less: they have not)."""
        return self._last_update + QUIET_S - time.monotonic()

    def _index_while_idle(self, project: Project) -> bool:
        """Index changed pairs for word search until asked for something; True if more
        is left, so the first search after opening does not wait for it."""
        def check(_done: int, _total: int, _detail: str = "") -> None:
            if self._stopping or self._request is not None or self._updates \
                    or self._quiet_for() > 0:
                raise Cancelled()

        try:
            search.sync_search_index(project, check)
        except Cancelled:
            return True
        return False

    def _emit(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the receiving side was deleted while we worked
            self._stopping = True

    def _stale(self, generation: int) -> bool:
        return generation != self._latest or self._stopping

    def _answer(self, project: Project, columns: PairColumns | None,
                req: _Request) -> PairColumns | None:
        if columns is None:
            if req.generation == 1 and not (req.flt.search.strip() and req.flt.regex):
                # Opening: the first page from an index while the columns load.
                ids = filters.matching_ids(project, req.flt, req.sort, req.descending,
                                           limit=FIRST_PAGE)
                count = filters.count_matching(project, req.flt)
                total = count if req.flt.is_default() else count_pairs(project)
                if not self._stale(req.generation):
                    self._emit(self.result, FilterResult(
                        req.generation, np.array(ids, dtype=np.int64),
                        len(ids) >= count, count, total, req.flt, req.sort, req.descending))
            columns = PairColumns(project)
            self._counts_changed = True
        if self._stale(req.generation):
            return columns

        def report(done: int, total: int, detail: str = "") -> None:
            if self._stale(req.generation):
                raise Cancelled()
            self._emit(self.progress, req.generation, done, total, detail)

        ids = columns.query(req.flt, req.sort, req.descending, progress=report)
        if not self._stale(req.generation):
            counts = columns.chat_counts() if self._counts_changed else None
            self._counts_changed = False
            self._emit(self.result, FilterResult(req.generation, ids, True, len(ids),
                                                 columns.live_count(), req.flt, req.sort,
                                                 req.descending, counts))
        return columns
