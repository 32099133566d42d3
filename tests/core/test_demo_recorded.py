"""The demo project walks the whole flow, recorded: nothing in it can reach a provider."""

from __future__ import annotations

import pytest

from natasha_studio.core import glossary
from natasha_studio.core import i18n as core_i18n
from natasha_studio.core.chat.heldout import run_table
from natasha_studio.core.chat.models import list_models
from natasha_studio.core.chat.sessions import list_sessions, load_session
from natasha_studio.core.dataset.demo_recorded import is_demo, recorded
from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.snapshots import list_snapshots
from natasha_studio.core.flow import flow_progress, next_step
from natasha_studio.core.jobs.records import job_events, job_metrics, list_jobs, unfinished_jobs
from natasha_studio.core.store import Project
from natasha_studio.operations.demo import create_demo_project
from natasha_studio.providers.registry import provider_for


@pytest.fixture
def demo(tmp_path):
    project = create_demo_project(tmp_path / "demo.nstudio")
    yield project
    project.close()


def test_demo_has_every_step_recorded(demo):
    assert is_demo(demo)
    [snapshot] = list_snapshots(demo)
    assert snapshot.split_counts["heldout"] == 4 and snapshot.split_counts["validation"] > 0
    [job] = list_jobs(demo)
    assert job.status == "succeeded" and job.snapshot_id == snapshot.id and job.tuned_model
    assert job.state["demo"] is True
    assert job not in unfinished_jobs(demo)  # never polled
    events = job_events(demo, job.id)
    assert "nothing" in events[0].message.lower() and len(events) >= 6
    metrics = job_metrics(demo, job.id)
    train = [v for _, v in metrics["train_loss"]]
    assert len(train) > 50 and train[0] > 2 * train[-1] > 1.0  # falls, then levels off
    assert metrics["valid_loss"] and metrics["train_mean_token_accuracy"]
    # The job's story agrees with its snapshot and its chart: examples, steps, last losses.
    train_count, steps = snapshot.split_counts["train"], len(train)
    assert steps == 3 * train_count
    said = "\n".join(e.message for e in events)
    assert f"Validating the training file: {train_count} examples." in said
    assert f"Step {steps} of {steps}: training loss {train[-1]:.2f}" in said
    models = {m.kind: m for m in list_models(demo)}
    assert models["tuned"].job_id == job.id and models["base"].model_id == job.base_model
    assert all(m.settings.get("demo") for m in models.values())
    [session] = list_sessions(demo)
    loaded = load_session(demo, session.id)
    assert [c.model_id for c in loaded.columns] == [models["tuned"].id, models["base"].id]
    answers = [m for m in loaded.messages if m.role == "assistant"]
    assert len(answers) == 6 and all(m.content and m.metrics for m in answers)
    assert demo.conn.execute("SELECT count(*) FROM votes").fetchone()[0] >= 10
    run_id = demo.conn.execute("SELECT id FROM heldout_runs").fetchone()[0]
    run_models, rows = run_table(demo, run_id)
    assert len(run_models) == 2 and len(rows) == 4
    for row in rows:  # each held-out question answered by both, beside the real answer
        assert row.question.real_answer
        assert all(row.answers[m]["answer"] for m, _ in run_models)


def test_demo_models_never_reach_a_provider(demo, memory_keyring):
    for entry in list_models(demo):
        with pytest.raises(StudioError) as error:
            provider_for(entry, None)
        assert "demo" in str(error.value)


def test_demo_follows_the_language_at_creation(tmp_path):
    core_i18n.set_language("ru")
    try:
        project = create_demo_project(tmp_path / "ru.nstudio")
    finally:
        core_i18n.set_language("en")
    try:
        ru = recorded()["ru"]
        assert list_snapshots(project)[0].name == ru["snapshot_name"]
        assert list_jobs(project)[0].display_name == ru["job_name"]
        assert job_events(project, 1)[0].message == ru["events"][0][2]
        assert list_sessions(project)[0].title == ru["session_title"]
    finally:
        project.close()


def test_flow_progress_from_the_project(demo, tmp_path):
    assert all(step.done for step in flow_progress(demo))
    assert next_step(flow_progress(demo)) is None
    fresh = Project.create(tmp_path / "fresh.nstudio", "Наташа")
    try:
        steps = flow_progress(fresh)
        assert [s.key for s in steps] == ["sources", "persona", "pairs", "statistics",
                                          "finetune", "testchat"]
        assert not any(s.done for s in steps) and next_step(steps).key == "sources"
    finally:
        fresh.close()


def test_glossary_explains_each_term_once():
    keys = [t.key for t in glossary.terms()]
    assert keys == list(glossary.KEYS) and len(set(keys)) == len(keys)
    for term in glossary.terms():
        assert term.title and len(term.text) > 2 * len(term.title)
        assert term.title.lower() not in {term.text.lower(), term.text.lower().rstrip(".")}
    tip = glossary.tooltip("o200k_base", "p10_p90")
    assert "<b>o200k_base</b>" in tip and "p10" in tip
    with pytest.raises(KeyError):
        glossary.explain("nothing")
