"""Russian morphology for names: word forms, lemmas and inflection (pymorphy3).

Russian names change with grammatical case ("Марина", "Марине", "Мариной"), so a
participant's name is matched through all its forms, and a fake name replacing it takes the
case of the word it replaces.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import pymorphy3

TOKEN = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:[-'’][A-Za-zА-Яа-яЁё]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_NAME_TAGS = ("Name", "Surn", "Patr")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"], strict=True))

_lock = threading.Lock()
_analyzer: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The shared analyzer (its dictionaries load once, in about a tenth of a second)."""
    global _analyzer
    with _lock:
        if _analyzer is None:
            _analyzer = pymorphy3.MorphAnalyzer()
        return _analyzer


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` with their offsets."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


def _is_name_parse(parse: pymorphy3.analyzer.Parse) -> bool:
    return any(tag in parse.tag for tag in _NAME_TAGS)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form, lower case; a name's parse is preferred for capitalised words."""
    low = word.lower().replace("ё", "е")
    if not is_cyrillic(word):
        return low
    parses = analyzer().parse(word)
    if word[:1].isupper():
        named = [p for p in parses if _is_name_parse(p)]
        if named:
            return named[0].normal_form.replace("ё", "е")
    return parses[0].normal_form.replace("ё", "е") if parses else low


@lru_cache(maxsize=200_000)
def name_status(word: str) -> str:
    """How sure a capitalised Cyrillic word is a name.

    "name": the dictionary's likeliest reading is a first name, surname or patronymic;
    "ambiguous": a name but more often a common word ("Вера", "Роман", "Слава");
    "word": a common word only; "unknown": not in the dictionary.
    """
    morph = analyzer()
    parses = morph.parse(word)
    named = [p for p in parses if _is_name_parse(p)]
    if named:
        top = parses[0]
        if _is_name_parse(top) and top.score >= 0.4:
            return "name"
        return "ambiguous"
    return "word" if morph.word_is_known(word.lower()) else "unknown"


_NOT_NAMES = frozenset({"PREP", "PRCL", "CONJ", "INTJ", "NPRO", "PRED", "ADVB", "VERB", "INFN",
                        "COMP", "GRND", "PRTS"})


@lru_cache(maxsize=50_000)
def is_function_word(word: str) -> bool:
    """Whether the word's likeliest reading is no noun ("Ок", "Спасибо", "Привет")."""
    parses = analyzer().parse(word)
    return bool(parses) and parses[0].tag.POS in _NOT_NAMES


@lru_cache(maxsize=50_000)
def forms(word: str) -> frozenset[str]:
    """Every inflected form (lower case) a name word can take in text."""
    low = word.lower().replace("ё", "е")
    if not is_cyrillic(word):
        return frozenset({low, low + "s", low + "'s", low + "’s"})
    parses = analyzer().parse(word)
    chosen = [p for p in parses if _is_name_parse(p)] or parses[:1]
    out = {low}
    for parse in chosen:
        for form in parse.lexeme:
            if "plur" in form.tag:
                continue  # "Марины" as a plural is rare in chat and collides with other words
            out.add(form.word.replace("ё", "е"))
    return frozenset(out)


def grammemes(word: str) -> tuple[str | None, str | None]:
    """The case and gender of a name word as used in text (None where unknown)."""
    if not is_cyrillic(word):
        return None, None
    parses = analyzer().parse(word)
    named = [p for p in parses if _is_name_parse(p)] or parses[:1]
    if not named:
        return None, None
    tag = named[0].tag
    return tag.case, tag.gender


def inflect(word: str, case: str | None, gender: str | None = None) -> str:
    """``word`` (a name in the nominative) put into ``case``; unchanged where it cannot be."""
    if not case or case == "nomn" or case not in _CASES or not is_cyrillic(word):
        return word
    parses = [p for p in analyzer().parse(word) if _is_name_parse(p) and p.tag.case == "nomn"]
    if gender:
        parses = [p for p in parses if p.tag.gender == gender] or parses
    for parse in parses:
        form = parse.inflect({case})
        if form is not None:
            return match_case(form.word, word)
    return word


def match_case(word: str, model: str) -> str:
    """``word`` with the capitalisation of ``model``."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def translit(word: str) -> str:
    """Latin spelling of a Russian word ("Наташа" -> "natasha"), lower case."""
    return "".join(_TRANSLIT.get(ch, ch) for ch in word.lower())


def is_sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (where capitals prove nothing)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'«(—–-*•":
        i -= 1
    return i < 0 or text[i] in ".!?…\n:;"
