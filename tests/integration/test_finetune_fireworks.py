"""Fireworks AI through the real ``fireworks-ai`` SDK (and ``openai`` for chat) against the
stand-in in ``fakes.fireworks_standin``: tuning with progress, Kimi K2 as a base model,
refusals, a wrong key, cancel, re-attach, deployment and chat, a network drop, the CLI."""

from __future__ import annotations

import asyncio
import json

import pytest
from fakes.fireworks_standin import FakeFireworks
from fakes.flaky_proxy import FlakyProxy
from test_finetune_together import make_project, run_cli
from training_files import write_chat_jsonl

from natasha_studio.core import jobs
from natasha_studio.core.chat.models import list_models
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage, ChatOptions, ProviderUnavailable
from natasha_studio.providers.fireworks_provider import FireworksProvider, is_kimi
from natasha_studio.providers.model_cache import base_model_choices

KIMI = "accounts/fireworks/models/kimi-k2-instruct"


@pytest.fixture
def server():
    with FakeFireworks() as fake:
        yield fake


@pytest.fixture
def plan(tmp_path):
    return jobs.LaunchPlan(
        "fireworks", "accounts/fireworks/models/qwen3-8b",
        write_chat_jsonl(tmp_path / "train.jsonl"), write_chat_jsonl(tmp_path / "valid.jsonl", 4),
        display_name="Наташа v1",
        hyperparameters={"epochs": 2, "learning_rate": 1e-4, "lora_rank": 16})


def provider_for(server, *, base_url=None, **kwargs):
    return FireworksProvider(kwargs.pop("api_key", server.api_key),
                             kwargs.pop("account_id", server.account_id),
                             base_url=base_url or server.origin, chat_url=server.chat_url,
                             timeout=kwargs.pop("timeout", 5.0), poll_interval=0.01, **kwargs)


def no_wait(_seconds):
    return asyncio.sleep(0)


def launched(project, provider, plan):
    job_id = jobs.record_launch(project, plan)
    sent = []
    asyncio.run(jobs.launch(project, provider, job_id, plan,
                            progress=lambda done, total: sent.append((done, total))))
    return job_id, sent


def test_tune_to_success_with_progress(project, server, plan):
    provider = provider_for(server)
    job_id, sent = launched(project, provider, plan)
    total = plan.train_file.stat().st_size + plan.validation_file.stat().st_size
    assert sent[0] == (0, total) and sent[-1] == (total, total)
    remote = server.job()
    assert remote.body["baseModel"] == "accounts/fireworks/models/qwen3-8b"
    assert (remote.body["epochs"], remote.body["loraRank"]) == (2, 16)
    assert remote.body["evaluationDataset"].startswith("accounts/natasha-club/datasets/")
    [train] = [d for d in server.datasets.values() if remote.body["dataset"].endswith(d.id)]
    assert train.content == plan.train_file.read_bytes()
    server.advance_on_poll = True
    job = asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    assert job.status == "succeeded"
    assert job.tuned_model == f"accounts/natasha-club/models/{remote.body['outputModel']}"
    assert jobs.job_metrics(project, job_id)["progress"] == [
        (25, 0.25), (50, 0.5), (75, 0.75), (100, 1.0)]
    messages = [e.message for e in jobs.job_events(project, job_id)]
    assert "Training has started." in messages and "The tuned model is ready." in messages
    assert not server.datasets  # deleted once the job ended
    # ...and the job card says so last, after the progress and the model (events sort by time).
    assert messages[-3:] == ["100% done.", "The tuned model is ready.",
                             "The training data was deleted from Fireworks AI."]


def test_kimi_is_offered_and_tuned_when_fireworks_lists_it(project, server, plan):
    provider = provider_for(server)
    text = asyncio.run(provider.test_connection())
    assert text.startswith("Connected to Fireworks AI, account natasha-club: 3 base model")
    choices = base_model_choices("fireworks")
    assert KIMI in choices and "accounts/fireworks/models/deepseek-v3" not in choices
    assert [m for m in choices if is_kimi(m)] == [KIMI]
    plan.base_model = KIMI
    launched(project, provider, plan)
    assert server.job().body["baseModel"] == KIMI
    # A month later Fireworks no longer tunes Kimi: the list says so, and so does a launch.
    server.kimi_tunable = False
    assert KIMI not in asyncio.run(provider.list_base_models())
    assert KIMI not in base_model_choices("fireworks")


