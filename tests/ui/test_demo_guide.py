"""The demo opens with every tab filled; the step guide, its dismissal, and Getting started."""

from __future__ import annotations

import asyncio

import pytest

from natasha_studio.core import glossary
from natasha_studio.core.store import Project
from natasha_studio.operations.demo import create_demo_project
from natasha_studio.ui.main_window import MainWindow


@pytest.fixture
def window(ctx, qtbot, qloop):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def settle(qloop, seconds: float = 0.6) -> None:
    """Let the tabs' background work (pair loading, checks) run on the loop."""
    qloop.run_until_complete(asyncio.sleep(seconds))


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.nstudio"
    create_demo_project(path).close()
    return path


def test_demo_opens_with_every_tab_filled(window, demo_path, qtbot, qloop):
    assert window.open_project(demo_path)
    settle(qloop)
    tabs = window.tab_widgets
    qtbot.waitUntil(lambda: tabs["pairs"].model.rowCount() > 30, timeout=5000)
    finetune = tabs["finetune"]
    assert finetune.jobs_list.topLevelItemCount() == 1
    finetune.jobs_list.setCurrentItem(finetune.jobs_list.topLevelItem(0))
    view = finetune.job_view
    assert view.job is not None and view.job.status == "succeeded"
    assert {"train_loss", "valid_loss"} <= set(view.chart.series)
    assert view.events.topLevelItemCount() >= 6
    assert not view.cancel_button.isEnabled() and view.test_button.isEnabled()
    chat = tabs["testchat"]
    columns = chat.side_by_side.columns
    assert chat.side_by_side.session_id is not None and len(columns) == 2
    assert all(c.transcript.toPlainText().strip() for c in columns)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert not window.grab().isNull()


def test_asking_a_demo_model_says_it_is_a_demo(window, demo_path, qloop):
    window.open_project(demo_path)
    settle(qloop)
    view = window.tab_widgets["testchat"].side_by_side
    tasks = view.send("Как начать медитировать?")
    qloop.run_until_complete(asyncio.gather(*tasks))
    for column in view.columns:
        assert "demo project" in column.transcript.toPlainText()


def test_guide_shows_progress_and_the_next_step(window, ctx, tmp_path, qtbot, qloop):
    Project.create(tmp_path / "p.nstudio", "Наташа").close()
    window.open_project(tmp_path / "p.nstudio")
    settle(qloop, 0.2)
    guide = window.guide
    assert guide.isVisible() and guide.done_keys() == []
    assert 'href="sources"' in guide.next_label.text()
    assert guide.next_label.geometry().bottom() < window.tabs.geometry().top() + 1  # not over
    guide.step_requested.emit("pairs")
    assert window.tabs.currentWidget() is window.tab_widgets["pairs"]
    assert window.tab_bar.currentIndex() == window.tabs.currentIndex()
    assert guide.here() == "pairs"
    window.tab_bar.setCurrentIndex(3)  # the visible bar drives the pages
    assert window.tabs.currentWidget() is window.tab_widgets["finetune"]
    guide.close_button.click()
    assert not guide.isVisible() and window.guide_dismissed()
    second = MainWindow(ctx)  # remembered in the settings
    qtbot.addWidget(second)
    assert not second.guide.isVisibleTo(second) and not second.guide_action.isChecked()
    window.guide_action.trigger()  # Help menu brings it back
    assert guide.isVisible()


def test_guide_on_the_demo_has_every_step_done(window, demo_path, qloop):
    window.open_project(demo_path)
    settle(qloop)
    assert len(window.guide.done_keys()) == 6
    assert "All six steps" in window.guide.next_label.text()


def test_getting_started_page_walks_the_flow_with_the_glossary(window):
    from natasha_studio.ui.help_page import GettingStartedDialog

    dialog = GettingStartedDialog(window)
    text = dialog.browser.toPlainText()
    for step in ("Sources", "Persona", "Pairs", "Statistics", "Fine-tune", "Test chat"):
        assert step in text
    for term, explanation in glossary.entries():
        assert term in text and explanation in text
    assert any(a.text() == "&Getting started" for a in window.menuBar().actions()[-1].menu()
               .actions())
