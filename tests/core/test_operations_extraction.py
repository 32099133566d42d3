"""Import-then-extract and extract-again: one function each for every caller, one run of
them per project at a time (in this process or another), and the Changes they report."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from natasha_studio.core import writer
from natasha_studio.core.dataset.settings import set_persona_ids
from natasha_studio.core.errors import Cancelled
from natasha_studio.core.store import Project
from natasha_studio.core.writer import ProjectBusy
from natasha_studio.operations.changes import Changes
from natasha_studio.operations.extraction import extract_again, import_then_extract
from natasha_studio.telegram.export.synth import message as m
from natasha_studio.telegram.export.synth import write_export

ROOT = Path(__file__).resolve().parents[2]
T0 = 1_700_000_000


@pytest.fixture
def export(tmp_path):
    msgs = []
    for i in range(0, 40, 2):
        msgs.append(m(i + 1, T0 + i * 60, "Ольга", "user201", f"Вопрос номер {i}?"))
        msgs.append(m(i + 2, T0 + i * 60 + 30, "Наташа", "user100", f"Ответ номер {i}.",
                      reply_to=i + 1))
    return write_export(tmp_path / "chat" / "result.json", "Клуб", "public_supergroup", 77, msgs)


def test_import_then_extract_reports_what_changed(project, export):
    set_persona_ids(project, [100])
    outcome = import_then_extract(project, [export])
    assert outcome.report.added == 40 and outcome.extraction.total == 20
    assert outcome.changes.sources and outcome.changes.pairs is None
    assert outcome.changes.counts == {"messages": 40, "pairs": 20}
    again = import_then_extract(project, [export])  # nothing new: no extraction
    assert again.extraction is None and again.changes.empty


def test_without_a_persona_nothing_is_extracted(project, export):
    outcome = import_then_extract(project, [export])
    assert outcome.extraction is None and outcome.changes.sources
    assert not outcome.changes.any_pairs


def test_a_second_run_is_refused_while_one_runs_here(project, export):
    set_persona_ids(project, [100])
    import_then_extract(project, [export])
    started, release = threading.Event(), threading.Event()

    def slow(done, total, detail=""):
        started.set()
        release.wait(10)

    worker = threading.Thread(target=lambda: _extract_on_own(project.path, slow))
    worker.start()
    try:
        assert started.wait(10)
        with pytest.raises(ProjectBusy) as caught:
            extract_again(project)
        assert "an import of messages" not in caught.value.message
        assert "finding pairs" in caught.value.message and "this window" in caught.value.message
    finally:
        release.set()
        worker.join(10)
    report, changes = extract_again(project)  # free again
    assert report.total == 20 and changes == Changes(pairs=None, counts=changes.counts)


def _extract_on_own(path, progress):
    with Project.open(path) as own:
        extract_again(own, progress)


def test_a_cancelled_run_lets_the_next_one_start(project, export):
    set_persona_ids(project, [100])
    import_then_extract(project, [export])

    def cancel(*_args):
        raise Cancelled()

    with pytest.raises(Cancelled):
        extract_again(project, cancel)
    assert writer.current_claim(project.path) is None
    assert extract_again(project)[0].total == 20


_HOLDER = textwrap.dedent("""
    import sys, time
    from natasha_studio.core import writer
    with writer.claim(sys.argv[1], "extraction"):
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_another_process_running_one_is_waited_for_then_named(project, export):
    set_persona_ids(project, [100])
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(project.path), "1.0"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    told = []
    try:
        outcome = import_then_extract(project, [export], wait_s=30, on_wait=told.append)
    finally:
        proc.wait(10)
    assert outcome.extraction.total == 20
    assert len(told) == 1 and told[0].action == "extraction" and not told[0].here
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(project.path), "5"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    try:
        with pytest.raises(ProjectBusy) as caught:
            extract_again(project)
    finally:
        proc.kill()
        proc.wait(10)
    assert f"process {proc.pid}" in caught.value.message
