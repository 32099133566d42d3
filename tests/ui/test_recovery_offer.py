"""Opening a damaged project in the window: an offer to recover it into a new file."""

from __future__ import annotations

import hashlib

import pytest
from core.export_fixtures import make_pairs

from natasha_studio.core.store import Project
from natasha_studio.ui.main_window import MainWindow
from natasha_studio.ui.recovery import RecoveryOffer


@pytest.fixture
def window(ctx, qtbot, qloop):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "p.nstudio"
    with Project.create(path, "Наташа") as project:
        make_pairs(project, 300, status_cycle=("approved",))
        pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
        size = project.conn.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as fh:
        fh.seek(size * (pages // 2))
        fh.write(b"\xa5" * size)
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_project_is_recovered_into_a_new_file_that_opens(window, ctx, damaged,
                                                                    monkeypatch, tmp_path):
    before = _digest(damaged)
    asked = []
    monkeypatch.setattr(RecoveryOffer, "ask", lambda self, path: asked.append(path) or True)
    monkeypatch.setattr(RecoveryOffer, "choose_target", lambda self, path: tmp_path / "new.nstudio")
    assert window.open_project(damaged)
    assert asked == [damaged]
    assert ctx.project.path == tmp_path / "new.nstudio" and not ctx.project.damaged
    assert 0 < ctx.project.counts()["pairs"] <= 300
    window.close_project()
    assert _digest(damaged) == before


def test_declining_leaves_the_damaged_project_closed_and_unchanged(window, ctx, damaged,
                                                                  monkeypatch):
    before = _digest(damaged)
    monkeypatch.setattr(RecoveryOffer, "ask", lambda self, path: False)
    assert not window.open_project(damaged)
    assert ctx.project is None
    assert _digest(damaged) == before


def test_the_sources_tab_says_what_an_import_skipped(ctx_with_project, qtbot, qloop, tmp_path,
                                                     monkeypatch):
    import asyncio
    import json

    from natasha_studio.ui.sources.tab import SourcesTab

    shown = []
    monkeypatch.setattr("natasha_studio.ui.sources.tab.show_error",
                        lambda parent, title, error: shown.append((title, str(error))))
    export = tmp_path / "odd.json"
    export.write_text(json.dumps({"name": "Чат", "type": "private_supergroup", "id": 5, "messages": [
        {"id": 1, "type": "message", "from_id": "user1", "text": "Вопрос?"},
        {"type": "message", "from_id": "user1", "text": "без id"}, 42]}, ensure_ascii=False))
    tab = SourcesTab(ctx_with_project)
    qtbot.addWidget(tab)
    tab.import_paths([str(export)])

    async def idle():
        for _ in range(600):
            if not tab._busy():
                return
            await asyncio.sleep(0.05)

    qloop.run_until_complete(idle())
    (title, text), = shown
    assert title == "Some messages were skipped"
    lines = text.splitlines()
    assert lines[0].startswith("odd.json: skipped 1 message") and "without an id" in lines[0]
    assert lines[1].startswith("odd.json: skipped 1 non-message element")
    assert ctx_with_project.project.counts()["messages"] == 1
