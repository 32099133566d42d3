"""Every pair's narrow columns in memory, so the Pairs tab filters and sorts in milliseconds.

``filters.matching_ids`` answers a filter with one SQL query; at 100k pairs and more, the
``ORDER BY`` over every matching row costs hundreds of milliseconds per keystroke. Here the
columns that filters and sort keys need (status, chat, quality, date, origin, edited,
deleted: about 40 bytes a pair) sit in numpy arrays in id order, and the sort orders are
computed once and kept. Text conditions still come from the store: the word index returns
ids, and a regular expression scans the texts of only the pairs the other conditions leave.

``PairColumns.query`` returns the same ids in the same order as ``filters.matching_ids``
(the tests hold it to that). An instance belongs to one thread, like its ``Project``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from natasha_studio.core.curation import filters, search
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.dataset.bulk import gc_paused
from natasha_studio.core.pairs import tuples
from natasha_studio.core.store import Project

Progress = Callable[[int, int, str], None]

# Status codes are their rank in the status sort (as ``filters._SORT_SQL["status"]``).
STATUSES = ("new", "needs_work", "approved", "rejected")
_NO_DATE = np.iinfo(np.int64).min  # NULL dates sort first, as in SQL
_NO_CHAT = 0                       # never a Telegram peer id
# Rows read at a time: row tuples alive across garbage collections are promoted and then
# traversed by each full collection, which holds every thread (the window's too).
_CHUNK = 5_000
_SCAN_CHUNK = 2_000                # pairs per read when a regular expression scans texts
# Orders computed by SQL over an index, with a fingerprint of each pair's key to notice
# when an edit changed it.
_TEXT_KEYS = {
    "question": "SELECT id, substr(question, 1, 24) FROM pairs ORDER BY 2, id",
    "answer": "SELECT id, substr(answer, 1, 24) FROM pairs ORDER BY 2, id",
}
_TEXT_KEY_OF_IDS = {
    "question": "substr(question, 1, 24)",
    "answer": "substr(answer, 1, 24)",
    "topics": filters.TOPICS_SQL,
}
# Which columns each numeric order depends on.
_ORDER_COLUMNS = {"id": (), "status": ("status",), "chat": ("chat",), "date": ("date",),
                  "quality": ("quality",), "edited": ("edited",)}


def _column_parts(rows: list[tuple], status_code: dict[str, int],
                  origin_codes: dict[str, int]) -> list[np.ndarray]:
    """Rows of (id, deleted, status, chat, quality, date, origin[, edited]) as one numpy
    array per column: a million pairs never sit in Python lists (hundreds of MB)."""
    cols = list(zip(*rows, strict=True))
    quality = np.array(cols[4], dtype=np.float64)
    quality[np.isneginf(quality)] = np.nan
    out = [np.array(cols[0], dtype=np.int64), np.array(cols[1], dtype=bool),
           np.array([status_code.get(v, 3) for v in cols[2]], dtype=np.int8),
           np.array(cols[3], dtype=np.int64), quality, np.array(cols[5], dtype=np.int64),
           np.array([origin_codes[o] for o in cols[6]], dtype=np.int16)]
    if len(cols) > 7:
        out.append(np.array(cols[7], dtype=bool))
    return out


def _joined(parts: list[list[np.ndarray]], n: int) -> list[np.ndarray]:
    if not parts:
        kinds = (np.int64, bool, np.int8, np.int64, np.float64, np.int64, np.int16, bool)
        return [np.zeros(0, dtype=k) for k in kinds[:n]]
    return [np.concatenate([part[i] for part in parts]) for i in range(n)]


def _fingerprint(key: str | None) -> int:
    return hash(key) if key else 0


class PairColumns:
    """The narrow columns of all pairs (deleted ones too), in ascending id order."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.load()

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """(Re)read every pair's columns; forgets the kept sort orders."""
        with gc_paused():  # see ``update``
            self._load()

    def _load(self) -> None:
        conn = tuples(self.project)  # plain tuples: see ``core.pairs.tuples``
        origins = [r[0] for r in conn.execute("SELECT DISTINCT origin FROM pairs")]
        self.origin_codes = {o: i for i, o in enumerate(origins)}
        # The covering index pairs_curation serves this without reading any text.
        rows = conn.execute(
            "SELECT id, deleted, status, coalesce(chat_id, 0), coalesce(quality, -9e999),"
            " coalesce(answer_date, ?), origin FROM pairs", (int(_NO_DATE),))
        status_code = {s: i for i, s in enumerate(STATUSES)}
        parts = [_column_parts(chunk, status_code, self.origin_codes)
                 for chunk in iter(lambda: rows.fetchmany(_CHUNK), [])]
        ids, deleted, status, chat, quality, date, origin = _joined(parts, 7)
        order = np.argsort(ids, kind="stable")
        self.ids = ids[order]
        self.deleted = deleted[order]
        self.status = status[order]
        self.chat = chat[order]
        self.quality = quality[order]
        self.date = date[order]
        self.origin = origin[order]
        edited = np.fromiter((r[0] for r in conn.execute(
            "SELECT id FROM pairs WHERE turns IS NOT NULL")), dtype=np.int64)
        self.edited = np.isin(self.ids, edited)
        self._orders: dict[str, np.ndarray] = {}
        self._prints: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def chat_counts(self) -> dict[int, int]:
        """Live pairs per chat (pairs without a chat are left out)."""
        chats, counts = np.unique(self.chat[~self.deleted], return_counts=True)
        return {int(c): int(n) for c, n in zip(chats.tolist(), counts.tolist(), strict=True)
                if c != _NO_CHAT}

    def live_count(self) -> int:
        """How many pairs are not deleted."""
        return int(np.count_nonzero(~self.deleted))

    def positions(self, pair_ids: Iterable[int]) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the known ``pair_ids`` and the ids that are unknown."""
        wanted = np.fromiter(pair_ids, dtype=np.int64)
        pos = np.searchsorted(self.ids, wanted)
        pos = np.minimum(pos, max(len(self.ids) - 1, 0))
        known = (self.ids[pos] == wanted) if len(self.ids) else np.zeros(len(wanted), bool)
        return pos[known], wanted[~known]

    def update(self, pair_ids: Iterable[int]) -> bool:
        """Re-read these pairs after a change; False when a full ``load`` is needed instead
        (a pair was added or removed).

        Column-wise: rows are read in lists of 900 and written into the arrays with numpy,
        so a bulk change of a million pairs costs little Python per pair (this runs on the
        query thread, and Python work there takes the interpreter lock from the window).
        """
        wanted = np.unique(np.fromiter(pair_ids, dtype=np.int64))
        if not len(wanted):
            return True
        # Reading many rows makes the cyclic collector run full collections, which hold the
        # window's thread too; reference counting frees these rows anyway.
        with gc_paused():
            return self._update(wanted)

    def _update(self, wanted: np.ndarray) -> bool:
        pos, unknown = self.positions(wanted)
        if len(unknown):
            return False
        conn = tuples(self.project)
        status_code = {s: i for i, s in enumerate(STATUSES)}
        parts = []
        for start in range(0, len(wanted), 900):
            chunk = wanted[start:start + 900].tolist()
            rows = conn.execute(
                f"SELECT id, deleted, status, coalesce(chat_id, 0),"
                f" coalesce(quality, -9e999), coalesce(answer_date, ?), origin,"
                f" turns IS NOT NULL FROM pairs WHERE id IN ({','.join('?' * len(chunk))})",
                [int(_NO_DATE), *chunk]).fetchall()
            if rows:
                if any(o not in self.origin_codes for o in {r[6] for r in rows}):
                    return False
                parts.append(_column_parts(rows, status_code, self.origin_codes))
        got_ids, *cols = _joined(parts, 8)
        if len(got_ids) != len(wanted):
            return False
        at = np.searchsorted(self.ids, got_ids)
        values = dict(zip(("deleted", "status", "chat", "quality", "date", "origin", "edited"),
                          cols, strict=True))
        changed: set[str] = set()
        for name, new in values.items():
            column = getattr(self, name)
            old = column[at]
            differs = old != new
            if name == "quality":
                differs &= ~(np.isnan(old) & np.isnan(new))
            if differs.any():
                column[at] = new
                changed.add(name)
        for key, columns in _ORDER_COLUMNS.items():
            if changed.intersection(columns):
                self._orders.pop(key, None)
        self._check_text_orders(self.ids[pos])
        return True

    def _check_text_orders(self, pair_ids: np.ndarray) -> None:
        """Forget a kept text order when an edit changed one of its keys."""
        for key in [k for k in self._prints if k in _TEXT_KEY_OF_IDS]:
            if len(pair_ids) > 20_000:
                self._orders.pop(key, None)
                self._prints.pop(key, None)
                continue
            prints = self._prints[key]
            expr = _TEXT_KEY_OF_IDS[key].replace("p.id", "pairs.id")
            stale = False
            for start in range(0, len(pair_ids), 500):
                chunk = pair_ids[start:start + 500].tolist()
                for pid, value in self.project.conn.execute(
                        f"SELECT id, {expr} FROM pairs WHERE id IN"
                        f" ({','.join('?' * len(chunk))})", chunk):
                    i = int(np.searchsorted(self.ids, pid))
                    if prints[i] != _fingerprint(value):
                        stale = True
                        break
                if stale:
                    break
            if stale:
                self._orders.pop(key, None)
                self._prints.pop(key, None)

    # -- sorting ------------------------------------------------------------------------------

    def order(self, key: str) -> np.ndarray:
        """Positions sorted by ``key`` ascending, ties by id (as ``filters.matching_ids``)."""
        if key not in filters.SORT_KEYS:
            raise ValueError(f"unknown sort key {key!r}")
        kept = self._orders.get(key)
        if kept is None:
            kept = self._orders[key] = self._compute_order(key)
        return kept

    def _compute_order(self, key: str) -> np.ndarray:
        n = len(self.ids)
        if key == "id":
            return np.arange(n)
        if key in _TEXT_KEYS or key == "topics":
            return self._text_order(key)
        if key == "chat":
            names = dict(self.project.conn.execute("SELECT id, name FROM chats").fetchall())
            distinct = sorted(set(names.values()))
            rank = {name: i for i, name in enumerate(distinct)}
            chats, inverse = np.unique(self.chat, return_inverse=True)
            chat_rank = np.array([rank[names[c]] if c in names else -1 for c in chats.tolist()],
                                 dtype=np.int64)
            primary = chat_rank[inverse] if n else np.zeros(0, np.int64)
        elif key == "status":
            primary = self.status
        elif key == "date":
            primary = self.date
        elif key == "quality":
            primary = np.where(np.isnan(self.quality), -1.0, self.quality)
        else:  # edited
            primary = self.edited
        # Positions ascend with id, so a stable sort on the key alone breaks ties by id.
        return np.argsort(primary, kind="stable")

    def _text_order(self, key: str) -> np.ndarray:
        conn = tuples(self.project)
        if key == "topics":
            rows = conn.execute(f"SELECT p.id, {filters.TOPICS_SQL} FROM pairs p"
                                f" WHERE p.id IN (SELECT pair_id FROM pair_topics)")
            topics = dict(rows.fetchall())
            ranked = sorted(topics.items(), key=lambda kv: (kv[1] or "", kv[0]))
            with_topics = np.fromiter((pid for pid, _ in ranked), dtype=np.int64)
            pos_with = np.searchsorted(self.ids, with_topics)
            without = np.ones(len(self.ids), dtype=bool)
            without[pos_with] = False
            # No topics sorts as '' (first); those keep id order among themselves.
            order = np.concatenate([np.flatnonzero(without), pos_with])
            prints = np.zeros(len(self.ids), dtype=np.int64)
            prints[pos_with] = [_fingerprint(t) for _, t in ranked]
        else:
            ids, keys = [], []
            rows = conn.execute(_TEXT_KEYS[key])
            while chunk := rows.fetchmany(_CHUNK):
                cols = list(zip(*chunk, strict=True))
                ids += cols[0]
                keys += cols[1]
            order = np.searchsorted(self.ids, np.array(ids, dtype=np.int64))
            prints = np.zeros(len(self.ids), dtype=np.int64)
            prints[order] = [_fingerprint(k) for k in keys]
        self._prints[key] = prints
        return order

    # -- filtering ----------------------------------------------------------------------------

    def mask(self, flt: PairFilter, progress: Progress | None = None) -> np.ndarray:
        """Pairs (by position) meeting every condition except a regular expression;
        ``progress`` hears of indexing changed pairs for word search (detail "index")."""
        m = self.deleted == flt.deleted
        if flt.statuses:
            codes = [STATUSES.index(s) for s in flt.statuses if s in STATUSES]
            m &= np.isin(self.status, codes)
        if flt.chat_ids:
            m &= np.isin(self.chat, [c for c in flt.chat_ids if c != _NO_CHAT])
        if flt.min_quality is not None:
            m &= self.quality >= flt.min_quality  # NaN (no quality) never matches
        if flt.max_quality is not None:
            m &= self.quality <= flt.max_quality
        if flt.origins:
            m &= np.isin(self.origin, [self.origin_codes[o] for o in flt.origins
                                       if o in self.origin_codes])
        if flt.edited is not None:
            m &= self.edited if flt.edited else ~self.edited
        if flt.pair_ids is not None:
            m &= self._has(flt.pair_ids)
        if flt.topic and m.any():
            m &= self._has(r[0] for r in tuples(self.project).execute(
                "SELECT pt.pair_id FROM pair_topics pt JOIN topics t ON t.id = pt.topic_id"
                " WHERE t.name = ?", (flt.topic,)))
        text = flt.search.strip()
        if text and not flt.regex and m.any():
            query = search.fts_query(text)
            if query is None:
                m[:] = False  # only punctuation typed: nothing can match a word
            else:
                if search.pending_count(self.project):
                    search.sync_search_index(
                        self.project, None if progress is None else
                        lambda done, total, _d: progress(done, total, "index"))
                m &= self._has(r[0] for r in tuples(self.project).execute(
                    "SELECT rowid FROM pair_search WHERE pair_search MATCH ?", (query,)))
        return m

    def _has(self, pair_ids: Iterable[int]) -> np.ndarray:
        out = np.zeros(len(self.ids), dtype=bool)
        pos, _unknown = self.positions(pair_ids)
        out[pos] = True
        return out

    def _scan_regex(self, m: np.ndarray, pattern: str, progress: Progress | None) -> None:
        rx = filters.check_regex(pattern)
        candidates = np.flatnonzero(m)
        total = len(candidates)
        for start in range(0, total, _SCAN_CHUNK):
            chunk_pos = candidates[start:start + _SCAN_CHUNK]
            chunk = [int(i) for i in self.ids[chunk_pos]]
            hits = [pid for pid, q, a in tuples(self.project).execute(
                f"SELECT id, question, answer FROM pairs WHERE id IN"
                f" ({','.join('?' * len(chunk))})", chunk)
                if rx.search(q or "") or rx.search(a or "")]
            m[chunk_pos] = False
            if hits:
                m[self.positions(hits)[0]] = True
            if progress is not None:
                progress(min(start + _SCAN_CHUNK, total), total, "")

    def query(self, flt: PairFilter, sort: str = "date", descending: bool = True,
              progress: Progress | None = None) -> np.ndarray:
        """Ids of the pairs that match, sorted by ``sort``; ``progress`` hears of a regular
        expression's scan (and may raise ``Cancelled`` to stop it)."""
        order = self.order(sort)
        m = self.mask(flt, progress)
        if flt.search.strip() and flt.regex and m.any():
            self._scan_regex(m, flt.search.strip(), progress)
        picked = order[m[order]]
        if descending:
            picked = picked[::-1]
        return self.ids[picked]
