"""Choosing pairs (a filter) and reading them as frozen examples.

An *example* is a plain dict, the exact content a snapshot freezes for one pair: its effective
turns (the curator's edit when there is one), the per-pair system prompt override, and its
provenance (chat, topics, quality, status, dates, message ids, link). It is what every export
format is written from, so a snapshot can be exported again later and give the same files.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson

from natasha_studio.core.pairs import STATUSES
from natasha_studio.core.store import Project

_TOPIC_SEP = "\x1f"


@dataclass
class PairFilter:
    """Which pairs to take. Empty fields do not filter; deleted pairs are never taken."""

    statuses: Sequence[str] = ("approved",)
    chat_ids: Sequence[int] = ()
    topics: Sequence[str] = ()
    min_quality: float | None = None
    pair_ids: Sequence[int] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PairFilter:
        data = data or {}
        return cls(
            statuses=tuple(data.get("statuses") or ()),
            chat_ids=tuple(data.get("chat_ids") or ()),
            topics=tuple(data.get("topics") or ()),
            min_quality=data.get("min_quality"),
            pair_ids=tuple(data.get("pair_ids") or ()),
        )

    def where(self) -> tuple[str, list[Any]]:
        """An SQL condition over ``pairs p`` and its parameters."""
        clauses, params = ["p.deleted = 0"], []
        statuses = [s for s in self.statuses if s in STATUSES]
        if self.statuses:
            clauses.append(f"p.status IN ({','.join('?' * len(statuses)) or 'NULL'})")
            params += statuses
        if self.chat_ids:
            clauses.append(f"p.chat_id IN ({','.join('?' * len(self.chat_ids))})")
            params += [int(c) for c in self.chat_ids]
        if self.topics:
            clauses.append(
                "p.id IN (SELECT pt.pair_id FROM pair_topics pt JOIN topics t ON t.id = pt.topic_id"
                f" WHERE t.name IN ({','.join('?' * len(self.topics))}))"
            )
            params += list(self.topics)
        if self.min_quality is not None:
            clauses.append("p.quality >= ?")
            params.append(float(self.min_quality))
        if self.pair_ids:
            clauses.append(f"p.id IN ({','.join('?' * len(self.pair_ids))})")
            params += [int(i) for i in self.pair_ids]
        return " AND ".join(clauses), params


@dataclass
class Example:
    """One frozen pair, as kept in a snapshot (see the module docstring)."""

    pair_id: int
    turns: list[dict[str, Any]]
    system_prompt: str | None = None
    chat_id: int | None = None
    chat_name: str = ""
    topics: list[str] = field(default_factory=list)
    status: str = "approved"
    quality: float | None = None
    origin: str = "manual"
    edited: bool = False
    asker_id: int | None = None
    asker_name: str = ""
    question_date: int | None = None
    answer_date: int | None = None
    message_ids: list[int] = field(default_factory=list)
    link: str | None = None
    key: str | None = None
    split: str = "train"

    @property
    def question(self) -> str:
        return next((t["text"] for t in reversed(self.turns[:-1]) if t["role"] == "user"), "")

    @property
    def answer(self) -> str:
        return self.turns[-1]["text"] if self.turns and self.turns[-1]["role"] == "assistant" else ""

    @property
    def context(self) -> list[dict[str, Any]]:
        """The turns before the question."""
        for i in range(len(self.turns) - 2, -1, -1):
            if self.turns[i]["role"] == "user":
                return self.turns[:i]
        return []

    def content(self) -> dict[str, Any]:
        """What a snapshot stores (everything except the split, which has its own column)."""
        # Built by hand: dataclasses.asdict deep-copies every value, which is slow on 100k pairs.
        return {
            "pair_id": self.pair_id, "turns": self.turns, "system_prompt": self.system_prompt,
            "chat_id": self.chat_id, "chat_name": self.chat_name, "topics": self.topics,
            "status": self.status, "quality": self.quality, "origin": self.origin,
            "edited": self.edited, "asker_id": self.asker_id, "asker_name": self.asker_name,
            "question_date": self.question_date, "answer_date": self.answer_date,
            "message_ids": self.message_ids, "link": self.link, "key": self.key,
        }

    @classmethod
    def from_content(cls, data: dict[str, Any], split: str = "train") -> Example:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known, split=split)


def _frozen_turns(turns_json: str) -> list[dict[str, Any]]:
    # Only what training and provenance need; the sender id stays so that the asker is known.
    return [
        {
            "role": t["role"],
            "text": t.get("text", ""),
            "sender_id": t.get("sender_id"),
            "sender_name": t.get("sender_name"),
            "date": t.get("date"),
        }
        for t in orjson.loads(turns_json)
    ]


def iter_examples(project: Project, pair_filter: PairFilter,
                  batch: int = 2000) -> Iterator[Example]:
    """The pairs ``pair_filter`` selects, as examples, in id order."""
    where, params = pair_filter.where()
    sql = (
        "SELECT p.id, p.key, p.chat_id, COALESCE(c.name, '') AS chat_name, p.origin,"
        " COALESCE(p.turns, p.turns_original) AS turns_json, p.turns IS NOT NULL AS edited,"
        " p.status, p.quality, p.system_prompt, p.asker_id, COALESCE(u.name, '') AS asker_name,"
        " p.question_date, p.answer_date, p.message_ids, p.link,"
        " (SELECT group_concat(name, ?) FROM (SELECT t.name FROM pair_topics pt"
        "   JOIN topics t ON t.id = pt.topic_id WHERE pt.pair_id = p.id ORDER BY t.name)) AS topics"
        " FROM pairs p LEFT JOIN chats c ON c.id = p.chat_id"
        " LEFT JOIN participants u ON u.id = p.asker_id"
        f" WHERE {where} ORDER BY p.id"
    )
    cursor = project.conn.cursor()
    cursor.row_factory = None  # plain tuples: sqlite3.Row is slow over 100k rows
    cursor.execute(sql, [_TOPIC_SEP, *params])
    while rows := cursor.fetchmany(batch):
        for (pair_id, key, chat_id, chat_name, origin, turns_json, edited, status, quality,
             system_prompt, asker_id, asker_name, question_date, answer_date, message_ids, link,
             topics) in rows:
            yield Example(
                pair_id=pair_id,
                key=key,
                turns=_frozen_turns(turns_json),
                system_prompt=system_prompt or None,
                chat_id=chat_id,
                chat_name=chat_name,
                topics=topics.split(_TOPIC_SEP) if topics else [],
                status=status,
                quality=quality,
                origin=origin,
                edited=bool(edited),
                asker_id=asker_id,
                asker_name=asker_name,
                question_date=question_date,
                answer_date=answer_date,
                message_ids=orjson.loads(message_ids or "[]"),
                link=link,
            )


def select_examples(project: Project, pair_filter: PairFilter) -> list[Example]:
    return list(iter_examples(project, pair_filter))
