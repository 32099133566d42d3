"""One score per pair: how likely it is a real question and its answer (0..1), with reasons.

The score is a logistic regression over the signals of ``quality_signals`` (the likelihood
that a curator keeps the pair), times a factor for each form problem that the signals do not
weigh (a duplicate, advertising, media without text...). The default weights were fitted on
hand-labelled pairs (``quality_weights.py``, written by ``scripts/fit_quality_weights.py``); a project whose curator has approved and rejected enough pairs gets weights fitted on
those decisions (``quality_learning``).

Every point taken off has a reason: the signals are grouped (the member did not ask, the
answer is a thank-you...), each group's share of the score's log-odds is measured against a
typical real pair, and the groups that take off more than ``REASON_LOGIT`` are named.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from natasha_studio.core.dataset.quality_signals import INDEX, NAMES

# Known words of the question's and the answer's beginnings the meaning model looks at.
RELATED_WORDS = 12
RELATED_VOCABULARY = 100_000
# Log-odds added to the most relatedness can move a score, within which (from 0.5) a pair's
# relatedness is looked at (see prepare()).
RELATED_MARGIN = 0.05
WEIGHTS_FILE = Path(__file__).with_name("quality_weights.py")

# Form problems outside the regression: each multiplies the score.
FACTORS: dict[str, float] = {
    "media_only": 0.25,
    "advertising": 0.4,
    "duplicate": 0.65,
    "language_mismatch": 0.6,
    "too_long": 0.75,
    "near_duplicate": 0.8,
    "low_confidence": 0.85,
}
# Pairs found by timing rather than by a reply: fewer of them are a question and its answer.
IMPLICIT_LOGIT = -0.4

# Signal groups and the reason each names when it takes the score down.
GROUPS: dict[str, tuple[str, ...]] = {
    "no_question": ("asks_mark", "asks_word", "asks_request", "asks_nothing", "question_words"),
    "question_social": ("question_social", "question_link"),
    "answer_social": ("answer_social",),
    "answer_deferred": ("answer_defers", "answer_asks"),
    "moderation": ("answer_moderates",),
    "off_topic": ("related", "related_unknown"),
    "uninformative": ("answer_words", "answer_explains", "answer_numbers"),
    "emoji_only": ("emoji_only",),
    "greeting_only": ("greeting_only",),
    "link_only": ("link_only", "link_for_request"),
    "too_short": ("too_short", "yes_no"),
    "question_too_short": ("question_too_short",),
}
NAMED_BELOW = 0.85  # content reasons are named for scores below this
REASON_LOGIT = 0.6  # log-odds a group must take off to be named (the odds nearly halved)
# Named by the form checks already: the content reason would say the same again.
_SAME_AS = {"answer_social": "greeting_only", "uninformative": "too_short"}


@dataclass(frozen=True)
class Weights:
    """A fitted regression: intercept, one coefficient per signal, the signals' means and
    spreads it was fitted on (signals are standardised), and each signal's value on a
    typical real pair (the reference reasons are measured from)."""

    intercept: float
    coef: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    reference: np.ndarray
    source: str = "default"   # default | project
    decisions: int = 0        # curator decisions fitted on (project weights)

    def to_json(self) -> dict:
        return {"names": list(NAMES), "intercept": self.intercept,
                "coef": [round(float(v), 6) for v in self.coef],
                "mean": [round(float(v), 6) for v in self.mean],
                "scale": [round(float(v), 6) for v in self.scale],
                "reference": [round(float(v), 6) for v in self.reference],
                "source": self.source, "decisions": self.decisions}

    @classmethod
    def from_json(cls, data: dict) -> Weights:
        names = data["names"]
        # Signals added since the weights were fitted weigh nothing.
        def column(key: str, default: float) -> np.ndarray:
            values = dict(zip(names, data[key], strict=True))
            return np.array([values.get(n, default) for n in NAMES], np.float64)
        return cls(float(data["intercept"]), column("coef", 0.0), column("mean", 0.0),
                   column("scale", 1.0), column("reference", 0.0),
                   data.get("source", "default"), int(data.get("decisions", 0)))

    @property
    def raw_coef(self) -> np.ndarray:
        """Coefficients on unstandardised signals."""
        return self.coef / self.scale

    @property
    def raw_intercept(self) -> float:
        return float(self.intercept - (self.coef * self.mean / self.scale).sum())


_default: Weights | None = None


def default_weights() -> Weights:
    global _default
    if _default is None:
        from natasha_studio.core.dataset.quality_weights import WEIGHTS

        _default = Weights.from_json(WEIGHTS)
    return _default


_RELATED, _RELATED_UNKNOWN = INDEX["related"], INDEX["related_unknown"]
_ASKS = [INDEX["asks_mark"], INDEX["asks_word"], INDEX["asks_request"]]
_GROUP_COLUMNS = [(code, [INDEX[n] for n in names]) for code, names in GROUPS.items()]


def _logits(rows: np.ndarray, implicit: Sequence[bool], w: Weights) -> np.ndarray:
    return rows @ w.raw_coef + w.raw_intercept + np.asarray(implicit, np.float64) * IMPLICIT_LOGIT


def score_rows(rows: np.ndarray, forms: Sequence[list[str]], implicit: Sequence[bool],
               weights: Weights | None = None) -> list[tuple[float, list[str]]]:
    """Score and reasons of each pair: its signals (a row of ``rows``), its form reason codes
    and whether it was paired by timing."""
    w = weights or default_weights()
    contributions = (rows - w.reference) * w.raw_coef    # per signal, against a real pair
    logits = _logits(rows, implicit, w)
    group_sums = np.stack([contributions[:, cols].sum(axis=1) for _c, cols in _GROUP_COLUMNS],
                          axis=1) if len(rows) else np.zeros((0, len(_GROUP_COLUMNS)))
    out: list[tuple[float, list[str]]] = []
    asked = rows[:, _ASKS].any(axis=1).tolist()
    unknown = rows[:, INDEX["related_unknown"]].tolist()
    for i, (logit, form, sums) in enumerate(zip(logits.tolist(), forms, group_sums.tolist(),
                                                strict=True)):
        score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
        reasons = [code for code in form if code in FACTORS or code in GROUPS]
        for code in form:
            factor = FACTORS.get(code)
            if factor is not None:
                score *= factor
        # A pair scoring near the top has lost too little to name; "did not ask" is named
        # only when no sign of a question is there at all, "off topic" only when the meaning
        # model knows the words.
        named = sorted((s, code) for (code, _cols), s in zip(_GROUP_COLUMNS, sums, strict=True)
                       if s < -REASON_LOGIT and score < NAMED_BELOW
                       and (code != "no_question" or not asked[i])
                       and (code != "off_topic" or not unknown[i]))
        for _s, code in named:
            if code not in reasons and _SAME_AS.get(code) not in form:
                reasons.append(code)
        out.append((round(score, 3), reasons))
    return out


def with_duplicate(score: float, reasons: list[str], dup: str | None) -> tuple[float, list[str]]:
    """A score with the duplicate check's verdict added (``duplicate``, ``near_duplicate``)."""
    if not dup:
        return score, reasons
    return round(score * FACTORS[dup], 3), [*reasons, dup]


