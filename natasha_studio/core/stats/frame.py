"""Pairs as pandas DataFrames, from the project or from a snapshot's frozen examples.

One row per pair with the columns every statistic needs: chat, status, edited, question and
answer text and lengths, quality, asker, answer date, main topic. Topics (a pair may have
several) come as a second, long frame of (pair id, topic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from natasha_studio.core.export.selection import Example, PairFilter
from natasha_studio.core.store import Project

COLUMNS = ["id", "chat_id", "chat_name", "status", "edited", "question", "answer", "quality",
           "asker_id", "asker_name", "answer_date", "split"]


@dataclass
class PairsData:
    pairs: pd.DataFrame   # COLUMNS plus q_chars, a_chars
    topics: pd.DataFrame  # pair_id, topic


def _finish(pairs: pd.DataFrame, topics: pd.DataFrame) -> PairsData:
    pairs = pairs.reindex(columns=COLUMNS)
    pairs["question"] = pairs["question"].fillna("").astype(str)
    pairs["answer"] = pairs["answer"].fillna("").astype(str)
    pairs["q_chars"] = pairs["question"].str.len()
    pairs["a_chars"] = pairs["answer"].str.len()
    pairs["edited"] = pairs["edited"].fillna(False).astype(bool)
    pairs["chat_name"] = pairs["chat_name"].fillna("").astype(str)
    pairs["asker_name"] = pairs["asker_name"].fillna("").astype(str)
    pairs["quality"] = pd.to_numeric(pairs["quality"], errors="coerce")
    pairs["answer_date"] = pd.to_datetime(pd.to_numeric(pairs["answer_date"], errors="coerce"),
                                          unit="s", utc=True)
    return PairsData(pairs.reset_index(drop=True), topics.reindex(columns=["pair_id", "topic"]))


def project_frame(project: Project, pair_filter: PairFilter | None = None) -> PairsData:
    """The project's pairs that ``pair_filter`` selects (every status when it has none)."""
    pair_filter = pair_filter or PairFilter(statuses=())
    where, params = pair_filter.where()
    pairs = pd.read_sql_query(
        "SELECT p.id, p.chat_id, COALESCE(NULLIF(c.name, ''), CAST(p.chat_id AS TEXT)) AS chat_name,"
        " p.status, p.turns IS NOT NULL AS edited, p.question, p.answer, p.quality, p.asker_id,"
        " COALESCE(NULLIF(u.name, ''), CAST(p.asker_id AS TEXT)) AS asker_name,"
        " p.answer_date, NULL AS split"
        " FROM pairs p LEFT JOIN chats c ON c.id = p.chat_id"
        f" LEFT JOIN participants u ON u.id = p.asker_id WHERE {where}",
        project.conn, params=params,
    )
    topics = pd.read_sql_query(
        "SELECT pt.pair_id, t.name AS topic FROM pair_topics pt JOIN topics t ON t.id = pt.topic_id"
        f" JOIN pairs p ON p.id = pt.pair_id WHERE {where}",
        project.conn, params=params,
    )
    return _finish(pairs, topics)


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
