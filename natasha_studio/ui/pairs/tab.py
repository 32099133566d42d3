"""The Pairs tab."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from natasha_studio.ui.context import AppContext
from natasha_studio.ui.widgets.empty_state import EmptyState


class PairsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(EmptyState(self.tr("Pairs"), self.tr("Review and edit question-answer pairs here once sources are imported.")))
