"""The judge's axis: a chat model says which of two answers is closer to the persona's real one.

Every two models that answered a question are compared once, their answers in a random
(seeded) order so that a judge that favours the first answer favours no model. A model's
judge score on a question is its share of the comparisons it won (a tie counts half), 0-100.
The judge is asked only when the curator turns it on, after seeing what it will cost.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from natasha_studio.core.chat.streaming import estimate_tokens
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ChatMessage

JUDGE_MAX_TOKENS = 4
_INSTRUCTIONS = (
    "You compare two answers with the real answer a person gave to a question. Say which of "
    "the two is closer to the real answer, in what it says and in how it says it (tone, "
    "length, forms of address). Reply with one character only: A, B, or = if they are equally "
    "close.")


@dataclass(frozen=True)
class Comparison:
    """One judgement to ask for: ``first`` is shown as A, ``second`` as B."""

    pair_id: int
    first: int     # model id
    second: int


def plan(answers: Mapping[int, Mapping[int, str]], pair_ids: Sequence[int],
         seed: int) -> list[Comparison]:
    """Every pair of models on every question both answered, in a seeded random order."""
    rng = random.Random(seed)
    models = list(answers)
    out = []
    for pair_id in pair_ids:
        present = [m for m in models if answers[m].get(pair_id, "").strip()]
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                out.append(Comparison(pair_id, *((a, b) if rng.random() < 0.5 else (b, a))))
    return out


def messages(question: str, real: str, first: str, second: str) -> list[ChatMessage]:
    return [ChatMessage("system", _INSTRUCTIONS),
            ChatMessage("user", f"Question:\n{question}\n\nReal answer:\n{real}\n\n"
                                f"Answer A:\n{first}\n\nAnswer B:\n{second}\n\n"
                                "Closer to the real answer (A, B or =):")]


def parse_verdict(text: str) -> str | None:
    """'a', 'b', 'tie', or None for a reply that says none of them."""
    match = re.search(r"[AB=АВ]", (text or "").strip().upper())
    if match is None:
        return None
    return {"A": "a", "А": "a", "B": "b", "В": "b", "=": "tie"}[match.group(0)]


def scores(comparisons: Sequence[Comparison], verdicts: Sequence[str | None]
           ) -> dict[int, dict[int, float]]:
    """Model id -> pair id -> share of comparisons won (0..100)."""
    won: dict[tuple[int, int], float] = {}
    seen: dict[tuple[int, int], int] = {}
    for c, verdict in zip(comparisons, verdicts, strict=True):
        if verdict is None:
            continue
        for model, side in ((c.first, "a"), (c.second, "b")):
            key = (model, c.pair_id)
            seen[key] = seen.get(key, 0) + 1
            won[key] = won.get(key, 0.0) + (1.0 if verdict == side else
                                            0.5 if verdict == "tie" else 0.0)
    out: dict[int, dict[int, float]] = {}
    for (model, pair_id), n in seen.items():
        out.setdefault(model, {})[pair_id] = 100.0 * won[(model, pair_id)] / n
    return out


@dataclass
class JudgeCost:
    calls: int
    tokens: int   # estimated prompt and reply tokens in all

    def summary(self) -> str:
        return translate("Fidelity", "The judge will be asked {calls} times, about {tokens} "
                         "tokens in all, billed by its provider at its usual chat price.").format(
            calls=self.calls, tokens=self.tokens)


def judge_cost(questions: int, models: int, answer_tokens: int = 120,
               question_tokens: int = 40) -> JudgeCost:
    """What turning the judge on costs before any model has answered: one call per question
    for every two models, each reading the question, the real answer and two answers."""
    calls = questions * models * (models - 1) // 2
    per_call = estimate_tokens(_INSTRUCTIONS) + question_tokens + 3 * answer_tokens + 20
    return JudgeCost(calls, calls * (per_call + JUDGE_MAX_TOKENS))
