"""What leaves the app besides the turns: names, ids, links, chat and topic names.

Every export and upload goes through one pseudonymisation of these fields, so a CSV or JSON
file names nobody even where its turns were redacted:

- members become stable pseudonymous ids (``member-3f9a2c41d0``): the same member gets the
  same id in every export of the project (a salted hash of their Telegram id, with the salt the
  privacy redaction keeps in the project), so rows can still be grouped by member;
- the persona's turns are marked ``persona`` and keep her name, unless the privacy settings
  replace it;
- t.me links, message ids and pair keys (which point back to a member's message) are left out;
- chat names, topic names and a pair's own instructions (its system prompt), which curators
  and members write freely, get the same pseudonyms as the redaction puts in the turns
  ("[ИМЯ_1]"); so do other members' words that the "context" way of writing speakers puts
  there.

An "internal" export (``internal=True``) keeps real names, ids and links for the curator's own
use; it is never for training, and ``field_leaks`` lists what it would carry.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from natasha_studio.core.dataset.settings import persona_ids
from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.selection import Example
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

_SALT_KEY = "privacy_salt"  # shared with the privacy redaction's pseudonyms
PERSONA_ID = "persona"


def _salt(project: Project) -> str:
    salt = project.get_setting(_SALT_KEY, "") or ""
    if not salt:
        salt = secrets.token_hex(16)
        project.set_setting(_SALT_KEY, salt)
    return salt


READABLE_FORMATS = ("csv", "json")
# In chat and topic names only what points at a person counts: "Клуб бега" or "Москва" there
# names the community or its subject, not a member.
FIELD_KINDS = frozenset({"person", "username", "phone", "email", "link", "card", "address",
                         "custom"})


def internal_warning() -> str:
    """Written into an internal export and shown before it is made."""
    return translate("Export", "Internal copy, not for training: it names the community's "
                               "members and links to their messages. Keep it to yourself and "
                               "never upload it.")


def check_internal(fmt: str, internal: bool) -> None:
    """An internal export is a CSV or JSON file for reading, never a training file."""
    if internal and fmt not in READABLE_FORMATS:
        raise StudioError(
            translate("Export", "A copy with real names is for reading only, never for "
                                "training."),
            translate("Export", "Choose CSV or JSON for it, or export without real names."))


class ExportFields:
    """Pseudonymises the fields of examples besides their turns' text, for one project."""

    def __init__(self, project: Project, *, internal: bool = False) -> None:
        self.project = project
        self.internal = internal
        self.persona_ids = set(persona_ids(project))
        self._salt = "" if internal else _salt(project)
        # The persona is public (she runs the community), unless the curator hides her name.
        hide = bool(project.get_setting("privacy_replace_persona", False))
        self.persona_name = PERSONA_ID if hide else (project.persona_name or PERSONA_ID)
        self._texts: dict[str, str] = {}

    def member_id(self, sender_id: Any) -> str:
        """The stable pseudonymous id of a sender ("" when there is none)."""
        if sender_id is None or sender_id == "":
            return ""
        if _as_int(sender_id) in self.persona_ids:
            return PERSONA_ID
        digest = hashlib.sha256(f"{self._salt}\x00member\x00{sender_id}".encode()).hexdigest()
        return "member-" + digest[:10]

    def prepare(self, examples: Iterable[Example]) -> list[Example]:
        """The examples as they may leave the app (unchanged for an internal export)."""
        examples = list(examples)
        if self.internal:
            return examples
        self._redact_texts({e.chat_name for e in examples} | {t for e in examples for t in e.topics}
                           | {e.system_prompt for e in examples if e.system_prompt})
        return [self._public(e) for e in examples]

    def text(self, value: str) -> str:
        """A free text written by a curator (a snapshot's note), pseudonymised like the rest."""
        if self.internal or not value:
            return value
        self._redact_texts({value})
        return self._texts.get(value, value)

    def _public(self, example: Example) -> Example:
        turns = []
        for turn in example.turns:
            if turn.get("role") == "assistant":
                turns.append({**turn, "sender_id": PERSONA_ID, "sender_name": self.persona_name})
                continue
            sender = self.member_id(turn.get("sender_id"))
            turns.append({**turn, "sender_id": sender or None, "sender_name": sender or None})
        asker = self.member_id(example.asker_id)
        return replace(
            example, turns=turns, asker_id=asker or None, asker_name=asker,
            chat_id=None, chat_name=self._texts.get(example.chat_name, example.chat_name),
            topics=[self._texts.get(t, t) for t in example.topics],
            system_prompt=self._texts.get(example.system_prompt, example.system_prompt)
            if example.system_prompt else example.system_prompt,
            link=None, message_ids=[], key=None)

    def _redact_texts(self, texts: set[str]) -> None:
        """Redact free texts (chat and topic names, per-pair instructions) with the project's
        detector and pseudonyms."""
        from natasha_studio.core.privacy.detector import detector_for
        from natasha_studio.core.privacy.pseudonyms import Pseudonymiser, apply_to_text
        from natasha_studio.core.privacy.settings import load_settings

        todo = sorted(t for t in texts if t and t not in self._texts)
        if not todo:
            return
        settings = load_settings(self.project)
        found = detector_for(self.project).detect_turns([[t] for t in todo])
        pseudo = Pseudonymiser(self.project, settings.mode)
        for text, findings in zip(todo, found, strict=True):
            wanted = [f for f in findings if f.kind in settings.kinds and f.kind in FIELD_KINDS]
            self._texts[text] = apply_to_text(text, wanted, pseudo)[0] if wanted else text
        with self.project.transaction():
            pseudo.commit()


