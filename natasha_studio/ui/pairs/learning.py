""""Learn from my decisions" in the Pairs tab: the quality score fitted on the curator's own
approvals and rejections, every pair scored again off the window's thread, then the table
sorted with the pairs most likely to be approved first.

A line beside the button says where things stand: how many more decisions are needed, that
the score can learn, that it learnt (and from how many), or that decisions changed since.
Undoing decisions below the threshold takes back what they taught by itself: the default
score comes back (see ``operations.learning``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from natasha_studio.core.i18n import TranslationContext, number
from natasha_studio.core.store import Project
from natasha_studio.operations import learning
from natasha_studio.ui.pairs.task_progress import TaskProgress

LearnText = TranslationContext("LearnText")


class LearnBar(QWidget):
    """The button, its progress and the line saying where things stand."""

    def __init__(self, ctx, sort_by_quality: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project: Project | None = None
        self._sort_by_quality = sort_by_quality
        self.button = QToolButton()
        self.button.setText(self.tr("Learn from my decisions"))
        self.button.setToolTip(self.tr(
            "Fit the quality score on the pairs you approved and rejected, score every pair"
            " again and sort the table by quality: the pairs most likely to be approved come"
            " first."))
        self.button.clicked.connect(self.learn)
        self.sort_button = QToolButton()
        self.sort_button.setText(self.tr("Most likely approved first"))
        self.sort_button.setToolTip(self.tr("Sort the table by quality, highest first."))
        self.sort_button.clicked.connect(sort_by_quality)
        self.progress = TaskProgress(ctx.tasks, learning.LEARN_TASK)
        self.progress.bar.setMaximumWidth(160)
        self.state = QLabel()
        self.state.setProperty("role", "hint")
        self.state.setWordWrap(True)  # a long sentence takes two lines, not the window's width
        self.state.setMinimumWidth(200)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.sort_button)
        row.addWidget(self.progress)
        row.addWidget(self.state, 1)
        # Decisions come one key press at a time: the counts are read once they pause.
        self._recount = QTimer(self, singleShot=True, interval=400)
        self._recount.timeout.connect(self.refresh)
        self._finished = False

    def set_project(self, project: Project | None) -> None:
        self.progress.cancel()
        self.project = project
        self.refresh()

    def decisions_changed(self) -> None:
        self._recount.start()

    def refresh(self, automatic: bool = True) -> None:
        """Say where things stand; decisions undone below the threshold after learning take
        the default score back at once (``automatic``)."""
        if self.project is None:
            self.state.clear()
            return
        if self.progress.active:
            return
        ready = learning.readiness(self.project)
        self.button.setEnabled(ready.enough or ready.fitted)
        if automatic and ready.fitted and not ready.enough:
            self.learn()
            return
        self.state.setText(self._state_text(ready))

    def _state_text(self, ready: learning.Readiness) -> str:
        decided = ready.approved + ready.rejected
        if ready.fitted and not ready.out_of_date:
            return LearnText.tr("The score has learnt from your %n decisions.", None,
                                ready.fitted_on)
        if ready.fitted:
            return LearnText.tr("%n decisions since the score last learnt: learn again to use"
                                " them.", None, abs(decided - ready.fitted_on) or 1)
        if ready.enough:
            return LearnText.tr("%n decisions to learn from.", None, decided)
        return LearnText.tr("Approve or reject %n more pairs (at least 10 of each) and the"
                            " score can learn your taste.", None, ready.more_needed)

    def learn(self) -> None:
        if self.project is None or self.progress.active:
            return
        self.button.setEnabled(False)
        self.state.setText(self.tr("Scoring every pair again\u2026"))
        self._finished = False
        self.progress.start(learning.learn_in_thread, self.project.path,
                            title=self.tr("Learning from your decisions"), on_done=self._done)
        self.progress.task.add_done_callback(lambda _t: self._ended())

    def _ended(self) -> None:
        if not self.progress.active and not self._finished:
            self.refresh(automatic=False)  # failed or stopped: where things stand

    def _done(self, outcome: learning.LearnOutcome) -> None:
        self._finished = True
        message = self.outcome_text(outcome)
        self.state.setText(message)
        self.ctx.show_status(message, 10000)
        if not outcome.changes.empty:
            self.ctx.apply(outcome.changes)
            self._recount.stop()  # the pairs it scored again are no new decisions
            if outcome.fitted:
                self._sort_by_quality()
        self.button.setEnabled(outcome.fitted or outcome.readiness.enough)

    @staticmethod
    def outcome_text(outcome: learning.LearnOutcome) -> str:
        ready = outcome.readiness
        if outcome.rescored == 0:
            return LearnText.tr("Not yet: approve or reject %n more pairs (at least 10 of"
                                " each) and the score can learn your taste.", None,
                                ready.more_needed)
        if not outcome.fitted:
            return LearnText.tr("Too few decisions now (%n): the score is back to its"
                                " defaults.", None, ready.approved + ready.rejected)
        learnt = LearnText.tr("Learnt from %n decisions", None, ready.approved + ready.rejected)
        moved = LearnText.tr("%n of the first {top} pairs to review changed places", None,
                             outcome.moved).format(
                                 top=number(outcome.reviewed_top))
        sorted_ = QCoreApplication.translate(
            "LearnBar", "the table now shows the likeliest to be approved first.")
        return f"{learnt}. {moved}; {sorted_}"
