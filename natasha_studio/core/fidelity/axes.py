"""The axes one answer is scored on, each 0-100 and each explained in one plain sentence.

- style: how much the answer looks like one of the persona's (her ``StyleProfile``);
- meaning: how much it says what she really said (``core.meaning`` vectors);
- judge: how often a chat model found it closer to her real answer than the other models'
  (``judge``; off unless asked for);
- votes: the curator's blind A/B verdicts, where there are some (``core.chat.blind``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from natasha_studio.core.fidelity.profile import StyleProfile, TextFeatures, features
from natasha_studio.core.i18n import translate

AXES = ("style", "meaning", "judge", "votes")

# How the parts of the style axis weigh in it.
STYLE_PARTS = {"length": 0.2, "punctuation": 0.25, "address": 0.2, "words": 0.2, "edges": 0.15}

# A meaning of 100 is an answer whose vector is this much closer to its own real answer than
# to her other answers, as a share of the way to the real answer itself: good paraphrases
# reach it, answers on another subject stay near zero.
MEANING_FULL = 0.5
# The relatedness an answer has with answers to other questions, where none are to compare.
MEANING_BASELINE = 0.55


def explanation(axis: str) -> str:
    """One plain sentence saying what an axis measures."""
    texts = {
        "style": translate("Fidelity", "Style: how much the answer looks like hers: its "
                           "length, emoji and punctuation, ты or вы, her favourite words, how "
                           "she starts and ends."),
        "meaning": translate("Fidelity", "Meaning: how much the answer says what she really "
                             "answered, measured offline with word vectors."),
        "judge": translate("Fidelity", "Judge: how often a chat model found this answer closer "
                           "to her real one than the other models' answers."),
        "votes": translate("Fidelity", "Votes: how often you preferred this model in blind A/B "
                           "comparisons."),
        "score": translate("Fidelity", "Score: style and meaning (and the judge, when asked) "
                           "averaged over the questions, with the range it would likely fall "
                           "in on other questions."),
    }
    return texts[axis]


def axis_name(axis: str) -> str:
    names = {"style": translate("Fidelity", "Style"), "meaning": translate("Fidelity", "Meaning"),
             "judge": translate("Fidelity", "Judge"), "votes": translate("Fidelity", "Votes"),
             "score": translate("Fidelity", "Score")}
    return names[axis]


def _likeness(has: bool, share: float) -> float:
    """How typical having (or not having) a habit is of her, 0..1: the likelihood of the
    answer's choice divided by the likelihood of a typical answer of hers."""
    likely = share if has else 1.0 - share
    typical = share * share + (1.0 - share) * (1.0 - share)
    return min(1.0, likely / typical) if typical > 0 else 0.0


def _gauss(z: float) -> float:
    return math.exp(-0.5 * z * z)


def _edge_likeness(value: str, shares: dict[str, float]) -> float:
    if not shares:
        return 0.5
    typical = sum(p * p for p in shares.values())
    return min(1.0, shares.get(value, 0.0) / typical) if typical > 0 else 0.0


@dataclass
class StyleScore:
    score: float                 # 0..100
    parts: dict[str, float]      # each 0..100, see STYLE_PARTS


def style_score(profile: StyleProfile, answer: str | TextFeatures,
                real: str | TextFeatures | None = None) -> StyleScore:
    """Score how much ``answer`` looks like one of her answers (``real``, her answer to the
    same question, sets the expected length where given)."""
    f = answer if isinstance(answer, TextFeatures) else features(answer)
    r = real if isinstance(real, TextFeatures) or real is None else features(real)
    log_chars = math.log(max(f.chars, 1))
    if r is not None and r.chars:
        # Against her own answer to this question: twice as long keeps 0.6, three times 0.3.
        length = _gauss((log_chars - math.log(r.chars)) / math.log(2.0) / 1.0)
    else:
        length = _gauss((log_chars - profile.median_log_chars) / profile.spread_log_chars / 1.5)
    sentence = _gauss((math.log(max(f.sentence_words, 1.0)) - profile.median_log_sentence)
                      / profile.spread_log_sentence / 1.5)
    punctuation = [_likeness(f.habits[k], profile.habits.get(k, 0.5)) for k in f.habits]
    address = [_likeness(f.address[k], profile.address.get(k, 0.5)) for k in f.address]
    if profile.lexicon_share > 0:
        words = min(1.0, profile.lexicon_hits(f.tokens) / profile.lexicon_share)
    else:
        words = 0.5
    edges = 0.5 * (_edge_likeness(f.opening, profile.openings)
                   + _edge_likeness(f.closing, profile.closings))
    parts = {
        "length": 0.5 * (length + sentence),
        "punctuation": sum(punctuation) / len(punctuation),
        "address": sum(address) / len(address),
        "words": words,
        "edges": edges,
    }
    score = sum(STYLE_PARTS[k] * v for k, v in parts.items())
    return StyleScore(100.0 * score, {k: 100.0 * v for k, v in parts.items()})


def meaning_scores(answers: Sequence[str], reals: Sequence[str], meaning_model):
    """0..100 per answer: its agreement with its own real answer beyond its agreement with her
    answers to the other questions (nan where the words are unknown to the model).

    The baseline takes away what every answer of hers shares (her manner, common words), so an
    answer in her manner about another subject scores near zero.
    """
    import numpy as np  # not at import: the window starts without numpy

    n = len(answers)
    if n != len(reals):
        raise ValueError("meaning needs answers and real answers in pairs")
    if not n:
        return np.zeros(0)
    answer_vectors = meaning_model.vectors(list(answers))
    real_vectors = meaning_model.vectors(list(reals))
    known_a = answer_vectors.any(axis=1)
    known_r = real_vectors.any(axis=1)
    cosines = answer_vectors @ real_vectors.T        # n x n
    own = np.diag(cosines).astype(np.float64)
    others_known = known_r.copy()
    out = np.full(n, np.nan)
    for i in range(n):
        if not (known_a[i] and known_r[i]):
            continue
        mask = others_known.copy()
        mask[i] = False
        baseline = float(cosines[i, mask].mean()) if mask.any() else MEANING_BASELINE
        room = max(1.0 - baseline, 1e-6)
        out[i] = 100.0 * min(1.0, max(0.0, (own[i] - baseline) / (MEANING_FULL * room)))
    return out