def field_leaks(project: Project, examples: Iterable[Example], *, internal: bool
                ) -> dict[int, dict[str, int]]:
    """Personal data an export of ``examples`` would carry outside the turns' text, per pair
    and kind: real names, usernames and links in an internal export, and in any export what
    the detector finds in chat and topic names that the export would keep."""
    from natasha_studio.core.privacy.detector import detector_for
    from natasha_studio.core.privacy.settings import load_settings

    examples = list(examples)
    kinds = set(load_settings(project).kinds)
    leaks: dict[int, Counter[str]] = {}
    if internal:
        persona = set(persona_ids(project))
        for e in examples:
            members = {_as_int(t.get("sender_id")) for t in e.turns
                       if t.get("role") == "user" and t.get("sender_name")}
            members |= {e.asker_id} if e.asker_name else set()
            members -= persona
            count = leaks.setdefault(e.pair_id, Counter())
            if members and "person" in kinds:
                count["person"] += len(members)
            if e.link and "link" in kinds:
                count["link"] += 1
        texts = sorted({e.chat_name for e in examples} | {t for e in examples for t in e.topics})
        texts = [t for t in texts if t]
        found = dict(zip(texts, detector_for(project).detect_turns([[t] for t in texts]),
                         strict=True)) if texts else {}
        for e in examples:
            for text in [e.chat_name, *e.topics]:
                for f in found.get(text, ()):
                    if f.kind in kinds and f.kind in FIELD_KINDS:
                        leaks.setdefault(e.pair_id, Counter())[f.kind] += 1
    return {pid: dict(c) for pid, c in leaks.items() if c}


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def exported_texts(example: Example) -> list[str]:
    """The free texts of an example that a training file carries: its turns, and its own
    instructions where it has them (a curator's per-pair prompt, or other members' words that
    the "context" way of writing speakers puts there)."""
    texts = [t.get("text") or "" for t in example.turns]
    return [*texts, example.system_prompt] if example.system_prompt else texts


def export_privacy_report(project: Project, examples: Iterable[Example], *, internal: bool,
                          known: dict[int, list] | None = None):
    """What an export of ``examples`` would leak, field by field: personal data in the texts
    it writes (``exported_texts``) plus ``field_leaks``. A ``PrivacyReport``
    (core.privacy.scan). ``known`` gives findings already known for some pairs' texts (the
    scan cache, where the frozen text is the pair's current one), so that only the other
    pairs are read by the detector."""
    from natasha_studio.core.privacy.detector import detector_for
    from natasha_studio.core.privacy.scan import _pseudonyms, _real, report_from
    from natasha_studio.core.privacy.settings import load_settings

    examples = list(examples)
    known = known or {}
    todo = [e for e in examples if e.pair_id not in known]
    found = detector_for(project).detect_turns([exported_texts(e) for e in todo]) if todo else []
    fakes = _pseudonyms(project)
    read = {e.pair_id: _real(f, fakes) for e, f in zip(todo, found, strict=True)}
    report = report_from({e.pair_id: known[e.pair_id] if e.pair_id in known else read[e.pair_id]
                          for e in examples}, load_settings(project).kinds)
    totals = Counter(report.counts)
    for pid, counts in field_leaks(project, examples, internal=internal).items():
        merged = Counter(report.pair_counts.get(pid, {}))
        merged.update(counts)
        report.pair_counts[pid] = dict(merged)
        totals.update(counts)
    report.counts = dict(totals)
    return report
