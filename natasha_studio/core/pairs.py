"""Pairs: the training examples, and the operations that change them.

A pair is a list of turns, alternating between members ("user") and the persona
("assistant"), ending with the persona's answer; the turn before it is the question and the
ones above are context. Extraction writes ``turns_original``; a curator's edit writes
``turns`` (the effective text is ``turns`` when set, else ``turns_original``). Every change is
one committed transaction and leaves a row in ``pair_edits``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson

from natasha_studio.core.store import Project

STATUSES = ("new", "approved", "rejected", "needs_work")
ORIGINS = ("reply", "implicit", "comment", "manual", "model")


@dataclass
class Turn:
    role: str  # "user" (a member) or "assistant" (the persona)
    text: str
    sender_id: int | None = None
    sender_name: str | None = None
    message_ids: list[int] = field(default_factory=list)
    date: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        return cls(
            role=data["role"],
            text=data.get("text", ""),
            sender_id=data.get("sender_id"),
            sender_name=data.get("sender_name"),
            message_ids=list(data.get("message_ids") or []),
            date=data.get("date"),
        )


def turns_to_json(turns: Sequence[Turn]) -> str:
    """Turns as compact JSON (projects written by earlier versions hold the same JSON with
    spaces after ``,`` and ``:``: compare parsed turns, not the text, across the two)."""
    return orjson.dumps([asdict(t) for t in turns]).decode()


def turns_from_json(text: str | None) -> list[Turn]:
    return [Turn.from_dict(d) for d in json.loads(text)] if text else []


def question_and_answer(turns: Sequence[Turn]) -> tuple[str, str]:
    """The last member turn and the persona's final answer."""
    answer = turns[-1].text if turns and turns[-1].role == "assistant" else ""
    question = next((t.text for t in reversed(turns[:-1]) if t.role == "user"), "")
    return question, answer


@dataclass
class Pair:
    id: int
    key: str | None
    chat_id: int | None
    origin: str
    confidence: float
    turns_original: list[Turn]
    turns_edited: list[Turn] | None
    status: str
    quality: float | None
    quality_reasons: list[str]
    system_prompt: str | None
    notes: str
    asker_id: int | None
    question_date: int | None
    answer_date: int | None
    message_ids: list[int]
    link: str | None
    deleted: bool
    stale: bool
    topics: list[str] = field(default_factory=list)

    @property
    def turns(self) -> list[Turn]:
        return self.turns_edited if self.turns_edited is not None else self.turns_original

    @property
    def edited(self) -> bool:
        return self.turns_edited is not None

    @property
    def question(self) -> str:
        return question_and_answer(self.turns)[0]

    @property
    def answer(self) -> str:
        return question_and_answer(self.turns)[1]


_COLUMNS = (
    "id, key, chat_id, origin, confidence, turns_original, turns, status, quality, "
    "quality_reasons, system_prompt, notes, asker_id, question_date, answer_date, "
    "message_ids, link, deleted, stale"
)


def _row_to_pair(row: Any, topics: list[str]) -> Pair:
    return Pair(
        id=row["id"],
        key=row["key"],
        chat_id=row["chat_id"],
        origin=row["origin"],
        confidence=row["confidence"],
        turns_original=turns_from_json(row["turns_original"]),
        turns_edited=turns_from_json(row["turns"]) if row["turns"] is not None else None,
        status=row["status"],
        quality=row["quality"],
        quality_reasons=json.loads(row["quality_reasons"] or "[]"),
        system_prompt=row["system_prompt"],
        notes=row["notes"],
        asker_id=row["asker_id"],
        question_date=row["question_date"],
        answer_date=row["answer_date"],
        message_ids=json.loads(row["message_ids"] or "[]"),
        link=row["link"],
        deleted=bool(row["deleted"]),
        stale=bool(row["stale"]),
        topics=topics,
    )


def pair_topics(project: Project, pair_id: int) -> list[str]:
    rows = project.conn.execute(
        "SELECT t.name FROM pair_topics pt JOIN topics t ON t.id = pt.topic_id "
        "WHERE pt.pair_id = ? ORDER BY t.name",
        (pair_id,),
    )
    return [r[0] for r in rows]


