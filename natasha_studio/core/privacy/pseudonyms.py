"""Pseudonyms: consistent placeholders ("[ИМЯ_1]", "[ТЕЛЕФОН]") or realistic fake names.

The same value gets the same pseudonym in every pair and every later redaction: numbers and
fake names are kept in ``privacy_pseudonyms`` under a salted hash of the value, never the
value itself. A fake name takes the grammatical case of the name it replaces ("Марине" ->
"Ольге").
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence

from faker.providers.person.en_US import Provider as _English
from faker.providers.person.ru_RU import Provider as _Russian

from natasha_studio.core.privacy import morph
from natasha_studio.core.privacy.findings import Finding
from natasha_studio.core.store import Project

# The tags are part of the training text, not of the interface: they stay the same whatever
# the interface language, so a dataset is consistent.
TAGS = {
    "person": "ИМЯ", "username": "НИК", "phone": "ТЕЛЕФОН", "email": "EMAIL", "link": "ССЫЛКА",
    "card": "КАРТА", "address": "АДРЕС", "place": "МЕСТО", "organisation": "ОРГАНИЗАЦИЯ",
    "custom": "СКРЫТО",
}
NUMBERED = frozenset({"person", "username", "place", "organisation"})

_SALT_KEY = "privacy_salt"
_RU_FEMALE = sorted(_Russian.first_names_female)
_RU_MALE = sorted(_Russian.first_names_male)
_RU_SURN_FEMALE = sorted(_Russian.last_names_female)
_RU_SURN_MALE = sorted(_Russian.last_names_male)
_EN_FIRST = sorted(_English.first_names)
_EN_LAST = sorted(_English.last_names)


class Pseudonymiser:
    """Chooses pseudonyms for findings; ``commit`` stores the new ones (inside a transaction).

    A preview uses one without committing: numbers it would hand out are not reserved.
    """

    def __init__(self, project: Project, mode: str = "placeholders") -> None:
        self.project = project
        self.mode = mode
        self.salt = project.get_setting(_SALT_KEY, "") or ""
        self._new_salt = not self.salt
        if self._new_salt:
            self.salt = secrets.token_hex(16)
        self.known: dict[tuple[str, str], tuple[int, str | None]] = {}
        self.next_number: dict[str, int] = {}
        for row in project.conn.execute("SELECT kind, value_hash, number, fake FROM privacy_pseudonyms"):
            self.known[(row[0], row[1])] = (row[2], row[3])
            self.next_number[row[0]] = max(self.next_number.get(row[0], 0), row[2])
        self._pending: list[tuple[str, str, int, str | None]] = []
        self._real: set[str] | None = None

    def _hash(self, key: str) -> str:
        return hashlib.sha256((self.salt + "\x00" + key).encode()).hexdigest()[:32]

    def _entry(self, finding: Finding) -> tuple[int, str | None]:
        group = finding.kind
        digest = self._hash(finding.key)
        entry = self.known.get((group, digest))
        if entry is None:
            number = self.next_number.get(group, 0) + 1
            self.next_number[group] = number
            fake = self._fake_name(finding, digest) if group in ("person", "username") else None
            entry = (number, fake)
            self.known[(group, digest)] = entry
            self._pending.append((group, digest, number, fake))
        return entry

    def _real_names(self) -> set[str]:
        """Lemmas of the project's real people, which a fake name must never be."""
        if self._real is None:
            self._real = {morph.lemma(w) for (name,) in self.project.conn.execute(
                "SELECT name FROM participants") for _, _, w in morph.tokens(name or "")}
            self._real |= {morph.lemma(w) for _, _, w in morph.tokens(self.project.persona_name)}
        return self._real

    def _fake_name(self, finding: Finding, digest: str) -> str:
        seed = int(digest[:12], 16)
        latin = finding.kind == "person" and not morph.is_cyrillic(finding.text)
        words = finding.text.lstrip("@").split()
        _, gender = morph.grammemes(words[0]) if finding.kind == "person" and words else (None, None)
        female = gender != "masc" if gender else seed % 2 == 0
        if latin:
            firsts, lasts = _EN_FIRST, _EN_LAST
        else:
            firsts = _RU_FEMALE if female else _RU_MALE
            lasts = _RU_SURN_FEMALE if female else _RU_SURN_MALE
        real = self._real_names()
        # Never a real participant's name: the check after redaction would take a real
        # person for a pseudonym.
        for step in range(len(firsts)):
            first = firsts[(seed + step) % len(firsts)]
            last = lasts[(seed // 7 + step) % len(lasts)]
            if morph.lemma(first) not in real and morph.lemma(last) not in real:
                break
        if finding.kind == "username":
            return f"{morph.translit(first)}_{morph.translit(last)[:3]}"
        return f"{first} {last}"

    def replacement(self, finding: Finding) -> str:
        """The text that replaces ``finding``."""
        tag = TAGS.get(finding.kind, "СКРЫТО")
        if finding.kind not in NUMBERED:
            return f"[{tag}]"
        number, fake = self._entry(finding)
        if self.mode != "fake_names" or not fake:
            return f"[{tag}_{number}]"
        if finding.kind == "username":
            return f"@{fake}{number}" if finding.text.startswith("@") else f"{fake}{number}"
        return self._inflected(fake, finding.text)

    @staticmethod
    def _inflected(fake: str, original: str) -> str:
        fake_words = fake.split()
        words = original.split()
        if len(words) == 1:
            chosen = fake_words[:1]
        else:
            chosen = fake_words[:len(words)]
        # The first name says the case and gender ("Марина Иванова": "Иванова" alone could
        # be a man's surname in the genitive); the surname follows it.
        case, gender = morph.grammemes(words[0]) if words else (None, None)
        out = []
        for fw, ow in zip(chosen, words, strict=False):
            out.append(morph.match_case(morph.inflect(fw, case, gender), ow)
                       if morph.is_cyrillic(ow) else fw)
        return " ".join(out)

    def commit(self) -> None:
        """Store the salt and new pseudonyms (call inside the redaction's transaction)."""
        if self._new_salt:
            self.project.set_setting(_SALT_KEY, self.salt)
            self._new_salt = False
        if self._pending:
            self.project.conn.executemany(
                "INSERT OR IGNORE INTO privacy_pseudonyms(kind, value_hash, number, fake)"
                " VALUES (?, ?, ?, ?)", self._pending)
            self._pending = []


def apply_to_text(text: str, findings: Sequence[Finding], pseudo: Pseudonymiser,
                  keep: Sequence[Finding] = ()) -> tuple[str, list[Finding], list[Finding]]:
    """``text`` with each finding replaced; a finding that no longer matches is skipped.

    Returns the new text, the findings replaced, and ``keep`` (findings left in place) moved
    to their offsets in the new text, so the scan cache stays right without a rescan.
    """
    valid = [f for f in sorted(findings, key=lambda x: x.start) if text[f.start:f.end] == f.text]
    # Pseudonyms are chosen in reading order (the first new name gets the lower number).
    replacements = [(f, pseudo.replacement(f)) for f in valid]
    out, pos = [], 0
    for f, new in replacements:
        out.append(text[pos:f.start])
        out.append(new)
        pos = f.end
    out.append(text[pos:])

    def shift(offset: int) -> int:
        return offset + sum(len(new) - (f.end - f.start) for f, new in replacements if f.end <= offset)

    moved = [Finding(k.turn, shift(k.start), shift(k.end), k.kind, k.source, k.text, k.key)
             for k in keep if not any(k.overlaps(f) for f in valid)]
    return "".join(out), valid, moved
