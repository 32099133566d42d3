"""Right-click on a highlighted word in a pair's text: the privacy panel's actions for it.

The menu is the editor's usual one (undo, cut, copy, paste…) with the word's own actions on
top: "Not personal: never flag «Хатхор»", one undoable step like the panel's button, and
"Replace «…» in this pair" while the highlight is still what was found. A right-click
elsewhere in the text shows the usual menu alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from natasha_studio.core.privacy import Finding
from natasha_studio.ui.privacy.highlighter import PrivacyHighlighter

if TYPE_CHECKING:
    from natasha_studio.ui.privacy.panel import PrivacyPanel

_WATCHED = "privacy_word_menu"
_TURN = "privacy_turn"


class WordMenu(QObject):
    """Adds the word actions to the context menu of the turn editors the panel highlights."""

    def __init__(self, panel: PrivacyPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.last_menu: QMenu | None = None  # the menu shown last (for tests)

    def watch(self, editor: QPlainTextEdit, turn: int) -> None:
        """Give ``editor`` (the text of turn ``turn``) the word actions, once per editor."""
        editor.setProperty(_TURN, turn)
        if editor.property(_WATCHED):
            return
        editor.setProperty(_WATCHED, True)
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(
            lambda pos, e=editor: self._on_menu_requested(e, pos))

    def word_at(self, editor: QPlainTextEdit, pos: QPoint) -> tuple[str, Finding | None] | None:
        """The highlighted word under ``pos`` (viewport coordinates) and what was found there
        (None once the curator has typed in it), or None where nothing is highlighted."""
        highlighter = editor.document().findChild(PrivacyHighlighter)
        if highlighter is None:
            return None
        at = editor.cursorForPosition(pos).position()
        for start, end, kind in highlighter.spans():
            if start <= at <= end:
                word = editor.toPlainText()[start:end]
                turn = editor.property(_TURN)
                finding = next((f for f in self._panel.findings
                                if f.turn == turn and (f.start, f.end, f.kind) == (start, end, kind)
                                and f.text == word), None)
                return word, finding
        return None

    def menu_for(self, editor: QPlainTextEdit, pos: QPoint) -> QMenu:
        """The editor's usual menu, with the word's actions first when ``pos`` is on one."""
        menu = editor.createStandardContextMenu(pos)
        hit = self.word_at(editor, pos)
        if hit is None:
            return menu
        word, finding = hit
        top = menu.actions()[0] if menu.actions() else None
        # The panel's context: its button and its list's menu say the same words.
        allow = QAction(QCoreApplication.translate(
            "PrivacyPanel", "Not personal: never flag «{word}»").format(word=word), menu)
        allow.setToolTip(QCoreApplication.translate(
            "PrivacyPanel", "The chosen word is nobody's personal data (a goddess, a brand): "
                            "never highlight or replace it in this project. Undo with Ctrl+Z."))
        allow.triggered.connect(lambda: self._panel.mark_not_personal(word))
        actions = [allow]
        if finding is not None:
            replace = QAction(QCoreApplication.translate(
                "PrivacyPanel", "Replace «{word}» in this pair").format(word=word), menu)
            replace.triggered.connect(lambda: self._panel.replace_finding(finding))
            actions.append(replace)
        menu.insertActions(top, actions)
        menu.insertSeparator(top)
        return menu

    def _on_menu_requested(self, editor: QPlainTextEdit, pos: QPoint) -> None:
        if not shiboken6.isValid(self._panel) or not shiboken6.isValid(editor):
            return
        menu = self.menu_for(editor, pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_menu = menu
        menu.popup(editor.viewport().mapToGlobal(pos))
