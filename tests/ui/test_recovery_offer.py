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
