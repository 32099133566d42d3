"""Redactions and allow-list changes as undoable steps, for the Pairs tab's undo stack (Ctrl+Z).

They are ``PairCommand``s: the tab runs each undo and redo itself first (``run_step``), where a
failure can be told, before the stack records it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from natasha_studio.core.errors import StudioError
from natasha_studio.core.privacy import KINDS, AllowListChange, Finding, RedactionResult
from natasha_studio.core.store import Project
from natasha_studio.operations import privacy
from natasha_studio.ui.pairs.commands import PairCommand

Notify = Callable[[set[int] | None], None]


class PrivacyUndo(QObject):
    """The undo step's name. A ``self.tr`` call, because lupdate records plural forms only
    for those (not for ``QCoreApplication.translate``)."""

    def replaced(self, n: int) -> str:
        return self.tr("Replace personal data in %n pairs", "", n)

    def not_personal(self, word: str) -> str:
        return self.tr("Mark «{word}» as not personal").format(word=word)

    def personal_again(self, word: str) -> str:
        return self.tr("Treat «{word}» as personal again").format(word=word)


class RedactCommand(PairCommand):
    """Undo restores the turns; redo applies the same replacements again.

    A large redaction runs in a worker thread first; the command is then pushed with its
    ``result`` and its first ``redo`` (which QUndoStack calls on push) only tells the views.
    """

    def __init__(self, project: Project, notify: Notify, findings: dict[int, list[Finding]],
                 mode: str, scope: str, result: RedactionResult | None = None) -> None:
        n = len(result.pair_ids) if result is not None else len(findings)
        super().__init__(project, notify, PrivacyUndo().replaced(n))
        self.findings = result.replaced if result is not None else findings
        self.mode = mode
        self.scope = scope
        self.result = result
        self._first = result is not None

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.result, _changes = privacy.redact(self.project, mode=self.mode, kinds=KINDS,
                                                   findings=self.findings, scope=self.scope)
        self.notify(set(self.result.pair_ids) if self.result else set())

    def undo(self) -> None:
        if self.result is None or self.result.operation_id is None:
            return
        try:
            _done, changes = privacy.undo_redaction(self.project, self.result.operation_id)
        except StudioError:
            return  # already undone from the panel or the command line: nothing left to do
        self.notify(set(changes.pairs or ()))


class AllowWordCommand(PairCommand):
    """Mark a word as not personal (or personal again); undo reverts exactly that change.

    ``refresh`` runs after each change, so highlights and counts follow the allow-list.
    """

    def __init__(self, project: Project, word: str, refresh: Callable[[], None], *,
                 not_personal: bool = True) -> None:
        names = PrivacyUndo()
        super().__init__(project, lambda _ids: refresh(),
                         names.not_personal(word) if not_personal else names.personal_again(word))
        self.word = word
        self.refresh = refresh
        self.not_personal = not_personal
        self.change: AllowListChange | None = None

    def redo(self) -> None:
        mark = privacy.mark_not_personal if self.not_personal else privacy.mark_personal_again
        self.change, _changes = mark(self.project, self.word)
        if not self.change.changed:
            self.setObsolete(True)  # nothing to undo: the stack drops the step
        self.refresh()

    def undo(self) -> None:
        if self.change is not None and self.change.changed:
            privacy.revert_allow_change(self.project, self.change)
        self.refresh()
