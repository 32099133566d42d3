"""Scoring a set of answers: every model's answers to the same questions, on every axis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from natasha_studio.core.fidelity.aggregate import AnswerScore
from natasha_studio.core.fidelity.axes import meaning_scores, style_score
from natasha_studio.core.fidelity.profile import StyleProfile, features


@dataclass
class Question:
    """A held-out question and the persona's real answer to it."""

    pair_id: int
    question: str
    real_answer: str


def score_answers(profile: StyleProfile, questions: Sequence[Question],
                  answers: Mapping[int, Mapping[int, str]], meaning_model,
                  judge: Mapping[int, Mapping[int, float]] | None = None,
                  ) -> dict[int, list[AnswerScore]]:
    """Score ``answers`` (model id -> pair id -> text) against ``questions``; ``judge`` (model
    id -> pair id -> 0..100) adds the judge's axis. Questions a model did not answer are left
    out of its list."""
    reals = {q.pair_id: q.real_answer for q in questions}
    real_features = {q.pair_id: features(q.real_answer) for q in questions}
    out: dict[int, list[AnswerScore]] = {}
    for model_id, by_pair in answers.items():
        pair_ids = [q.pair_id for q in questions if by_pair.get(q.pair_id, "").strip()]
        texts = [by_pair[p] for p in pair_ids]
        meaning = meaning_scores(texts, [reals[p] for p in pair_ids], meaning_model)
        scored = []
        for i, pair_id in enumerate(pair_ids):
            style = style_score(profile, texts[i], real_features[pair_id])
            verdict = (judge or {}).get(model_id, {}).get(pair_id)
            value = float(meaning[i])
            scored.append(AnswerScore(pair_id, round(style.score, 2),
                                      None if value != value else round(value, 2),
                                      verdict, {k: round(v, 1) for k, v in style.parts.items()}))
        out[model_id] = scored
    return out
