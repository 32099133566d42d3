"""The Sources tab: import a file with progress, pick the persona, see the pairs count."""

from __future__ import annotations

import asyncio
import multiprocessing

import pytest
from PySide6.QtCore import Qt

from natasha_studio.operations.demo import demo_export_path
from natasha_studio.ui.sources.tab import IMPORT_TASK, SourcesTab


def _wait_idle(qtbot, qloop, tab):
    async def idle():
        for _ in range(600):
            if not tab._busy():
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the background work did not finish")

    qloop.run_until_complete(idle())


def test_empty_state_without_project(ctx, qtbot):
    tab = SourcesTab(ctx)
    qtbot.addWidget(tab)
    assert tab.stack.currentIndex() == 0


@pytest.mark.parametrize("helpers", [False, True], ids=["one process", "helper processes"])
def test_import_pick_persona_and_count(ctx_with_project, qtbot, qloop, tmp_path, monkeypatch,
                                       helpers):
    if helpers:  # as with a large export: reading and scoring in helper processes
        from natasha_studio.core.dataset import pipeline
        from natasha_studio.telegram.export import importer

        monkeypatch.setattr(importer, "HELPER_MIN_BYTES", 0)
        monkeypatch.setattr(pipeline, "_many_new_pairs", lambda project, persona: bool(persona))
    ctx = ctx_with_project
    tab = SourcesTab(ctx)
    qtbot.addWidget(tab)
    assert tab.stack.currentIndex() == 1
    assert "0 pair" in tab.extraction.count.text()
    progress = []
    ctx.tasks.progress.connect(lambda name, done, total, detail: progress.append((name, done)))
    tab.import_paths([str(demo_export_path())])
    assert ctx.tasks.is_running(IMPORT_TASK)
    _wait_idle(qtbot, qloop, tab)
    assert any(name == IMPORT_TASK for name, _ in progress)
    assert tab.import_area.chats.rowCount() == 1
    assert tab.import_area.chats.item(0, 2).text() == "291"
    table = tab.persona.table
    assert table.item(0, 0).text() == "Наташа"  # the most active person comes first
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert ctx.project.get_setting("persona_ids") == [500100]
    qloop.run_until_complete(asyncio.sleep(1.0))  # the persona timer starts extraction
    _wait_idle(qtbot, qloop, tab)
    text = tab.extraction.count.text()
    assert "from replies" in text and "by proximity" in text and not text.startswith("0 ")
    assert not multiprocessing.active_children()


def test_bad_file_shows_a_message(ctx_with_project, qtbot, qloop, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("natasha_studio.ui.sources.tab.show_error",
                        lambda parent, title, error: shown.append(str(error)))
    bad = tmp_path / "result.json"
    bad.write_text("{ not really")
    tab = SourcesTab(ctx_with_project)
    qtbot.addWidget(tab)
    tab.import_paths([str(bad)])
    _wait_idle(qtbot, qloop, tab)
    assert "result.json" in shown[0]
    assert ctx_with_project.project.counts()["messages"] == 0
