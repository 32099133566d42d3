"""The first window comes up without the heavy modules: they load when a tab needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_startup import APP  # noqa: E402 - the benchmark's launch is the one checked


def test_welcome_window_imports_no_sdk_pandas_or_numpy(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NATASHA_STUDIO_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", APP], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    heavy = json.loads(result.stdout.strip().splitlines()[-1])["heavy"]
    assert heavy == []
