"""Undoable changes (QUndoCommand) over the curation operations.

Each command writes through core operations when done or undone, then tells the tab which
pairs changed (``notify``), so the table and the detail pane re-read only those. Changes of
many pairs (``BulkCommand``) are written by the tab's ``BulkRunner``, on a worker thread when
they are large.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from natasha_studio.core.curation import bulk, operations, replace
from natasha_studio.core.curation.bulk import Progress
from natasha_studio.core.pairs import Turn, set_field, set_pair_topics, set_turns
from natasha_studio.core.store import Project
from natasha_studio.operations import curation

if TYPE_CHECKING:
    from natasha_studio.ui.pairs.bulk import BulkRunner

Notify = Callable[[AbstractSet[int] | None], None]

# Consecutive typing in one field of one pair merges into one undo step.
_EDIT_ID = 1001


class PairsUndo(QObject):
    """Names of undo steps that count pairs. They are ``self.tr`` calls because lupdate
    records plural forms only for those (not for ``QCoreApplication.translate``)."""

    def marked(self, n: int) -> str:
        return self.tr("Mark %n pairs as {status}", "", n)

    def deleted(self, n: int) -> str:
        return self.tr("Delete %n pairs", "", n)

    def restored(self, n: int) -> str:
        return self.tr("Restore %n pairs", "", n)

    def merged(self, n: int) -> str:
        return self.tr("Merge %n duplicate groups", "", n)


def _skippable(step: Callable[[PairCommand], None]) -> Callable[[PairCommand], None]:
    @functools.wraps(step)
    def run(self: PairCommand) -> None:
        if self.ran_already:
            self.ran_already = False
            return
        step(self)
    return run


class PairCommand(QUndoCommand):
    """Qt calls ``redo`` and ``undo`` from its own code, where an exception cannot reach the
    caller: a change that failed (the project busy elsewhere, a full disk) would still be
    recorded as done. So the tab runs each step itself first (``run_step``), where a failure
    is shown and the stack left as it was, and only then lets the stack record it: the stack's
    own call is skipped once (``ran_already``)."""

    def __init__(self, project: Project, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.notify = notify
        self.ran_already = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("redo", "undo"):
            if name in cls.__dict__:
                setattr(cls, name, _skippable(cls.__dict__[name]))

    def run_step(self, forward: bool) -> None:
        """Do (or undo) the change now; the stack's next call of the same step is skipped."""
        (self.redo if forward else self.undo)()
        self.ran_already = True


class BulkCommand(PairCommand):
    """A change of many pairs. ``perform`` writes it (or undoes it) through ``project``, on
    the window's thread or a worker's (see ``bulk.BulkRunner``); it records what undoes it on
    the command, so a redo that was cancelled leaves an undo with nothing to do."""

    def __init__(self, project: Project, notify: Notify, text: str,
                 runner: BulkRunner | None = None) -> None:
        super().__init__(project, notify, text)
        self.runner = runner
        self.started_once = False

    def size(self) -> int:
        """How many pairs the change touches (large ones go to a worker thread)."""
        raise NotImplementedError

    def perform(self, project: Project, forward: bool, progress: Progress | None) -> None:
        raise NotImplementedError

    def changed_ids(self) -> AbstractSet[int] | None:
        """The pairs to refresh afterwards (None: rows may have come or gone); read only."""
        raise NotImplementedError

    def redo(self) -> None:
        self._execute(True)

    def undo(self) -> None:
        self._execute(False)

    def _execute(self, forward: bool) -> None:
        if self.runner is not None:
            self.runner.execute(self, forward)
        else:
            self.perform(self.project, forward, None)
            self.notify(self.changed_ids())


