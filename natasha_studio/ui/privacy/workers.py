"""Privacy work for worker threads: each opens its own connection to the project file."""

from __future__ import annotations

from natasha_studio.core.privacy import (
    Finding,
    PairRedaction,
    RedactionResult,
    plan_redaction,
    redact,
    scan_pairs,
)
from natasha_studio.core.store import Project


def scan(path: str, pair_ids: list[int] | None, progress=None) -> dict[int, list[Finding]]:
    with Project.open(path) as project:
        return scan_pairs(project, pair_ids, progress)


def plan(path: str, pair_ids: list[int] | None, mode: str, kinds: tuple[str, ...],
         progress=None) -> list[PairRedaction]:
    with Project.open(path) as project:
        return plan_redaction(project, pair_ids, mode=mode, kinds=kinds, progress=progress)[0]


def redact_pairs(path: str, pair_ids: list[int] | None, mode: str, kinds: tuple[str, ...],
                 scope: str, progress=None) -> RedactionResult:
    with Project.open(path) as project:
        return redact(project, pair_ids, mode=mode, kinds=kinds, scope=scope, progress=progress)
