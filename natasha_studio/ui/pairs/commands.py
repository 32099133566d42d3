"""Undoable changes (QUndoCommand) over the curation operations.

Each command writes through core operations when done or undone, then tells the tab which
pairs changed (``notify``), so the table and the detail pane re-read only those.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from natasha_studio.core.curation import operations, replace
from natasha_studio.core.pairs import (
    Turn,
    restore_statuses,
    set_field,
    set_pair_topics,
    set_status,
    set_turns,
)
from natasha_studio.core.store import Project

Notify = Callable[[set[int] | None], None]

# Consecutive typing in one field of one pair merges into one undo step.
_EDIT_ID = 1001


class PairCommand(QUndoCommand):
    def __init__(self, project: Project, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.notify = notify


class StatusCommand(PairCommand):
    def __init__(self, project: Project, notify: Notify, pair_ids: Sequence[int],
                 status: str, label: str) -> None:
        text = (QCoreApplication.translate("PairsUndo", "Mark %n pairs as {status}", None, len(pair_ids)).format(status=label)
                if len(pair_ids) != 1 else QCoreApplication.translate("PairsUndo", "Mark as {status}").format(status=label))
        super().__init__(project, notify, text)
        self.pair_ids = list(pair_ids)
        self.status = status
        self.previous: dict[int, str] = {}

    def redo(self) -> None:
        self.previous = set_status(self.project, self.pair_ids, self.status)
        self.notify(set(self.previous))

    def undo(self) -> None:
        restore_statuses(self.project, self.previous)
        self.notify(set(self.previous))


class TopicCommand(PairCommand):
    def __init__(self, project: Project, notify: Notify, pair_ids: Sequence[int], name: str,
                 add: bool) -> None:
        text = (QCoreApplication.translate("PairsUndo", "Add topic \u201c{name}\u201d") if add
                else QCoreApplication.translate("PairsUndo", "Remove topic \u201c{name}\u201d")).format(name=name)
        super().__init__(project, notify, text)
        self.pair_ids, self.name, self.add = list(pair_ids), name, add
        self.before: dict[int, list[str]] = {}

    def redo(self) -> None:
        self.before = operations.change_topic(self.project, self.pair_ids, self.name, self.add)
        self.notify(set(self.before))

    def undo(self) -> None:
        operations.restore_topics(self.project, self.before)
        self.notify(set(self.before))


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


class DeleteCommand(PairCommand):
    def __init__(self, project: Project, notify: Notify, pair_ids: Sequence[int],
                 deleted: bool) -> None:
        text = (QCoreApplication.translate("PairsUndo", "Delete %n pairs", None, len(pair_ids)) if deleted
                else QCoreApplication.translate("PairsUndo", "Restore %n pairs", None, len(pair_ids)))
        super().__init__(project, notify, text)
        self.pair_ids, self.deleted = list(pair_ids), deleted
        self.changed: list[int] = []

    def redo(self) -> None:
        self.changed = operations.set_deleted(self.project, self.pair_ids, self.deleted)
        self.notify(None)

    def undo(self) -> None:
        operations.set_deleted(self.project, self.changed, not self.deleted)
        self.notify(None)


class ReplaceCommand(PairCommand):
    def __init__(self, project: Project, notify: Notify, plan: list[replace.PairChange],
                 text: str) -> None:
        super().__init__(project, notify, text)
        self.plan = plan
        self.result: replace.ApplyResult | None = None

    def redo(self) -> None:
        self.result = replace.apply_replace(self.project, self.plan)
        self.notify(set(self.result.applied))

    def undo(self) -> None:
        if self.result is not None:
            replace.undo_replace(self.project, self.result.applied)
            self.notify(set(self.result.applied))


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


class MergeCommand(PairCommand):
    """Keep one pair of each duplicate group and reject the rest."""

    def __init__(self, project: Project, notify: Notify,
                 groups: list[tuple[int, list[int]]]) -> None:
        super().__init__(project, notify, QCoreApplication.translate("PairsUndo", "Merge %n duplicate groups", None, len(groups)))
        self.groups = groups
        self.results: list[operations.MergeResult] = []

    def redo(self) -> None:
        with self.project.transaction():
            self.results = [operations.merge_duplicates(self.project, keep, others)
                            for keep, others in self.groups]
        self.notify({i for keep, others in self.groups for i in [keep, *others]})

    def undo(self) -> None:
        with self.project.transaction():
            for result in reversed(self.results):
                operations.undo_merge(self.project, result)
        self.notify({i for keep, others in self.groups for i in [keep, *others]})


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
