"""Curating while a big extraction writes: every edit lands, none fails as "database is
locked", and the window keeps answering (figures: benchmarks/bench_concurrent_edit.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 60_000  # the benchmark runs 300k; this keeps the suite quick


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_concurrent_edit", ROOT / "benchmarks" / "bench_concurrent_edit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def big_project(tmp_path_factory):
    return _bench().prepare(tmp_path_factory.mktemp("big"), MESSAGES)


def test_the_pairs_tab_edits_while_pairs_are_found(qapp, qloop, ctx, big_project):
    figures = _bench().run(ctx, qloop, big_project, every_ms=250)
    assert not figures["errors"], figures["errors"]
    assert figures["checked_pairs"] >= 3 and not figures["lost"], figures["lost"]
    assert figures["pairs"] > 0
    # Loose: the benchmark prints the real figures (tens of milliseconds).
    assert figures["latency_ms"]["edit"]["max"] < 3000
    assert figures["longest_stall_ms"] < 5000


def test_the_command_line_waits_for_the_window_and_succeeds(ctx, big_project):
    """``pairs --set-status`` while the window finds pairs: it waits its turn, then writes."""
    from natasha_studio.core.store import Project
    from natasha_studio.operations.extraction import extract_again

    project = Project.open(big_project)
    ctx.set_project(project)
    done = threading.Event()

    def extract() -> None:
        with Project.open(big_project) as own:
            extract_again(own)
        done.set()

    worker = threading.Thread(target=extract)
    worker.start()
    try:
        time.sleep(1.0)  # well into the run
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "natasha_studio", "pairs", str(big_project),
             "--chat", "Большое", "--status", "new", "--limit", "1",
             "--set-status", "rejected"],
            cwd=ROOT, capture_output=True, text=True, timeout=300)
        took = time.perf_counter() - started
    finally:
        worker.join(300)
    assert result.returncode == 0, result.stderr
    assert "locked" not in result.stderr
    assert "changed" in result.stdout
    assert done.is_set()
    rejected = project.conn.execute(
        "SELECT count(*) FROM pairs WHERE status = 'rejected'").fetchone()[0]
    assert rejected > 0
    assert took < 120