def topics_by_pair(project: Project, pair_ids: Iterable[int]) -> dict[int, list[str]]:
    """The topic names (sorted) of each of ``pair_ids`` that has any, a few queries in all."""
    out: dict[int, list[str]] = {}
    for chunk in id_chunks(pair_ids):
        for pid, name in tuples(project).execute(
                "SELECT pt.pair_id, t.name FROM pair_topics pt JOIN topics t ON t.id = pt.topic_id"
                f" WHERE pt.pair_id IN ({_marks(len(chunk))}) ORDER BY pt.pair_id, t.name", chunk):
            out.setdefault(pid, []).append(name)
    return out


def get_pair(project: Project, pair_id: int) -> Pair | None:
    row = project.conn.execute(f"SELECT {_COLUMNS} FROM pairs WHERE id = ?", (pair_id,)).fetchone()
    return _row_to_pair(row, pair_topics(project, pair_id)) if row else None


def get_pairs(project: Project, pair_ids: Iterable[int]) -> list[Pair]:
    return [p for p in (get_pair(project, i) for i in pair_ids) if p is not None]


def count_pairs(project: Project) -> int:
    """How many pairs the project has (deleted ones not counted)."""
    return int(project.conn.execute("SELECT count(*) FROM pairs WHERE deleted = 0").fetchone()[0])


def has_pairs(project: Project) -> bool:
    """Whether the project has any pair that is not deleted (without counting them all)."""
    return project.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pairs WHERE deleted = 0)").fetchone()[0] == 1


def _log(project: Project, pair_id: int, field_name: str, before: Any, after: Any) -> None:
    project.conn.execute(
        "INSERT INTO pair_edits(pair_id, field, before, after) VALUES (?, ?, ?, ?)",
        (pair_id, field_name, json.dumps(before, ensure_ascii=False),
         json.dumps(after, ensure_ascii=False)),
    )


def add_pair(
    project: Project,
    turns: Sequence[Turn],
    *,
    origin: str = "manual",
    chat_id: int | None = None,
    status: str = "new",
    key: str | None = None,
    confidence: float = 1.0,
    link: str | None = None,
    notes: str = "",
) -> int:
    """Insert a pair (hand-written, or from a model's corrected answer); returns its id."""
    if origin not in ORIGINS:
        raise ValueError(f"unknown origin {origin!r}")
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    question, answer = question_and_answer(turns)
    dates = [t.date for t in turns if t.date]
    ids = [i for t in turns for i in t.message_ids]
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO pairs(key, chat_id, origin, confidence, turns_original, question, answer,"
            " status, notes, asker_id, question_date, answer_date, message_ids, link)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key, chat_id, origin, confidence, turns_to_json(turns), question, answer, status,
                notes,
                next((t.sender_id for t in reversed(turns) if t.role == "user"), None),
                min(dates) if dates else None, max(dates) if dates else None,
                json.dumps(ids), link,
            ),
        )
        pair_id = int(cur.lastrowid)
        _log(project, pair_id, "created", None, origin)
    return pair_id


def set_turns(project: Project, pair_id: int, turns: Sequence[Turn] | None) -> None:
    """Replace the pair's edited turns; ``None`` reverts to the original."""
    with project.transaction() as conn:
        row = conn.execute(
            "SELECT turns, turns_original FROM pairs WHERE id = ?", (pair_id,)
        ).fetchone()
        if row is None:
            raise KeyError(pair_id)
        new_json = turns_to_json(turns) if turns is not None else None
        if new_json is not None and json.loads(new_json) == json.loads(row["turns_original"]):
            new_json = None  # editing back to the original is the same as reverting
        effective = turns if turns is not None else turns_from_json(row["turns_original"])
        question, answer = question_and_answer(effective)
        conn.execute(
            "UPDATE pairs SET turns = ?, question = ?, answer = ?,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
            (new_json, question, answer, pair_id),
        )
        _log(project, pair_id, "turns", json.loads(row["turns"]) if row["turns"] else None,
             json.loads(new_json) if new_json else None)


