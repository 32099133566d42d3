"""Launching and tracking OpenAI fine-tunes through the real SDK against the fake server."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import pytest
from training_files import write_chat_jsonl

from natasha_studio.core import jobs
from natasha_studio.core.errors import StudioError
from natasha_studio.core.retry import RetryPolicy
from natasha_studio.core.store import Project
from natasha_studio.providers.openai_provider import OpenAIProvider, parse_result_csv

pytest_plugins = ["fakes.fixtures"]


@pytest.fixture
def plan(tmp_path):
    return jobs.LaunchPlan("openai", "gpt-4.1-mini-2025-04-14",
                           write_chat_jsonl(tmp_path / "train.jsonl"),
                           write_chat_jsonl(tmp_path / "valid.jsonl", 10),
                           display_name="v1", hyperparameters={"epochs": 2, "suffix": "natasha",
                                                               "seed": 7})


def provider_for(server, **kwargs):
    return OpenAIProvider(server.api_key, server.base_url, poll_interval=0.01, **kwargs)


def no_wait(_seconds):
    return asyncio.sleep(0)


def launched(project, server, plan, **kwargs):
    job_id = jobs.record_launch(project, plan)
    sent = []
    asyncio.run(jobs.launch(project, provider_for(server, **kwargs), job_id, plan,
                            progress=lambda done, total: sent.append((done, total))))
    return job_id, sent


def test_launch_progress_success_and_model_id(project, openai_server, plan):
    job_id, sent = launched(project, openai_server, plan)
    total = plan.train_file.stat().st_size + plan.validation_file.stat().st_size
    assert sent[0] == (0, total) and sent[-1] == (total, total)
    job = jobs.get_job(project, job_id)
    assert job.status == "validating" and job.remote_id.startswith("ftjob-")
    remote = openai_server.job(job.remote_id)
    assert remote.hyperparameters["n_epochs"] == 2 and remote.suffix == "natasha"
    assert remote.seed == 7 and remote.validation_file

    provider = provider_for(openai_server)
    seen = []
    for _ in range(3):
        openai_server.advance()
        seen.append(asyncio.run(jobs.poll_once(project, provider, job_id)).status)
    assert seen == ["queued", "running", "running"]
    openai_server.advance(3)
    change = asyncio.run(jobs.poll_once(project, provider, job_id))
    assert change.finished and change.status == "succeeded"
    job = jobs.get_job(project, job_id)
    assert job.tuned_model == remote.fine_tuned_model and job.finished_at
    # The loss chart gets exactly the points the server sent.
    series = jobs.job_metrics(project, job_id)
    assert series["train_loss"] == [(m["step"], m["train_loss"]) for m in remote.metrics]
    assert series["valid_loss"] == [(m["step"], m["valid_loss"]) for m in remote.metrics
                                    if "valid_loss" in m]
    assert [c["step"] for c in job.checkpoints] == [4, 2]
    assert job.checkpoints[0]["model"].startswith("ft:gpt-4.1-mini")
    messages = [e.message for e in jobs.job_events(project, job_id)]
    assert "The job has finished." in messages and "Training has started." in messages
    assert "Step 2 of 4: training loss 1.8057" in messages
    assert len(messages) == len(set(messages))  # every event kept once


def test_track_follows_the_job_to_the_end(project, openai_server, plan):
    openai_server.advance_on_poll = True
    job_id, _ = launched(project, openai_server, plan)
    updates = []
    job = asyncio.run(jobs.track(project, provider_for(openai_server), job_id,
                                 on_update=updates.append, sleep=no_wait))
    assert job.status == "succeeded" and job.tuned_model
    assert updates[-1].finished and sum(u.new_metrics for u in updates) > 0


def test_cancel(project, openai_server, plan):
    job_id, _ = launched(project, openai_server, plan)
    openai_server.advance(2)
    job = asyncio.run(jobs.cancel(project, provider_for(openai_server), job_id))
    assert job.status == "cancelled" and job.finished_at
    assert openai_server.job(job.remote_id).status == "cancelled"
    # Cancelling again is harmless.
    assert asyncio.run(jobs.cancel(project, provider_for(openai_server), job_id)).status == "cancelled"


def test_failure_keeps_the_providers_message(project, openai_server, plan):
    openai_server.sim.fail_at_step = 2
    openai_server.sim.fail_message = "Training diverged; try a lower learning rate."
    openai_server.advance_on_poll = True
    job_id, _ = launched(project, openai_server, plan)
    job = asyncio.run(jobs.track(project, provider_for(openai_server), job_id, sleep=no_wait))
    assert job.status == "failed"
    assert job.error == "Training diverged; try a lower learning rate."


def test_rejected_training_file_says_why(project, openai_server, tmp_path):
    bad = jobs.LaunchPlan("openai", "gpt-4.1-mini-2025-04-14",
                          write_chat_jsonl(tmp_path / "small.jsonl", 3))
    openai_server.advance_on_poll = True
    job_id, _ = launched(project, openai_server, bad)
    job = asyncio.run(jobs.track(project, provider_for(openai_server), job_id, sleep=no_wait))
    assert job.status == "failed"
    assert job.error.startswith("OpenAI rejected the training data:")
    assert "at least 10 examples" in job.error


def test_restart_in_the_middle_resumes_tracking(tmp_path, openai_server, plan):
    path = tmp_path / "restart.nstudio"
    first = Project.create(path, "Наташа")
    job_id, _ = launched(first, openai_server, plan)
    for _ in range(4):
        openai_server.advance()
        asyncio.run(jobs.poll_once(first, provider_for(openai_server), job_id))
    events_before = len(jobs.job_events(first, job_id))
    first.close()  # the app is closed while the job runs

    openai_server.advance(2)
    second = Project.open(path)
    assert [j.id for j in jobs.unfinished_jobs(second)] == [job_id]
    openai_server.advance_on_poll = True
    job = asyncio.run(jobs.track(second, provider_for(openai_server), job_id, sleep=no_wait))
    assert job.status == "succeeded"
    events = jobs.job_events(second, job_id)
    assert len(events) > events_before
    remote_ids = [e.remote_id for e in events if e.remote_id]
    assert len(remote_ids) == len(set(remote_ids))
    assert len(jobs.job_metrics(second, job_id)["train_loss"]) == 4
    second.close()


def test_upload_retried_after_a_dropped_connection(project, openai_server, plan):
    openai_server.fail_with("drop", "/v1/files")
    job_id, _ = launched(project, openai_server, plan)
    assert jobs.get_job(project, job_id).remote_id
    assert openai_server.count("POST", "/v1/files") == 3  # train twice, then validation


@pytest.mark.parametrize(("fault", "prefix", "words"), [
    ("401", "/v1/files", "did not accept the API key"),
    ("429_quota", "/v1/files", "no credit or quota left"),
    ("refuse", "/v1/fine_tuning/jobs", "Use Vertex AI or local training"),
])
def test_launch_errors_fail_the_job_in_plain_words(project, openai_server, plan, fault, prefix,
                                                   words):
    openai_server.fail_with(fault, prefix, times=5)
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider_for(openai_server, max_retries=0), job_id, plan))
    assert words in str(caught.value)
    job = jobs.get_job(project, job_id)
    assert job.status == "failed" and words in job.error


def test_unknown_base_model_is_reported(project, openai_server, plan):
    plan.base_model = "gpt-5-turbo-imaginary"
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError, match="not available for fine-tuning"):
        asyncio.run(jobs.launch(project, provider_for(openai_server), job_id, plan))


def test_tracking_waits_out_a_provider_outage(project, openai_server, plan):
    openai_server.advance_on_poll = True
    job_id, _ = launched(project, openai_server, plan)
    openai_server.fail_with("500", "/v1/fine_tuning/jobs/", method="GET", times=2)
    pauses = []

    async def record_sleep(seconds):
        pauses.append(seconds)

    notices = []
    policy = RetryPolicy(first_delay=2.0, jitter=0.0)
    job = asyncio.run(jobs.track(project, provider_for(openai_server, max_retries=0), job_id,
                                 interval=1.0, sleep=record_sleep, policy=policy,
                                 on_retry=notices.append))
    assert job.status == "succeeded"
    # Growing pauses while the provider fails, the first no longer than the poll interval.
    assert pauses[:2] == [1.0, 2.0]
    assert [n.text() for n in notices] == ["No connection to OpenAI, trying again in 1 s.",
                                           "No connection to OpenAI, trying again in 2 s."]
    assert job.last_checked_at and job.check_error is None
    levels = [(e.level, e.message) for e in jobs.job_events(project, job_id) if e.remote_id is None]
    assert any(level == "warning" and "Cannot reach" in m for level, m in levels)
    assert any("answers again" in m for _, m in levels)


def test_launches_cut_short_by_a_closed_app_are_marked(project):
    job_id = jobs.create_job(project, "openai", "gpt-4.1-mini", snapshot_id=None)
    jobs.set_status(project, job_id, "uploading")
    # Launched by this (running) process: another window must not take it for abandoned.
    assert jobs.mark_interrupted(project) == []
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with project.transaction() as conn:
        conn.execute("UPDATE jobs SET state = ? WHERE id = ?",
                     (json.dumps({"owner": {"pid": gone.pid, "started": "0"}}), job_id))
    assert jobs.mark_interrupted(project) == [job_id]
    job = jobs.get_job(project, job_id)
    assert job.status == "failed" and "closed before" in job.error
    assert jobs.unfinished_jobs(project) == []


def test_result_csv_is_read_by_header_name():
    text = "step,valid_loss,train_loss,extra\n1,,2.5,x\n2,2.4,2.1,y\nbad,1,1,z\n"
    assert sorted(parse_result_csv(text)) == [(1, "train_loss", 2.5), (2, "train_loss", 2.1),
                                              (2, "valid_loss", 2.4)]


def test_the_launch_operations_say_the_jobs_changed(project, openai_server, plan):
    """The tab and the commands launch and cancel through the operations: each step says the
    jobs list changed, and the job is recorded before anything is sent."""
    from natasha_studio.operations import finetune

    job_id, changes = finetune.record_launch(project, plan)
    assert changes.jobs and jobs.get_job(project, job_id).status == "preparing"
    assert not openai_server.jobs  # recorded here, nothing sent yet
    job, changes = asyncio.run(finetune.launch(project, provider_for(openai_server), job_id, plan))
    assert changes.jobs and job.remote_id and openai_server.job(job.remote_id)
    job, changes = asyncio.run(finetune.cancel(project, provider_for(openai_server), job_id))
    assert changes.jobs and job.status == "cancelled"
