"""Which pairs match a filter, in which order, and what the table shows of them.

One ``PairFilter`` serves the Pairs tab, the ``pairs`` command and the tests, so a filter
means the same everywhere. Queries return ids only (an ``array`` of 8-byte ints: a million
pairs take 8 MB); rows are read page by page with ``summaries``.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from natasha_studio.core.curation import search
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

# Preview length of question and answer in table rows (full text is read for the detail pane).
PREVIEW_CHARS = 240

SORT_KEYS = ("id", "status", "chat", "date", "topics", "quality", "question", "answer",
             "edited")

TOPICS_SQL = ("(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM pair_topics pt"
               " JOIN topics t ON t.id = pt.topic_id WHERE pt.pair_id = p.id ORDER BY t.name))")

_SORT_SQL = {
    "id": "p.id",
    "status": "CASE p.status WHEN 'new' THEN 0 WHEN 'needs_work' THEN 1"
              " WHEN 'approved' THEN 2 ELSE 3 END",
    "chat": "(SELECT name FROM chats c WHERE c.id = p.chat_id)",
    "date": "p.answer_date",
    "topics": f"coalesce({TOPICS_SQL}, '')",
    "quality": "coalesce(p.quality, -1)",
    # A prefix: served by an index, and what the table shows at the start of a row anyway.
    "question": "substr(p.question, 1, 24)",
    "answer": "substr(p.answer, 1, 24)",
    "edited": "(p.turns IS NOT NULL)",
}


@dataclass
class PairFilter:
    """What the curator asked to see. Empty fields do not filter."""

    statuses: tuple[str, ...] = ()
    chat_ids: tuple[int, ...] = ()
    topic: str | None = None          # a topic's name
    min_quality: float | None = None
    max_quality: float | None = None
    origins: tuple[str, ...] = ()     # reply, implicit, comment, manual, model
    edited: bool | None = None
    search: str = ""
    regex: bool = False               # search is a regular expression over question and answer
    deleted: bool = False             # True: the deleted pairs (to restore them)
    pair_ids: tuple[int, ...] | None = field(default=None)

    def is_default(self) -> bool:
        return self == PairFilter()


@functools.lru_cache(maxsize=32)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def check_regex(pattern: str) -> re.Pattern[str]:
    """Compile a curator's regular expression, or explain in plain words why it is wrong."""
    try:
        return _compiled(pattern)
    except re.error as exc:
        raise StudioError(
            translate("Curation", "The search pattern is not a valid regular expression: {reason}.")
            .format(reason=exc.msg),
            translate("Curation", "Fix the pattern, or turn off \u201cRegular expression\u201d to "
                                  "search for the words as typed."),
        ) from exc


def _regexp(pattern: str, question: str | None, answer: str | None) -> bool:
    rx = _compiled(pattern)
    return bool(rx.search(question or "") or rx.search(answer or ""))


def _prepare(project: Project, flt: PairFilter) -> None:
    if flt.search.strip():
        if flt.regex:
            check_regex(flt.search)
            project.conn.create_function("ns_regexp", 3, _regexp, deterministic=True)
        elif search.pending_count(project):
            search.sync_search_index(project)


def where_clause(flt: PairFilter) -> tuple[str, list[Any]]:
    """The SQL condition (over ``pairs p``) and its parameters."""
    parts = ["p.deleted = ?"]
    params: list[Any] = [1 if flt.deleted else 0]
    if flt.statuses:
        parts.append(f"p.status IN ({','.join('?' * len(flt.statuses))})")
        params += list(flt.statuses)
    if flt.chat_ids:
        parts.append(f"p.chat_id IN ({','.join('?' * len(flt.chat_ids))})")
        params += list(flt.chat_ids)
    if flt.topic:
        parts.append("p.id IN (SELECT pt.pair_id FROM pair_topics pt JOIN topics t"
                     " ON t.id = pt.topic_id WHERE t.name = ?)")
        params.append(flt.topic)
    if flt.min_quality is not None:
        parts.append("p.quality >= ?")
        params.append(flt.min_quality)
    if flt.max_quality is not None:
        parts.append("p.quality <= ?")
        params.append(flt.max_quality)
    if flt.origins:
        parts.append(f"p.origin IN ({','.join('?' * len(flt.origins))})")
        params += list(flt.origins)
    if flt.edited is not None:
        parts.append("p.turns IS NOT NULL" if flt.edited else "p.turns IS NULL")
    if flt.pair_ids is not None:
        parts.append(f"p.id IN ({','.join('?' * len(flt.pair_ids))})" if flt.pair_ids else "0")
        params += list(flt.pair_ids)
    text = flt.search.strip()
    if text:
        if flt.regex:
            parts.append("ns_regexp(?, p.question, p.answer)")
            params.append(text)
        else:
            query = search.fts_query(text)
            if query is None:
                parts.append("0")  # only punctuation typed: nothing can match a word
            else:
                parts.append("p.id IN (SELECT rowid FROM pair_search WHERE pair_search MATCH ?)")
                params.append(query)
    return " AND ".join(parts), params