def test_refused_dataset_is_explained_and_deleted(project, server, plan):
    server.refuse_dataset = True
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider_for(server), job_id, plan))
    assert caught.value.message == ("Fireworks AI refused the file train.jsonl: line 2: "
                                    "'messages' must be a list")
    assert not server.jobs and not server.datasets


def test_untunable_model_is_refused_and_leaves_nothing(project, server, plan):
    plan.base_model = "accounts/fireworks/models/deepseek-v3"
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider_for(server), job_id, plan))
    assert "is not supported for fine-tuning" in caught.value.message
    assert not server.datasets


def test_bad_key_and_wrong_account(server):
    with pytest.raises(StudioError) as caught:
        asyncio.run(provider_for(server, api_key="fw_wrong").test_connection())
    assert not isinstance(caught.value, ProviderUnavailable)
    assert caught.value.message == "Fireworks AI did not accept the API key."
    assert "FIREWORKS_API_KEY" in caught.value.hint
    with pytest.raises(StudioError) as caught:
        asyncio.run(provider_for(server, account_id="someone-else").test_connection())
    assert "denied access" in caught.value.message
    with pytest.raises(StudioError) as caught:
        asyncio.run(provider_for(server, account_id="").test_connection())
    assert caught.value.message == "No Fireworks AI account id is set."


def test_cancel_and_restart(project, server, plan):
    job_id, _ = launched(project, provider_for(server), plan)
    server.advance(3)
    # The app restarts: a new provider, a new event loop, only what the project saved.
    change = asyncio.run(jobs.poll_once(project, provider_for(server), job_id))
    assert change.status == "running"
    job = asyncio.run(jobs.cancel(project, provider_for(server), job_id))
    assert job.status == "cancelling"
    server.advance()
    assert asyncio.run(jobs.poll_once(project, provider_for(server), job_id)).status == \
        "cancelled"
    assert asyncio.run(provider_for(server).cancel_job(server.job().id)).state == "cancelled"


def test_failed_job_keeps_fireworks_message(project, server, plan):
    server.fail_at_percent = 50
    server.advance_on_poll = True
    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    job = asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    assert job.status == "failed" and job.error == "Training diverged: loss is NaN at step 12."


def test_chat_needs_a_deployment_whose_cost_is_said_first(project, server, plan):
    server.advance_on_poll = True
    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    tuned = asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait)).tuned_model
    messages = [ChatMessage("user", "Как дела?")]

    async def collect(model):
        return "".join([c async for c in provider.stream_chat(model, messages, ChatOptions())])

    assert asyncio.run(collect("accounts/fireworks/models/qwen3-8b")) == \
        "Fireworks отвечает: Как дела?"
    with pytest.raises(StudioError) as caught:
        asyncio.run(collect(tuned))
    assert "has no deployment at Fireworks AI yet" in caught.value.message
    assert "billed per second of GPU time" in caught.value.hint
    assert "scales to zero" in caught.value.hint
    assert not server.deployments  # nothing is created without the curator's yes
    name = asyncio.run(provider.create_deployment(tuned))
    deployment = server.deployments[name]
    assert deployment["minReplicaCount"] == 0 and deployment["maxReplicaCount"] == 1
    assert deployment["autoscalingPolicy"] == {"scaleToZeroWindow": "300s"}
    assert asyncio.run(collect(tuned)) == "Fireworks отвечает: Как дела?"
    assert server.chat_requests[-1]["model"] == f"{tuned}#{name}"


