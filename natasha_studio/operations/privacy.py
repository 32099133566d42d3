"""Personal data: replace it in pairs, undo a replacement, say a word is not personal.

The privacy panel (its undoable steps and its worker), the word's right-click menu and the
``privacy`` command call these. A replacement or its undo returns the pairs whose texts changed;
an allow-list change touches no pair's text (each view checks the pairs again against the new
list), so its ``Changes`` name no pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from natasha_studio.core import privacy
from natasha_studio.core.privacy import AllowListChange, Finding, RedactionResult, UndoResult
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import NOTHING, Changes

Progress = Callable[..., None]


def redact(project: Project, pair_ids: Iterable[int] | None = None, *, mode: str | None = None,
           kinds: Iterable[str] | None = None, findings: dict[int, list[Finding]] | None = None,
           scope: str = "all", progress: Progress | None = None) -> tuple[RedactionResult, Changes]:
    """Replace the personal data found in ``pair_ids`` (every pair: None), or exactly
    ``findings``; recorded so that ``undo_redaction`` restores it."""
    result = privacy.redact(project, pair_ids, mode=mode, kinds=kinds, findings=findings,
                            scope=scope, progress=progress)
    return result, Changes.of_pairs(result.pair_ids, replaced=result.total)


def undo_redaction(project: Project,
                   operation_id: int | None = None) -> tuple[UndoResult, Changes]:
    """Restore what a replacement (the latest one: None) changed; pairs edited since are left
    as they are and listed as skipped."""
    result = privacy.undo_redaction(project, operation_id)
    return result, Changes.of_pairs(result.restored, restored=len(result.restored))


def mark_not_personal(project: Project, word: str) -> tuple[AllowListChange, Changes]:
    """Never flag ``word`` (in any of its forms) again."""
    return privacy.mark_not_personal(project, word), NOTHING


def mark_personal_again(project: Project, word: str) -> tuple[AllowListChange, Changes]:
    """Flag ``word`` again: take it and its forms off the list of words that are not personal."""
    return privacy.mark_personal_again(project, word), NOTHING


def revert_allow_change(project: Project,
                        change: AllowListChange) -> tuple[AllowListChange, Changes]:
    """Undo one allow-list change exactly."""
    return privacy.revert_allow_change(project, change), NOTHING
