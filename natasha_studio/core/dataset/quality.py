"""A quality score for pairs (0..1) with reasons a curator can read.

The score starts at 1 and each problem takes its share off; the reasons are codes stored with
the pair (``quality_reasons``) and shown in plain words by ``curation.reasons.reason_text``. ``quality_model``
combines these form checks with what the texts say into the score extraction stores.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np
from rapidfuzz import fuzz

PENALTIES: dict[str, float] = {
    "media_only": 0.7,
    "emoji_only": 0.6,
    "greeting_only": 0.6,
    "link_only": 0.5,
    "advertising": 0.5,
    "too_short": 0.4,
    "duplicate": 0.35,
    "question_too_short": 0.2,
    "language_mismatch": 0.3,
    "too_long": 0.3,
    "near_duplicate": 0.2,
    "low_confidence": 0.1,
}

MIN_ANSWER_CHARS = 15
MIN_QUESTION_CHARS = 5
MAX_ANSWER_CHARS = 4000

_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.I)
_WORD = re.compile(r"[^\W\d_]+", re.U)
_GREETING_WORDS = frozenset(
    "спасибо спасибочки спс благодарю благодарим огромное большое огромнейшее пожалуйста "
    "привет приветствую здравствуйте здравствуй добрый доброе доброго день утро вечер ночи "
    "очень всем вам тебе рада рад ок окей хорошо ага да нет понятно поняла понял супер класс "
    "thanks thank you hi hello ok okay yes no great".split())
# Word beginnings typical of advertising (matched on lower-case words: far cheaper than one
# case-insensitive regex with many alternatives over long texts).
_AD_PREFIXES = ("скидк", "промокод", "акция", "акции", "купить", "купи", "закажи", "заказать",
                "переходи", "подписывайся", "реклам", "заработок", "заработка", "казино", "крипт",
                "casino", "sale", "discount", "promo")


def _looks_like_ad(text: str, lowered: str | None = None) -> bool:
    lowered = (text[:2000].lower() if lowered is None else lowered[:2000])
    # Substring tests (C speed) rule out nearly every text before any word is split out.
    if not any(prefix in lowered for prefix in _AD_PREFIXES):
        return False
    # One such word among others is talk about prices ("instead of a discount, offer..."):
    # advertising opens with it, repeats such words, or comes with a link.
    words = _WORD.findall(lowered)
    found = {w for w in words if w.startswith(_AD_PREFIXES)}
    return bool(found) and (words[0] in found or len(found) >= 2 or _may_hold_url(lowered, lowered))


def _may_hold_url(text: str, lowered: str) -> bool:
    """False when ``_URL`` cannot match (cheap substring tests before the regex)."""
    return "://" in text or "www." in lowered or "t.me/" in lowered


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


# A letter or digit: exactly what str.isalnum() accepts (\w without the underscore).
_ALNUM = re.compile(r"[^\W_]")


def is_emoji_only(text: str) -> bool:
    if _ALNUM.search(text):
        return False  # nearly every answer, found at its first character
    stripped = "".join(text.split())
    return bool(stripped) and not any(ch.isalnum() for ch in stripped) and any(
        unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf") or ord(ch) > 0x2000 for ch in stripped)


def is_link_only(text: str) -> bool:
    return bool(_URL.search(text)) and not _letters(_URL.sub("", text))


def is_greeting_only(text: str) -> bool:
    # Word by word, stopping at the first word that is not a greeting (most answers' first).
    found = False
    for match in _WORD.finditer(text):
        if match.group().lower() not in _GREETING_WORDS:
            return False
        found = True
    return found or is_emoji_only(text)


# Letters are counted on the UTF-8 bytes, by deleting every other byte (C speed; a regex match
# per letter cost more than every other check together): each character of the Cyrillic block
# U+0400-U+04FF starts with one of the bytes D0-D3, which begin no other character, and an
# ASCII letter is its own byte.
_NOT_CYRILLIC_LEAD = bytes(b for b in range(256) if not 0xD0 <= b <= 0xD3)
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


def letter_counts(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters) in ``text``: characters of the Cyrillic block
    (Russian, Ukrainian, Serbian... letters, U+0400-U+04FF) and ASCII letters."""
    data = text.encode("utf-8", "surrogatepass")
    return (len(data.translate(None, _NOT_CYRILLIC_LEAD)),
            len(data.translate(None, _NOT_ASCII_LETTER)))


