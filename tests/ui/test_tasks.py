"""The task registry: names, owners, threads, progress, cancellation and failures."""

from __future__ import annotations

import asyncio
import threading
import time

from natasha_studio.core.errors import Cancelled, StudioError
from natasha_studio.tasks import TaskRegistry


def test_same_name_cancels_the_old_task(qloop):
    registry = TaskRegistry()
    started = []

    async def work(n):
        started.append(n)
        await asyncio.sleep(10)

    first = registry.start("fetch", work(1))
    qloop.run_until_complete(asyncio.sleep(0.01))
    second = registry.start("fetch", work(2))
    qloop.run_until_complete(asyncio.sleep(0.01))
    assert first.cancelled()
    assert [i.name for i in registry.running()] == ["fetch"]
    second.cancel()
    qloop.run_until_complete(asyncio.sleep(0.01))
    assert registry.running() == []


def test_cancel_owner_and_shutdown(qloop):
    registry = TaskRegistry()
    owner_a, owner_b = object(), object()

    async def forever():
        await asyncio.sleep(10)

    registry.start("a", forever(), owner=owner_a)
    registry.start("b", forever(), owner=owner_b)
    registry.cancel_owner(owner_a)
    qloop.run_until_complete(asyncio.sleep(0.01))
    assert [i.name for i in registry.running()] == ["b"]
    qloop.run_until_complete(registry.shutdown())
    assert registry.running() == []


def test_thread_work_reports_progress_and_result(qloop):
    registry = TaskRegistry()
    seen, results = [], []
    registry.progress.connect(lambda name, done, total, detail: seen.append((done, total)))
    main_thread = threading.get_ident()

    def heavy(n, progress):
        assert threading.get_ident() != main_thread
        for i in range(1, n + 1):
            progress(i, n, f"step {i}")
        return n * 2

    task = registry.run_in_thread("heavy", heavy, 3, with_progress=True,
                                  on_done=results.append)
    qloop.run_until_complete(task)
    qloop.run_until_complete(asyncio.sleep(0.01))
    assert results == [6]
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cancelling_thread_work_stops_it_at_the_next_report(qloop):
    registry = TaskRegistry()
    stopped = threading.Event()

    def endless(progress):
        try:
            i = 0
            while True:
                i += 1
                progress(i, 0)
                time.sleep(0.005)
        except Cancelled:
            stopped.set()
            raise

    registry.run_in_thread("endless", endless, with_progress=True)
    qloop.run_until_complete(asyncio.sleep(0.05))
    registry.cancel("endless")
    qloop.run_until_complete(asyncio.sleep(0.05))
    assert stopped.wait(2)


def test_failures_are_reported_in_plain_words(qloop):
    registry = TaskRegistry()
    failures = []
    registry.task_failed.connect(lambda title, message: failures.append((title, message)))

    async def broken():
        raise StudioError("Telegram is unreachable.", "Check the connection.")

    def crash():
        raise ValueError("bad value")

    registry.start("broken", broken(), title="Fetch")
    task = registry.run_in_thread("crash", crash, title="Import")
    qloop.run_until_complete(asyncio.sleep(0.05))
    qloop.run_until_complete(asyncio.gather(task, return_exceptions=True))
    qloop.run_until_complete(asyncio.sleep(0.01))
    assert ("Fetch", "Telegram is unreachable.\nCheck the connection.") in failures
    assert ("Import", "ValueError: bad value") in failures


def test_a_task_step_after_the_loop_stops_still_sees_its_loop(qloop):
    """qasync hands Qt one more pass of events after ``run_until_complete`` stops; a task step
    landing there used to find no running loop, and the task died (a flaky Telegram test)."""
    seen = []

    async def steps():
        for _ in range(4):
            await asyncio.sleep(0)
            seen.append(asyncio.get_running_loop() is qloop)

    async def start():
        qloop.create_task(steps())

    qloop.run_until_complete(start())
    qloop.run_until_complete(asyncio.sleep(0.05))
    assert seen == [True] * 4
    assert asyncio._get_running_loop() is None


def test_a_task_step_run_by_qt_between_runs_of_the_loop_sees_its_loop(qloop, qapp):
    """A test (or a modal dialog) lets Qt process events while the loop is not running: a task
    started before then, working in a thread, must still find its loop and finish."""
    registry = TaskRegistry()
    done = []

    # Started from a widget's signal, as the window does: no loop is running here.
    registry.run_in_thread("between", time.sleep, 0.05, on_done=done.append)
    deadline = time.monotonic() + 5
    while not done and time.monotonic() < deadline:
        qapp.processEvents()   # Qt runs the task's steps: the loop itself is not running
        time.sleep(0.01)
    assert done == [None]
    assert asyncio._get_running_loop() is None


def test_a_storage_error_of_a_worker_is_told_in_plain_words(qloop, tmp_path):
    import sqlite3

    registry = TaskRegistry()
    failures = []
    registry.task_failed.connect(lambda title, text: failures.append((title, text)))

    def locked():
        raise sqlite3.OperationalError("database is locked")

    class Owner:
        path = tmp_path / "club.nstudio"

    task = registry.run_in_thread("write", locked, title="Saving", owner=Owner())
    qloop.run_until_complete(asyncio.wait([task]))
    qloop.run_until_complete(asyncio.sleep(0.01))
    assert len(failures) == 1 and failures[0][0] == "Saving"
    assert "club.nstudio" in failures[0][1] and "locked" not in failures[0][1]


def test_garbage_is_collected_on_the_windows_thread_only(qapp, qloop):
    """A cycle holding a Qt object freed by a worker thread's collection destroyed the object
    in the wrong thread, and Qt crashed on its timer later. With the app's loop made,
    collection is off everywhere but a timer of the window's thread."""
    import gc
    import threading

    from PySide6.QtCore import QTimer

    assert not gc.isenabled()
    freed_in = []

    class Cycle:
        def __init__(self):
            self.me = self
            self.timer = QTimer()
            self.timer.start(10_000)

        def __del__(self):
            freed_in.append(threading.current_thread())

    Cycle()

    kept = []

    def churn():  # allocations far past the first threshold, still alive when it ends
        kept.append([[i] for i in range(200_000)])

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert freed_in == []  # the worker's allocations collected nothing
    qloop.run_until_complete(asyncio.sleep(0.6))
    assert freed_in == [threading.main_thread()]