class StatusCommand(BulkCommand):
    def __init__(self, project: Project, notify: Notify, pair_ids: Sequence[int],
                 status: str, label: str, runner: BulkRunner | None = None) -> None:
        text = (PairsUndo().marked(len(pair_ids)).format(status=label)
                if len(pair_ids) != 1 else QCoreApplication.translate("PairsUndo", "Mark as {status}").format(status=label))
        super().__init__(project, notify, text, runner)
        self.pair_ids = list(pair_ids)
        self.status = status
        self.previous: dict[int, str] = {}

    def size(self) -> int:
        return len(self.pair_ids)

    def perform(self, project: Project, forward: bool, progress: Progress | None) -> None:
        if forward:
            self.previous = {}
            self.previous, _ = curation.set_status(project, self.pair_ids, self.status, progress)
        else:
            curation.put_back_statuses(project, self.previous, progress)

    def changed_ids(self) -> AbstractSet[int]:
        # A view, not a copy: a million ids copied on the window's thread cost ~50 ms.
        return self.previous.keys()


class TopicCommand(BulkCommand):
    def __init__(self, project: Project, notify: Notify, pair_ids: Sequence[int], name: str,
                 add: bool, runner: BulkRunner | None = None) -> None:
        text = (QCoreApplication.translate("PairsUndo", "Add topic \u201c{name}\u201d") if add
                else QCoreApplication.translate("PairsUndo", "Remove topic \u201c{name}\u201d")).format(name=name)
        super().__init__(project, notify, text, runner)
        self.pair_ids, self.name, self.add = list(pair_ids), name, add
        self.changed: frozenset[int] = frozenset()

    def size(self) -> int:
        return len(self.pair_ids)

    def perform(self, project: Project, forward: bool, progress: Progress | None) -> None:
        # Undo needs only which pairs gained (or lost) the topic: taking it off (or putting
        # it back on) exactly those restores them. A million pairs' topic lists kept for
        # undo would cost hundreds of MB, and every garbage collection would walk them.
        if forward:
            self.changed = frozenset()
            self.changed, _ = curation.change_topic(project, self.pair_ids, self.name,
                                                    self.add, progress)
        else:
            curation.change_topic(project, sorted(self.changed), self.name, not self.add,
                                  progress)

    def changed_ids(self) -> AbstractSet[int]:
        return self.changed


class SetTopicsCommand(PairCommand):
    """The detail pane's chips: the pair's topics become exactly ``names``."""

    def __init__(self, project: Project, notify: Notify, pair_id: int, before: list[str],
                 after: list[str]) -> None:
        super().__init__(project, notify, QCoreApplication.translate("PairsUndo", "Change topics"))
        self.pair_id, self.before, self.after = pair_id, before, after

    def redo(self) -> None:
        set_pair_topics(self.project, self.pair_id, self.after)
        self.notify({self.pair_id})

    def undo(self) -> None:
        set_pair_topics(self.project, self.pair_id, self.before)
        self.notify({self.pair_id})


class TurnsCommand(PairCommand):
    """An edit of a pair's turns (typing, revert, join). ``before``/``after`` are edited
    turns as stored: None means the original."""

    def __init__(self, project: Project, notify: Notify, pair_id: int,
                 before: list[Turn] | None, after: list[Turn] | None, text: str,
                 mergeable: bool = False) -> None:
        super().__init__(project, notify, text)
        self.pair_id, self.before, self.after = pair_id, before, after
        self.mergeable = mergeable

    def id(self) -> int:
        return _EDIT_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TurnsCommand) or not other.mergeable \
                or other.pair_id != self.pair_id:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        set_turns(self.project, self.pair_id, self.after)
        self.notify({self.pair_id})

    def undo(self) -> None:
        set_turns(self.project, self.pair_id, self.before)
        self.notify({self.pair_id})


class FieldCommand(PairCommand):
    """Notes or the per-pair system prompt."""

    def __init__(self, project: Project, notify: Notify, pair_id: int, field_name: str,
                 before: object, after: object, text: str) -> None:
        super().__init__(project, notify, text)
        self.pair_id, self.field_name = pair_id, field_name
        self.before, self.after = before, after

    def id(self) -> int:
        return _EDIT_ID + 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldCommand) or (other.pair_id, other.field_name) != \
                (self.pair_id, self.field_name):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        set_field(self.project, self.pair_id, self.field_name, self.after)
        self.notify({self.pair_id})

    def undo(self) -> None:
        set_field(self.project, self.pair_id, self.field_name, self.before)
        self.notify({self.pair_id})