# Ids per "IN (...)" list in set-based writes (old SQLite builds allow 999 parameters).
_IDS_PER_STATEMENT = 900
_NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def id_chunks(pair_ids: Iterable[int], size: int = _IDS_PER_STATEMENT) -> Iterable[list[int]]:
    """``pair_ids`` in lists small enough for one ``IN (...)`` each."""
    ids = list(pair_ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def tuples(project: Project) -> sqlite3.Cursor:
    """A cursor on the project that returns plain tuples, for reading many rows at once.

    The project's rows are ``sqlite3.Row`` objects, which the garbage collector always
    tracks; thousands of them alive in a chunk get promoted and make each full collection
    (which holds every thread, the window's too) longer. Tuples of plain values are dropped
    from tracking at the first collection.
    """
    cur = project.conn.cursor()
    cur.row_factory = None
    return cur


def set_status(project: Project, pair_ids: Iterable[int], status: str) -> dict[int, str]:
    """Set the status of several pairs in one transaction; returns their previous statuses.

    Set-based: a few statements per 900 pairs (not three per pair), so approving a million
    pairs holds the write lock for seconds.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    previous: dict[int, str] = {}
    after = json.dumps(status)
    with project.transaction() as conn:
        for chunk in id_chunks(pair_ids):
            marks = _marks(len(chunk))
            rows = tuples(project).execute(f"SELECT id, status FROM pairs WHERE id IN ({marks})"
                                           " AND status != ?", (*chunk, status)).fetchall()
            if not rows:
                continue
            changed = [r[0] for r in rows]
            conn.execute(f"UPDATE pairs SET status = ?, updated_at = {_NOW_SQL}"
                         f" WHERE id IN ({_marks(len(changed))})", (status, *changed))
            conn.executemany(
                "INSERT INTO pair_edits(pair_id, field, before, after) VALUES (?, 'status', ?, ?)",
                [(pid, json.dumps(before), after) for pid, before in rows])
            previous.update((pid, before) for pid, before in rows)
    return previous


def restore_statuses(project: Project, statuses: dict[int, str]) -> None:
    """Put back statuses returned by ``set_status`` (undo)."""
    by_status: dict[str, list[int]] = {}
    for pid, status in statuses.items():
        by_status.setdefault(status, []).append(pid)
    with project.transaction():
        for status, ids in by_status.items():
            set_status(project, ids, status)


def set_field(project: Project, pair_id: int, field_name: str, value: Any) -> None:
    """Set one of: notes, system_prompt, deleted."""
    if field_name not in ("notes", "system_prompt", "deleted"):
        raise ValueError(field_name)
    with project.transaction() as conn:
        row = conn.execute(f"SELECT {field_name} FROM pairs WHERE id = ?", (pair_id,)).fetchone()
        if row is None:
            raise KeyError(pair_id)
        conn.execute(
            f"UPDATE pairs SET {field_name} = ?,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
            (value, pair_id),
        )
        _log(project, pair_id, field_name, row[0], value)


def ensure_topic(project: Project, name: str) -> int:
    with project.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO topics(name) VALUES (?)", (name,))
        return int(conn.execute("SELECT id FROM topics WHERE name = ?", (name,)).fetchone()[0])


def set_pair_topics(project: Project, pair_id: int, names: Iterable[str],
                    source: str = "manual") -> None:
    """Make the pair's topics exactly ``names``."""
    names = sorted(set(names))
    with project.transaction() as conn:
        before = pair_topics(project, pair_id)
        conn.execute("DELETE FROM pair_topics WHERE pair_id = ?", (pair_id,))
        for name in names:
            conn.execute(
                "INSERT INTO pair_topics(pair_id, topic_id, source) VALUES (?, ?, ?)",
                (pair_id, ensure_topic(project, name), source),
            )
        if before != names:
            _log(project, pair_id, "topics", before, names)
