"""Fidelity runs in the project: the score across fine-tunes, the HTML report, the profile
learned from approved pairs only (never from the held-out answers)."""

from __future__ import annotations

import json

from fidelity_data import answers_of, fill_project, personas

from natasha_studio.core.chat.fidelity import choose_questions, score_run, start_run
from natasha_studio.core.chat.models import add_model
from natasha_studio.core.fidelity import storage
from natasha_studio.core.fidelity.report import card_data, report_html
from natasha_studio.core.meaning import model


def _job(project, name):
    with project.transaction() as conn:
        return conn.execute("INSERT INTO jobs(provider, base_model, display_name, status,"
                            " tuned_model) VALUES ('openai', 'gpt-4.1-mini', ?, 'succeeded', ?)",
                            (name, f"ft:{name}")).lastrowid


def _answer_all(project, run_id, by_model):
    """Store answers as a held-out run would (no network)."""
    hrun = project.conn.execute("SELECT heldout_run_id FROM fidelity_runs WHERE id = ?",
                                (run_id,)).fetchone()[0]
    with project.transaction() as conn:
        for model_id, answers in by_model.items():
            for pair_id, text in answers.items():
                conn.execute("INSERT INTO heldout_answers(run_id, pair_id, model_id, model_name,"
                             " answer) VALUES (?, ?, ?, '', ?)", (hrun, pair_id, model_id, text))


def test_the_score_across_tunes_and_the_html_report(project):
    sid = fill_project(project, "natasha")
    heldout = personas()["natasha"]["heldout"]
    early = add_model(project, "Наташа v1", "openai", "ft:v1", job_id=_job(project, "v1"))
    late = add_model(project, "Наташа <v2>", "openai", "ft:v2", job_id=_job(project, "v2"))
    base = add_model(project, "base", "openai", "gpt-4.1-mini")
    run_id = start_run(project, sid, [early, late, base])
    generic, persona = answers_of("natasha", "generic"), answers_of("natasha", "persona")
    _answer_all(project, run_id, {
        early: {i: generic[h["q"]] for i, h in enumerate(heldout, start=1)},
        late: {i: persona[h["q"]] for i, h in enumerate(heldout, start=1)},
        base: {i: generic[h["q"]] for i, h in enumerate(heldout, start=1)}})
    results = score_run(project, run_id, model())
    assert [r.name for r in results] == ["Наташа v1", "Наташа <v2>", "base"]
    history = storage.score_history(project)
    assert [r.name for r in history] == ["Наташа v1", "Наташа <v2>"]  # base models left out
    assert history[1].score > history[0].score + 15

    data = card_data(project, run_id)
    assert data.questions == len(heldout) and not data.judged and not data.stopped
    assert data.best[late][0].score >= data.worst[late][0].score
    page = report_html(data)
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "Наташа &lt;v2&gt;" in page and "<v2>" not in page
    assert "http" not in page.replace("http://www.w3.org", "")  # nothing to fetch


def test_the_profile_never_sees_the_held_out_answers(project):
    sid = fill_project(project, "semyon")
    answers, questions = storage.persona_texts(project, sid)
    assert len(answers) == len(personas()["semyon"]["train"])
    real = {h["real"] for h in personas()["semyon"]["heldout"]}
    assert not real & set(answers)
    # the held-out pairs, approved too, are still left out
    with project.transaction() as conn:
        conn.execute("INSERT INTO pairs(id, key, turns_original, question, answer, status)"
                     " VALUES (1, 'h1', '[]', 'q', ?, 'approved')",
                     (personas()["semyon"]["heldout"][0]["real"],))
    assert len(storage.persona_texts(project, sid)[0]) == len(answers)


def test_a_sample_of_questions_is_seeded(project):
    sid = fill_project(project, "lena")
    first = choose_questions(project, sid, 4)
    assert first == choose_questions(project, sid, 4) and len(first) == 4
    assert choose_questions(project, sid, None) == list(range(1, 11))
    run_id = start_run(project, sid, [add_model(project, "m", "openai", "gpt-4.1-mini")])
    options = json.loads(project.conn.execute("SELECT options FROM fidelity_runs WHERE id = ?",
                                              (run_id,)).fetchone()[0])
    assert options["questions"] == 10 and options["judge_model"] is None
