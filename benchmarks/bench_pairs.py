"""Pairs tab speed and memory with a large project; prints figures (no pass/fail).

    .venv/bin/python benchmarks/bench_pairs.py              # 100k pairs
    .venv/bin/python benchmarks/bench_pairs.py --pairs 1000000

The window's event loop runs as in the app (Qt and asyncio together), so the privacy
panel's background checks run meanwhile: its first scan of the dataset, and its rechecks
after each change. Memory is the whole process's peak (VmHWM) as well as its current size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NATASHA_STUDIO_HOME", tempfile.mkdtemp(prefix="bench-home-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = ("бег тренировка колено питание сон вода утро вечер пульс растяжка кроссовки белок "
         "завтрак марафон отдых боль спина шаги дыхание темп интервалы восстановление "
         "обувь массаж стретчинг нагрузка сердце километр").split()


def rss_mb(field: str = "VmRSS") -> float:
    """The process's resident memory now (VmRSS) or at its peak so far (VmHWM)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(stage: str) -> None:
    print(f"  memory {stage}: now {rss_mb():.0f} MB, peak so far {rss_mb('VmHWM'):.0f} MB")


def build(path: Path, n: int) -> None:
    from natasha_studio.core.store import Project

    rng = random.Random(1)
    vocab = WORDS + ["".join(rng.choices("абвгдежзиклмнопрстуфхцчшыэюя", k=rng.randint(4, 9)))
                     for _ in range(20000)]
    with Project.create(path, "Наташа") as project, project.transaction() as conn:
        for c in range(20):
            conn.execute("INSERT INTO chats(id, name) VALUES (?, ?)",
                         (-(10**12) - c, f"Чат {c}"))
        for t in range(30):
            conn.execute("INSERT INTO topics(name) VALUES (?)", (f"тема {t}",))
        batch = []
        for i in range(1, n + 1):
            q = " ".join(rng.choices(vocab, k=rng.randint(5, 20))) + "?"
            a = " ".join(rng.choices(vocab, k=rng.randint(10, 60))) + "."
            turns = json.dumps([{"role": "user", "text": q}, {"role": "assistant", "text": a}],
                               ensure_ascii=False)
            batch.append((-(10**12) - i % 20, turns, q, a,
                          ("new", "approved", "rejected", "needs_work")[i % 4],
                          round(rng.random(), 2), 1_600_000_000 + i * 60,
                          "reply" if i % 3 else "implicit"))
            if len(batch) == 20000:
                conn.executemany(
                    "INSERT INTO pairs(chat_id, turns_original, question, answer, status,"
                    " quality, answer_date, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
                batch = []
        if batch:
            conn.executemany(
                "INSERT INTO pairs(chat_id, turns_original, question, answer, status,"
                " quality, answer_date, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
        conn.executemany("INSERT INTO pair_topics(pair_id, topic_id) VALUES (?, ?)",
                         [(i, 1 + i % 30) for i in range(1, n + 1, 3)])


class StallMeter:
    """The longest the UI thread went without running its event loop (a 2 ms timer)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=2)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now

    def start(self) -> None:
        self.worst, self._last = 0.0, time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.worst * 1000


def run_loop_until(done, timeout: float = 600.0) -> float:
    """Run the app's loop (Qt and asyncio, as the app runs it) until ``done()``."""
    import asyncio

    async def poll() -> None:
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("no answer")
            await asyncio.sleep(0.001)

    start = time.perf_counter()
    asyncio.get_event_loop().run_until_complete(poll())
    return time.perf_counter() - start


def spin_until(app, done, timeout: float = 600.0) -> float:
    """Run the event loop until ``done()``; returns the seconds it took. The asyncio side
    runs too, so background tasks (the privacy panel's checks) go on as in the app."""
    return run_loop_until(done, timeout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--keep", help="reuse/keep the project file at this path")
    parser.add_argument("--bulk-only", action="store_true",
                        help="only the bulk changes (approve all, topics, delete, and undo)")
    parser.add_argument("--privacy-wait", type=float, default=600.0,
                        help="seconds to wait at the end for the privacy panel's checks")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="move the objects alive once the tab is open out of the garbage "
                             "collector's sight (gc.freeze), as an app may do after start-up")
    args = parser.parse_args()
    path = Path(args.keep) if args.keep else Path(tempfile.mkdtemp()) / "bench.nstudio"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.pairs)
        print(f"built {args.pairs:,} pairs in {time.perf_counter() - start:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")

    from PySide6.QtWidgets import QApplication

    from natasha_studio.core.curation import search
    from natasha_studio.core.store import Project
    from natasha_studio.secrets import SecretStore
    from natasha_studio.settings import AppSettings
    from natasha_studio.ui.context import AppContext
    from natasha_studio.ui.pairs.tab import PairsTab

    with Project.open(path) as project:
        pending = search.pending_count(project)
        if pending:
            start = time.perf_counter()
            search.sync_search_index(project)
            print(f"search index for {pending:,} pairs: {time.perf_counter() - start:.1f} s "
                  f"(once; the tab does it in its worker while idle)")

    import asyncio

    import qasync

    app = QApplication([])
    # Bulk changes run as the app's background tasks, on its qasync loop.
    asyncio.set_event_loop(qasync.QEventLoop(app))
    meter = StallMeter()
    ctx = AppContext(AppSettings(path.with_suffix(".ini")), SecretStore())
    failures: list[str] = []
    ctx.tasks.task_failed.connect(lambda title, message: failures.append(f"{title}: {message}"))
    start = time.perf_counter()
    ctx.set_project(Project.open(path))
    tab = PairsTab(ctx)
    tab.resize(1280, 800)
    tab.show()
    model = tab.model
    spin_until(app, lambda: model.rowCount() > 0 and tab.detail.current_pair_id() is not None)
    tab.table.viewport().repaint()
    first = time.perf_counter() - start
    spin_until(app, lambda: not model.is_busy())
    print(f"tab open: first page and first pair shown {first * 1000:.0f} ms; all "
          f"{model.rowCount():,} rows ready {(time.perf_counter() - start) * 1000:.0f} ms")
    memory("tab open")
    if args.gc_freeze:
        import gc

        gc.freeze()
        print(f"  gc.freeze(): {gc.get_freeze_count():,} objects no longer traversed")
    if not args.bulk_only:
        filtering(app, tab, meter)
        memory("after filtering, sorting and scrolling")
    bulk_changes(app, tab, meter)
    memory("after the bulk changes")
    start = time.perf_counter()
    try:
        run_loop_until(tab.privacy_panel.is_idle, args.privacy_wait)
        print(f"privacy panel idle {time.perf_counter() - start:.1f} s later")
    except TimeoutError:
        print(f"privacy panel still checking {args.privacy_wait:.0f} s later (its first scan of "
              f"every pair goes on in the background)")
    panel = tab.privacy_panel
    print(f"privacy panel: {panel.dataset.text()!r}; checks that found the project busy and "
          f"tried again later: {panel.busy_retries}")
    print(f"errors shown to the curator: {len(failures)}"
          + "".join(f"\n  {f}" for f in failures[:5]))
    print(f"process memory: now {rss_mb():.0f} MB, peak {rss_mb('VmHWM'):.0f} MB "
          f"(privacy panel active)")
    ctx.set_project(None)
    asyncio.get_event_loop().run_until_complete(ctx.tasks.shutdown())
    asyncio.get_event_loop().close()
    return 0


def filtering(app, tab, meter) -> None:
    from natasha_studio.core.curation.filters import PairFilter
    from natasha_studio.ui.pairs.model import COLUMNS

    model = tab.model

    def apply(flt: PairFilter) -> tuple[float, float]:
        """Milliseconds the UI thread spent asking, and until the table showed the answer."""
        t0 = time.perf_counter()
        model.set_filter(flt)
        asked = time.perf_counter() - t0
        spin_until(app, lambda: not model.is_busy())
        tab.table.viewport().repaint()
        return asked * 1000, (time.perf_counter() - t0) * 1000

    cases = [
        ("status filter", PairFilter(statuses=("new",))),
        ("chat + quality", PairFilter(chat_ids=(-(10**12) - 3,), min_quality=0.5)),
        ("topic", PairFilter(topic="тема 7")),
        ("search 'тр' (2 letters)", PairFilter(search="тр")),
        ("search 'тре'", PairFilter(search="тре")),
        ("search 'трениро'", PairFilter(search="трениро")),
        ("search 'колено боль'", PairFilter(search="колено боль")),
        ("search + status", PairFilter(search="марафон", statuses=("approved",))),
        ("no filter", PairFilter()),
    ]
    meter.start()
    for name, flt in cases:
        runs = [apply(flt) for _ in range(3)]
        asked = statistics.median(r[0] for r in runs)
        shown = statistics.median(r[1] for r in runs)
        print(f"filter {name:<26} shown {shown:7.1f} ms  (UI thread {asked:4.1f} ms; "
              f"{model.rowCount():,} rows)")
    print(f"  longest UI-thread stall while filtering: {meter.stop():.0f} ms")

    # Typing as a person does (a key every 80 ms) through the filter bar's pause timer.
    bar = tab.filter_bar
    meter.start()
    for i in range(1, len("тренировка") + 1):
        bar.search.setText("тренировка"[:i])
        last_key = time.perf_counter()
        if i < len("тренировка"):
            spin_until(app, lambda t=last_key: time.perf_counter() - t > 0.08)
    spin_until(app, lambda: model.filter.search == "тренировка" and not model.is_busy())
    print(f"typing 'тренировка' (a key per 80 ms): table shows the answer "
          f"{(time.perf_counter() - last_key) * 1000:.0f} ms after the last key (includes the "
          f"{bar._timer.interval()} ms pause); longest UI stall {meter.stop():.0f} ms")
    bar.clear()
    spin_until(app, lambda: not model.is_busy())

    meter.start()
    asked, shown = apply(PairFilter(search="колен.*бол", regex=True))
    print(f"filter regex 'колен.*бол'       shown {shown:7.1f} ms  (UI thread {asked:4.1f} ms; "
          f"{model.rowCount():,} rows; scans texts in the worker, with progress; "
          f"longest UI stall {meter.stop():.0f} ms)")
    apply(PairFilter())
    for key in ("question", "quality", "topics", "question"):
        column = COLUMNS.index(key)
        t0 = time.perf_counter()
        model.sort(column)
        spin_until(app, lambda: not model.is_busy())
        tab.table.viewport().repaint()
        print(f"sort by {key:<10} {(time.perf_counter() - t0) * 1000:7.1f} ms")
        model.sort(COLUMNS.index("date"))
        spin_until(app, lambda: not model.is_busy())
    apply(PairFilter())

    bar = tab.table.verticalScrollBar()
    steps, worst = [], 0.0
    page = max(1, bar.pageStep())
    for value in range(0, bar.maximum() + page, page * max(1, bar.maximum() // page // 400)):
        start = time.perf_counter()
        bar.setValue(value)
        tab.table.viewport().repaint()
        elapsed = (time.perf_counter() - start) * 1000
        steps.append(elapsed)
        worst = max(worst, elapsed)
    print(f"scroll end to end: {len(steps)} pages, median {statistics.median(steps):.1f} ms, "
          f"worst {worst:.1f} ms per page")
    start = time.perf_counter()
    tab.select_row(model.rowCount() // 2)
    print(f"show a pair in the detail pane: {(time.perf_counter() - start) * 1000:.1f} ms")


def bulk_changes(app, tab, meter) -> None:
    """Changes of every pair through the tab's actions, and their undo: written on a worker
    thread; the window's event loop must keep running (stall under 100 ms)."""
    from unittest import mock

    from PySide6.QtWidgets import QInputDialog

    model = tab.model
    project = tab.project
    spin_until(app, lambda: not model.is_busy())

    def measure(label: str, start) -> None:
        meter.start()
        t0 = time.perf_counter()
        start()
        asked = time.perf_counter() - t0
        run_loop_until(lambda: not tab.bulk.busy())
        written = time.perf_counter() - t0
        run_loop_until(lambda: not model.is_busy())  # the table's refresh
        tab.table.viewport().repaint()
        total = time.perf_counter() - t0
        print(f"{label:<34} written {written:5.1f} s, table refreshed {total:5.1f} s; window "
              f"blocked at most {meter.stop():4.0f} ms (UI thread {asked * 1000:.0f} ms to "
              f"start it); memory {rss_mb():.0f} MB, peak {rss_mb('VmHWM'):.0f} MB")

    def select_all() -> None:
        tab.table.selectAll()

    n = model.rowCount()
    select_all()
    measure(f"approve all {n:,} shown pairs", tab.actions_by_name["approve"].trigger)
    approved = project.conn.execute(
        "SELECT count(*) FROM pairs WHERE status = 'approved'").fetchone()[0]
    measure("  undo that", tab.actions_by_name["undo"].trigger)
    after_undo = project.conn.execute(
        "SELECT count(*) FROM pairs WHERE status = 'approved'").fetchone()[0]
    print(f"  (approved after: {approved:,}; after undo: {after_undo:,})")
    measure("  redo that", tab.actions_by_name["redo"].trigger)
    measure("  undo again", tab.actions_by_name["undo"].trigger)
    select_all()
    with mock.patch.object(QInputDialog, "getItem", return_value=("бенчмарк", True)):
        measure(f"add a topic to {n:,} pairs", tab.actions_by_name["add_topic"].trigger)
    measure("  undo that", tab.actions_by_name["undo"].trigger)
    select_all()
    measure(f"delete {n:,} pairs", tab.actions_by_name["delete"].trigger)
    measure("  undo that (restore)", tab.actions_by_name["undo"].trigger)


if __name__ == "__main__":
    raise SystemExit(main())
