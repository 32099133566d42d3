#!/usr/bin/env python3
"""Export, validation and statistics speed on a large synthetic project; prints figures.

    python benchmarks/bench_export.py [--pairs 100000]

Targets (issue 8): freeze + export + validate 100k pairs in under 20 s; statistics of 100k
pairs in under 2 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from natasha_studio.core import export, stats
from natasha_studio.core.pairs import Turn, add_pair
from natasha_studio.core.store import Project

WORDS = ("как", "мне", "начать", "бегать", "утром", "питание", "сон", "тренировка", "спасибо",
         "неделю", "сколько", "раз", "можно", "нужно", "пульс", "вода", "белок", "растяжка",
         "колено", "болит", "план", "цель", "марафон", "отдых")


def _text(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize() + "."


def build(path: Path, n: int) -> Project:
    rng = random.Random(1)
    project = Project.create(path, "Наташа", "Ты — Наташа, ведущая сообщества о беге и здоровье.")
    with project.transaction() as conn:
        for c in range(27):
            conn.execute("INSERT INTO chats(id, name) VALUES (?, ?)", (-1_000_000_000_000 - c, f"Чат {c}"))
        for m in range(2000):
            conn.execute("INSERT INTO participants(id, name) VALUES (?, ?)", (100 + m, f"Участник {m}"))
        topic_ids = [conn.execute("INSERT INTO topics(name) VALUES (?)", (t,)).lastrowid
                     for t in ("бег", "питание", "сон", "травмы", "мотивация")]
        for i in range(n):
            asker = 100 + int(rng.paretovariate(1.2)) % 2000
            date = 1_690_000_000 + i * 300
            turns = [Turn("user", _text(rng, 5, 40), asker, f"Участник {asker - 100}", [i * 2], date),
                     Turn("assistant", _text(rng, 10, 90), 1, "Наташа", [i * 2 + 1], date + 600)]
            pair_id = add_pair(project, turns, origin="reply", chat_id=-1_000_000_000_000 - i % 27,
                               status="approved" if i % 5 else "new")
            conn.execute("UPDATE pairs SET quality = ? WHERE id = ?", (rng.random(), pair_id))
            conn.execute("INSERT INTO pair_topics(pair_id, topic_id) VALUES (?, ?)",
                         (pair_id, topic_ids[i % 5]))
    return project


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<48} {time.perf_counter() - start:7.2f} s")
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    project, _ = timed(f"build a project of {args.pairs:,} pairs (setup)",
                       lambda: build(folder / "bench.nstudio", args.pairs))
    every = export.PairFilter(statuses=())
    snap, t_freeze = timed("freeze a snapshot of every pair",
                           lambda: export.create_snapshot(project, "bench", pair_filter=every,
                                                          validation_split=0.05, heldout=50))
    total = t_freeze
    for fmt, model in (("openai", "gpt-4.1-mini-2025-04-14"), ("vertex", "gemini-2.5-flash")):
        out = folder / f"{fmt}.jsonl"
        _, t_export = timed(f"export {fmt} (train part)",
                            lambda fmt=fmt, out=out: export.export_snapshot(project, snap.id, fmt, out))
        report, t_validate = timed(f"validate {fmt} ({model})",
                                   lambda fmt=fmt, out=out, model=model: export.validate_file(out, fmt, model))
        print(f"    {report.n_examples:,} examples, {report.total_tokens:,} tokens, "
              f"ok={report.ok}, cost ≈ {report.cost.cost} {report.cost.currency}")
        if fmt == "openai":
            total += t_export + t_validate
    for fmt in ("hf", "csv", "json"):
        timed(f"export {fmt} (all)", lambda fmt=fmt: export.export_snapshot(
            project, snap.id, fmt, folder / f"all.{fmt}", "all"))
    print(f"{'freeze + export + validate (openai), total':<48} {total:7.2f} s   (target < 20 s)")
    _, t_stats = timed("statistics of every pair", lambda: stats.compute_statistics(project))
    _, t_stats2 = timed("statistics again (tokenizer loaded)", lambda: stats.compute_statistics(project))
    _, t_filtered = timed("statistics of one chat, approved", lambda: stats.compute_statistics(
        project, export.PairFilter(statuses=("approved",), chat_ids=(-1_000_000_000_000,))))
    print(f"{'statistics, 100k target':<48} {min(t_stats, t_stats2):7.2f} s   (target < 2 s)")
    _, t_cmp = timed("compare two snapshots", lambda: stats.compare_snapshots(project, snap.id, snap.id))
    project.close()


if __name__ == "__main__":
    main()
