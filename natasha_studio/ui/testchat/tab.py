"""The Test chat tab."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from natasha_studio.ui.context import AppContext
from natasha_studio.ui.widgets.empty_state import EmptyState


class TestChatTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(EmptyState(self.tr("Test chat"), self.tr("Chat with tuned and base models side by side.")))
