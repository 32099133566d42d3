"""Named, owned background tasks on the app's asyncio (qasync) loop.

Starting a task under a name that is already running cancels the old one. A failure lands
in one place (``task_failed``), which the window shows as a message and the log records.
CPU-heavy work goes to a thread with ``run_in_thread``; its progress callback may be called
from that thread, and reaches the UI thread as the ``progress`` signal.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sqlite3
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import qasync
from PySide6.QtCore import QObject, QTimer, Signal

from natasha_studio.core.errors import Cancelled, StudioError

log = logging.getLogger(__name__)


class StudioEventLoop(qasync.QEventLoop):
    """qasync's loop, marked as the running loop whenever one of its callbacks runs.

    Qt runs the loop's callbacks from its own event processing, which also happens while the
    loop is not running: in the pass qasync's ``run_until_complete`` makes over Qt's events
    after it stops (between the app's window closing and its shutdown), and whenever a test
    drives the loop in short runs and lets Qt process events in between. A task step run then
    would find no running loop (``asyncio.sleep`` and ``asyncio.to_thread`` raise "no running
    event loop") and the task would die. Every callback goes through ``call_later`` (qasync's
    ``call_soon`` and ``call_at`` included), so it is wrapped there.

    Making one also moves Python's garbage collection to this thread (``MainThreadCollector``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        MainThreadCollector.install()

    def call_later(self, delay, callback, *args, context=None):
        return super().call_later(delay, self._as_running, callback, *args, context=context)

    def _as_running(self, callback, *args):
        if asyncio._get_running_loop() is not None:
            return callback(*args)
        asyncio._set_running_loop(self)
        try:
            return callback(*args)
        finally:
            asyncio._set_running_loop(None)


class MainThreadCollector(QObject):
    """Python's cyclic garbage collection, done on the window's thread only.

    The collector runs in whichever thread happens to allocate when a count crosses its
    threshold. Run in a worker thread (a dataset check, a provider's client being made), it
    may free a cycle that holds a Qt object of the window's thread: the object is destroyed
    in the wrong thread, its timer stays registered, and Qt later crashes delivering the timer
    event (a segmentation fault in QTimerInfoList::activateTimers, seen at a task's end).
    Once the first loop is made (on the window's thread), automatic collection is off for
    the rest of the process; a timer on that thread collects each generation whose count is
    past the threshold Python would use, unless bulk work has the collector paused
    (``core.dataset.bulk.gc_paused``).
    """

    INTERVAL_MS = 250
    _installed: MainThreadCollector | None = None

    @classmethod
    def install(cls) -> None:
        if cls._installed is None:
            cls._installed = cls()

    def __init__(self) -> None:
        super().__init__()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(self.INTERVAL_MS)

    def collect_if_due(self) -> None:
        from natasha_studio.core.dataset.bulk import gc_pause_active

        if gc_pause_active() or not self._thresholds[0]:
            return
        counts = gc.get_count()
        generation = -1
        for gen in range(3):
            if counts[gen] > self._thresholds[gen]:
                generation = gen
            else:
                break
        if generation >= 0:
            gc.collect(generation)


@dataclass
class TaskInfo:
    name: str
    title: str
    owner: object | None
    task: asyncio.Task
    progress: tuple[int, int] = (0, 0)  # done, total (total 0: unknown)
    detail: str = ""
    cancel_flag: list[bool] = field(default_factory=lambda: [False])


class TaskRegistry(QObject):
    """The app's background tasks."""

    tasks_changed = Signal()  # a task started or ended
    progress = Signal(str, int, int, str)  # name, done, total, detail
    task_failed = Signal(str, str)  # title, message in plain words
    task_finished = Signal(str)  # name

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: dict[str, TaskInfo] = {}

    def start(
        self,
        name: str,
        coro: Coroutine[Any, Any, Any],
        *,
        title: str = "",
        owner: object | None = None,
        on_done: Callable[[Any], None] | None = None,
    ) -> asyncio.Task:
        """Run ``coro`` as the task ``name``; ``on_done(result)`` is called on success."""
        self.cancel(name)
        task = asyncio.ensure_future(coro)
        info = TaskInfo(name, title or name, owner, task)
        self._tasks[name] = info
        task.add_done_callback(lambda t: self._on_done(info, t, on_done))
        self.tasks_changed.emit()
        return task

    def run_in_thread(
        self,
        name: str,
        fn: Callable[..., Any],
        *args: Any,
        title: str = "",
        owner: object | None = None,
        on_done: Callable[[Any], None] | None = None,
        with_progress: bool = False,
    ) -> asyncio.Task:
        """Run ``fn(*args)`` in a worker thread as the task ``name``.

        With ``with_progress``, ``fn`` gets a keyword ``progress(done, total, detail="")``
        callback, safe to call from the thread; it raises ``Cancelled`` once the task is
        cancelled, so long work stops at its next report.
        """
        loop = asyncio.get_event_loop()
        flag = [False]

        def report(done: int, total: int, detail: str = "") -> None:
            if flag[0]:
                raise Cancelled()
            loop.call_soon_threadsafe(self._report, name, done, total, detail)

        async def runner() -> Any:
            kwargs = {"progress": report} if with_progress else {}
            try:
                return await asyncio.to_thread(fn, *args, **kwargs)
            except asyncio.CancelledError:
                flag[0] = True
                raise

        task = self.start(name, runner(), title=title, owner=owner, on_done=on_done)
        self._tasks[name].cancel_flag = flag
        return task

    def _report(self, name: str, done: int, total: int, detail: str) -> None:
        info = self._tasks.get(name)
        if info is not None:
            info.progress = (done, total)
            info.detail = detail
        self.progress.emit(name, done, total, detail)

    def _on_done(self, info: TaskInfo, task: asyncio.Task,
                 on_done: Callable[[Any], None] | None) -> None:
        if self._tasks.get(info.name) is info:
            del self._tasks[info.name]
        self.tasks_changed.emit()
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            self.task_finished.emit(info.name)
            if on_done is not None:
                try:
                    on_done(task.result())
                except Exception as cb_exc:  # a broken callback must not go unseen
                    log.exception("callback of task %s failed", info.name)
                    self.task_failed.emit(info.title, str(cb_exc))
            return
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, sqlite3.Error):
            # A locked, full, read-only or damaged project met by a worker: plain words.
            from natasha_studio.core.storage import storage_error

            log.warning("task %s met a storage error: %s", info.name, exc)
            owner = info.owner
            self.task_failed.emit(info.title, str(storage_error(exc, getattr(owner, "path", None))))
        elif isinstance(exc, StudioError):
            log.warning("task %s failed: %s", info.name, exc.message)
            self.task_failed.emit(info.title, str(exc))
        else:
            log.error("task %s crashed", info.name, exc_info=(type(exc), exc, exc.__traceback__))
            self.task_failed.emit(info.title, f"{type(exc).__name__}: {exc}")

    def cancel(self, name: str) -> None:
        info = self._tasks.get(name)
        if info is not None:
            info.cancel_flag[0] = True
            info.task.cancel()

    def cancel_owner(self, owner: object) -> None:
        for info in list(self._tasks.values()):
            if info.owner is owner:
                self.cancel(info.name)

    def is_running(self, name: str) -> bool:
        return name in self._tasks

    def running(self) -> list[TaskInfo]:
        return list(self._tasks.values())

    async def shutdown(self) -> None:
        """Cancel every task and wait for them to end."""
        tasks = [info.task for info in self._tasks.values()]
        for info in list(self._tasks.values()):
            self.cancel(info.name)
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task
