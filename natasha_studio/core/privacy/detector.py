"""The detector: all sources together, with overlaps resolved and the curator's lists applied.

Its set-up comes from the project (participants, the persona, privacy settings) and has a
hash; scan results cached under another hash are stale and get rescanned.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from natasha_studio.core.privacy import morph, ner, patterns
from natasha_studio.core.privacy.findings import Finding
from natasha_studio.core.privacy.names import (
    NameLexicon,
    allowed_set,
    find_dictionary_names,
    normalise,
)
from natasha_studio.core.privacy.settings import PrivacySettings, load_settings
from natasha_studio.core.store import Project

# Bumped whenever detection changes, so caches made by older code are rescanned.
DETECTOR_VERSION = 2

# On overlap the higher-priority source wins (a curator's deny-list above all).
_PRIORITY = {"deny_list": 6, "pattern": 5, "persona": 4, "participant": 4, "ner": 2,
             "name_dictionary": 1}
_PLACEHOLDER = re.compile(r"\[[A-ZА-ЯЁ_]+(?:_\d+)?\]")

# (start, end, kind, source, key)
_Raw = tuple[int, int, str, str, str]


@dataclass(frozen=True)
class DetectorConfig:
    """Everything detection depends on, read from the project."""

    participants: tuple[tuple[int, str, str], ...]   # id, name, username
    persona_ids: tuple[int, ...]
    persona_name: str
    settings: PrivacySettings

    @classmethod
    def from_project(cls, project: Project) -> DetectorConfig:
        rows = project.conn.execute(
            "SELECT id, name, coalesce(username, '') FROM participants ORDER BY id").fetchall()
        return cls(
            participants=tuple((int(r[0]), r[1] or "", r[2] or "") for r in rows),
            persona_ids=tuple(int(i) for i in (project.get_setting("persona_ids", []) or [])),
            persona_name=project.persona_name,
            settings=load_settings(project),
        )

    @property
    def hash(self) -> str:
        data = [DETECTOR_VERSION, self.participants, self.persona_ids, self.persona_name,
                self.settings.detection_key()]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:20]


class Detector:
    """Finds personal data in texts; build once per set-up and reuse (see ``detector_for``)."""

    def __init__(self, config: DetectorConfig) -> None:
        self.config = config
        self.lexicon = NameLexicon()
        persona = set(config.persona_ids)
        for pid, name, username in config.participants:
            source = "persona" if pid in persona else "participant"
            key = "persona" if pid in persona else f"p:{pid}"
            self.lexicon.add_person(key, source, name, username or None)
        if config.persona_name:
            self.lexicon.add_person("persona", "persona", config.persona_name)
        for phrase in config.settings.deny_list:
            self.lexicon.add_denied(phrase)
        self.allowed = allowed_set(config.settings.allow_list)
        self.persona_lemmas = {normalise(w) for _, _, w in morph.tokens(config.persona_name)}
        # In English text the persona is written in Latin letters ("Natasha").
        self.persona_lemmas |= {morph.translit(w) for w in self.persona_lemmas}
        self.use_ner = config.settings.use_ner

    def detect(self, texts: Sequence[str]) -> list[list[_Raw]]:
        """Findings for each text as ``(start, end, kind, source, key)``, overlaps resolved."""
        tagged = ner.entities(texts) if self.use_ner else [[] for _ in texts]
        return [self._detect_one(text, ents) for text, ents in zip(texts, tagged, strict=True)]

    def _detect_one(self, text: str, ents: list[tuple[int, int, str]]) -> list[_Raw]:
        if not text.strip():
            return []
        raw: list[_Raw] = [(s, e, k, "pattern", key) for s, e, k, key in patterns.find_patterns(text)]
        raw += self.lexicon.find(text)
        for start, end, kind in ents:
            span = text[start:end]
            if not morph.is_cyrillic(span):
                continue  # the model reads Russian; on English text its guesses are noise
            if " " not in span and (len(span) < 3 or morph.is_function_word(span)):
                continue  # "Ок", "Спасибо": on short replies the model sometimes sees names
            if (kind == "person" and " " not in span and morph.is_sentence_start(text, start)
                    and morph.name_status(span) in ("ambiguous", "word")):
                continue  # "Вера в себя важна": a common word opening a sentence
            raw.append((start, end, kind, "ner", ("name:" if kind == "person" else kind + ":")
                        + normalise(span)))
        raw += find_dictionary_names(text)
        placeholders = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
        kept = []
        for item in _resolve(raw):
            start, end, kind, source, key = item
            if any(start < pe and ps < end for ps, pe in placeholders):
                continue  # already redacted
            span = text[start:end]
            if span.strip().lower() in self.allowed or normalise(span) in self.allowed:
                continue
            if kind == "person" and source != "persona" and self._is_persona(span):
                item = (start, end, kind, "persona", "persona")
            if item[3] == "persona" and not self.config.settings.replace_persona:
                continue
            kept.append(item)
        return kept

    def _is_persona(self, span: str) -> bool:
        return bool(self.persona_lemmas) and normalise(span) in self.persona_lemmas

    def detect_turns(self, turn_texts: Sequence[Sequence[str]]) -> list[list[Finding]]:
        """Findings for several pairs, each given as the texts of its turns."""
        flat = [t for texts in turn_texts for t in texts]
        results = iter(self.detect(flat))
        out: list[list[Finding]] = []
        for texts in turn_texts:
            findings = []
            for index, text in enumerate(texts):
                for start, end, kind, source, key in next(results):
                    findings.append(Finding(index, start, end, kind, source, text[start:end], key))
            out.append(_unify_keys(findings))
        return out


def _resolve(raw: list[_Raw]) -> list[_Raw]:
    """Drop overlapping findings: the higher priority wins, then the longer span.

    Two person findings merge into their union (a participant's first name inside the NER
    model's "first name + surname"), keeping the labels of the stronger one.
    """
    ordered = sorted(raw, key=lambda r: (-_PRIORITY[r[3]], -(r[1] - r[0]), r[0]))
    kept: list[_Raw] = []
    for item in ordered:
        clash = [k for k in kept if item[0] < k[1] and k[0] < item[1]]
        if not clash:
            kept.append(item)
            continue
        if len(clash) == 1 and clash[0][2] == item[2] == "person":
            winner = clash[0]
            merged = (min(winner[0], item[0]), max(winner[1], item[1]), "person", winner[3],
                      winner[4])
            if not any(merged[0] < k[1] and k[0] < merged[1] for k in kept if k is not winner):
                kept[kept.index(winner)] = merged
    return sorted(kept)


def _unify_keys(findings: list[Finding]) -> list[Finding]:
    """Within a pair, "Марина" alone is the same person as "Марина Иванова" nearby."""
    full = {}
    for f in findings:
        if f.kind == "person" and " " in f.text.strip():
            for word in f.text.split():
                full.setdefault(normalise(word), f.key)
    out = []
    for f in findings:
        if f.kind == "person" and f.key.startswith("name:") and " " not in f.text.strip():
            key = full.get(normalise(f.text))
            if key and key != f.key:
                f = Finding(f.turn, f.start, f.end, f.kind, f.source, f.text, key)
        out.append(f)
    return out


_cache_lock = threading.Lock()
_cache: dict[str, Detector] = {}


def detector_for(project: Project) -> Detector:
    """The detector for the project's current set-up (built once, then shared)."""
    config = DetectorConfig.from_project(project)
    key = config.hash
    with _cache_lock:
        det = _cache.get(key)
    if det is None:
        det = Detector(config)
        with _cache_lock:
            if len(_cache) > 8:
                _cache.clear()
            _cache[key] = det
    return det
