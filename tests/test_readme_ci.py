"""The README's two set-up commands, and CI running the second of them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```\n(.*?)```", text, flags=re.S)
    return [b.strip() for b in blocks if "venv" in b and "pip install" in b]


def test_readme_has_exactly_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2, commands
    run_app, run_tests = commands
    assert "pip install -e ." in run_app and "natasha-studio" in run_app
    assert '".[test]"' in run_tests and "scripts/run_tests.py" in run_tests


def test_ci_runs_the_readme_test_command():
    run_tests = _setup_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # CI may pick its own interpreter for the venv; the rest must be the README's words.
    tail = run_tests.split("&&", 1)[1].strip()
    assert tail in ci