def related_reach(w: Weights) -> float:
    """The most log-odds a pair's relatedness (a cosine, -1..1, or unknown) can move its
    score from where a typical relatedness puts it, plus ``RELATED_MARGIN``."""
    coef, unknown = w.raw_coef[_RELATED], w.raw_coef[_RELATED_UNKNOWN]
    typical = w.reference[_RELATED]
    shifts = (coef * (1.0 - typical), coef * (-1.0 - typical), unknown - coef * typical)
    return float(max(abs(s) for s in shifts)) + RELATED_MARGIN


@dataclass
class Prepared:
    """Pairs with their signals computed, all but relatedness (see :func:`prepare`)."""

    rows: np.ndarray          # signals; the relatedness columns filled in by finish()
    forms: list[list[str]]    # form reason codes
    implicit: list[bool]      # paired by timing
    to_relate: list[int]      # pairs whose relatedness may change their verdict


def prepare(pairs: Sequence[tuple[str, str, bool, bool, float]],
            weights: Weights | None = None) -> Prepared:
    """The form checks and signals of pairs given as (question, answer, question media only,
    answer media only, pairing confidence), and which of them need the meaning model: those
    whose score, taken with a typical relatedness, is within reach of 0.5 for the most the
    relatedness can move it (see :func:`related_reach`; the others are on the same side of
    0.5 whatever the relatedness, and skipping them saves three quarters of its cost on a
    big chat)."""
    from natasha_studio.core.dataset.quality import assess_stripped
    from natasha_studio.core.dataset.quality_signals import signals

    w = weights or default_weights()
    rows: list[list[float]] = []
    forms: list[list[str]] = []
    implicit: list[bool] = []
    typical = float(w.reference[_RELATED])
    for question, answer, q_media, a_media, confidence in pairs:
        q, a = question.strip(), answer.strip()
        q_lower, a_lower = q.lower(), a.lower()
        form = assess_stripped(q, a, q_lower, a_lower, question_media_only=q_media,
                               answer_media_only=a_media, confidence=confidence)[1]
        rows.append(signals(q, a, q_lower, a_lower, form, typical))
        forms.append(form)
        implicit.append(confidence < 1.0)
    array = np.array(rows, np.float64).reshape(len(rows), len(NAMES))
    logits = _logits(array, implicit, w)
    to_relate = np.flatnonzero(np.abs(logits) < related_reach(w)).tolist()
    return Prepared(array, forms, implicit, to_relate)


