"""A progress bar with a Stop button for one background task of a dialog.

Dialogs start their heavy work with ``ctx.tasks.run_in_thread`` (so the window stays
responsive) and show it here; each run gets a number, and a result whose number is not the
latest is ignored, so changing the options mid-run never shows an out-of-date answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from natasha_studio.tasks import TaskRegistry


class TaskProgress(QWidget):
    def __init__(self, tasks: TaskRegistry, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.name = name
        self.task = None
        self.active = False  # a run is going on
        self._run = 0
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)
        tasks.progress.connect(self._on_progress)
        self.hide()

    def start(self, fn: Callable[..., Any], *args: Any, title: str,
              on_done: Callable[[Any], None]) -> Any:
        """Run ``fn(*args, progress=...)`` in a thread; ``on_done(result)`` if still wanted."""
        self._run += 1
        run = self._run

        def finished(result: Any) -> None:
            if run == self._run:
                self._stopped()
                on_done(result)

        self.bar.setRange(0, 0)
        self.active = True
        self.show()
        self.task = self.tasks.run_in_thread(self.name, fn, *args, title=title, owner=self,
                                             with_progress=True, on_done=finished)
        self.task.add_done_callback(lambda _t: self._ended(run))
        return self.task

    def cancel(self) -> None:
        """Stop the run (its result, if it still comes, is ignored)."""
        self._run += 1
        if self.active:
            self.tasks.cancel(self.name)
        self._stopped()

    def _stopped(self) -> None:
        self.active = False
        self.hide()

    def _ended(self, run: int) -> None:
        if run == self._run:
            self._stopped()  # failed or cancelled: the registry reports a failure itself

    def _on_progress(self, name: str, done: int, total: int, _detail: str) -> None:
        if name == self.name and total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
