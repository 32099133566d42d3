"""The persona's style profile: measurable habits of her answers, learned from approved pairs.

A text's features are counted the same way for the persona's answers and a model's: length
and sentence length, emoji and punctuation habits, forms of address (ты or вы, "Вы" with a
capital, words like «дорогая»), words and phrases, the way an answer opens and closes. The
profile keeps, for each habit, how often her answers have it, and for lengths their typical
value and spread; ``lexicon`` holds the words and two-word phrases she uses far more often
than the members who ask her (her "characteristic words"), each with its weight.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

_WORD = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]+|\n+")
_LIST_LINE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–—])\s+\S", re.MULTILINE)
_SMILEY = re.compile(r"(?::-?\)|;-?\)|\){2,}|:D|\(\()")
_ELLIPSIS = re.compile(r"\.\.\.|…")

TY = frozenset("ты тебя тебе тобой тобою твой твоя твоё твое твои твоего твоей твоему твоим "
               "твоих твоими твою".split())
VY = frozenset("вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим ваших вашими "
               "вашу".split())
ENDEARMENTS = frozenset(
    "дорогая дорогой дорогие дорогуша милая милый милые родная родной родные солнце солнышко "
    "зайка зайчик котик девочки девчонки мамочки ребята друзья друг подруга братан брат "
    "коллеги красавица умница голубушка душа".split())
# Words too common to tell anyone's style apart.
STOPWORDS = frozenset(
    "и в во не на что с со это я а как то но по все всё так он она они мы к ко у же из за от "
    "для бы ли да нет или его ее её их мне меня мой моя мое моё мои о об если есть был была "
    "было были быть тоже еще ещё уже только вот там тут когда чтобы чем при до без под над "
    "через где кто этот эта эти этого этой этом том тем той себя себе сам сама очень можно "
    "нужно надо может будет просто ну раз два".split())

LEXICON_SIZE = 40       # characteristic words kept
PHRASES_SIZE = 15       # characteristic two-word phrases kept
TOP_EDGES = 12          # openings and closings kept


def is_emoji(ch: str) -> bool:
    """A pictograph (😊, 🙏, ✨, ❤): symbols of the "other" category outside plain text."""
    code = ord(ch)
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF:
        return True
    return unicodedata.category(ch) == "So" and code > 0x2000


def words_of(text: str) -> list[str]:
    """Lower-case words, ё written as е."""
    return [w.lower().replace("ё", "е") for w in _WORD.findall(text)]


def tokens_of(text: str) -> list[str]:
    """Words and emoji, in order (emoji count as words of a persona's vocabulary)."""
    out: list[str] = []
    for match in re.finditer(r"[а-яёa-z]+(?:-[а-яёa-z]+)?|\S", text, re.IGNORECASE):
        token = match.group(0)
        if token[0].isalpha():
            out.append(token.lower().replace("ё", "е"))
        elif is_emoji(token):
            out.append(token)
    return out


def sentences_of(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]


@dataclass
class TextFeatures:
    """What the style axis measures in one text."""

    chars: int
    sentence_words: float
    habits: dict[str, bool]       # punctuation and emoji habits
    address: dict[str, bool]      # forms of address
    opening: str
    closing: str
    tokens: list[str]


def _edge(tokens: list[str], text: str, last: bool) -> str:
    """The first or last word (or emoji) of a text; the closing falls back to its final mark."""
    if not tokens:
        return ""
    if not last:
        return tokens[0]
    last_token = tokens[-1]
    if len(last_token) == 1 and is_emoji(last_token):
        return last_token
    stripped = text.rstrip()
    if stripped and not stripped[-1].isalnum():
        return f"{last_token}{stripped[-1]}"   # "удачи." and "удачи!" end differently
    return last_token


def features(text: str) -> TextFeatures:
    """Count the style features of ``text``."""
    text = text or ""
    stripped = text.strip()
    tokens = tokens_of(stripped)
    words = [t for t in tokens if t[0].isalpha()]
    sentences = sentences_of(stripped)
    sentence_words = (len(words) / len(sentences)) if sentences else float(len(words))
    raw_words = _WORD.findall(stripped)
    capital_vy = any(w in ("Вы", "Вас", "Вам", "Вами", "Ваш", "Ваша", "Ваше", "Ваши", "Вашего",
                           "Вашей", "Вашему", "Вашим", "Ваших", "Вашу")
                     for i, w in enumerate(raw_words) if i > 0)
    first_letter = next((ch for ch in stripped if ch.isalpha()), "")
    habits = {
        "emoji": any(is_emoji(ch) for ch in stripped),
        "exclamation": "!" in stripped,
        "question": "?" in stripped,
        "ellipsis": bool(_ELLIPSIS.search(stripped)),
        "dash": "—" in stripped or " - " in stripped or " – " in stripped,
        "list": len(_LIST_LINE.findall(stripped)) >= 2,
        "smiley": bool(_SMILEY.search(stripped)),
        "lowercase_start": bool(first_letter) and first_letter.islower(),
        "several_paragraphs": "\n\n" in stripped,
    }
    address = {
        "ty": any(w in TY for w in words),
        "vy": any(w in VY for w in words),
        "capital_vy": capital_vy,
        "endearment": any(w in ENDEARMENTS for w in words),
    }
    return TextFeatures(len(stripped), sentence_words, habits, address,
                        _edge(tokens, stripped, last=False), _edge(tokens, stripped, last=True),
                        tokens)


@dataclass
class StyleProfile:
    """The persona's habits (see the module's docstring)."""

    answers: int = 0
    median_log_chars: float = 0.0
    spread_log_chars: float = 1.0
    median_log_sentence: float = 0.0
    spread_log_sentence: float = 0.5
    habits: dict[str, float] = field(default_factory=dict)    # share of answers with each
    address: dict[str, float] = field(default_factory=dict)
    openings: dict[str, float] = field(default_factory=dict)  # share of answers opening so
    closings: dict[str, float] = field(default_factory=dict)
    lexicon: dict[str, float] = field(default_factory=dict)   # word or phrase -> weight
    lexicon_share: float = 0.0   # mean weighted share of lexicon tokens in her answers
    endearments: list[str] = field(default_factory=list)      # the ones she uses

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StyleProfile:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})

    def lexicon_hits(self, tokens: Sequence[str]) -> float:
        """The weighted share of ``tokens`` that are her characteristic words or phrases."""
        if not tokens or not self.lexicon:
            return 0.0
        hits = sum(self.lexicon.get(t, 0.0) for t in tokens)
        hits += sum(self.lexicon.get(f"{a} {b}", 0.0) for a, b in zip(tokens, tokens[1:],
                                                                         strict=False))
        return hits / len(tokens)

    def top_words(self, n: int = 12) -> list[str]:
        return [w for w, _ in sorted(self.lexicon.items(), key=lambda kv: -kv[1])[:n]]


