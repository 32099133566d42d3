"""Find and replace across pairs, previewed before anything changes.

``plan_replace`` computes every change without writing; ``apply_replace`` writes exactly the
planned changes, skipping (and reporting) any pair whose text changed since the preview, so
what the curator saw is what happens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.pairs import Turn, set_turns, turns_from_json
from natasha_studio.core.store import Project

SCOPES = ("answers", "questions", "all")


@dataclass
class TurnChange:
    index: int
    before: str
    after: str
    count: int


@dataclass
class PairChange:
    """The planned change of one pair."""

    pair_id: int
    turns: list[Turn]                  # effective turns when planned
    new_turns: list[Turn]
    changes: list[TurnChange] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(c.count for c in self.changes)


@dataclass
class ApplyResult:
    applied: dict[int, list[Turn] | None]  # pair id -> its edited turns before (for undo)
    skipped: list[int]                     # changed since the preview: left alone


def compile_find(find: str, *, regex: bool, case_sensitive: bool) -> re.Pattern[str]:
    """The pattern for ``find``; a bad regular expression is explained in plain words."""
    if not find:
        raise StudioError(translate("Curation", "Type the text to find."))
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        return re.compile(find if regex else re.escape(find), flags)
    except re.error as exc:
        raise StudioError(
            translate("Curation", "The search pattern is not a valid regular expression: {reason}.")
            .format(reason=exc.msg)) from exc


def _in_scope(turns: list[Turn], index: int, scope: str) -> bool:
    turn = turns[index]
    if scope == "all":
        return True
    if scope == "answers":
        return turn.role == "assistant"
    return turn.role == "user"


def check_replace(find: str, replacement: str, *, regex: bool = False,
                  case_sensitive: bool = False) -> tuple[re.Pattern[str], str]:
    """The compiled pattern and the replacement as ``re.sub`` takes it; a mistake in either
    is explained in plain words (instant: check before starting a long preview)."""
    pattern = compile_find(find, regex=regex, case_sensitive=case_sensitive)
    if not regex:
        return pattern, replacement.replace("\\", "\\\\")
    try:
        pattern.sub(replacement, "")
    except (re.error, IndexError) as exc:
        raise StudioError(
            translate("Curation", "The replacement refers to a group the pattern does "
                                  "not have: {reason}.").format(reason=exc)) from exc
    return pattern, replacement


def plan_replace(project: Project, pair_ids: Iterable[int], find: str, replacement: str, *,
                 regex: bool = False, case_sensitive: bool = False, scope: str = "answers",
                 progress: Callable[[int, int, str], None] | None = None) -> list[PairChange]:
    """Every change that replacing ``find`` by ``replacement`` would make (nothing written).

    ``progress(done, total, "")`` is called every thousand pairs (it may raise to stop)."""
    if scope not in SCOPES:
        raise ValueError(scope)
    pattern, replacement = check_replace(find, replacement, regex=regex,
                                         case_sensitive=case_sensitive)
    ids = list(pair_ids)
    plan: list[PairChange] = []
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        rows = project.conn.execute(
            f"SELECT id, coalesce(turns, turns_original) FROM pairs"
            f" WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk)
        for pair_id, turns_json in rows:
            turns = turns_from_json(turns_json)
            new_turns = list(turns)
            change = PairChange(pair_id, turns, new_turns)
            for i, turn in enumerate(turns):
                if not _in_scope(turns, i, scope):
                    continue
                text, count = pattern.subn(replacement, turn.text)
                if count and text != turn.text:
                    new_turns[i] = Turn(turn.role, text, turn.sender_id, turn.sender_name,
                                        list(turn.message_ids), turn.date)
                    change.changes.append(TurnChange(i, turn.text, text, count))
            if change.changes:
                plan.append(change)
        if progress is not None:
            progress(min(start + 1000, len(ids)), len(ids), "")
    order = {pid: i for i, pid in enumerate(ids)}
    plan.sort(key=lambda c: order[c.pair_id])  # the order the curator sees in the table
    return plan


def apply_replace(project: Project, plan: Iterable[PairChange]) -> ApplyResult:
    """Write the planned changes in one transaction."""
    applied: dict[int, list[Turn] | None] = {}
    skipped: list[int] = []
    with project.transaction() as conn:
        for change in plan:
            row = conn.execute("SELECT turns, coalesce(turns, turns_original) FROM pairs"
                               " WHERE id = ?", (change.pair_id,)).fetchone()
            if row is None or [t.text for t in turns_from_json(row[1])] != \
                    [t.text for t in change.turns]:
                skipped.append(change.pair_id)
                continue
            applied[change.pair_id] = turns_from_json(row[0]) if row[0] is not None else None
            set_turns(project, change.pair_id, change.new_turns)
    return ApplyResult(applied, skipped)


def undo_replace(project: Project, applied: dict[int, list[Turn] | None]) -> None:
    """Give the pairs of ``apply_replace`` their turns back."""
    with project.transaction():
        for pair_id, turns in applied.items():
            set_turns(project, pair_id, turns)