def test_network_drop_mid_poll(project, server, plan):
    with FlakyProxy(server.port) as proxy:
        provider = provider_for(server, base_url=f"http://127.0.0.1:{proxy.port}", timeout=1.0)
        job_id, _ = launched(project, provider, plan)
        server.advance_on_poll = True
        pauses = []

        async def sleep(seconds):
            pauses.append(seconds)
            if len(pauses) == 2:
                proxy.cut()
            elif proxy.mode == "cut":
                proxy.restore()
            await asyncio.sleep(0)

        job = asyncio.run(jobs.track(project, provider, job_id, interval=0.01, sleep=sleep))
    assert job.status == "succeeded"
    events = [e.message for e in jobs.job_events(project, job_id)]
    assert any(m.startswith("Cannot reach the provider; trying again.") for m in events)
    assert "The provider answers again." in events


def test_cli_finetune_wait_with_kimi(tmp_path, server):
    server.advance_on_poll = True
    path = make_project(tmp_path / "fireworks.nstudio")
    env = {"FIREWORKS_API_KEY": server.api_key, "FIREWORKS_ACCOUNT_ID": server.account_id,
           "FIREWORKS_BASE_URL": server.origin,
           "NATASHA_STUDIO_FIREWORKS_CHAT_URL": server.chat_url}
    done = run_cli("finetune", path, "--yes", "--provider", "fireworks", "--model", KIMI,
                   "--epochs", "1", "--lora-rank", "8", "--wait", "--poll-interval", "0.01",
                   env=env)
    assert done.returncode == 0, done.stderr
    remote = server.job()
    lines = done.stdout.splitlines()
    assert "Provider:        Fireworks AI" in lines
    assert f"Job #1 started: {remote.id}" in lines
    assert any(line.endswith("step 50, 50% done") for line in lines)
    tuned = f"accounts/natasha-club/models/{remote.body['outputModel']}"
    assert lines[-1] == f"Tuned model: {tuned}"
    assert remote.body["baseModel"] == KIMI and remote.body["loraRank"] == 8
    from natasha_studio.core.store import Project

    with Project.open(path) as project:
        saved = {(e.provider, e.model_id) for e in list_models(project)}
    assert ("fireworks", tuned) in saved and ("fireworks", KIMI) in saved
    listed = json.loads(run_cli("jobs", path, "--json", env=env).stdout)
    assert listed[0]["status"] == "succeeded" and listed[0]["provider"] == "fireworks"


def test_cli_chat_deploys_a_tuned_model_only_when_agreed(server):
    tuned = f"accounts/{server.account_id}/models/natasha-qwen3-8b"
    server.tuned.append(tuned)
    env = {"FIREWORKS_API_KEY": server.api_key, "FIREWORKS_ACCOUNT_ID": server.account_id,
           "FIREWORKS_BASE_URL": server.origin,
           "NATASHA_STUDIO_FIREWORKS_CHAT_URL": server.chat_url}
    ask = ("chat", "Привет", "--provider", "fireworks", "--model", tuned, "--quiet")
    plain = run_cli(*ask, env=env)
    assert plain.returncode == 1
    assert "has no deployment at Fireworks AI yet" in plain.stderr
    assert "per second of GPU time" in plain.stderr and "--deploy" in plain.stderr
    unasked = run_cli(*ask, "--deploy", env=env)  # no terminal to ask in, no --yes
    assert unasked.returncode == 1 and "Add --yes to deploy without asking" in unasked.stderr
    assert "per second of GPU time" in unasked.stderr
    assert not server.deployments
    done = run_cli(*ask, "--deploy", "--yes", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Fireworks отвечает: Привет"
    [deployment] = server.deployments.values()
    assert deployment["baseModel"] == tuned and deployment["minReplicaCount"] == 0
    # Deployed once: the next question goes there without --deploy.
    again = run_cli(*ask, env=env)
    assert again.returncode == 0 and len(server.deployments) == 1
    # A public model answers without a deployment.
    public = run_cli("chat", "Привет", "--provider", "fireworks", "--model",
                     "accounts/fireworks/models/qwen3-8b", "--quiet", env=env)
    assert public.returncode == 0 and public.stdout.strip() == "Fireworks отвечает: Привет"
