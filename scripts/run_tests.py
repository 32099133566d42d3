#!/usr/bin/env python3
"""Run the whole test suite: core and integration tests in one process, each UI test file in
a process of its own.

A UI test file gets a fresh QApplication, event loops and threads, so nothing a test leaves
behind in Qt (a timer, a socket notifier, a thread's late signal) can fire inside another
file's tests. Arguments are passed to every pytest run (e.g. ``-x``, ``-k name``).

    python scripts/run_tests.py [PYTEST ARGS...]
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = re.compile(r"(\d+) (passed|failed|errors?|skipped|deselected|xfailed|xpassed)")


def run(args: list[str]) -> tuple[int, dict[str, int]]:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args]
    print("$", " ".join(command[1:]), flush=True)
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    last = ""
    for line in proc.stdout:
        sys.stdout.write(line)
        if COUNTS.search(line):
            last = line
    proc.wait()
    counts: dict[str, int] = {}
    for number, word in COUNTS.findall(last):
        word = "errors" if word.startswith("error") else word
        counts[word] = counts.get(word, 0) + int(number)
    if proc.returncode not in (0, 5) and not counts.get("failed") and not counts.get("errors"):
        counts["errors"] = 1  # the process died (a crash) before reporting
    return proc.returncode, counts


def main() -> int:
    extra = sys.argv[1:]
    started = time.monotonic()
    totals: dict[str, int] = {}
    worst = 0
    batches = [["tests", "--ignore=tests/ui"]]
    batches += [[str(p.relative_to(ROOT))] for p in sorted((ROOT / "tests" / "ui").glob("test_*.py"))]
    for batch in batches:
        code, counts = run([*batch, "-q", *extra])
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        if code not in (0, 5):
            worst = worst or code
            if "-x" in extra:
                break
    failed = totals.get("failed", 0) + totals.get("errors", 0)
    summary = f"{totals.get('passed', 0)} passed, {failed} failed"
    if totals.get("skipped"):
        summary += f", {totals['skipped']} skipped"
    print(f"\n== whole suite in {time.monotonic() - started:.0f} s")
    print(summary)
    return 1 if failed or worst else 0


if __name__ == "__main__":
    raise SystemExit(main())
