"""Extraction settings, kept in the project (setting ``extraction``) and the persona's ids."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from natasha_studio.core.store import Project

SETTING_KEY = "extraction"


@dataclass
class ExtractionSettings:
    """How messages become pairs; every field has a safe default."""

    max_context_turns: int = 6          # turns kept above the answer, question included
    merge_gap_s: int = 120              # one sender's messages this close make one turn
    implicit: bool = True               # make proximity (non-reply) pairs
    implicit_window_s: int = 600        # ... when the answer follows within this time
    min_answer_chars: int = 2           # an answer shorter than this makes no pair

    @classmethod
    def load(cls, project: Project) -> ExtractionSettings:
        stored = project.get_setting(SETTING_KEY, {}) or {}
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in stored.items() if k in names}
        return cls(**values)

    def save(self, project: Project) -> None:
        project.set_setting(SETTING_KEY, asdict(self))


def persona_ids(project: Project) -> list[int]:
    """The persona's identities (marked peer ids)."""
    return [int(i) for i in project.get_setting("persona_ids", []) or []]


def set_persona_ids(project: Project, ids: list[int]) -> None:
    project.set_setting("persona_ids", sorted({int(i) for i in ids}))
