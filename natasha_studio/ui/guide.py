"""The first-run guide: a slim row of the six steps under the tabs, and the next one to take.

Sources → Persona → Pairs → Statistics → Fine-tune → Test chat. A done step has a tick, the
step of the tab on screen is bold, and the first step not done is offered as a link that opens
its tab. What is done is read from the project (``core.flow``), so the guide is right whatever
the curator did, wherever. It can be closed; the choice is kept in the app's settings.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from natasha_studio.core.flow import StepState, flow_progress, next_step
from natasha_studio.core.store import Project

DISMISSED_KEY = "guide/dismissed"


class FlowGuide(QWidget):
    """The step row. ``step_requested(tab key)`` asks the window to show a tab."""

    step_requested = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowGuide")
        self.steps: list[StepState] = []
        self.current_tab = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for index in range(6):
            if index:
                arrow = QLabel("→")
                arrow.setEnabled(False)
                layout.addWidget(arrow)
            button = QToolButton()
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, i=index: self._on_step_clicked(i))
            layout.addWidget(button)
            self.buttons[str(index)] = button
        layout.addSpacing(12)
        self.next_label = QLabel()
        self.next_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.next_label.linkActivated.connect(self.step_requested)
        # A long hint is cut at the window's edge rather than widening the window.
        self.next_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.next_label.setMinimumWidth(0)
        layout.addWidget(self.next_label, 1)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Hide the steps (Help → Getting started explains "
                                             "them again)"))
        self.close_button.clicked.connect(self.dismissed)
        layout.addWidget(self.close_button)
        self.setMaximumHeight(self.sizeHint().height())

    def refresh(self, project: Project | None, current_tab: str | None = None) -> None:
        """Read the steps from ``project`` and mark the tab on screen."""
        if current_tab is not None:
            self.current_tab = current_tab
        self.steps = flow_progress(project) if project is not None else []
        for index, button in enumerate(self.buttons.values()):
            visible = index < len(self.steps)
            button.setVisible(visible)
            if visible:
                step = self.steps[index]
                button.setText(("✓ " if step.done else "") + step.title)
                button.setToolTip(step.hint)
        self._mark_here()
        upcoming = next_step(self.steps)
        if upcoming is None:
            self.next_label.setText(self.tr("All six steps done once. Curate, freeze and tune "
                                            "again as the dataset grows."))
        else:
            self.next_label.setText(self.tr("Next: <a href=\"{tab}\">{hint}</a>").format(
                tab=upcoming.tab, hint=html.escape(upcoming.hint, quote=False)))

    def set_current_tab(self, tab: str) -> None:
        """Mark the step of the tab now on screen; the steps read last stay (no project read)."""
        self.current_tab = tab
        self._mark_here()

    def _mark_here(self) -> None:
        here = self.here()
        for step, button in zip(self.steps, self.buttons.values(), strict=False):
            font = button.font()
            font.setBold(step.key == here)
            button.setFont(font)

    def _on_step_clicked(self, index: int) -> None:
        if index < len(self.steps):
            self.step_requested.emit(self.steps[index].tab)

    def here(self) -> str | None:
        """The step the curator is on: of the steps on the tab on screen, the first not done
        (the Sources tab holds both Sources and Persona), else its last."""
        on_tab = [s for s in self.steps if s.tab == self.current_tab]
        if not on_tab:
            return None
        return next((s.key for s in on_tab if not s.done), on_tab[-1].key)

    def done_keys(self) -> list[str]:
        return [s.key for s in self.steps if s.done]