def script(text: str, lowered: str | None = None) -> str | None:
    """``cyrillic``, ``latin`` or None (too few letters to tell); ``lowered``: text.lower()."""
    sample = text[:1500]
    if _may_hold_url(sample, sample.lower() if lowered is None else lowered[:1500]):
        sample = _URL.sub("", sample)  # links are Latin whatever the language
    cyr, lat = letter_counts(sample)
    if cyr + lat < 12:
        return None
    if cyr >= 0.7 * (cyr + lat):
        return "cyrillic"
    if lat >= 0.7 * (cyr + lat):
        return "latin"
    return None


def assess(question: str, answer: str, *, question_media_only: bool = False,
           answer_media_only: bool = False, confidence: float = 1.0) -> tuple[float, list[str]]:
    """Score one pair's question and answer; returns (score, reason codes)."""
    q, a = question.strip(), answer.strip()
    return assess_stripped(q, a, q.lower(), a.lower(), question_media_only=question_media_only,
                           answer_media_only=answer_media_only, confidence=confidence)


def assess_stripped(q: str, a: str, q_lower: str, a_lower: str, *,
                    question_media_only: bool = False, answer_media_only: bool = False,
                    confidence: float = 1.0) -> tuple[float, list[str]]:
    """:func:`assess` of a question and answer already stripped, with their lower-case forms
    (which the scorer lower-cases once for every check and topic tagging)."""
    reasons: list[str] = []
    a_url = _may_hold_url(a, a_lower)
    if answer_media_only or question_media_only or (not q and not a):
        reasons.append("media_only")
    elif is_emoji_only(a):
        reasons.append("emoji_only")
    elif is_greeting_only(a):
        reasons.append("greeting_only")
    elif a_url and is_link_only(a):
        reasons.append("link_only")
    elif len(a) < MIN_ANSWER_CHARS:
        reasons.append("too_short")
    if len(a) > MAX_ANSWER_CHARS:
        reasons.append("too_long")
    if q and not question_media_only and len(q) < MIN_QUESTION_CHARS:
        reasons.append("question_too_short")
    if _looks_like_ad(a, a_lower) or (_may_hold_url(q, q_lower) and _URL.search(q)
                                      and _looks_like_ad(q, q_lower)):
        reasons.append("advertising")
    sq, sa = script(q, q_lower), script(a, a_lower)
    if sq and sa and sq != sa:
        reasons.append("language_mismatch")
    if confidence < 0.6:
        reasons.append("low_confidence")
    return _score(reasons), reasons


def _score(reasons: list[str]) -> float:
    score = 1.0
    for code in reasons:
        score -= PENALTIES.get(code, 0.1)
    return round(max(0.0, min(1.0, score)), 3)


def add_reason(score_reasons: tuple[float, list[str]], code: str) -> tuple[float, list[str]]:
    reasons = [*score_reasons[1], code]
    return _score(reasons), reasons


def normalise(text: str) -> str:
    """The text's words, lower-case, one space apart."""
    return " ".join(_WORD.findall(text.lower()))


_FAMILIES = [(0x9E3779B1 + 2 * i + 1, 0x7F4A7C15 * (i + 1)) for i in range(4)]
_MASK = 0xFFFFFFFFFFFF


