"""The style-fidelity report card in the Test chat tab: empty states with their next step, a run
over the local stand-in with progress and Cancel, the card shown again after reopening, saving
it as HTML and PNG, and the demo's recorded card."""

from __future__ import annotations

import asyncio

import pytest
from fakes.scripted_models import serve_scripts
from fidelity_data import MODELS, answers_of, fill_project

from natasha_studio.core.chat.models import add_model
from natasha_studio.core.fidelity import storage
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.testchat.fidelity_card import ModelRow
from natasha_studio.ui.testchat.tab import TestChatTab

pytest_plugins = ["fakes.fixtures"]


@pytest.fixture
def tab(ctx_with_project, qtbot):
    widget = TestChatTab(ctx_with_project)
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    return widget


def _models(ctx, server):
    server.api_key = "not-needed"
    serve_scripts(server, {name: answers_of("natasha", kind) for kind, name in MODELS.items()})
    ids = [add_model(ctx.project, name, "compatible", name, base_url=server.base_url)
           for name in MODELS.values()]
    ctx.apply(Changes(models=True))
    return ids


def test_without_held_out_questions_the_card_says_where_to_make_them(tab, openai_server):
    ctx = tab.ctx
    _models(ctx, openai_server)
    view = tab.fidelity
    assert view.pages.currentWidget() is view.no_questions
    assert not view.controls.isVisibleTo(view)
    went = []
    ctx.navigate.connect(lambda key, arg: went.append(key))
    view.no_questions.button.click()
    assert went == ["statistics"]


def test_a_run_streams_progress_scores_and_shows_again_after_reopening(
        tab, qloop, openai_server, tmp_path):
    ctx = tab.ctx
    fill_project(ctx.project, "natasha")
    ctx.apply(Changes(snapshots=True))
    ids = _models(ctx, openai_server)
    view = tab.fidelity
    assert view.pages.currentWidget() is view.no_report
    assert sorted(view.chosen_models()) == ids
    view.judge.setChecked(True)
    assert "30 times" in view.cost.text()  # 10 questions, 3 pairs of models
    view.judge.setChecked(False)
    task = view.start_run()
    assert view.running_box.isVisibleTo(view) and view.cancel_button.isEnabled()
    assert view.pages.currentWidget() is view.answering
    qloop.run_until_complete(asyncio.wait([task]))
    assert task.exception() is None
    assert not view.running_box.isVisibleTo(view)
    assert view.pages.currentWidget() is view.scroll
    rows = view.card.findChildren(ModelRow)
    assert len(rows) == 3
    scores = {r.name: r.score for r in view.card.data.results}
    assert scores[MODELS["persona"]] > scores[MODELS["generic"]] + 15
    assert all(r.n == 10 and not r.errors for r in view.card.data.results)
    assert view.card.data.best[ids[0]] and view.card.data.worst[ids[0]]

    html_path, png_path = tmp_path / "card.html", tmp_path / "card.png"
    view.save_to(html_path)
    view.save_to(png_path, png=True)
    page = html_path.read_text(encoding="utf-8")
    assert MODELS["persona"] in page and "<svg" not in page  # no tunes to chart yet
    assert png_path.stat().st_size > 10_000

    path = ctx.project.path
    ctx.set_project(None)
    ctx.set_project(Project.open(path))
    assert view.pages.currentWidget() is view.scroll
    assert sorted(r.name for r in view.card.data.results) == sorted(MODELS.values())


def test_cancel_stops_the_run_and_keeps_what_it_has(tab, qloop, openai_server):
    ctx = tab.ctx
    fill_project(ctx.project, "natasha")
    ctx.apply(Changes(snapshots=True))
    _models(ctx, openai_server)
    openai_server.chat_delay = 0.05
    view = tab.fidelity
    task = view.start_run()

    async def cancel_soon():
        while ctx.project.conn.execute("SELECT count(*) FROM heldout_answers").fetchone()[0] < 2:
            await asyncio.sleep(0.02)
        view.cancel_button.click()
        await asyncio.wait([task])

    qloop.run_until_complete(cancel_soon())
    assert task.cancelled()
    assert storage.list_runs(ctx.project)[0]["status"] == "stopped"
    assert not view.running_box.isVisibleTo(view)
    assert "stopped" in view.runs.currentText()


def test_the_demo_carries_a_card(ctx, qtbot, tmp_path, modal_messages):
    from natasha_studio.operations.demo import create_demo_project

    ctx.set_project(create_demo_project(tmp_path / "demo.nstudio"))
    widget = TestChatTab(ctx)
    qtbot.addWidget(widget)
    view = widget.fidelity
    assert view.pages.currentWidget() is view.scroll
    results = view.card.data.results
    assert len(results) == 2 and results[0].score > results[1].score
    assert view.card.data.votes  # the demo's blind votes show beside the scores
    # its models are recordings: said at once, and no run is started
    assert view.start_run() is None
    assert "recorded in advance" in modal_messages[-1]
    assert len(storage.list_runs(ctx.project)) == 1
