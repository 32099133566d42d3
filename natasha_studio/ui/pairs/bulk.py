"""Bulk changes of the Pairs tab, written on a worker thread while the window stays usable.

Approving a hundred thousand pairs, or undoing it, takes seconds. The undo stack moves at
once (a ``BulkCommand``'s redo()/undo() hands its work to the runner); the writing happens on
a worker thread with its own connection, in one transaction, with progress and Cancel in the
window's status bar; the views refresh once, when it is done. Small changes (a few pairs)
take milliseconds and are written at once, on the window's thread.

One change runs at a time: meanwhile the tab disables every action that changes pairs, and
the detail pane (``busy_changed``), so two changes never interleave. A change that fails or
is cancelled wrote nothing (its transaction is rolled back) and the stack is moved back, so
it still tells what the project holds. Closing the project or the app mid-change stops it at
its next step and waits for the rollback.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from natasha_studio.core.errors import Cancelled
from natasha_studio.core.store import Project
from natasha_studio.tasks import TaskRegistry

if TYPE_CHECKING:
    from natasha_studio.ui.pairs.commands import BulkCommand

# Changes of fewer pairs are written at once on the window's thread (a few milliseconds).
WORKER_MIN_PAIRS = 300
# How long closing waits for a cancelled change to roll back (it stops within one step).
STOP_WAIT_S = 30.0


@dataclass
class BulkRun:
    command: BulkCommand
    forward: bool                # redo (True) or undo (False)
    first: bool                  # the command's first redo: its push
    cancelled: bool = False      # asked to stop (closing)
    outcome: str = ""            # "done", "cancelled" or "failed", set by the worker
    thread: str = ""             # the worker thread's name (for tests)
    ended: threading.Event = field(default_factory=threading.Event)
    claimed: str = ""            # "worker" once it started; "window" if it never will
    lock: threading.Lock = field(default_factory=threading.Lock)

    def claim(self, who: str) -> bool:
        """True for whoever comes first: the worker starting, or the window giving up on a
        run whose worker has not started (a task cancelled early, or one that never ran)."""
        with self.lock:
            if self.claimed:
                return False
            self.claimed = who
            return True


class BulkRunner(QObject):
    """Runs the tab's bulk commands one at a time."""

    busy_changed = Signal(bool)
    started = Signal(object)     # BulkRun
    finished = Signal(object)    # BulkRun, after the views were told
    _ended = Signal(object)      # emitted by the worker thread; handled on the window's

    def __init__(self, tasks: TaskRegistry | None, stack: QUndoStack,
                 status: Callable[[str, int], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.stack = stack
        # Where the curator reads how far the change is (the window's status bar): the
        # window lists background tasks too, but may show another one first.
        self.status = status or (lambda _text, _ms: None)
        self.project: Project | None = None
        self._run: BulkRun | None = None
        self._title = ""
        self._skip: BulkCommand | None = None
        # One name per tab: starting a task under a running task's name cancels that task.
        self.task_name = f"pairs-bulk-{id(self)}"
        self._ended.connect(self._on_ended)
        if tasks is not None:
            tasks.progress.connect(self._on_progress)

    # -- state --------------------------------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        """Stop any change of the previous project first (see ``stop``)."""
        self.stop()
        self.project = project

    def busy(self) -> bool:
        return self._run is not None

    def current(self) -> BulkRun | None:
        return self._run

    # -- running ------------------------------------------------------------------------------

    def execute(self, command: BulkCommand, forward: bool) -> None:
        """Do (``forward``) or undo ``command``: called by its redo()/undo()."""
        if self._skip is command:
            self._skip = None  # the stack is being moved back after a failed run
            return
        if self._run is not None:
            # The tab disables its actions while a change runs; code that moves the stack
            # directly meanwhile waits for that change rather than interleaving with it.
            self.wait()
        first = not command.started_once
        command.started_once = True
        if command.size() < WORKER_MIN_PAIRS or self.tasks is None or self.project is None:
            command.perform(command.project, forward, None)
            command.notify(command.changed_ids())
            return
        run = BulkRun(command, forward, first)
        self._run = run
        path = self.project.path
        ended = self._ended

        def job(progress) -> None:
            def step(done: int, total: int, detail: str = "") -> None:
                if run.cancelled:
                    raise Cancelled()
                progress(done, total, detail)

            if not run.claim("worker"):
                return  # given up before it started: nothing to write
            run.thread = threading.current_thread().name
            try:
                with Project.open(path) as project:
                    command.perform(project, forward, step)
                run.outcome = "done"
            except Cancelled:
                run.outcome = "cancelled"
                raise
            except BaseException:
                run.outcome = "failed"
                raise
            finally:
                # Told before ``ended`` is set: ``stop`` waits for it, so once the project
                # is closed no worker touches the (possibly deleted) runner any more.
                try:
                    ended.emit(run)
                except RuntimeError:
                    pass  # the tab was closed meanwhile: nothing to refresh
                run.ended.set()

        title = command.text() if forward else \
            self.tr("Undo: {change}").format(change=command.text())
        task = self.tasks.run_in_thread(self.task_name, job, title=title, owner=self.project,
                                        with_progress=True)
        task.add_done_callback(lambda t: self._on_task_done(run, t))
        self._title = title
        self._show_progress(0)
        self.busy_changed.emit(True)
        self.started.emit(run)

    def wait(self) -> None:
        """Block until the running change ends (used only outside the tab's own actions)."""
        run = self._run
        if run is not None:
            if run.claim("window"):
                run.outcome = "cancelled"  # its worker had not started: it never will
            else:
                run.ended.wait(STOP_WAIT_S)
            self._finish(run, move_stack=False)

    def stop(self) -> None:
        """Cancel the running change and wait until it rolled back (or, if it was already
        committing, finished): the project closes in one of those two states."""
        run = self._run
        if run is None:
            return
        run.cancelled = True
        if self.tasks is not None:
            self.tasks.cancel(self.task_name)
        if run.claim("window"):
            run.outcome = "cancelled"
        else:
            run.ended.wait(STOP_WAIT_S)
        self._run = None
        self.status("", 1)
        self.busy_changed.emit(False)

    # -- progress and the end ----------------------------------------------------------------

    def _on_progress(self, name: str, done: int, total: int, _detail: str) -> None:
        if name == self.task_name and self._run is not None and total > 0:
            self._show_progress(int(100 * done / total))

    def _show_progress(self, percent: int) -> None:
        self.status(self.tr("{change}: {percent}% written. Editing waits until it is done.")
                    .format(change=self._title, percent=percent), 0)

    def _on_ended(self, run: BulkRun) -> None:
        self._finish(run, move_stack=True)

    def _on_task_done(self, run: BulkRun, task) -> None:
        """The task ended; if its worker never started (cancelled at once, or no thread
        could be started), nothing was written and nothing else will report."""
        if run.claim("window"):
            run.outcome = "cancelled" if task.cancelled() else "failed"
            self._finish(run, move_stack=True)

    def _finish(self, run: BulkRun, move_stack: bool) -> None:
        if run is not self._run:
            return  # stopped (the project closed), or already handled by ``wait``
        self._run = None
        command = run.command
        if run.outcome == "done":
            command.notify(command.changed_ids())
        elif move_stack:
            self._move_back(run)
        self.busy_changed.emit(False)
        if run.outcome == "cancelled":
            self.status(self.tr("Cancelled: nothing was changed."), 5000)
        elif run.outcome == "done":
            self.status(self.tr("{change}: done.").format(change=self._title), 3000)
        else:
            self.status("", 1)  # the failure is shown by the window
        self.finished.emit(run)

    def _move_back(self, run: BulkRun) -> None:
        """The change was not made: put the stack where the project is."""
        command = run.command
        if not shiboken6.isValid(command):
            return  # no longer on the stack
        index = self.stack.index()
        if run.forward:
            if index > 0 and self.stack.command(index - 1) is command:
                if run.first:
                    command.setObsolete(True)  # never made: undo() drops it from the stack
                else:
                    self._skip = command
                self.stack.undo()
        elif self.stack.command(index) is command:
            self._skip = command
            self.stack.redo()
        self._skip = None
