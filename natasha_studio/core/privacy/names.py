"""Finding names: the source's participants (all inflected forms), the persona, the deny-list,
and name dictionaries for people the NER model misses (Russian morphology, English first names).

A capital letter at the start of a sentence proves nothing, and many names are also common
words ("Вера" is faith, "Роман" a novel, "Will" a verb): such words count as names only where
the capital is meaningful (mid-sentence) or another name word stands next to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from faker.providers.person.en_US import Provider as _EnglishNames

from natasha_studio.core.privacy import morph

# (start, end, kind, source, key)
NameMatch = tuple[int, int, str, str, str]

# English first names that are also everyday words: names only with a meaningful capital.
ENGLISH_AMBIGUOUS = frozenset("""
will may mark bill grace hope joy faith rose dawn june april august summer ruby amber pat sue
art ray rob jack guy max sky rich penny holly ivy lily daisy iris violet hazel olive pearl
crystal destiny harmony honey autumn brook chase cash king hunter mason carter taylor page
drew dean don gene glen lane miles price reed rocky sandy stone storm wade ward young chance
noble earl buck bud cliff cole craig dale doug forest grant heath hugh jimmy lee lou mack
major marshall mickey norm ollie pete ross royal rusty sal sterling terry tim tony van wes
christian angel august star justice lane baker sunny
""".split())

_ENGLISH_FIRST_NAMES = frozenset(n.lower() for n in _EnglishNames.first_names)
_LATIN = re.compile(r"^[A-Za-z][A-Za-z'’-]*$")


@dataclass
class _Entry:
    key: str
    source: str
    lowercase_ok: bool   # an unambiguous Russian name also counts written in lower case
    ambiguous: bool      # also a common word: needs a meaningful capital or a neighbour


@dataclass
class NameLexicon:
    """Known people (participants, the persona) and deny-listed words, by every word form."""

    index: dict[str, list[_Entry]] = field(default_factory=dict)
    usernames: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower -> key, source
    phrases: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # deny phrases
    _username_rx: re.Pattern[str] | None = None

    def add_person(self, key: str, source: str, name: str, username: str | None = None) -> None:
        """Index the words of a person's display name, and their username."""
        for _, _, word in morph.tokens(name or ""):
            if len(word) < 2:
                continue
            if morph.is_cyrillic(word):
                status = morph.name_status(word[:1].upper() + word[1:].lower())
                if status == "word":
                    continue  # "Фитнес", "Мама": words of a display name that name nobody
                entry = _Entry(key, source, lowercase_ok=status == "name",
                               ambiguous=status == "ambiguous")
                word_forms = morph.forms(word[:1].upper() + word[1:].lower())
            else:
                if len(word) < 3 or not _LATIN.match(word):
                    continue
                entry = _Entry(key, source, lowercase_ok=False,
                               ambiguous=word.lower() in ENGLISH_AMBIGUOUS)
                word_forms = morph.forms(word)
            for form in word_forms:
                self.index.setdefault(form, []).append(entry)
        if username and len(username) >= 5:
            self.usernames[username.lower()] = (key, source)
            self._username_rx = None

    def add_denied(self, phrase: str) -> None:
        """A word or phrase that is always personal data here (single words in every form)."""
        phrase = phrase.strip()
        if not phrase:
            return
        words = morph.tokens(phrase)
        key = "deny:" + " ".join(morph.lemma(w) for _, _, w in words) if words else "deny:" + phrase
        if len(words) == 1 and words[0][2] == phrase:
            entry = _Entry(key, "deny_list", lowercase_ok=True, ambiguous=False)
            for form in morph.forms(phrase):
                self.index.setdefault(form, []).append(entry)
        else:
            rx = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(p) for p in phrase.split()) + r"(?!\w)",
                            re.IGNORECASE)
            self.phrases.append((rx, key))

    def _usernames_pattern(self) -> re.Pattern[str] | None:
        if self._username_rx is None and self.usernames:
            alternatives = sorted(self.usernames, key=len, reverse=True)
            self._username_rx = re.compile(
                r"(?<![\w@])(?:" + "|".join(re.escape(u) for u in alternatives) + r")(?!\w)",
                re.IGNORECASE)
        return self._username_rx

    def find(self, text: str) -> list[NameMatch]:
        """Known people, their usernames and deny-listed words in ``text``."""
        out: list[NameMatch] = []
        rx = self._usernames_pattern()
        if rx is not None:
            for m in rx.finditer(text):
                key, source = self.usernames[m.group().lower()]
                out.append((m.start(), m.end(), "username", source, key))
        for prx, key in self.phrases:
            out.extend((m.start(), m.end(), "custom", "deny_list", key) for m in prx.finditer(text))

        hits: list[tuple[int, int, list[_Entry], bool]] = []
        for start, end, word in morph.tokens(text):
            entries = self.index.get(word.lower().replace("ё", "е"))
            if not entries:
                continue
            capital = word[:1].isupper()
            denied = [e for e in entries if e.source == "deny_list"]
            if denied:
                out.append((start, end, "custom", "deny_list", denied[0].key))
                continue
            if not capital and not all(e.lowercase_ok for e in entries):
                continue
            weak = all(e.ambiguous for e in entries) and morph.is_sentence_start(text, start)
            hits.append((start, end, entries, weak))
        for group in _adjacent(text, hits):
            # A weak word (ambiguous, opening a sentence) stands only beside another name word.
            if len(group) == 1 and group[0][3]:
                continue
            keys = [{(e.key, e.source) for e in h[2]} for h in group]
            common = set.intersection(*keys) if len(keys) > 1 else keys[0]
            key, source = sorted(common or keys[0])[0]
            if len(common or keys[0]) > 1:
                # Several known people share the name: the name, not one of them, gets the key.
                source = "persona" if any(s == "persona" for _, s in (common or keys[0])) else source
                key = "name:" + " ".join(morph.lemma(text[s:e]) for s, e, _, _ in group)
                if source == "persona":
                    key = "persona"
            out.append((group[0][0], group[-1][1], "person", source, key))
        return out


