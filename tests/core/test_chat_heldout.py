"""Held-out questions: run through models, stored answers, ratings and the per-model summary."""

from __future__ import annotations

import asyncio

import pytest
from chat_helpers import ScriptedProvider, add_snapshot_with_heldout
from rapidfuzz import fuzz

from natasha_studio.core.chat.heldout import (
    create_run,
    heldout_questions,
    list_runs,
    pick_best,
    rate_answer,
    run_heldout,
    run_summary,
    run_table,
    snapshots_with_heldout,
)
from natasha_studio.core.chat.models import add_model
from natasha_studio.core.errors import StudioError

QUESTIONS = [("Как начать бегать?", "Начни с ходьбы."), ("Что есть утром?", "Овсянку."),
             ("Сколько спать?", "Восемь часов.")]


def test_questions_come_from_the_heldout_split(project):
    sid = add_snapshot_with_heldout(project, QUESTIONS)
    questions = heldout_questions(project, sid)
    assert [q.question for q in questions] == [q for q, _ in QUESTIONS]
    assert questions[0].real_answer == "Начни с ходьбы."
    assert questions[0].context[-1].role == "user"
    assert snapshots_with_heldout(project) == [(sid, "v1", 3)]


def test_run_answers_every_question_and_one_failing_model_does_not_stop_others(project):
    sid = add_snapshot_with_heldout(project, QUESTIONS)
    good = add_model(project, "Наташа v2", "openai", "ft:good")
    bad = add_model(project, "Broken", "compatible", "m", base_url="http://127.0.0.1:9/v1")
    providers = {good: ScriptedProvider("Начни с ходьбы, не спеши."),
                 bad: ScriptedProvider(pieces=["x"], fail_after=0,
                                       error=StudioError("The server answered 500."))}
    run_id = create_run(project, sid, [good, bad], temperature=0.2)
    progress = []
    answered = asyncio.run(run_heldout(project, run_id, lambda e: providers[e.id],
                                       lambda d, t: progress.append((d, t))))
    assert answered == 6
    assert progress[0] == (0, 6) and progress[-1] == (6, 6)
    assert providers[good].calls[0][1][0].content == "Ты — Наташа."  # the snapshot's prompt
    assert providers[good].calls[0][2].temperature == 0.2
    models, rows = run_table(project, run_id)
    assert models == [(good, "Наташа v2"), (bad, "Broken")]
    assert len(rows) == 3
    assert rows[0].answers[good]["answer"].startswith("Начни с ходьбы")
    assert rows[0].answers[bad]["error"] == "The server answered 500."
    assert list_runs(project)[0]["status"] == "finished"

    rate_answer(project, run_id, 1, good, 5)
    rate_answer(project, run_id, 2, good, 3)
    pick_best(project, run_id, 1, good)
    summary = {s.name: s for s in run_summary(project, run_id)}
    assert summary["Наташа v2"].answered == 3 and summary["Наташа v2"].errors == 0
    assert summary["Наташа v2"].mean_rating == 4.0 and summary["Наташа v2"].best == 1
    expected = [fuzz.token_set_ratio("начни с ходьбы, не спеши. ", a.lower()) for _, a in QUESTIONS]
    assert summary["Наташа v2"].similarity == pytest.approx(sum(expected) / 3)
    assert summary["Broken"].errors == 3 and summary["Broken"].answered == 0
    pick_best(project, run_id, 1, None)
    assert run_summary(project, run_id)[0].best == 0
    with pytest.raises(ValueError):
        rate_answer(project, run_id, 1, good, 6)

    # a re-run asks again only what failed
    providers[bad] = ScriptedProvider("Овсянку ешь.")
    assert asyncio.run(run_heldout(project, run_id, lambda e: providers[e.id])) == 3
    assert run_summary(project, run_id)[1].answered == 3


def test_stopped_run_keeps_answers_and_resumes(project):
    sid = add_snapshot_with_heldout(project, QUESTIONS)
    model = add_model(project, "Slow", "openai", "ft:slow")
    slow = ScriptedProvider("раз два", delay=0.05)

    async def stop_midway():
        task = asyncio.ensure_future(run_heldout(project, run_id, lambda e: slow, concurrency=1))
        while not project.conn.execute("SELECT count(*) FROM heldout_answers").fetchone()[0]:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run_id = create_run(project, sid, [model])
    asyncio.run(stop_midway())
    assert list_runs(project)[0]["status"] == "stopped"
    kept = list_runs(project)[0]["answers"]
    assert 1 <= kept < 3
    assert asyncio.run(run_heldout(project, run_id, lambda e: slow)) == 3 - kept


def test_run_needs_models_and_questions(project):
    empty = add_snapshot_with_heldout(project, [], name="empty")
    model = add_model(project, "M", "openai", "gpt-4.1")
    with pytest.raises(StudioError, match="no held-out questions"):
        create_run(project, empty, [model])
    with pytest.raises(StudioError, match="at least one model"):
        create_run(project, empty, [])


def test_missing_provider_settings_are_reported_per_answer(project):
    sid = add_snapshot_with_heldout(project, QUESTIONS[:1])
    model = add_model(project, "M", "openai", "gpt-4.1")

    def no_key(entry):
        raise StudioError("No OpenAI key is set.")

    run_id = create_run(project, sid, [model])
    asyncio.run(run_heldout(project, run_id, no_key))
    assert run_table(project, run_id)[1][0].answers[model]["error"] == "No OpenAI key is set."


def test_a_run_cut_short_by_closing_the_app_shows_as_stopped(project):
    sid = add_snapshot_with_heldout(project, QUESTIONS[:1])
    run_id = create_run(project, sid, [add_model(project, "M", "openai", "gpt-4.1")])
    assert list_runs(project)[0]["status"] == "stopped"  # nobody is running it
    assert list_runs(project, sid, active=[run_id])[0]["status"] == "running"