def finish(prepared: Prepared, related: Sequence[float],
           weights: Weights | None = None) -> list[tuple[float, list[str]]]:
    """Scores and reasons, given the relatedness of the pairs ``prepared.to_relate`` names
    (in that order; nan: unknown)."""
    rows = prepared.rows
    for i, value in zip(prepared.to_relate, related, strict=True):
        unknown = math.isnan(value)
        rows[i, _RELATED] = 0.0 if unknown else value
        rows[i, _RELATED_UNKNOWN] = 1.0 if unknown else 0.0
    return score_rows(rows, prepared.forms, prepared.implicit, weights)


def score_pairs(pairs: Sequence[tuple[str, str, bool, bool, float]],
                weights: Weights | None = None) -> list[tuple[float, list[str]]]:
    """Score and reasons of pairs (see :func:`prepare`), all in this process."""
    prepared = prepare(pairs, weights)
    related = relatedness([pairs[i][0] for i in prepared.to_relate],
                          [pairs[i][1] for i in prepared.to_relate])
    return finish(prepared, related.tolist(), weights)


def pair_rows(pairs: Sequence[tuple[str, str, str, str, list[str]]]) -> np.ndarray:
    """The signals of every pair, relatedness included (for fitting): pairs as (question,
    answer, their lower-case forms, form reason codes), stripped."""
    from natasha_studio.core.dataset.quality_signals import signals

    related = relatedness([p[0] for p in pairs], [p[1] for p in pairs])
    rows = np.array([signals(q, a, ql, al, form, r)
                     for (q, a, ql, al, form), r in zip(pairs, related, strict=True)],
                    np.float64)
    return rows.reshape(len(pairs), len(NAMES))


_meaning = None
_meaning_lock = threading.Lock()


def forget_meaning() -> None:
    """Let the meaning model go (it is loaded again when next needed)."""
    global _meaning
    with _meaning_lock:
        _meaning = None


def relatedness(questions: Sequence[str], answers: Sequence[str]) -> np.ndarray:
    """The meaning model's relatedness of each question and answer (nan: unknown). The model
    keeps the ``RELATED_VOCABULARY`` most frequent words: half the memory of the whole
    vocabulary, in the scoring helper of a big import that has little to spare."""
    global _meaning
    from natasha_studio.core.meaning import MeaningModel

    if not questions:
        return np.zeros(0, np.float32)
    with _meaning_lock:
        if _meaning is None:
            _meaning = MeaningModel(vocabulary=RELATED_VOCABULARY, dimensions=64)
    return _meaning.relatedness(questions, answers, max_words=RELATED_WORDS)
