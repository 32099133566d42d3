"""A redaction as an undoable step (QUndoCommand), for the Pairs tab's undo stack (Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from natasha_studio.core.errors import StudioError
from natasha_studio.core.privacy import KINDS, Finding, RedactionResult, redact, undo_redaction
from natasha_studio.core.store import Project

Notify = Callable[[set[int] | None], None]


class PrivacyUndo(QObject):
    """The undo step's name. A ``self.tr`` call, because lupdate records plural forms only
    for those (not for ``QCoreApplication.translate``)."""

    def replaced(self, n: int) -> str:
        return self.tr("Replace personal data in %n pairs", "", n)


class RedactCommand(QUndoCommand):
    """Undo restores the turns; redo applies the same replacements again.

    A large redaction runs in a worker thread first; the command is then pushed with its
    ``result`` and its first ``redo`` (which QUndoStack calls on push) only tells the views.
    """

    def __init__(self, project: Project, notify: Notify, findings: dict[int, list[Finding]],
                 mode: str, scope: str, result: RedactionResult | None = None) -> None:
        n = len(result.pair_ids) if result is not None else len(findings)
        super().__init__(PrivacyUndo().replaced(n))
        self.project = project
        self.notify = notify
        self.findings = result.replaced if result is not None else findings
        self.mode = mode
        self.scope = scope
        self.result = result
        self._first = result is not None

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.result = redact(self.project, mode=self.mode, kinds=KINDS,
                                 findings=self.findings, scope=self.scope)
        self.notify(set(self.result.pair_ids) if self.result else set())

    def undo(self) -> None:
        if self.result is None or self.result.operation_id is None:
            return
        try:
            done = undo_redaction(self.project, self.result.operation_id)
        except StudioError:
            return  # already undone from the panel or the command line: nothing left to do
        self.notify(set(done.restored))
