"""Pairs tab speed and memory with a large project; prints figures (no pass/fail).

    .venv/bin/python benchmarks/bench_pairs.py              # 100k pairs
    .venv/bin/python benchmarks/bench_pairs.py --pairs 1000000
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


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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


def timed(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--keep", help="reuse/keep the project file at this path")
    args = parser.parse_args()
    path = Path(args.keep) if args.keep else Path(tempfile.mkdtemp()) / "bench.nstudio"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.pairs)
        print(f"built {args.pairs:,} pairs in {time.perf_counter() - start:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from natasha_studio.core.curation import search
    from natasha_studio.core.curation.filters import PairFilter
    from natasha_studio.core.store import Project
    from natasha_studio.secrets import SecretStore
    from natasha_studio.settings import AppSettings
    from natasha_studio.ui.context import AppContext
    from natasha_studio.ui.pairs.tab import PairsTab

    with Project.open(path) as project:
        pending = search.pending_count(project)
        start = time.perf_counter()
        search.sync_search_index(project)
        print(f"search index for {pending:,} pairs: {time.perf_counter() - start:.1f} s "
              f"(once, in the background)")

    app = QApplication([])
    ctx = AppContext(AppSettings(path.with_suffix(".ini")), SecretStore())
    start = time.perf_counter()
    ctx.set_project(Project.open(path))
    tab = PairsTab(ctx)
    tab.resize(1280, 800)
    tab.show()
    app.processEvents()
    print(f"tab open (project, first page, first pair): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")

    model = tab.model

    def apply(flt: PairFilter) -> None:
        model.set_filter(flt)
        tab.table.viewport().repaint()

    cases = [
        ("status filter", PairFilter(statuses=("new",))),
        ("chat + quality", PairFilter(chat_ids=(-(10**12) - 3,), min_quality=0.5)),
        ("topic", PairFilter(topic="тема 7")),
        ("search 'т' (1 letter)", PairFilter(search="т")),
        ("search 'тре'", PairFilter(search="тре")),
        ("search 'трениро'", PairFilter(search="трениро")),
        ("search 'колено боль'", PairFilter(search="колено боль")),
        ("search + status", PairFilter(search="марафон", statuses=("approved",))),
        ("no filter", PairFilter()),
    ]
    for name, flt in cases:
        ms = timed(lambda f=flt: apply(f), repeat=3)
        print(f"filter {name:<24} {ms:7.1f} ms  ({model.rowCount():,} rows)")
    ms = timed(lambda: apply(PairFilter(search="колен.*бол", regex=True)))
    print(f"filter regex 'колен.*бол'     {ms:7.1f} ms  ({model.rowCount():,} rows)"
          " (regular expressions scan every pair)")
    for key in ("question", "quality", "topics"):
        column = ("status", "chat", "date", "topics", "quality", "question", "answer",
                  "edited").index(key)
        ms = timed(lambda c=column: model.sort(c))
        print(f"sort by {key:<10} {ms:7.1f} ms")
    model.sort(2, Qt.SortOrder.DescendingOrder)
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
    tab.table.selectAll()
    start = time.perf_counter()
    tab.actions_by_name["approve"].trigger()
    print(f"approve all {model.rowCount():,} shown pairs: {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    tab.undo_stack.undo()
    print(f"undo that: {time.perf_counter() - start:.1f} s")
    print(f"process memory (RSS): {rss_mb():.0f} MB")
    ctx.set_project(None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
