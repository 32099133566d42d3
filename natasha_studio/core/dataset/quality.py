"""A quality score for pairs (0..1) with reasons a curator can read.

The score starts at 1 and each problem takes its share off; the reasons are codes stored with
the pair (``quality_reasons``) and shown through :func:`reason_label`.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from natasha_studio.core.i18n import translate

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


def _looks_like_ad(text: str) -> bool:
    return any(w.startswith(_AD_PREFIXES) for w in _WORD.findall(text[:2000].lower()))


def reason_label(code: str) -> str:
    """The reason in plain words, in the current language."""
    labels = {
        "media_only": translate("Quality", "photo, voice or file without text"),
        "emoji_only": translate("Quality", "only emoji"),
        "greeting_only": translate("Quality", "only thanks or a greeting"),
        "link_only": translate("Quality", "only a link"),
        "advertising": translate("Quality", "looks like advertising"),
        "too_short": translate("Quality", "answer too short"),
        "question_too_short": translate("Quality", "question too short"),
        "too_long": translate("Quality", "answer very long"),
        "language_mismatch": translate("Quality", "question and answer in different languages"),
        "duplicate": translate("Quality", "the same question appears earlier"),
        "near_duplicate": translate("Quality", "a very similar question appears earlier"),
        "low_confidence": translate("Quality", "found by timing, not by a reply"),
    }
    return labels.get(code, code)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def is_emoji_only(text: str) -> bool:
    stripped = "".join(text.split())
    return bool(stripped) and not any(ch.isalnum() for ch in stripped) and any(
        unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf") or ord(ch) > 0x2000 for ch in stripped)


def is_link_only(text: str) -> bool:
    return bool(_URL.search(text)) and not _letters(_URL.sub("", text))


def is_greeting_only(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return is_emoji_only(text)
    return all(w in _GREETING_WORDS for w in words)


_CYRILLIC = re.compile(r"[а-яё]", re.I)
_LATIN = re.compile(r"[a-z]", re.I)


def script(text: str) -> str | None:
    """``cyrillic``, ``latin`` or None (too few letters to tell)."""
    sample = _URL.sub("", text[:1500])  # links are Latin whatever the language
    cyr, lat = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
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
    reasons: list[str] = []
    q, a = question.strip(), answer.strip()
    if answer_media_only or question_media_only or (not q and not a):
        reasons.append("media_only")
    elif is_emoji_only(a):
        reasons.append("emoji_only")
    elif is_greeting_only(a):
        reasons.append("greeting_only")
    elif is_link_only(a):
        reasons.append("link_only")
    elif len(a) < MIN_ANSWER_CHARS:
        reasons.append("too_short")
    if len(a) > MAX_ANSWER_CHARS:
        reasons.append("too_long")
    if q and not question_media_only and len(q) < MIN_QUESTION_CHARS:
        reasons.append("question_too_short")
    if _looks_like_ad(a) or (_URL.search(q) and _looks_like_ad(q)):
        reasons.append("advertising")
    sq, sa = script(q), script(a)
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
    return " ".join(w.lower() for w in _WORD.findall(text))


_FAMILIES = [(0x9E3779B1 + 2 * i + 1, 0x7F4A7C15 * (i + 1)) for i in range(4)]


class DuplicateFinder:
    """Finds questions seen before: exact (after normalising) or near (MinHash LSH + rapidfuzz).

    Streaming: memory holds one small signature per distinct question, so it scales to the
    hundreds of thousands of pairs of a big community.
    """

    BANDS = 2
    ROWS = 2
    THRESHOLD = 88.0

    def __init__(self) -> None:
        self._exact: set[str] = set()
        self._bands: dict[tuple[int, int, int], str] = {}

    def check(self, question: str) -> str | None:
        """``duplicate``, ``near_duplicate`` or None; remembers the question."""
        norm = normalise(question)
        if len(norm) < 8:
            return None  # "спасибо" twice is not a duplicate question
        if norm in self._exact:
            return "duplicate"
        self._exact.add(norm)
        words = norm.split()[:60]
        if len(set(words)) < 3:
            return None
        # MinHash over words and word pairs, with cheap affine hash families.
        hashes = {hash(w) for w in words} | {hash((a, b)) for a, b in zip(words, words[1:], strict=False)}
        mins = [min(((h * mult + add) & 0xFFFFFFFFFFFF) for h in hashes) for mult, add in _FAMILIES]
        found = None
        for band in range(self.BANDS):
            key = (band, *mins[band * self.ROWS:(band + 1) * self.ROWS])
            other = self._bands.get(key)
            if other is None:
                self._bands[key] = norm
            elif found is None and fuzz.ratio(norm, other) >= self.THRESHOLD:
                found = "near_duplicate"
        return found