class DeleteCommand(BulkCommand):
    def __init__(self, project: Project, notify: Notify, pair_ids: Sequence[int],
                 deleted: bool, runner: BulkRunner | None = None) -> None:
        text = (PairsUndo().deleted(len(pair_ids)) if deleted
                else PairsUndo().restored(len(pair_ids)))
        super().__init__(project, notify, text, runner)
        self.pair_ids, self.deleted = list(pair_ids), deleted
        self.changed: list[int] = []

    def size(self) -> int:
        return len(self.pair_ids)

    def perform(self, project: Project, forward: bool, progress: Progress | None) -> None:
        if forward:
            self.changed = []
            self.changed, _ = curation.set_deleted(project, self.pair_ids, self.deleted,
                                                   progress)
        else:
            curation.set_deleted(project, self.changed, not self.deleted, progress)

    def changed_ids(self) -> None:
        return None  # rows leave (or join) the table


class ReplaceCommand(BulkCommand):
    def __init__(self, project: Project, notify: Notify, plan: list[replace.PairChange],
                 text: str, runner: BulkRunner | None = None) -> None:
        super().__init__(project, notify, text, runner)
        self.plan = plan
        self.result: replace.ApplyResult | None = None

    def size(self) -> int:
        return len(self.plan)

    def perform(self, project: Project, forward: bool, progress: Progress | None) -> None:
        if forward:
            self.result = None
            self.result = bulk.apply_replace(project, self.plan, progress)
        elif self.result is not None:
            bulk.undo_replace(project, self.result.applied, progress)

    def changed_ids(self) -> set[int]:
        return set(self.result.applied) if self.result is not None else set()


class SplitCommand(PairCommand):
    def __init__(self, project: Project, notify: Notify, pair_id: int, at: int) -> None:
        super().__init__(project, notify, QCoreApplication.translate("PairsUndo", "Split pair"))
        self.pair_id, self.at = pair_id, at
        self.result: operations.SplitResult | None = None

    def redo(self) -> None:
        self.result = operations.split_pair(self.project, self.pair_id, self.at)
        self.notify(None)

    def undo(self) -> None:
        if self.result is not None:
            operations.undo_split(self.project, self.result)
        self.notify(None)


class MergeCommand(BulkCommand):
    """Keep one pair of each duplicate group and reject the rest."""

    def __init__(self, project: Project, notify: Notify,
                 groups: list[tuple[int, list[int]]], runner: BulkRunner | None = None) -> None:
        super().__init__(project, notify, PairsUndo().merged(len(groups)), runner)
        self.groups = groups
        self.results: list[operations.MergeResult] = []

    def size(self) -> int:
        return sum(1 + len(others) for _keep, others in self.groups)

    def perform(self, project: Project, forward: bool, progress: Progress | None) -> None:
        if forward:
            self.results = []
            self.results = bulk.merge_duplicates(project, self.groups, progress)
        else:
            bulk.undo_merges(project, self.results, progress)

    def changed_ids(self) -> set[int]:
        return {i for keep, others in self.groups for i in [keep, *others]}


class AddPairCommand(PairCommand):
    def __init__(self, project: Project, notify: Notify, question: str, answer: str,
                 context: str = "") -> None:
        super().__init__(project, notify, QCoreApplication.translate("PairsUndo", "Add pair"))
        self.args = (question, answer, context)
        self.pair_id: int | None = None

    def redo(self) -> None:
        if self.pair_id is None:
            q, a, c = self.args
            self.pair_id = operations.add_manual_pair(self.project, q, a, context=c)
        else:
            operations.set_deleted(self.project, [self.pair_id], False)
        self.notify(None)

    def undo(self) -> None:
        if self.pair_id is not None:
            operations.set_deleted(self.project, [self.pair_id], True)
        self.notify(None)
