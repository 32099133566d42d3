"""A helper process for the big dataset jobs, so that they use two cores instead of one.

Import and extraction each split into two halves that run side by side: reading and parsing an
export next to writing it into the project; scoring pairs next to finding and writing them.
The project is written by this process only (SQLite has one writer); the helper computes.

A helper starts from a fresh interpreter ("spawn": forking a process that runs Qt and threads
is unsafe; a frozen app starts its own executable, see ``freeze_support`` in the launcher).
It stops when told, when its parent goes away (a killed app leaves no process behind), or on
an error, which it reports as a traceback; the caller decides what the user is told.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate

log = logging.getLogger(__name__)

POLL_S = 1.0  # how often a waiting side checks that the other is still there
_STOP = None


class HelperFailed(Exception):
    """The helper died or raised; ``str()`` is its traceback (for the log)."""


def extraction_stopped(headline: str, work: str, failed: HelperFailed) -> StudioError:
    """What an extraction tells the curator when a helper of its own ``failed``: ``headline``
    (which part stopped), and that nothing was changed (the run's writes are rolled back).
    The helper's traceback goes to the log as "``work`` failed in its helper process"."""
    log.error("%s failed in its helper process:\n%s", work, failed)
    return StudioError(headline,
                       translate("Extraction", "Nothing was changed. Run the extraction again."))


def parent_gone() -> bool:
    """In a helper: whether the process that started it has ended."""
    parent = multiprocessing.parent_process()
    return parent is not None and not parent.is_alive()


def _watch_parent() -> None:
    """In a helper: end this process as soon as the parent has gone, whatever it is doing.

    Waiting on the parent's sentinel wakes at once when the parent dies, however it died
    (SIGKILL included), while the main thread may be blocked anywhere: in a long parse, on a
    full queue, or in the interpreter's exit, which waits for the queue's feeder thread to
    write into a pipe nobody reads any more.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    multiprocessing.connection.wait([parent.sentinel])
    os._exit(0)


def _run(target: Callable[..., None], args: tuple, tasks, results) -> None:
    threading.Thread(target=_watch_parent, name="natasha-studio-parent-watch", daemon=True).start()
    try:
        target(*args, tasks, results)
    except SystemExit:
        # Raised by put_result when the parent has gone: nobody will read what is queued.
        os._exit(0)
    except BaseException:  # noqa: BLE001 — reported to the parent, which decides
        try:
            put_result(results, ("error", traceback.format_exc()))
        except SystemExit:
            os._exit(0)


def next_task(tasks) -> Any:
    """In a helper: the next task, or ``None`` when told to stop or orphaned."""
    while True:
        try:
            return tasks.get(timeout=POLL_S)
        except queue.Empty:
            if parent_gone():
                return _STOP


def put_result(results, item: tuple[str, Any]) -> None:
    """In a helper: hand over a result, waiting while the parent is behind (a bounded queue),
    and giving up if the parent has ended."""
    while True:
        try:
            results.put(item, timeout=POLL_S)
            return
        except queue.Full:
            if parent_gone():
                raise SystemExit(0) from None


class HelperProcess:
    """One helper running ``target(*args, tasks, results)``.

    The target reads work with :func:`next_task` and puts ``(kind, value)`` tuples on
    ``results``; ``("error", traceback)`` is raised here as :class:`HelperFailed`.
    ``max_results`` bounds what the helper may run ahead (it waits when the queue is full),
    so memory stays flat when it produces faster than this side consumes.
    """

    def __init__(self, target: Callable[..., None], args: tuple, *, name: str,
                 max_results: int = 0) -> None:
        context = multiprocessing.get_context("spawn")
        self._tasks = context.Queue()
        self._results = context.Queue(max_results)
        self._process = context.Process(target=_run, args=(target, args, self._tasks, self._results),
                                        name=name, daemon=True)
        self._process.start()
        # This side never puts a result. Its copy of the pipe's sending end is closed, so a
        # helper that dies half-way through sending one (killed, out of memory) leaves a
        # pipe that ends, and reading raises EOFError here instead of waiting for the rest
        # of the message for ever (the other copy lived in this process).
        self._results._writer.close()
        self._ready: list[tuple[str, Any]] = []  # a result taken by ``wait``, not yet got

    def put(self, task: Any) -> None:
        self._tasks.put(task)

    def has_result(self) -> bool:
        """Whether a result is waiting (a hint: the helper is not behind)."""
        return bool(self._ready) or not self._results.empty()

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the next result; returns whether it has come
        (``get`` then returns it at once). A caller that holds something others wait for
        waits in short steps and lets them in between (see ``pipeline``)."""
        if self._ready:
            return True
        try:
            self._ready.append(self._results.get(timeout=timeout))
        except queue.Empty:
            return not self._process.is_alive()  # get() then says it ended
        except (EOFError, OSError):
            self._ready.append(("error", "the helper process ended unexpectedly"))
        return True

    def get(self) -> tuple[str, Any]:
        """The helper's next result; raises :class:`HelperFailed` if it failed or died."""
        if self._ready:
            kind, value = self._ready.pop()
            if kind == "error":
                raise HelperFailed(value)
            return kind, value
        while True:
            try:
                kind, value = self._results.get(timeout=POLL_S)
                break
            except queue.Empty:
                if not self._process.is_alive():
                    raise HelperFailed("the helper process ended unexpectedly") from None
            except (EOFError, OSError):  # it died in the middle of sending a result
                raise HelperFailed("the helper process ended unexpectedly") from None
        if kind == "error":
            raise HelperFailed(value)
        return kind, value

    def close(self, *, finished: bool = True) -> None:
        """Stop the helper: let it end on its own when ``finished``, else at once."""
        process = self._process
        if process.is_alive():
            if finished:
                self._tasks.put(_STOP)
                process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        for q in (self._tasks, self._results):
            q.close()
            q.cancel_join_thread()  # nothing left in them matters once the helper is gone


def start_helper(target: Callable[..., None], args: tuple, *, name: str,
                 max_results: int = 0) -> HelperProcess | None:
    """A started helper, or None where no process can be started (the caller then does the
    work itself, only slower)."""
    try:
        return HelperProcess(target, args, name=name, max_results=max_results)
    except OSError as exc:
        log.warning("no helper process (%s): working in one process", exc)
        return None
