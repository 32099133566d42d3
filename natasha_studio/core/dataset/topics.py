"""Topic tags from an editable lexicon, matched on Russian lemmas (pymorphy3).

The lexicon lives in the project's ``topics`` table: a name and a list of keywords. A keyword
is a word in any form ("медитации", "медитацию"...) or a phrase ("прошлая жизнь"); both are
reduced to lemmas, so one entry matches every inflection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

_TOKEN = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)?", re.I)
_LOWER_TOKEN = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)?")  # for lower-cased text: faster


def default_lexicon() -> dict[str, list[str]]:
    """The built-in topics, named in the current language."""
    return {
        translate("Topics", "Questions"): [
            "вопрос", "подскажите", "посоветуйте", "объясните", "помогите", "почему", "зачем",
            "question", "advice"],
        translate("Topics", "Energy work"): [
            "энергия", "энергетика", "энергетический", "чакра", "аура", "поток", "ресурс",
            "выгорание", "усталость", "заземление", "energy", "chakra"],
        translate("Topics", "Personal transformation"): [
            "изменение", "трансформация", "перемена", "привычка", "страх", "уверенность",
            "самооценка", "кризис", "цель", "мотивация", "change", "habit", "fear"],
        translate("Topics", "Relationships"): [
            "отношения", "муж", "жена", "партнёр", "любовь", "семья", "ребёнок", "мама",
            "развод", "ссора", "свидание", "расставание", "relationship", "love"],
        translate("Topics", "Rituals and meditations"): [
            "медитация", "медитировать", "ритуал", "практика", "дыхание", "аффирмация", "свеча",
            "полнолуние", "новолуние", "визуализация", "meditation", "ritual"],
        translate("Topics", "Business"): [
            "бизнес", "деньги", "клиент", "продажа", "доход", "заработок", "проект", "цена",
            "запуск", "финансы", "business", "money"],
        translate("Topics", "Spiritual growth"): [
            "духовный", "душа", "осознанность", "предназначение", "вселенная", "интуиция",
            "благодарность", "просветление", "spiritual", "soul"],
        translate("Topics", "Past lives"): [
            "прошлая жизнь", "прошлые воплощения", "реинкарнация", "карма", "кармический",
            "регрессия", "воплощение", "past life", "karma"],
    }


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_LEMMAS: dict[str, str] = {}


def _russian(key: str) -> bool:
    """Whether a lower-case word has Russian letters (only those go through pymorphy3)."""
    return any("а" <= ch <= "я" for ch in key)


def lemma(word: str) -> str:
    """The dictionary form of a word (cached: pymorphy3 costs ~0.1 ms a word)."""
    found = _LEMMAS.get(word)
    if found is not None:
        return found
    key = word.lower().replace("ё", "е")
    found = _LEMMAS.get(key)
    if found is None:
        if _russian(key):
            found = _morph().parse(key)[0].normal_form.replace("ё", "е")
        else:
            found = key
    if len(_LEMMAS) < 50_000:
        # Keyed by the form as met too, so that lower-case forms with ё hit directly.
        _LEMMAS[key] = found
        _LEMMAS[word] = found
    return found


@dataclass
class Topic:
    id: int
    name: str
    keywords: list[str]
    builtin: bool


class Lexicon:
    """A compiled lexicon: every form of every keyword's words, and lemmas (or lemma
    phrases) -> topic names.

    A keyword word matches each of its inflected forms: those of its lexeme in pymorphy3's
    dictionary (for a hyphenated word, also its first part followed by any form of its last
    part). The text's own words are only looked up, never analysed: a big chat has hundreds
    of thousands of distinct words, and lemmatizing each cost more than all other scoring.
    """

    def __init__(self, topics: Iterable[Topic]) -> None:
        self.topics = list(topics)
        self.ids = {t.name: t.id for t in self.topics}
        self._single: dict[str, set[str]] = {}
        self._phrases: list[tuple[tuple[str, ...], str]] = []
        forms: dict[str, set[str]] = {}
        for topic in self.topics:
            for keyword in topic.keywords:
                words = _TOKEN.findall(keyword)
                parts = tuple(lemma(w) for w in words)
                for word, word_lemma in zip(words, parts, strict=True):
                    for form in word_forms(word):
                        forms.setdefault(form, set()).add(word_lemma)
                if len(parts) == 1:
                    self._single.setdefault(parts[0], set()).add(topic.name)
                elif parts:
                    self._phrases.append((parts, topic.name))
        # form (lower case, ё as е) -> the keyword lemmas it is a form of
        self._forms = {form: frozenset(found) for form, found in forms.items()}

    @classmethod
    def load(cls, project: Project) -> Lexicon:
        ensure_default_lexicon(project)
        return cls(list_topics(project))

    def tag(self, text: str) -> set[str]:
        """The topic names whose keywords occur in ``text``."""
        return self.tag_lowered(text.lower())

    def tag_lowered(self, lowered: str) -> set[str]:
        """:meth:`tag` of a text already in lower case."""
        words = _LOWER_TOKEN.findall(lowered.replace("ё", "е"))
        forms = self._forms
        hits = forms.keys() & set(words)
        if not hits:
            return set()
        present: set[str] = set().union(*(forms[form] for form in hits))
        found: set[str] = set()
        single = self._single
        for word_lemma in present & single.keys():
            found |= single[word_lemma]
        candidates = [(parts, name) for parts, name in self._phrases
                      if name not in found and present.issuperset(parts)]
        if candidates:
            # The phrase's words are all there: are they next to each other?
            at = [forms.get(word, ()) for word in words]
            for parts, name in candidates:
                if name not in found and any(
                        all(part in at[i + k] for k, part in enumerate(parts))
                        for i in range(len(at) - len(parts) + 1)):
                    found.add(name)
        return found


def word_forms(word: str) -> set[str]:
    """The forms a keyword word matches, in lower case with ё as е (see :class:`Lexicon`)."""
    key = word.lower().replace("ё", "е")
    found = {key, lemma(key)}
    if _russian(key):
        found |= {f.word.replace("ё", "е") for f in _morph().parse(key)[0].lexeme}
        head, dash, last = key.rpartition("-")
        if dash and head:
            found |= {f"{head}-{form}" for form in word_forms(last)}
    return found


def list_topics(project: Project) -> list[Topic]:
    rows = project.conn.execute("SELECT id, name, keywords, builtin FROM topics ORDER BY id")
    return [Topic(r["id"], r["name"], json.loads(r["keywords"] or "[]"), bool(r["builtin"]))
            for r in rows]


def ensure_default_lexicon(project: Project) -> None:
    """Seed the built-in topics once per project (a curator's deletions stay deleted)."""
    if project.get_setting("lexicon_seeded", False):
        return
    with project.transaction() as conn:
        for name, words in default_lexicon().items():
            conn.execute(
                "INSERT INTO topics(name, keywords, builtin) VALUES (?, ?, 1)"
                " ON CONFLICT(name) DO UPDATE SET keywords = excluded.keywords, builtin = 1",
                (name, json.dumps(words, ensure_ascii=False)))
        project.set_setting("lexicon_seeded", True)


def save_topic(project: Project, name: str, keywords: Iterable[str], topic_id: int | None = None) -> int:
    """Create or rename/update a topic; returns its id."""
    from natasha_studio.core.errors import StudioError

    name = name.strip()
    words = [k.strip() for k in keywords if k.strip()]
    if not name:
        raise StudioError(translate("Topics", "A topic needs a name."))
    with project.transaction() as conn:
        clash = conn.execute("SELECT id FROM topics WHERE name = ?", (name,)).fetchone()
        if clash is not None and clash[0] != topic_id:
            raise StudioError(translate("Topics", "A topic named \"{name}\" already exists.").format(name=name))
        if topic_id is None:
            cur = conn.execute("INSERT INTO topics(name, keywords) VALUES (?, ?)",
                               (name, json.dumps(words, ensure_ascii=False)))
            return int(cur.lastrowid)
        conn.execute("UPDATE topics SET name = ?, keywords = ? WHERE id = ?",
                     (name, json.dumps(words, ensure_ascii=False), topic_id))
        return topic_id


def delete_topic(project: Project, topic_id: int) -> None:
    with project.transaction() as conn:
        conn.execute("DELETE FROM topics WHERE id = ?", (topic_id,))


def retag_pairs(project: Project, progress=None) -> int:
    """Recompute automatic topics of every pair from the lexicon; manual labels stay.

    Returns the number of pairs tagged. ``progress(done, total)`` may raise ``Cancelled``.
    """
    lexicon = Lexicon.load(project)
    rows = project.conn.execute(
        "SELECT id, question, answer FROM pairs WHERE deleted = 0 AND id NOT IN"
        " (SELECT pair_id FROM pair_topics WHERE source = 'manual')").fetchall()
    tagged = 0
    with project.transaction() as conn:
        for i, row in enumerate(rows):
            names = lexicon.tag(row["question"] + "\n" + row["answer"])
            conn.execute("DELETE FROM pair_topics WHERE pair_id = ? AND source = 'auto'", (row["id"],))
            conn.executemany(
                "INSERT OR IGNORE INTO pair_topics(pair_id, topic_id, source) VALUES (?, ?, 'auto')",
                [(row["id"], lexicon.ids[n]) for n in names])
            tagged += bool(names)
            if progress is not None and i % 500 == 0:
                progress(i, len(rows))
    return tagged
