"""Pairs as pandas DataFrames, from the project or from a snapshot's frozen examples.

One row per pair with the columns every statistic needs: chat, status, edited, question and
answer text and lengths, quality, asker, answer date, main topic. Topics (a pair may have
several) come as a second, long frame of (pair id, topic).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from natasha_studio.core.export.selection import Example, PairFilter
from natasha_studio.core.store import Project

COLUMNS = ["id", "chat_id", "chat_name", "status", "edited", "question", "answer", "quality",
           "asker_id", "asker_name", "answer_date", "split"]


@dataclass
class PairsData:
    pairs: pd.DataFrame   # COLUMNS plus q_chars, a_chars (question/answer may be empty)
    topics: pd.DataFrame  # pair_id, topic
    # Fetches (question, answer) texts of some pair ids when ``pairs`` was read without them.
    texts: Callable[[Sequence[int]], pd.DataFrame] | None = None

    def texts_of(self, ids: Sequence[int]) -> pd.DataFrame:
        """Question and answer texts of ``ids``, indexed by pair id."""
        if self.texts is not None:
            return self.texts(ids)
        return self.pairs.set_index("id").loc[list(ids), ["question", "answer"]]


def _finish(pairs: pd.DataFrame, topics: pd.DataFrame) -> PairsData:
    lengths = pairs[["q_chars", "a_chars"]] if "q_chars" in pairs else None
    pairs = pairs.reindex(columns=COLUMNS)
    pairs["question"] = pairs["question"].astype(object).fillna("").astype(str)
    pairs["answer"] = pairs["answer"].astype(object).fillna("").astype(str)
    if lengths is None:
        pairs["q_chars"] = pairs["question"].str.len()
        pairs["a_chars"] = pairs["answer"].str.len()
    else:
        pairs["q_chars"] = lengths["q_chars"].fillna(0).astype(int).to_numpy()
        pairs["a_chars"] = lengths["a_chars"].fillna(0).astype(int).to_numpy()
    pairs["edited"] = pairs["edited"].fillna(False).astype(bool)
    pairs["chat_name"] = pairs["chat_name"].fillna("").astype(str)
    pairs["asker_name"] = pairs["asker_name"].fillna("").astype(str)
    pairs["quality"] = pd.to_numeric(pairs["quality"], errors="coerce")
    pairs["answer_date"] = pd.to_datetime(pd.to_numeric(pairs["answer_date"], errors="coerce"),
                                          unit="s", utc=True)
    return PairsData(pairs.reset_index(drop=True), topics.reindex(columns=["pair_id", "topic"]))


def _query(project: Project, sql: str, params: Sequence[Any]) -> pd.DataFrame:
    # Plain tuples: the project's sqlite3.Row factory makes large reads several times slower.
    cursor = project.conn.cursor()
    cursor.row_factory = None
    cursor.execute(sql, list(params))
    columns = [d[0] for d in cursor.description]
    return pd.DataFrame.from_records(cursor.fetchall(), columns=columns)


def project_frame(project: Project, pair_filter: PairFilter | None = None) -> PairsData:
    """The project's pairs that ``pair_filter`` selects (every status when it has none).

    Texts stay in the database (SQLite measures their length); ``PairsData.texts_of`` fetches
    the few that token counting samples, which keeps 100k pairs well under a second.
    """
    pair_filter = pair_filter or PairFilter(statuses=())
    where, params = pair_filter.where()
    # Names are joined in pandas from the small chats/participants tables: a join per row in
    # SQLite costs more than the whole mapping.
    pairs = _query(
        project,
        "SELECT p.id, p.chat_id, p.status, p.turns IS NOT NULL AS edited,"
        " length(p.question) AS q_chars, length(p.answer) AS a_chars, p.quality, p.asker_id,"
        f" p.answer_date FROM pairs p WHERE {where}",
        params,
    )
    chats = dict(project.conn.execute("SELECT id, name FROM chats WHERE name != ''").fetchall())
    people = dict(project.conn.execute(
        "SELECT id, name FROM participants WHERE name != ''").fetchall())
    pairs["chat_name"] = [chats.get(c) or ("" if pd.isna(c) else str(int(c))) for c in pairs["chat_id"]]
    pairs["asker_name"] = [people.get(a) or ("" if pd.isna(a) else str(int(a))) for a in pairs["asker_id"]]
    topics = _query(
        project,
        "SELECT pt.pair_id, t.name AS topic FROM pair_topics pt JOIN topics t ON t.id = pt.topic_id"
        f" JOIN pairs p ON p.id = pt.pair_id WHERE {where}",
        params,
    )
    data = _finish(pairs, topics)

    def texts(ids: Sequence[int]) -> pd.DataFrame:
        frames = []
        ids = [int(i) for i in ids]
        for start in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            chunk = ids[start:start + 900]
            frames.append(pd.read_sql_query(
                f"SELECT id, question, answer FROM pairs WHERE id IN ({','.join('?' * len(chunk))})",
                project.conn, params=chunk))
        both = pd.concat(frames) if frames else pd.DataFrame(columns=["id", "question", "answer"])
        return both.set_index("id").loc[ids, ["question", "answer"]]

    data.texts = texts
    return data


def examples_frame(examples: Sequence[Example]) -> PairsData:
    """A snapshot's frozen examples as the same frames."""
    pairs = pd.DataFrame.from_records(
        [
            (e.pair_id, e.chat_id, e.chat_name or str(e.chat_id), e.status, e.edited, e.question,
             e.answer, e.quality, e.asker_id, e.asker_name or (str(e.asker_id) if e.asker_id else ""),
             e.answer_date, e.split)
            for e in examples
        ],
        columns=COLUMNS,
    )
    topics = pd.DataFrame.from_records(
        [(e.pair_id, t) for e in examples for t in e.topics], columns=["pair_id", "topic"])
    return _finish(pairs, topics)
