"""Teaching the quality score the curator's own taste: re-fit it on the project's approvals
and rejections and score every pair again, so that sorting by quality puts first the pairs
most likely to be approved.

``readiness`` says, without fitting anything, whether there are enough decisions yet;
``learn`` fits (or, when decisions were undone below the threshold, goes back to the default
weights) and says how the order of the pairs still to review changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from natasha_studio.core import writer
from natasha_studio.core.dataset import quality_learning
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes

Progress = Callable[..., None]
LEARN_TASK = "pairs.learn"
# The pairs still to review looked at to say how the order changed.
TOP = 100


@dataclass(frozen=True)
class Readiness:
    approved: int
    rejected: int
    fitted: bool          # the project's own weights are in use now
    fitted_on: int        # decisions they were fitted on (0: the defaults)

    @property
    def enough(self) -> bool:
        return (self.approved + self.rejected >= quality_learning.MIN_DECISIONS
                and self.approved >= quality_learning.MIN_EACH
                and self.rejected >= quality_learning.MIN_EACH)

    @property
    def more_needed(self) -> int:
        """Decisions still needed, the kind short of its minimum counted first."""
        each = (max(0, quality_learning.MIN_EACH - self.approved)
                + max(0, quality_learning.MIN_EACH - self.rejected))
        total = quality_learning.MIN_DECISIONS - self.approved - self.rejected
        return max(each, total, 0)

    @property
    def out_of_date(self) -> bool:
        """Learnt on other decisions than there are now (or learnt, and now too few)."""
        if self.fitted:
            return not self.enough or self.fitted_on != self.approved + self.rejected
        return False


@dataclass(frozen=True)
class LearnOutcome:
    readiness: Readiness      # before learning
    fitted: bool              # the project's own weights are in use after it
    rescored: int             # pairs scored again (0: nothing was done)
    reviewed_top: int         # pairs to review looked at (at most TOP)
    moved: int                # ... of them at another place than before
    changes: Changes


def readiness(project: Project) -> Readiness:
    approved, rejected = quality_learning.decision_counts(project)
    stored = quality_learning.project_weights(project)
    return Readiness(approved, rejected, stored is not None,
                     int(stored.get("decisions", 0)) if stored else 0)


def _top_to_review(project: Project) -> list[int]:
    return quality_learning.top_to_review(project, TOP)


def learn(project: Project, progress: Progress | None = None) -> LearnOutcome:
    """Fit the score on the decisions and score every pair again; with too few decisions,
    go back to the default score if the project had learnt before (undone decisions undo
    what they taught), else change nothing."""
    ready = readiness(project)
    if not ready.enough and not ready.fitted:
        return LearnOutcome(ready, False, 0, 0, 0, Changes())
    with writer.claim(project.path, "learning"), project.pausable():
        before = _top_to_review(project)
        learned = quality_learning.learn_from_decisions(project, progress)
        after = _top_to_review(project)
    return LearnOutcome(ready, learned.fitted, learned.rescored, len(after),
                        sum(1 for i, pair_id in enumerate(after)
                            if i >= len(before) or before[i] != pair_id),
                        Changes(pairs=None, counts={"rescored": learned.rescored}))


def learn_in_thread(path: Path | str, progress: Progress | None = None) -> LearnOutcome:
    """``learn`` on a connection of the calling (worker) thread's own."""
    with Project.open(path) as project:
        return learn(project, progress)
