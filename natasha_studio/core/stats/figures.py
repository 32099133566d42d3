"""The dataset's figures and chart series, computed with pandas.

``compute_statistics`` is meant to run in a worker thread (it opens nothing itself; give it a
project opened in that thread). Token lengths use tiktoken's ``o200k_base``; on large datasets
they are measured on a fixed random sample of pairs (``tokens_sampled`` says how many), which
keeps the page fast and moves the mean by well under one percent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from natasha_studio.core.export.selection import PairFilter
from natasha_studio.core.export.tokens import TokenCounter
from natasha_studio.core.pairs import STATUSES
from natasha_studio.core.stats.frame import PairsData, project_frame
from natasha_studio.core.store import Project

TOKEN_SAMPLE = 4000
TOP_CHATS = 15
TOP_TOPICS = 15
TOP_ASKERS = 10
LENGTH_BINS = 20


@dataclass
class Histogram:
    edges: list[float]
    counts: list[int]


@dataclass
class Statistics:
    """Everything the Statistics tab shows for one filter."""

    figures: dict[str, Any] = field(default_factory=dict)
    pairs_per_chat: list[tuple[str, int]] = field(default_factory=list)
    topics: list[tuple[str, int]] = field(default_factory=list)
    question_lengths: Histogram | None = None
    answer_lengths: Histogram | None = None
    pairs_per_month: list[tuple[str, int]] = field(default_factory=list)
    quality: Histogram | None = None
    quality_unknown: int = 0
    top_askers: list[tuple[str, int, float]] = field(default_factory=list)
    other_askers_share: float = 0.0

    @property
    def empty(self) -> bool:
        return not self.figures.get("pairs")


def _top(counts: pd.Series, n: int) -> list[tuple[str, int]]:
    counts = counts.sort_values(ascending=False, kind="stable")
    return [(str(k), int(v)) for k, v in counts.head(n).items()]


def _histogram(values: pd.Series, bins: int = LENGTH_BINS, clip_quantile: float = 0.99) -> Histogram | None:
    values = values.dropna()
    if values.empty:
        return None
    top = float(values.quantile(clip_quantile)) if len(values) > 20 else float(values.max())
    top = max(top, float(values.min()) + 1)
    # The longest 1% go into the last bar, so one huge answer does not squash the chart; bars
    # are at least one character wide, so their whole-number labels never repeat.
    bins = max(1, min(bins, int(top - float(values.min()))))
    counts, edges = np.histogram(values.clip(upper=top), bins=bins, range=(float(values.min()), top))
    return Histogram([float(e) for e in edges], [int(c) for c in counts])


def token_lengths(data: PairsData, sample: int = TOKEN_SAMPLE, seed: int = 0) -> tuple[pd.DataFrame, int]:
    """Question and answer tokens of (a fixed random sample of) the pairs."""
    ids = data.pairs["id"]
    if len(ids) > sample:
        ids = ids.sample(n=sample, random_state=seed)
    texts = data.texts_of(list(ids))
    questions = texts["question"].fillna("").astype(str).tolist()
    answers = texts["answer"].fillna("").astype(str).tolist()
    counter = TokenCounter("o200k_base")
    counter.prime(questions + answers)
    tokens = pd.DataFrame({
        "q_tokens": [counter.count(t) for t in questions],
        "a_tokens": [counter.count(t) for t in answers],
    })
    return tokens, len(ids)


def figures_of(data: PairsData, token_sample: int = TOKEN_SAMPLE) -> dict[str, Any]:
    """The headline figures of a set of pairs (without the project-wide counts)."""
    pairs = data.pairs
    n = len(pairs)
    by_status = pairs["status"].value_counts()
    figures: dict[str, Any] = {
        "pairs": n,
        "by_status": {s: int(by_status.get(s, 0)) for s in STATUSES},
        "approved_share": float(by_status.get("approved", 0) / n) if n else 0.0,
        "edited_share": float(pairs["edited"].mean()) if n else 0.0,
        "chats_with_pairs": int(pairs["chat_id"].nunique()),
        "askers": int(pairs["asker_id"].nunique()),
        "topics_used": int(data.topics["topic"].nunique()) if not data.topics.empty else 0,
    }
    for key, column in (("question_chars", "q_chars"), ("answer_chars", "a_chars")):
        figures[f"{key}_mean"] = float(pairs[column].mean()) if n else 0.0
        figures[f"{key}_median"] = float(pairs[column].median()) if n else 0.0
    if n:
        tokens, sampled = token_lengths(data, token_sample)
        figures["tokens_sampled"] = sampled
        for key, column in (("question_tokens", "q_tokens"), ("answer_tokens", "a_tokens")):
            figures[f"{key}_mean"] = float(tokens[column].mean())
            figures[f"{key}_median"] = float(tokens[column].median())
    else:
        figures["tokens_sampled"] = 0
    dates = pairs["answer_date"].dropna()
    figures["date_from"] = dates.min().strftime("%Y-%m-%d") if not dates.empty else None
    figures["date_to"] = dates.max().strftime("%Y-%m-%d") if not dates.empty else None
    return figures


def statistics_of(data: PairsData, token_sample: int = TOKEN_SAMPLE) -> Statistics:
    """Figures and chart series of a set of pairs."""
    pairs = data.pairs
    stats = Statistics(figures=figures_of(data, token_sample))
    if pairs.empty:
        return stats
    stats.pairs_per_chat = _top(pairs.groupby("chat_name").size(), TOP_CHATS)
    if not data.topics.empty:
        stats.topics = _top(data.topics.groupby("topic").size(), TOP_TOPICS)
    stats.question_lengths = _histogram(pairs["q_chars"])
    stats.answer_lengths = _histogram(pairs["a_chars"])
    dates = pairs["answer_date"].dropna()
    if not dates.empty:
        months = dates.dt.strftime("%Y-%m").value_counts().sort_index()
        full = pd.period_range(months.index[0], months.index[-1], freq="M").strftime("%Y-%m")
        stats.pairs_per_month = [(m, int(months.get(m, 0))) for m in full]
    quality = pairs["quality"]
    stats.quality_unknown = int(quality.isna().sum())
    known = quality.dropna()
    if not known.empty:
        counts, edges = np.histogram(known.clip(0, 1), bins=10, range=(0.0, 1.0))
        stats.quality = Histogram([float(e) for e in edges], [int(c) for c in counts])
    askers = pairs.loc[pairs["asker_id"].notna()]
    if not askers.empty:
        per_asker = askers.groupby("asker_name").size()
        top = _top(per_asker, TOP_ASKERS)
        total = len(askers)
        stats.top_askers = [(name, count, count / total) for name, count in top]
        stats.other_askers_share = 1.0 - sum(share for _, _, share in stats.top_askers)
    return stats


def project_counts(project: Project) -> dict[str, int]:
    q = project.conn.execute
    return {
        "messages": q("SELECT count(*) FROM messages").fetchone()[0],
        "chats": q("SELECT count(*) FROM chats").fetchone()[0],
        "participants": q("SELECT count(*) FROM participants").fetchone()[0],
    }


def compute_statistics(project: Project, pair_filter: PairFilter | None = None,
                       token_sample: int = TOKEN_SAMPLE) -> Statistics:
    """Statistics of the project's pairs that ``pair_filter`` selects (all pairs by default)."""
    stats = statistics_of(project_frame(project, pair_filter), token_sample)
    stats.figures.update(project_counts(project))
    return stats


def filter_choices(project: Project) -> dict[str, list[tuple[Any, str]]]:
    """What the filters can pick: chats (id, name) and topics (name, name) that have pairs."""
    chats = project.conn.execute(
        "SELECT p.chat_id, COALESCE(NULLIF(c.name, ''), CAST(p.chat_id AS TEXT)), count(*)"
        " FROM pairs p LEFT JOIN chats c ON c.id = p.chat_id WHERE p.deleted = 0"
        " AND p.chat_id IS NOT NULL GROUP BY p.chat_id ORDER BY count(*) DESC").fetchall()
    topics = project.conn.execute(
        "SELECT t.name, count(*) FROM pair_topics pt JOIN topics t ON t.id = pt.topic_id"
        " JOIN pairs p ON p.id = pt.pair_id WHERE p.deleted = 0"
        " GROUP BY t.name ORDER BY count(*) DESC").fetchall()
    return {"chats": [(r[0], r[1]) for r in chats], "topics": [(r[0], r[0]) for r in topics]}