def matching_ids(project: Project, flt: PairFilter, sort: str = "date",
                 descending: bool = True, limit: int | None = None) -> array:
    """Ids of the pairs that match, sorted by ``sort`` (one of ``SORT_KEYS``); with ``limit``,
    only the first ones (cheap when an index gives the order, e.g. by date)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    _prepare(project, flt)
    where, params = where_clause(flt)
    direction = "DESC" if descending else "ASC"
    order = _SORT_SQL[sort]
    rows = project.conn.execute(
        f"SELECT p.id FROM pairs p WHERE {where} ORDER BY {order} {direction}, p.id {direction}"
        + (f" LIMIT {int(limit)}" if limit is not None else ""),
        params,
    )
    ids = array("q")
    while chunk := rows.fetchmany(20000):
        ids.extend(r[0] for r in chunk)
    return ids


def count_matching(project: Project, flt: PairFilter) -> int:
    """How many pairs match."""
    _prepare(project, flt)
    where, params = where_clause(flt)
    return int(project.conn.execute(f"SELECT count(*) FROM pairs p WHERE {where}",
                                    params).fetchone()[0])


@dataclass
class PairSummary:
    """What one table row shows."""

    id: int
    status: str
    chat: str
    date: int | None
    topics: str
    quality: float | None
    question: str
    answer: str
    edited: bool
    origin: str
    confidence: float
    reasons: str = "[]"   # quality reason codes, as stored (JSON)


def summaries(project: Project, ids: Sequence[int]) -> dict[int, PairSummary]:
    """Table rows for ``ids`` (previews cut to ``PREVIEW_CHARS``)."""
    if not ids:
        return {}
    out: dict[int, PairSummary] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows = project.conn.execute(
            f"SELECT p.id, p.status, coalesce(c.name, '') AS chat, p.answer_date, {TOPICS_SQL}"
            f" AS topics, p.quality, substr(p.question, 1, {PREVIEW_CHARS}) AS question,"
            f" substr(p.answer, 1, {PREVIEW_CHARS}) AS answer, p.turns IS NOT NULL AS edited,"
            f" p.origin, p.confidence, p.quality_reasons FROM pairs p"
            f" LEFT JOIN chats c ON c.id = p.chat_id"
            f" WHERE p.id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for r in rows:
            out[r["id"]] = PairSummary(
                r["id"], r["status"], r["chat"], r["answer_date"], r["topics"] or "",
                r["quality"], r["question"], r["answer"], bool(r["edited"]), r["origin"],
                r["confidence"], r["quality_reasons"] or "[]")
    return out


def chat_choices(project: Project) -> list[tuple[int, str, int]]:
    """Chats that have pairs: (id, name, live pair count), by name."""
    rows = project.conn.execute(
        "SELECT p.chat_id, coalesce(c.name, ''), count(*) FROM pairs p"
        " LEFT JOIN chats c ON c.id = p.chat_id WHERE p.deleted = 0 AND p.chat_id IS NOT NULL"
        " GROUP BY p.chat_id ORDER BY 2")
    return [(r[0], r[1], r[2]) for r in rows]


def topic_choices(project: Project) -> list[str]:
    """Every topic name, alphabetically."""
    return [r[0] for r in project.conn.execute("SELECT name FROM topics ORDER BY name")]


def quality_bounds(project: Project) -> tuple[float, float]:
    """The lowest and highest quality score in the project (0, 1 when there is none)."""
    # Two subqueries, each answered from the quality index's ends: min() and max() in one
    # SELECT scan every pair (100 ms at a million, on the window's thread).
    row = project.conn.execute("SELECT (SELECT min(quality) FROM pairs),"
                               " (SELECT max(quality) FROM pairs)").fetchone()
    low = row[0] if row[0] is not None else 0.0
    high = row[1] if row[1] is not None else 1.0
    return min(0.0, float(low)), max(1.0, float(high))


def chats_by_name(project: Project, name: str) -> list[int]:
    """Ids of chats whose name contains ``name`` (case-insensitive), or whose id it is."""
    wanted = search.fold(name.strip())
    out = []
    for chat_id, chat_name in project.conn.execute("SELECT id, name FROM chats"):
        if str(chat_id) == name.strip() or wanted in search.fold(chat_name or ""):
            out.append(chat_id)
    return out
