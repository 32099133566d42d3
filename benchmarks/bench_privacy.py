#!/usr/bin/env python3
"""Privacy scan speed and memory: 10,000 generated pairs, a first scan, a cached rescan, a
recheck after a status change of every pair (stamps only: no text is read again), and a
rescan after editing 100 pairs. Prints figures; nothing is asserted.

    .venv/bin/python benchmarks/bench_privacy.py [--pairs 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from natasha_studio.core.pairs import (  # noqa: E402
    Turn,
    get_pair,
    set_status,
    set_turns,
    turns_to_json,
)
from natasha_studio.core.privacy import (  # noqa: E402
    privacy_check,
    redact,
    refresh_scan,
    scan_pairs,
)
from natasha_studio.core.store import Project  # noqa: E402

NAMES = ["Марина Иванова", "Ольга Петрова", "Вера Смирнова", "Роман Кузнецов", "Анна Соколова",
         "Ирина Попова", "Светлана Волкова", "Дмитрий Орлов", "Kate Miller", "Елена Морозова"]
QUESTIONS = [
    "{name}, добрый день! Болит спина после планки, что делать? Мой телефон +7 916 {n3}-{n2}-{n2b}.",
    "Наташа, подскажите, сколько раз в неделю бегать? Я из Казани, тут холодно.",
    "Можно ли есть после шести? Пишу от {name}, она сама стесняется спросить.",
    "Какой белок лучше пить после тренировки? Вот мой профиль t.me/user{n3}.",
    "Сколько стоит месячный абонемент и как оплатить? Почта {mail}@mail.ru",
    "Вчера пробежала 10 км за 58 минут, это нормально для начала?",
]
ANSWERS = [
    "{first}, здравствуйте! Боль в пояснице после планки чаще всего значит, что таз проваливается. "
    "Попробуйте сначала стоять на коленях, три подхода по двадцать секунд, и напишите мне через неделю.",
    "Три раза в неделю хватит, если между пробежками есть день отдыха. Зимой бегайте в манеже.",
    "Можно, если это лёгкий ужин: творог, овощи, рыба. Передайте {first_dat}, что главное — сон.",
    "Любой сывороточный, 25–30 граммов. Главное — общий белок за день, а не коктейль.",
    "Абонемент стоит 3500 рублей, оплатить можно в студии на ул. Ленина, д. 5.",
    "Отличный результат! Не увеличивайте объём больше чем на 10% в неделю.",
]


def memory() -> str:
    """The process's resident memory now and at its peak."""
    values = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1]) / 1024
    return f"memory now {values.get('VmRSS', 0):.0f} MB, peak {values.get('VmHWM', 0):.0f} MB"


def build(path: Path, n: int) -> Project:
    project = Project.create(path, "Наташа")
    rnd = random.Random(7)
    with project.transaction() as conn:
        for i, name in enumerate(NAMES, start=1):
            conn.execute("INSERT INTO participants(id, name, username) VALUES (?, ?, ?)",
                         (i, name, f"user_{i}_fit"))
        rows = []
        for _ in range(n):
            name = rnd.choice(NAMES)
            first = name.split()[0]
            q = rnd.choice(QUESTIONS).format(name=name, n3=rnd.randint(100, 999),
                                             n2=rnd.randint(10, 99), n2b=rnd.randint(10, 99),
                                             mail=f"m{rnd.randint(1, 999)}")
            a = rnd.choice(ANSWERS).format(first=first, first_dat=first)
            turns = [Turn("user", q, 1), Turn("assistant", a, 100)]
            rows.append((turns_to_json(turns), q, a))
        conn.executemany("INSERT INTO pairs(turns_original, question, answer) VALUES (?, ?, ?)", rows)
    return project


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = build(Path(tmp) / "bench.nstudio", args.pairs)
        print(f"pairs: {args.pairs}, CPUs: {os.cpu_count()}")
        last = [0.0]

        def progress(done, total, detail=""):
            now = time.perf_counter()
            if now - last[0] > 5 or done == total:
                print(f"  progress {done}/{total}")
                last[0] = now

        print(f"before scanning: {memory()}")
        t, cpu = time.perf_counter(), time.process_time()
        refresh_scan(project, progress=progress)
        first = time.perf_counter() - t
        print(f"first scan (model load included): {first:.1f} s wall, "
              f"{time.process_time() - cpu:.1f} s CPU, {args.pairs / first:.0f} pairs/s; "
              f"{memory()}")
        report = privacy_check(project)
        print(f"findings: {report.total} in {report.pairs_with_findings} pairs")
        t = time.perf_counter()
        scan_pairs(project)
        print(f"cached rescan: {time.perf_counter() - t:.2f} s")
        set_status(project, range(1, args.pairs + 1), "approved")
        t = time.perf_counter()
        read = refresh_scan(project)
        print(f"recheck after approving every pair: {time.perf_counter() - t:.2f} s, "
              f"{read} pairs read by the detector")
        for pid in range(1, 101):
            turns = get_pair(project, pid).turns
            turns[-1] = Turn("assistant", turns[-1].text + " Спросите у Ольги.", 100)
            set_turns(project, pid, turns)
        t = time.perf_counter()
        scan_pairs(project)
        print(f"rescan after editing 100 pairs: {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        result = redact(project)
        print(f"bulk redaction of {len(result.pair_ids)} pairs: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        report = privacy_check(project)
        print(f"check after redaction: {time.perf_counter() - t:.1f} s, "
              f"{report.pairs_with_findings} pairs left with personal data")
        project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
