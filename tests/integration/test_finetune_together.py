"""Together AI through the real ``together`` SDK (and ``openai`` for chat) against the
stand-in in ``fakes.together_standin``: tuning with progress and loss, refusals, a wrong key,
cancel, re-attach after a restart, the adapter brought home, a network drop, the CLI."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fakes.flaky_proxy import FlakyProxy
from fakes.together_standin import FakeTogether
from training_files import write_chat_jsonl

from natasha_studio.core import jobs
from natasha_studio.core.chat.models import list_models
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage, ChatOptions, ProviderUnavailable
from natasha_studio.providers.adapters import bring_adapter_home, models_folder
from natasha_studio.providers.model_cache import base_model_choices, cached_base_models
from natasha_studio.providers.registry import build_provider
from natasha_studio.providers.together_provider import TogetherProvider

SYSTEM = "Ты — Наташа, ведущая сообщества."


@pytest.fixture
def server():
    with FakeTogether() as fake:
        yield fake


@pytest.fixture
def plan(tmp_path):
    return jobs.LaunchPlan(
        "together", "Qwen/Qwen3-8B", write_chat_jsonl(tmp_path / "train.jsonl"),
        write_chat_jsonl(tmp_path / "valid.jsonl", 4), display_name="Наташа v1",
        hyperparameters={"epochs": 2, "learning_rate": 2e-5, "lora_rank": 16, "seed": 7,
                         "suffix": "natasha"})


def provider_for(server, *, base_url=None, **kwargs):
    return TogetherProvider(kwargs.pop("api_key", server.api_key), base_url or server.origin,
                            timeout=kwargs.pop("timeout", 5.0), **kwargs)


def no_wait(_seconds):
    return asyncio.sleep(0)


def launched(project, provider, plan):
    job_id = jobs.record_launch(project, plan)
    sent = []
    asyncio.run(jobs.launch(project, provider, job_id, plan,
                            progress=lambda done, total: sent.append((done, total))))
    return job_id, sent


def test_tune_to_success_with_progress_and_loss(project, server, plan):
    provider = provider_for(server)
    job_id, sent = launched(project, provider, plan)
    total = plan.train_file.stat().st_size + plan.validation_file.stat().st_size
    assert sent[0] == (0, total) and sent[-1] == (total, total)
    remote = server.job()
    job = jobs.get_job(project, job_id)
    assert job.status == "queued" and job.remote_id == remote.id
    body = remote.body
    assert body["n_epochs"] == 2 and body["learning_rate"] == pytest.approx(2e-5)
    assert body["training_type"]["lora_r"] == 16 and body["training_type"]["lora_alpha"] == 32
    assert body["random_seed"] == 7 and body["suffix"] == "natasha"
    assert body["validation_file"] and body["n_evals"] == 2
    # Both files reached Together whole, and the price it estimated is one of the events.
    assert server.contents[remote.training_file] == plan.train_file.read_bytes()
    assert any(e.message.startswith("Together AI's own estimate:")
               for e in jobs.job_events(project, job_id))

    server.advance_on_poll = True
    updates = []
    job = asyncio.run(jobs.track(project, provider, job_id, on_update=updates.append,
                                 sleep=no_wait))
    assert job.status == "succeeded" and job.tuned_model == remote.output_name
    metrics = jobs.job_metrics(project, job_id)
    assert metrics["train_loss"] == [(1, 2.0), (2, 1.0), (3, 0.6667), (4, 0.5)]
    assert [step for step, _ in metrics["valid_loss"]] == [1, 2, 3, 4]
    messages = [e.message for e in jobs.job_events(project, job_id)]
    assert "Training has started." in messages and "The tuned model is ready." in messages
    # The job's files were deleted from Together once it ended.
    assert not server.files
    assert "The training data was deleted from Together AI." in messages
    # ...said after Together's own last word on the job, though stamped in the same second.
    assert messages[-1] == "The training data was deleted from Together AI."


def test_base_models_come_from_the_api_and_are_cached(server):
    assert base_model_choices("together") == ["Qwen/Qwen3-8B"]  # before any answer
    provider = provider_for(server)
    text = asyncio.run(provider.test_connection())
    # (Without the app's translator the plural stays "model(s)".)
    assert text.startswith("Connected to Together AI: 3 base model")
    # Two pages followed; the deprecated model left out; the recommended one first.
    assert cached_base_models("together") == [
        "Qwen/Qwen3-8B", "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
        "Qwen/Qwen2.5-72B-Instruct"]
    assert base_model_choices("together")[1].startswith("meta-llama/")


def test_refused_file_is_deleted_and_explained(project, server, plan):
    server.refuse_file = True
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider_for(server), job_id, plan))
    assert "Together AI refused the file train.jsonl: Line 3: missing 'messages'" == \
        caught.value.message
    assert jobs.get_job(project, job_id).status == "failed"
    assert not server.jobs and not server.files


def test_a_model_it_does_not_tune_is_refused_before_any_upload(project, server, plan):
    plan.base_model = "meta-llama/Nope-1B"
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider_for(server), job_id, plan))
    assert "could not find it: Model meta-llama/Nope-1B is not available for fine-tuning" in \
        caught.value.message
    assert not server.contents and not server.jobs


def test_a_job_the_balance_cannot_cover_is_stopped_after_the_estimate(project, server, plan):
    server.balance = 0.0
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider_for(server), job_id, plan))
    assert "more than the account's balance allows" in caught.value.message
    assert "The uploaded file was deleted." in caught.value.hint
    assert not server.jobs and not server.files


def test_bad_key(server):
    provider = provider_for(server, api_key="tgp_wrong")
    with pytest.raises(StudioError) as caught:
        asyncio.run(provider.test_connection())
    assert not isinstance(caught.value, ProviderUnavailable)
    assert caught.value.message == "Together AI did not accept the API key."
    assert "TOGETHER_API_KEY" in caught.value.hint
    with pytest.raises(StudioError) as caught:
        asyncio.run(TogetherProvider(None, server.origin).test_connection())
    assert caught.value.message == "No API key is set for Together AI."


def test_cancel(project, server, plan):
    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    server.advance(3)
    job = asyncio.run(jobs.cancel(project, provider, job_id))
    assert job.status == "cancelling"
    server.advance()
    change = asyncio.run(jobs.poll_once(project, provider, job_id))
    assert change.status == "cancelled"
    # Cancelling an ended job reports where it ended.
    assert asyncio.run(provider.cancel_job(server.job().id)).state == "cancelled"


def test_failed_job_keeps_togethers_message(project, server, plan):
    server.fail_at_step = 2
    server.advance_on_poll = True
    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    job = asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    assert job.status == "failed" and job.error.startswith("CUDA out of memory at step 2")


def test_restart_reattaches_and_reads_only_new_events(project, server, plan):
    job_id, _ = launched(project, provider_for(server), plan)
    server.advance(3)
    asyncio.run(jobs.poll_once(project, provider_for(server), job_id))
    seen = len(jobs.job_events(project, job_id))
    # The app restarts: a new provider, a new event loop, only what the project saved.
    server.advance(1)
    change = asyncio.run(jobs.poll_once(project, provider_for(server), job_id))
    assert change.status == "running"
    events = jobs.job_events(project, job_id)
    assert len(events) == seen + 1  # the one new step, no repeats
    assert jobs.job_metrics(project, job_id)["train_loss"] == [(1, 2.0), (2, 1.0)]


def test_adapter_comes_home_and_is_offered_in_the_test_chat(project, server, plan):
    server.advance_on_poll = True
    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    entry_id = asyncio.run(bring_adapter_home(project, provider, job_id))
    folder = models_folder(project) / f"job-{job_id}-{server.job().output_name.replace('/', '-')}"
    config = json.loads((folder / "adapter_config.json").read_text())
    assert config["base_model_name_or_path"] == "Qwen/Qwen3-8B"
    assert jobs.get_job(project, job_id).state["adapter_dir"] == str(folder)
    [entry] = [e for e in list_models(project) if e.id == entry_id]
    assert entry.provider == "local" and entry.model_id == str(folder)
    assert entry.name == "Наташа v1 (on this computer)"
    # Asked again, nothing is downloaded twice and no second entry appears.
    downloads = server.count("GET", "/v1/finetune/download")
    assert asyncio.run(bring_adapter_home(project, provider, job_id)) == entry_id
    assert server.count("GET", "/v1/finetune/download") == downloads


def test_chat_on_a_deployed_model_and_what_an_endpoint_costs(server):
    provider = provider_for(server)
    messages = [ChatMessage("system", SYSTEM), ChatMessage("user", "Как дела?")]

    async def collect(model):
        return [chunk async for chunk in provider.stream_chat(model, messages, ChatOptions())]

    assert "".join(asyncio.run(collect("Qwen/Qwen3-8B"))) == "Together отвечает: Как дела?"
    assert server.chat_requests[-1]["stream"] is True
    with pytest.raises(StudioError) as caught:
        asyncio.run(collect("natasha/Qwen3-8B-natasha-abc123"))
    assert caught.value.message == ("natasha/Qwen3-8B-natasha-abc123 is not running on a "
                                    "Together AI endpoint.")
    assert "billed for every minute it runs" in caught.value.hint
    assert "adapter downloaded with the job" in caught.value.hint


def test_network_drop_mid_poll(project, server, plan):
    with FlakyProxy(server.port) as proxy:
        provider = provider_for(server, base_url=f"http://127.0.0.1:{proxy.port}", timeout=1.0)
        job_id, _ = launched(project, provider, plan)
        server.advance_on_poll = True
        pauses = []

        async def sleep(seconds):
            pauses.append(seconds)
            if len(pauses) == 2:
                proxy.cut()  # the network goes while the job runs
            elif proxy.mode == "cut":
                proxy.restore()
            await asyncio.sleep(0)

        job = asyncio.run(jobs.track(project, provider, job_id, interval=0.01, sleep=sleep))
    assert job.status == "succeeded" and job.tuned_model
    events = jobs.job_events(project, job_id)
    warnings = [e.message for e in events if e.level == "warning"]
    assert warnings and warnings[0].startswith("Cannot reach the provider; trying again.")
    assert "The provider answers again." in [e.message for e in events]


def test_registry_builds_together_from_secrets(server, memory_keyring):
    from natasha_studio.secrets import secret_store

    store = secret_store()
    store.set("together_api_key", server.api_key)
    store.set("together_base_url", server.origin)
    provider = build_provider("together", timeout=5.0)
    assert isinstance(provider, TogetherProvider) and provider.base_url == server.origin + "/v1"
    assert "3 base model" in asyncio.run(provider.test_connection())


# -- the command line, run as a curator would ---------------------------------------------------

def make_project(path, n=14):
    from natasha_studio.core.pairs import Turn, add_pair
    from natasha_studio.core.store import Project

    with Project.create(path, "Наташа", SYSTEM) as project:
        for i in range(n):
            add_pair(project, [Turn("user", f"Как мне начать бегать, если мне {20 + i} лет?", 11,
                                    "Ольга", [i * 2], 1_700_000_000 + i),
                               Turn("assistant", f"Начни с ходьбы, {i} минут в день.", 1,
                                    "Наташа", [i * 2 + 1], 1_700_000_100 + i)],
                     origin="reply", status="approved", key=f"k{i}")
    return path


def run_cli(*args, env):
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("OPENAI_", "GOOGLE_", "TOGETHER_", "FIREWORKS_"))}
    return subprocess.run([sys.executable, "-m", "natasha_studio", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          stdin=subprocess.DEVNULL,
                          env={**clean, "NATASHA_STUDIO_LANGUAGE": "en",
                               "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **env})


def test_cli_finetune_wait_brings_the_adapter_home(tmp_path, server):
    server.advance_on_poll = True
    path = make_project(tmp_path / "together.nstudio")
    env = {"TOGETHER_API_KEY": server.api_key, "TOGETHER_BASE_URL": server.origin}
    done = run_cli("finetune", path, "--yes", "--provider", "together", "--epochs", "2",
                   "--lora-rank", "8", "--wait", "--poll-interval", "0.01", env=env)
    assert done.returncode == 0, done.stderr
    remote = server.job()
    lines = done.stdout.splitlines()
    assert "Provider:        Together AI" in lines
    assert any(line.startswith("Data goes to:") and "Together AI, the USA" in line
               for line in lines)
    assert "Uploading: 100%" in lines and f"Job #1 started: {remote.id}" in lines
    assert any(line.endswith("step 4, training loss 0.500") for line in lines)
    assert lines[-1] == f"Tuned model: {remote.output_name}"
    [adapter] = [line.removeprefix("Adapter on this computer: ") for line in lines
                 if line.startswith("Adapter on this computer: ")]
    assert adapter.startswith(str(tmp_path / "together-models" / "job-1-natasha-Qwen3-8B"))
    assert (Path(adapter) / "adapter_config.json").is_file()
    assert remote.model == "Qwen/Qwen3-8B"
    train = server.contents.get(remote.training_file)
    assert train is None  # deleted from Together after the job
    from natasha_studio.core.store import Project

    with Project.open(path) as project:
        saved = {(e.provider, e.model_id) for e in list_models(project)}
    assert ("together", remote.output_name) in saved and ("local", adapter) in saved
    listed = json.loads(run_cli("jobs", path, "--json", env=env).stdout)
    assert listed[0]["status"] == "succeeded" and listed[0]["provider"] == "together"


def test_cli_chat_with_together(server):
    env = {"TOGETHER_API_KEY": server.api_key, "TOGETHER_BASE_URL": server.origin}
    done = run_cli("chat", "Как дела?", "--provider", "together", "--model", "Qwen/Qwen3-8B",
                   "--quiet", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Together отвечает: Как дела?"
    tuned = run_cli("chat", "Как дела?", "--provider", "together", "--model",
                    "natasha/Qwen3-8B-natasha-abc123", "--quiet", env=env)
    assert tuned.returncode == 1 and "billed for every minute it runs" in tuned.stderr
    refused = run_cli("chat", "Как дела?", "--provider", "together", "--model",
                      "Qwen/Qwen3-8B", "--deploy", env=env)
    assert refused.returncode != 0 and "--deploy is for models tuned at Fireworks AI" in (
        refused.stderr)
