"""From the scores of single answers to one score per model, with a confidence interval.

An answer's overall score is the weighted mean of the axes it has (style and meaning, and the
judge when asked). A model's score is the mean over its questions; the interval is a seeded
percentile bootstrap over the questions (resampled with replacement), so it says how much the
score could move on another set of questions of the same kind.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

WEIGHTS = {"style": 0.5, "meaning": 0.5, "judge": 0.5}
BOOTSTRAP_SAMPLES = 2000
CONFIDENCE = 0.95
SEED = 20261207


@dataclass
class AnswerScore:
    """One model's answer to one question, scored."""

    pair_id: int
    style: float | None = None
    meaning: float | None = None
    judge: float | None = None
    parts: dict[str, float] = field(default_factory=dict)   # the style axis's parts

    @property
    def overall(self) -> float | None:
        return overall({"style": self.style, "meaning": self.meaning, "judge": self.judge})


def _present(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def overall(axes: Mapping[str, float | None], weights: Mapping[str, float] = WEIGHTS) -> float | None:
    """The weighted mean of the axes present (None if none is)."""
    total = weight = 0.0
    for axis, w in weights.items():
        value = axes.get(axis)
        if _present(value):
            total += w * float(value)
            weight += w
    return total / weight if weight else None


@dataclass
class ModelResult:
    """A model's report line."""

    model_id: int
    name: str
    score: float | None
    low: float | None
    high: float | None
    style: float | None
    meaning: float | None
    judge: float | None
    n: int                     # questions scored
    errors: int = 0            # questions the model failed to answer

    def to_json(self) -> dict[str, object]:
        """The line as the command line's ``--json`` prints it."""
        def rounded(v: float | None) -> float | None:
            return None if v is None else round(v, 1)
        return {"model": self.name, "score": rounded(self.score), "low": rounded(self.low),
                "high": rounded(self.high), "style": rounded(self.style),
                "meaning": rounded(self.meaning), "judge": rounded(self.judge), "n": self.n}


def _mean(values: Sequence[float | None]) -> float | None:
    kept = [float(v) for v in values if _present(v)]
    return sum(kept) / len(kept) if kept else None


def bootstrap_interval(values: Sequence[float], *, samples: int = BOOTSTRAP_SAMPLES,
                       confidence: float = CONFIDENCE, seed: int = SEED) -> tuple[float, float]:
    """The percentile bootstrap interval of the mean of ``values`` (seeded: the same values
    always give the same interval)."""
    import numpy as np  # not at import: the window starts without numpy

    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return math.nan, math.nan
    if data.size == 1:
        return float(data[0]), float(data[0])
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, data.size, size=(samples, data.size))
    means = data[picks].mean(axis=1)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return float(low), float(high)


def model_result(model_id: int, name: str, answers: Sequence[AnswerScore],
                 errors: int = 0, *, seed: int = SEED) -> ModelResult:
    """Sum up one model's scored answers."""
    overalls = [a.overall for a in answers]
    kept = [v for v in overalls if v is not None]
    score = sum(kept) / len(kept) if kept else None
    low, high = bootstrap_interval(kept, seed=seed) if kept else (None, None)
    return ModelResult(model_id, name, score, low, high,
                       _mean([a.style for a in answers]), _mean([a.meaning for a in answers]),
                       _mean([a.judge for a in answers]), len(kept), errors)
