"""The Sources tab."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from natasha_studio.ui.context import AppContext
from natasha_studio.ui.widgets.empty_state import EmptyState


class SourcesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(EmptyState(self.tr("Sources"), self.tr("Import a Telegram export or log into Telegram to bring in conversations.")))
