"""Privacy work for worker threads: each opens its own connection to the project file.

Background checks answer None when another change held the project file longer than they
wait (``ScanBusy``): the panel then tries again a little later instead of showing an error.
A check of many pairs also answers None while a long change (an import, finding pairs, a
change of many pairs) runs on the project, stopping at its next page if one starts: that
change rewrites the pairs under the check (the change's end asks for a check of all it
touched), and the detector's work would share the processor with it (an extraction ran
three to five times slower beside the first check of a large project).
"""

from __future__ import annotations

from natasha_studio.core import writer
from natasha_studio.core.errors import Cancelled
from natasha_studio.core.privacy import (
    Finding,
    PairRedaction,
    RedactionResult,
    ScanBusy,
    ScanSummary,
    flagged_pair_ids,
    plan_redaction,
    refresh_summary,
    scan_pairs,
)
from natasha_studio.core.store import Project
from natasha_studio.operations import privacy


def scan(path: str, pair_ids: list[int], progress=None) -> dict[int, list[Finding]] | None:
    """Findings of a few pairs (the one shown); None: the project is busy, ask again later."""
    try:
        with Project.open(path) as project:
            return scan_pairs(project, pair_ids, progress)
    except ScanBusy:
        return None


class _LongChange(Cancelled):
    """A long change began on the project: the check stops for now."""


def refresh(path: str, pair_ids: list[int] | None, with_ids: bool,
            progress=None) -> ScanSummary | None:
    """Rescan what changed among ``pair_ids`` (None: the whole dataset) and count the pairs
    with personal data; None: the project is busy, ask again later.

    It runs in this process on purpose: a second process opening the project is unsafe
    while ``Project.open`` reads the file's header with a plain open()/close(), which drops
    the POSIX locks that SQLite's connections in that process hold on the file."""
    if writer.current_claim(path) is not None:
        return None

    def step(done: int, total: int, detail: str = "") -> None:
        if writer.current_claim(path) is not None:
            raise _LongChange()  # what was checked so far stays cached
        if progress is not None:
            progress(done, total, detail)

    try:
        with Project.open(path) as project:
            return refresh_summary(project, pair_ids, step, with_ids)
    except (ScanBusy, _LongChange):
        return None


def plan(path: str, pair_ids: list[int] | None, mode: str, kinds: tuple[str, ...],
         progress=None) -> list[PairRedaction]:
    with Project.open(path) as project:
        return plan_redaction(project, pair_ids, mode=mode, kinds=kinds, progress=progress)[0]


def redact_pairs(path: str, pair_ids: list[int] | None, mode: str, kinds: tuple[str, ...],
                 scope: str, progress=None) -> RedactionResult:
    with Project.open(path) as project:
        return privacy.redact(project, pair_ids, mode=mode, kinds=kinds, scope=scope,
                              progress=progress)[0]


def flagged(path: str) -> list[int]:
    """The pairs that had personal data when last checked, for the panel's filter."""
    with Project.open(path) as project:
        return sorted(flagged_pair_ids(project))
