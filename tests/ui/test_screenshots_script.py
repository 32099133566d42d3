"""scripts/screenshots.py writes its pictures and ends cleanly (it once aborted on every run
with "QThread: Destroyed while thread is still running" after writing them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_of_the_demo_end_without_an_abort(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path / "shots"),
         "--demo", "--lang", "ru", "--theme", "dark", "--tab", "testchat"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "QThread" not in result.stderr, result.stderr[-2000:]
    shots = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    # The welcome screen, the tab, and its sub-tabs (blind A/B, held-out, fidelity).
    assert "welcome-ru-dark.png" in shots and "testchat-ru-dark.png" in shots, shots
    assert len(shots) >= 5, shots
    assert all((tmp_path / "shots" / name).stat().st_size > 10_000 for name in shots)
