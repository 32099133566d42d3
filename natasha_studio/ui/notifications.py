"""Desktop notifications when long work ends: a fine-tune, an import, a Telegram fetch.

A curator starts a fine-tune or a large import and goes elsewhere; the app says when it ends
with a system notification (the tray's message where the desktop has one) and a flash of the
window's taskbar entry, and in the status bar. Work that took less than ``LONG_WORK_SECONDS``
was watched anyway and is not announced.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from natasha_studio.core.jobs import records
from natasha_studio.operations import EXTRACT_TASK
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.context import AppContext

LONG_WORK_SECONDS = 20.0
# Background tasks worth a notification, by name prefix.
LONG_TASKS = ("sources.import", EXTRACT_TASK, "telegram.fetch")


class Notifier(QObject):
    """Watches the task registry and the project's jobs; ``shown`` carries each notice."""

    shown = Signal(str, str)  # title, message

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._tray: QSystemTrayIcon | None = None
        self._started: dict[str, float] = {}
        self._ended: dict[str, float] = {}
        self._job_states: dict[int, str] = {}
        ctx.tasks.tasks_changed.connect(self._on_tasks_changed)
        ctx.tasks.task_finished.connect(self._on_task_finished)
        ctx.changed.connect(self._on_changed)
        ctx.project_changed.connect(self._on_project_changed)

    # -- watching ------------------------------------------------------------------------------

    def _on_tasks_changed(self) -> None:
        running = {info.name for info in self.ctx.tasks.running()}
        now = time.monotonic()
        # Ended tasks keep their start for task_finished, which comes right after this signal
        # (a cancelled or failed task gets none and is forgotten at the next change).
        self._ended = {n: t for n, t in self._started.items() if n not in running}
        self._started = {n: self._started.get(n, now) for n in running}

    def _on_task_finished(self, name: str) -> None:
        started = self._ended.pop(name, None)
        if not name.startswith(LONG_TASKS) or started is None:
            return
        if time.monotonic() - started < LONG_WORK_SECONDS:
            return
        titles = {
            "sources.import": self.tr("The import is finished"),
            EXTRACT_TASK: self.tr("The pairs are found"),
            "telegram.fetch": self.tr("The messages are fetched from Telegram"),
        }
        title = next((t for prefix, t in titles.items() if name.startswith(prefix)), "")
        self.notify(title, self.tr("Natasha Studio finished this while you were away."))

    def _on_project_changed(self, project) -> None:
        self._job_states = records.job_states(project) if project is not None else {}

    def _on_changed(self, changes: Changes) -> None:
        if changes.jobs:
            self._on_jobs_changed()

    def _on_jobs_changed(self) -> None:
        # Fires on every update of a followed job: only (id, status) is read, and a job's
        # full record only when it has just ended.
        project = self.ctx.project
        if project is None:
            return
        states = records.job_states(project)
        ended = [job_id for job_id, status in states.items()
                 if status in records.FINAL_STATES
                 and self._job_states.get(job_id) not in (None, *records.FINAL_STATES)]
        self._job_states = states
        for job_id in ended:
            self._announce(records.get_job(project, job_id))

    def _announce(self, job: records.JobRecord) -> None:
        name = job.display_name or job.base_model
        if job.status == "succeeded":
            self.notify(self.tr("The fine-tune “{name}” is finished").format(name=name),
                        self.tr("Try the tuned model in the Test chat tab."))
        elif job.status == "failed":
            self.notify(self.tr("The fine-tune “{name}” failed").format(name=name),
                        job.error or self.tr("The Fine-tune tab says why."))
        else:
            self.notify(self.tr("The fine-tune “{name}” was cancelled").format(name=name), "")

    # -- showing -------------------------------------------------------------------------------

    def notify(self, title: str, message: str) -> None:
        """Show a notice: the system's notification where there is one, always the status bar
        and a flash of the taskbar entry."""
        self.shown.emit(title, message)
        self.ctx.show_status(f"{title}. {message}".strip(" ."), 15000)
        QApplication.alert(self.window, 0)
        tray = self._tray_icon()
        if tray is not None:
            tray.showMessage(title, message, self.window.windowIcon(), 15000)

    def _tray_icon(self) -> QSystemTrayIcon | None:
        if self._tray is None and QSystemTrayIcon.isSystemTrayAvailable() \
                and QSystemTrayIcon.supportsMessages():
            self._tray = QSystemTrayIcon(self.window.windowIcon(), self)
            self._tray.setToolTip(self.window.windowTitle())
            self._tray.activated.connect(self._on_tray_activated)
            self._tray.messageClicked.connect(self._on_tray_activated)
            self._tray.show()
        return self._tray

    def _on_tray_activated(self, *_args) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()


