"""ruff passes over the code, the tests and the scripts, with the rules in pyproject.toml
(ruff comes with the ``[test]`` extra, so a missing ruff fails here too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("natasha_studio", "tests", "scripts", "benchmarks", "packaging")


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         *CHECKED], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
