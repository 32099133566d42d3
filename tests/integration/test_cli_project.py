"""The command line, run as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from natasha_studio import __version__


def run_cli(*args: str, env: dict | None = None, timeout: float = 120):
    return subprocess.run(
        [sys.executable, "-m", "natasha_studio", *args], capture_output=True, text=True,
        timeout=timeout, env={**os.environ, "NATASHA_STUDIO_LANGUAGE": "en", **(env or {})},
    )


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_new_then_info(tmp_path):
    path = tmp_path / "coach.nstudio"
    result = run_cli("new", str(path), "--persona", "Наташа", "--system-prompt", "Ты — Наташа.")
    assert result.returncode == 0, result.stderr
    assert path.exists()
    result = run_cli("info", str(path))
    assert result.returncode == 0, result.stderr
    assert "Наташа" in result.stdout
    assert "Schema version" in result.stdout
    info = json.loads(run_cli("info", str(path), "--json").stdout)
    assert info["persona"] == "Наташа"
    assert info["counts"]["pairs"] == 0


def test_info_on_a_file_that_is_not_a_project(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"messages": []}', encoding="utf-8")
    result = run_cli("info", str(path))
    assert result.returncode != 0
    assert "not a Natasha Studio project" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == '{"messages": []}'


def test_messages_in_russian(tmp_path):
    path = tmp_path / "missing.nstudio"
    result = run_cli("info", str(path), env={"NATASHA_STUDIO_LANGUAGE": "ru"})
    assert result.returncode != 0
    assert "не существует" in result.stderr


def test_new_refuses_to_overwrite(tmp_path):
    path = tmp_path / "a.nstudio"
    assert run_cli("new", str(path), "--persona", "Наташа").returncode == 0
    result = run_cli("new", str(path), "--persona", "Другая")
    assert result.returncode == 1
    assert "already exists" in result.stderr


def test_self_test():
    result = run_cli("self-test", env={"QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
