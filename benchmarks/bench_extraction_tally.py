"""What counting the "why so few pairs" tally costs extraction (prints figures; asserts nothing).

    python benchmarks/bench_extraction_tally.py                 # 1M messages
    python benchmarks/bench_extraction_tally.py --size 100000 --rounds 5

One generated community chat (the layout of bench_import.py) is imported once; then the
extraction pass (turns, reply look-ups, pairs made, nothing written or scored: the part the
tally adds to) runs alternately without and with the tally, and the medians are compared.
The pass alone is the strict measure: a real run adds scoring and writing on top, which the
tally does not touch. CPU time is printed next to wall time (other work on the machine
inflates the latter).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _pass(project, tally) -> tuple[float, float, int]:
    from natasha_studio.core.dataset.extract import extract_pairs
    from natasha_studio.core.dataset.settings import ExtractionSettings

    started, cpu = time.perf_counter(), time.process_time()
    pairs = sum(1 for _ in extract_pairs(project, {100}, ExtractionSettings(), tally=tally))
    return time.perf_counter() - started, time.process_time() - cpu, pairs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from bench_import import generate

    from natasha_studio.core.dataset.tally import ExtractionTally
    from natasha_studio.core.store import Project
    from natasha_studio.telegram.export.importer import import_exports

    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "result.json"
        generate(export, args.size)
        project = Project.create(Path(tmp) / "bench.nstudio", "Наташа")
        import_exports(project, [export])
        _pass(project, None)  # warm the page cache
        plain, counted, tally = [], [], None
        for _ in range(args.rounds):
            plain.append(_pass(project, None))
            tally = ExtractionTally()
            counted.append(_pass(project, tally))
        project.close()
    assert tally is not None
    wall = [statistics.median(r[0] for r in runs) for runs in (plain, counted)]
    cpu = [statistics.median(r[1] for r in runs) for runs in (plain, counted)]
    print(f"{args.size:,} messages, {plain[0][2]:,} pairs, {tally.persona_turns:,} persona turns")
    print(f"without tally: {wall[0]:.2f} s wall, {cpu[0]:.2f} s CPU (median of {args.rounds})")
    print(f"with tally:    {wall[1]:.2f} s wall, {cpu[1]:.2f} s CPU")
    print(f"difference:    {100 * (cpu[1] / cpu[0] - 1):+.1f} % CPU, "
          f"{100 * (wall[1] / wall[0] - 1):+.1f} % wall")


if __name__ == "__main__":
    main()
