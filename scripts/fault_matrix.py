"""Run the network-fault tests and print the fault × provider table.

    .venv/bin/python scripts/fault_matrix.py [-k EXPRESSION] [TEST_FILE ...]

The tests (tests/integration/test_network_faults.py and test_fault_matrix.py) drive the
real SDKs through a fault-injecting proxy to the local stand-ins; each records the fault, the
provider, what the curator saw and the job's final state. This script runs them, reads those
records and the time each test took from pytest's junit report, and prints one row per cell,
then a grid of fault × provider. A failed test shows as FAILED in its cell. The times include
the stand-ins' start and the tests' shrunk pauses (the retry policy's timeouts and backoff are
cut to a second or so), so they compare cells, not real networks.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ["tests/integration/test_network_faults.py", "tests/integration/test_fault_matrix.py"]
PROVIDERS = ["vertex", "openai", "compatible", "yandex", "together", "fireworks"]
FAULTS = ["cut mid-poll", "stall", "429 burst", "500s", "token endpoint down",
          "restart mid-job", "cut mid-upload", "network gone during upload",
          "cut mid-chat-stream", "chat: server never answers", "chat offline"]


def run(tests: list[str], select: str | None = None) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "faults.xml"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:logging",
                        "-o", "junit_family=xunit1", f"--junitxml={report}",
                        *(["-k", select] if select else []), *tests],
                       cwd=ROOT, env=env, check=False)
        tree = ET.parse(report)
    cells = []
    for case in tree.iter("testcase"):
        props = {p.get("name"): p.get("value") for p in case.iter("property")}
        failed = case.find("failure") is not None or case.find("error") is not None
        if "fault" not in props and not failed:
            continue
        name = case.get("name", "")
        cells.append({"fault": props.get("fault", name), "provider": props.get("provider", ""),
                      "saw": props.get("saw", "") if not failed else "FAILED",
                      "state": props.get("state", "") if not failed else "FAILED",
                      "time": f"{float(case.get('time', 0)):.1f} s", "test": name})
    return cells


def order(cell: dict[str, str]) -> tuple[int, int]:
    fault = FAULTS.index(cell["fault"]) if cell["fault"] in FAULTS else len(FAULTS)
    provider = PROVIDERS.index(cell["provider"]) if cell["provider"] in PROVIDERS else 99
    return fault, provider


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tests", nargs="*", default=TESTS, help="test files (default: both)")
    parser.add_argument("-k", dest="select", help="only the tests pytest -k selects")
    args = parser.parse_args()
    cells = sorted(run(args.tests, args.select), key=order)
    print("| fault | provider | what the curator saw | took | final state |")
    print("|---|---|---|---|---|")
    for c in cells:
        saw = c["saw"].replace("|", "/")
        print(f"| {c['fault']} | {c['provider']} | {saw} | {c['time']} | {c['state']} |")
    print()
    print("| fault | " + " | ".join(PROVIDERS) + " |")
    print("|---|" + "---|" * len(PROVIDERS))
    grid = {(c["fault"], c["provider"]): c for c in cells}
    for fault in FAULTS:
        row = []
        for provider in PROVIDERS:
            c = grid.get((fault, provider))
            row.append("n/a" if c is None else f"{c['state']}, {c['time']}")
        print(f"| {fault} | " + " | ".join(row) + " |")
    failed = [c for c in cells if c["state"] == "FAILED"]
    print(f"\n{len(cells)} cells, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