class DuplicateFinder:
    """Finds questions seen before: exact (after normalising) or near (MinHash LSH + rapidfuzz).

    Streaming: memory holds a hash per distinct question (exact duplicates are found among
    all of them) and, per LSH band, the first question that fell in each bucket, to confirm a
    near match with rapidfuzz. Near matches are looked for among the latest ``WINDOW``
    questions: keeping every question's text would grow with the chat (a million-message chat
    has some 300,000 questions), and a question asked again is most often asked again soon.
    Signatures of a batch are computed together with numpy from stable word hashes (CRC-32,
    mixed), so the same questions get the same verdicts on every run; the buckets are then
    checked in order, so a batch gives exactly what checking its questions one by one gives.
    """

    BANDS = 2
    ROWS = 2
    THRESHOLD = 88.0
    WINDOW = 50_000

    def __init__(self) -> None:
        self._exact: set[int] = set()
        # Per band: bucket -> number of the first question in it; its text while in the window.
        self._bands: list[dict[int, int]] = [{} for _ in range(self.BANDS)]
        self._texts: dict[int, str] = {}
        self._count = 0  # questions given a number so far

    def check(self, question: str) -> str | None:
        """``duplicate``, ``near_duplicate`` or None; remembers the question."""
        return self.check_many([question])[0]

    def check_many(self, questions: list[str]) -> list[str | None]:
        """:meth:`check` of each question in turn."""
        results: list[str | None] = [None] * len(questions)
        norms: list[tuple[int, str]] = []
        offsets: list[int] = []
        crcs: list[int] = []
        exact = self._exact
        for index, question in enumerate(questions):
            norm = normalise(question)
            if len(norm) < 8:
                continue  # "спасибо" twice is not a duplicate question
            key = hash(norm)
            if key in exact:
                results[index] = "duplicate"
                continue
            exact.add(key)
            words = norm.encode().split()[:60]
            if len(set(words)) < 3:
                continue
            norms.append((index, norm))
            offsets.append(len(crcs))
            crcs.extend(map(zlib.crc32, words))
        if not norms:
            return results
        mins = min_hashes(crcs, offsets)
        texts = self._texts
        for (index, norm), row in zip(norms, mins.tolist(), strict=True):
            number = self._count
            self._count += 1
            texts[number] = norm
            texts.pop(number - self.WINDOW, None)
            if number % self.WINDOW == 0:
                self._forget_buckets_before(number - self.WINDOW)
            for band, buckets in enumerate(self._bands):
                key = hash(tuple(row[band * self.ROWS:(band + 1) * self.ROWS]))
                other = texts.get(buckets.get(key, -1))
                if other is None:  # an empty bucket, or its question has left the window
                    buckets[key] = number
                elif results[index] is None and fuzz.ratio(norm, other) >= self.THRESHOLD:
                    results[index] = "near_duplicate"
        return results

    def _forget_buckets_before(self, number: int) -> None:
        """Drop buckets whose question has left the window (they count as empty anyway)."""
        if number > 0:
            self._bands = [{key: n for key, n in buckets.items() if n >= number}
                           for buckets in self._bands]


_U64 = np.uint64


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads CRC-32 values over 64 bits (uint64 wraps, as meant)."""
    z = (z ^ (z >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> _U64(27))) * _U64(0x94D049BB133111EB)
    return z ^ (z >> _U64(31))


def min_hashes(crcs: list[int], offsets: list[int]) -> np.ndarray:
    """MinHash signatures (one row per question, one column per hash family) over the words
    and word pairs of each question; question i's word CRCs start at ``offsets[i]``."""
    words = _mix(np.array(crcs, dtype=np.uint64))
    starts = np.array(offsets, dtype=np.intp)
    # pairs[i] joins word i and word i + 1; padded to line up with the words' segments.
    pairs = np.append(_mix((words[:-1] * _U64(0x9E3779B97F4A7C15)) ^ words[1:]), _U64(0))
    # The pair across two questions' boundary (and the padding) belongs to neither question.
    outside = np.append(starts[1:] - 1, len(words) - 1)
    out = np.empty((len(offsets), len(_FAMILIES)), dtype=np.uint64)
    for column, (mult, add) in enumerate(_FAMILIES):
        on_words = (words * _U64(mult) + _U64(add)) & _U64(_MASK)
        on_pairs = (pairs * _U64(mult) + _U64(add)) & _U64(_MASK)
        on_pairs[outside] = _MASK + 1  # above every masked value: never the minimum
        out[:, column] = np.minimum(np.minimum.reduceat(on_words, starts),
                                    np.minimum.reduceat(on_pairs, starts))
    return out