def _adjacent(text: str, hits: list) -> list[list]:
    """Runs of hits separated only by spaces (a first name and a surname)."""
    groups: list[list] = []
    for hit in hits:
        if groups and text[groups[-1][-1][1]:hit[0]].strip() == "" and hit[0] - groups[-1][-1][1] <= 2:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def find_dictionary_names(text: str) -> list[NameMatch]:
    """People the dictionaries know as names: Russian first names/surnames, English first names.

    Used for people who are not participants (a member's husband, a friend) and whom the
    NER model misses, as it often does in informal chat text.
    """
    words = morph.tokens(text)
    hits: list[tuple[int, int, str]] = []
    for start, end, word in words:
        if not word[:1].isupper() or len(word) < 2 or (word.isupper() and len(word) > 1):
            continue
        at_start = morph.is_sentence_start(text, start)
        if morph.is_cyrillic(word):
            status = morph.name_status(word)
            if status == "name" or (status == "ambiguous" and not at_start):
                hits.append((start, end, word))
        elif _LATIN.match(word):
            low = word.lower()
            if low in _ENGLISH_FIRST_NAMES and (not at_start or low not in ENGLISH_AMBIGUOUS):
                hits.append((start, end, word))
            elif hits and hits[-1][1] + 1 == start and not at_start and low not in ENGLISH_AMBIGUOUS:
                # A capitalised word right after an English first name: the surname.
                prev = text[hits[-1][0]:hits[-1][1]]
                if _LATIN.match(prev):
                    hits.append((start, end, word))
    out: list[NameMatch] = []
    for group in _adjacent(text, [(s, e, w, False) for s, e, w in hits]):
        key = "name:" + " ".join(morph.lemma(w) for _, _, w, _ in group)
        out.append((group[0][0], group[-1][1], "person", "name_dictionary", key))
    return out


def normalise(phrase: str) -> str:
    """A phrase's words as lemmas, for comparing with the allow-list in any form."""
    words = morph.tokens(phrase)
    if not words:
        return phrase.strip().lower()
    return " ".join(morph.lemma(w) for _, _, w in words)


def allowed_set(entries: Iterable[str]) -> frozenset[str]:
    out = set()
    for entry in entries:
        if entry.strip():
            out.add(entry.strip().lower())
            out.add(normalise(entry))
    return frozenset(out)
