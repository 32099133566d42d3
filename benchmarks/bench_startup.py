"""Cold start: time from launching Python to a visible window, the app against a bare PySide6 one.

    .venv/bin/python benchmarks/bench_startup.py [--rounds 5] [--platform offscreen]

Each round starts, in fresh processes and alternately, a bare QMainWindow and the app up to its
first window (the same steps as ``natasha_studio.app.main``: logging, translations, theme, the
window), each ending once its window is shown and painted. Prints
each round's figures, their medians and the ratio app / bare (the target is at most 4), and
which heavy modules the app had imported by then. A shared machine's speed drifts, so the two
are run side by side and compared round by round. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print("{}")
"""

APP = """
import json, sys
from PySide6.QtCore import QTimer
from natasha_studio import app as studio_app
from natasha_studio.logs import setup_logging
from natasha_studio.settings import AppSettings
setup_logging()
qapp = studio_app.create_qapplication([])
studio_app.install_excepthook()
studio = studio_app.StudioApp(qapp, AppSettings())
studio.window.show()
QTimer.singleShot(0, qapp.quit)
qapp.exec()
heavy = ("openai", "telethon", "pandas", "numpy", "google.genai", "tiktoken", "pymorphy3",
         "grpc", "yandex_ai_studio_sdk", "torch")
print(json.dumps({"heavy": [m for m in heavy if m in sys.modules]}))
"""


def launch(code: str, env: dict[str, str]) -> tuple[float, dict]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"launch failed:\n{result.stderr[-2000:]}")
    return elapsed, json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                        help="Qt platform plugin (offscreen, or xcb under Xvfb)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="startup-")
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, NATASHA_STUDIO_HOME=home,
               PYTHONDONTWRITEBYTECODE="0")
    launch(APP, env)  # compile the bytecode once, as an installed app has it
    bare_times, app_times = [], []
    heavy: list[str] = []
    for round_ in range(1, args.rounds + 1):
        bare, _ = launch(BARE, env)
        app, info = launch(APP, env)
        heavy = info["heavy"]
        bare_times.append(bare)
        app_times.append(app)
        print(f"round {round_}: bare window {bare:.2f} s, app {app:.2f} s, "
              f"ratio {app / bare:.2f}")
    bare_median, app_median = statistics.median(bare_times), statistics.median(app_times)
    print(f"median: bare window {bare_median:.2f} s, app {app_median:.2f} s, "
          f"ratio {app_median / bare_median:.2f} (target ≤ 4)")
    print(f"heavy modules imported before the first window: {', '.join(heavy) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