def _share(flags: Iterable[bool], n: int) -> float:
    """A smoothed share: a habit seen in none of 10 answers is still 1/22, not impossible."""
    return (sum(flags) + 0.5) / (n + 1.0)


def _robust(values: list[float], floor: float) -> tuple[float, float]:
    if not values:
        return 0.0, floor
    median = statistics.median(values)
    if len(values) >= 4:
        q = statistics.quantiles(values, n=4)
        spread = (q[2] - q[0]) / 1.349  # the interquartile range of a normal spread
    else:
        spread = statistics.pstdev(values)
    return median, max(spread, floor)


def _edges(values: list[str], n: int) -> dict[str, float]:
    counts = Counter(v for v in values if v)
    return {k: c / max(n, 1) for k, c in counts.most_common(TOP_EDGES)}


def _lexicon(answers: list[list[str]], background: list[list[str]]) -> dict[str, float]:
    """Words and phrases she uses in many answers and the askers rarely: the smoothed log ratio
    of document frequencies, kept where she used them at least twice."""
    def documents(texts: list[list[str]], phrases: bool) -> Counter:
        counts: Counter = Counter()
        for tokens in texts:
            items = ({f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)
                      if a not in STOPWORDS or b not in STOPWORDS}
                     if phrases else {t for t in tokens if t not in STOPWORDS and len(t) > 1
                                      or not t[0].isalpha()})
            counts.update(items)
        return counts

    n_a, n_b = max(len(answers), 1), max(len(background), 1)
    lexicon: dict[str, float] = {}
    for phrases, size in ((False, LEXICON_SIZE), (True, PHRASES_SIZE)):
        mine, theirs = documents(answers, phrases), documents(background, phrases)
        least = max(2, math.ceil(0.05 * n_a))
        scored = []
        for item, df in mine.items():
            if df < least:
                continue
            ratio = math.log((df + 0.5) / (n_a + 1)) - math.log((theirs.get(item, 0) + 0.5)
                                                                 / (n_b + 1))
            if ratio > 0.5:
                scored.append((ratio * math.sqrt(df / n_a), item))
        scored.sort(reverse=True)
        top = scored[:size]
        if top:
            best = top[0][0]
            lexicon.update({item: round(score / best, 4) for score, item in top})
    return lexicon


def learn_profile(answers: Sequence[str], questions: Sequence[str] = ()) -> StyleProfile:
    """The persona's profile from her ``answers``; ``questions`` (what the members asked) are
    the background her characteristic words stand out from."""
    answers = [a for a in answers if a and a.strip()]
    n = len(answers)
    if not n:
        return StyleProfile()
    feats = [features(a) for a in answers]
    log_chars, chars_spread = _robust([math.log(max(f.chars, 1)) for f in feats], 0.3)
    log_sentence, sentence_spread = _robust(
        [math.log(max(f.sentence_words, 1.0)) for f in feats], 0.25)
    habits = {k: _share((f.habits[k] for f in feats), n) for k in feats[0].habits}
    address = {k: _share((f.address[k] for f in feats), n) for k in feats[0].address}
    profile = StyleProfile(
        answers=n, median_log_chars=log_chars, spread_log_chars=chars_spread,
        median_log_sentence=log_sentence, spread_log_sentence=sentence_spread,
        habits=habits, address=address,
        openings=_edges([f.opening for f in feats], n),
        closings=_edges([f.closing for f in feats], n),
        lexicon=_lexicon([f.tokens for f in feats], [tokens_of(q) for q in questions if q]),
        endearments=sorted({t for f in feats for t in f.tokens if t in ENDEARMENTS}),
    )
    shares = [profile.lexicon_hits(f.tokens) for f in feats]
    profile.lexicon_share = sum(shares) / n
    return profile
