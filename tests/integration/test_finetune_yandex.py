"""Yandex AI Studio through the real yandex-ai-studio-sdk (and openai, for chat) against the
stand-in in ``fakes.yandex_server``: tuning, refusals, cancel, re-attach, chat, a network drop."""

from __future__ import annotations

import asyncio
import json

import pytest
from fakes.flaky_proxy import FlakyProxy
from fakes.yandex_server import FakeYandex
from training_files import write_yandex_jsonl

from natasha_studio.core import jobs
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage, ChatOptions, ProviderUnavailable
from natasha_studio.providers.registry import build_provider
from natasha_studio.providers.yandex_provider import YandexProvider

SYSTEM = "Ты — Наташа, ведущая сообщества."


@pytest.fixture
def server():
    with FakeYandex() as fake:
        yield fake


@pytest.fixture
def plan(tmp_path):
    return jobs.LaunchPlan(
        "yandex", "yandexgpt-lite", write_yandex_jsonl(tmp_path / "train.jsonl"),
        write_yandex_jsonl(tmp_path / "valid.jsonl", 10), display_name="Наташа v1",
        hyperparameters={"lora_rank": 8, "lora_alpha": 16, "learning_rate": 0.0002,
                         "n_samples": 240, "seed": 7})


def provider_for(server, *, endpoint=None, **kwargs):
    settings = {"timeout": 5.0, "poll_interval": 0.01, "retries": 1, **kwargs}
    return YandexProvider(kwargs.pop("api_key", server.api_key),
                          kwargs.pop("folder_id", server.folder_id),
                          endpoint=endpoint or f"http://{server.endpoint}",
                          chat_url=server.chat_url,
                          **{k: v for k, v in settings.items()
                             if k not in ("api_key", "folder_id")})


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
    assert server.uploaded_bytes == total
    job = jobs.get_job(project, job_id)
    assert job.status == "queued" and job.remote_id == server.tuning().operation_id
    task = server.tuning()
    assert task.base_model_uri == f"gpt://{server.folder_id}/yandexgpt-lite/latest"
    assert (task.params.lora.rank, task.params.lora.alpha) == (8, 16)
    assert task.params.lr == pytest.approx(0.0002) and task.params.n_samples == 240
    assert task.params.seed == 7 and len(task.validation_ids) == 1
    # Every call carried the key the way Yandex wants it.
    assert set(server.auth_seen) == {f"Api-Key {server.api_key}"}

    server.advance_on_poll = True
    updates = []
    job = asyncio.run(jobs.track(project, provider, job_id, on_update=updates.append,
                                 sleep=no_wait))
    assert job.status == "succeeded"
    assert job.tuned_model == task.target_model_uri
    assert job.tuned_model.startswith(f"gpt://{server.folder_id}/yandexgpt-lite/latest@")
    messages = [e.message for e in jobs.job_events(project, job_id)]
    assert [m for m in messages if m.startswith("Step ")] == [
        "Step 1 of 4.", "Step 2 of 4.", "Step 3 of 4.", "Step 4 of 4."]
    assert "Training has started." in messages
    # The events read in the order they happened: the last step, the model, then the datasets
    # deleted from Yandex by the tracker once the job was over.
    assert messages[-3:] == ["Step 4 of 4.", "The tuned model is ready.",
                             "The training data was deleted from Yandex AI Studio."]
    # Created, then queued (said once, though Yandex has two words for it: CREATED, PENDING).
    assert messages[:4] == ["Uploading the dataset to Yandex AI Studio…",
                            f"The job was created: {task.operation_id}",
                            "The job is waiting in Yandex AI Studio's queue.",
                            "Training has started."]
    assert not server.datasets and job.state["training_data_deleted"] is True
    assert jobs.job_metrics(project, job_id)["progress"] == [
        (1, 0.25), (2, 0.5), (3, 0.75), (4, 1.0)]


def test_refused_dataset_says_which_rows(project, server, plan):
    server.refuse_dataset = True
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider_for(server), job_id, plan))
    assert "Yandex AI Studio refused the dataset" in caught.value.message
    assert "Field 'response' is required (rows 5, 7)" in caught.value.message
    assert caught.value.hint
    assert jobs.get_job(project, job_id).status == "failed" and not server.tunings


def test_bad_key(server):
    provider = provider_for(server, api_key="AQVN-wrong")
    with pytest.raises(StudioError) as caught:
        asyncio.run(provider.test_connection())
    assert not isinstance(caught.value, ProviderUnavailable)
    assert caught.value.message == "Yandex AI Studio did not accept the API key."


def test_wrong_folder(server):
    provider = provider_for(server, folder_id="b1gwrongfolder")
    with pytest.raises(StudioError) as caught:
        asyncio.run(provider.test_connection())
    assert "refused access to the folder b1gwrongfolder" in caught.value.message


def test_folder_without_tuning_access(project, server, plan):
    server.tuning_access = False
    provider = provider_for(server)
    with pytest.raises(StudioError) as caught:
        asyncio.run(provider.test_connection())
    assert "has no access to fine-tuning" in caught.value.message
    assert "request" in caught.value.hint
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError) as caught:
        asyncio.run(jobs.launch(project, provider, job_id, plan))
    assert "has no access to fine-tuning" in caught.value.message
    # The datasets of a launch Yandex refused are not left behind.
    assert not server.datasets and not server.tunings


def test_no_network(server):
    import socket

    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = provider_for(server, endpoint=f"http://127.0.0.1:{port}", timeout=1.0)
    with pytest.raises(ProviderUnavailable) as caught:
        asyncio.run(provider.test_connection())
    assert caught.value.message == f"127.0.0.1:{port} did not answer in time."


def test_connection_and_models(server, project, plan):
    provider = provider_for(server)
    assert "fine-tuning is available" in asyncio.run(provider.test_connection())
    server.advance_on_poll = True
    job_id, _ = launched(project, provider, plan)
    asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    models = asyncio.run(provider.list_models())
    assert models == [server.tuning().target_model_uri,
                      f"gpt://{server.folder_id}/yandexgpt-lite/latest"]


def test_cancel(project, server, plan):
    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    server.advance(3)
    job = asyncio.run(jobs.cancel(project, provider, job_id))
    assert job.status == "cancelled" and job.finished_at
    assert server.tuning().cancelled
    assert asyncio.run(jobs.cancel(project, provider, job_id)).status == "cancelled"


def test_datasets_leave_yandex_with_a_cancelled_job_unless_kept(project, server, plan):
    import dataclasses

    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    assert len(server.datasets) == 2
    server.advance(2)
    asyncio.run(jobs.cancel(project, provider, job_id))
    assert not server.datasets
    assert "The training data was deleted from Yandex AI Studio." in [
        e.message for e in jobs.job_events(project, job_id)]

    kept = dataclasses.replace(plan, keep_uploaded_data=True)
    kept_id, _ = launched(project, provider, kept)
    server.advance_on_poll = True
    job = asyncio.run(jobs.track(project, provider, kept_id, sleep=no_wait))
    assert job.status == "succeeded" and len(server.datasets) == 2
    assert jobs.job_events(project, kept_id)[-1].message == \
        "The training data stays at Yandex AI Studio, as you chose."


def test_failed_job_keeps_yandexs_message(project, server, plan):
    server.fail_at_step = 2
    server.advance_on_poll = True
    provider = provider_for(server)
    job_id, _ = launched(project, provider, plan)
    job = asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    assert job.status == "failed" and job.error == server.fail_message


def test_restart_reattaches_to_the_saved_job(project, server, plan):
    job_id, _ = launched(project, provider_for(server), plan)
    server.advance(3)
    # The app restarts: a new provider, a new event loop, only what the project saved.
    again = provider_for(server)
    change = asyncio.run(jobs.poll_once(project, again, job_id))
    assert change.status == "running"
    task_id = jobs.get_job(project, job_id).state["task_id"]
    assert task_id == server.tuning().task_id
    # Weeks later Yandex has forgotten the operation; the tuning task itself still answers.
    server.advance(10)
    server.operations.clear()
    change = asyncio.run(jobs.poll_once(project, provider_for(server), job_id))
    job = jobs.get_job(project, job_id)
    assert change.status == "succeeded" and job.tuned_model == server.tuning().target_model_uri


def test_chat_streams_from_base_and_tuned_models(server):
    provider = provider_for(server)
    messages = [ChatMessage("system", SYSTEM), ChatMessage("user", "Как дела?")]

    async def collect(model):
        return [chunk async for chunk in provider.stream_chat(model, messages, ChatOptions())]

    base = f"gpt://{server.folder_id}/yandexgpt-lite/latest"
    chunks = asyncio.run(collect(base))
    assert len(chunks) > 2 and "".join(chunks) == "Наташа отвечает: Как дела?"
    sent = server.chat_requests[-1]
    assert sent["headers"]["authorization"] == f"Api-Key {server.api_key}"
    assert sent["headers"]["x-folder-id"] == server.folder_id
    assert sent["model"] == base and sent["stream"] is True
    with pytest.raises(StudioError) as caught:
        asyncio.run(collect(f"gpt://{server.folder_id}/yandexgpt-lite/latest@nosuch"))
    assert "could not find it" in caught.value.message
    bad_key = provider_for(server, api_key="AQVN-wrong")
    with pytest.raises(StudioError) as caught:
        asyncio.run(bad_key.stream_chat(base, messages, ChatOptions()).__anext__())
    assert caught.value.message == "Yandex AI Studio did not accept the API key."


def test_network_drop_mid_poll(project, server, plan):
    with FlakyProxy(server.grpc_port) as proxy:
        provider = provider_for(server, endpoint=f"http://127.0.0.1:{proxy.port}", timeout=1.0)
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


def test_registry_builds_yandex_from_secrets(server, memory_keyring):
    from natasha_studio.secrets import secret_store

    store = secret_store()
    store.set("yandex_api_key", server.api_key)
    store.set("yandex_folder_id", server.folder_id)
    store.set("yandex_endpoint", f"http://{server.endpoint}")
    store.set("yandex_chat_url", server.chat_url)
    provider = build_provider("yandex", timeout=5.0, retries=1)
    assert isinstance(provider, YandexProvider) and provider.secure is False
    assert "fine-tuning is available" in asyncio.run(provider.test_connection())
    store.delete("yandex_endpoint")
    assert build_provider("yandex", api_key="k", folder_id="b1g").endpoint == \
        "llm.api.cloud.yandex.net:443"


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
    import os
    import subprocess
    import sys

    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "GOOGLE_"))}
    return subprocess.run([sys.executable, "-m", "natasha_studio", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          stdin=subprocess.DEVNULL,
                          env={**clean, "NATASHA_STUDIO_LANGUAGE": "en",
                               "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **env})


def test_cli_finetune_wait_jobs_and_chat(tmp_path, server):
    server.advance_on_poll = True
    path = make_project(tmp_path / "yandex.nstudio")
    env = {"YC_API_KEY": server.api_key, "YC_FOLDER_ID": server.folder_id,
           "NATASHA_STUDIO_YANDEX_ENDPOINT": f"http://{server.endpoint}",
           "NATASHA_STUDIO_YANDEX_CHAT_URL": server.chat_url}
    done = run_cli("finetune", path, "--yes", "--provider", "yandex", "--lora-rank", "8",
                   "--lora-alpha", "16", "--learning-rate", "0.0001", "--n-samples", "300",
                   "--wait", "--poll-interval", "0.01", env=env)
    assert done.returncode == 0, done.stderr
    task = server.tuning()
    lines = done.stdout.splitlines()
    assert "Uploading: 100%" in lines
    assert f"Job #1 started: {task.operation_id}" in lines
    assert any(line.endswith("step 2, 50% done") for line in lines)
    assert lines[-1] == f"Tuned model: {task.target_model_uri}"
    assert task.target_model_uri.startswith(f"gpt://{server.folder_id}/yandexgpt-lite/latest@")
    assert task.base_model_uri == f"gpt://{server.folder_id}/yandexgpt-lite/latest"
    assert (task.params.lora.rank, task.params.n_samples) == (8, 300)
    # Every example carries the project's system prompt, as Yandex asks.
    train = server.datasets_seen[task.train_ids[0]].decode().splitlines()
    assert all(json.loads(line)["request"][0] == {"role": "system", "text": SYSTEM}
               for line in train)

    listed = run_cli("jobs", path, "--json", env=env)
    [job] = json.loads(listed.stdout)
    assert job["status"] == "succeeded" and job["provider"] == "yandex"
    assert job["tuned_model"] == task.target_model_uri

    from natasha_studio.core.chat.models import list_models
    from natasha_studio.core.store import Project

    with Project.open(path) as project:
        saved = {e.model_id: e.provider for e in list_models(project)}
    assert saved[task.target_model_uri] == "yandex" and saved["yandexgpt-lite"] == "yandex"

    answer = run_cli("chat", "--provider", "yandex", "--model", task.target_model_uri,
                     "--system", SYSTEM, "Как дела?", env=env)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout == "Наташа отвечает: Как дела?\n"
    assert server.chat_requests[-1]["stream"] is True
    entry = run_cli("chat", "--project", path, "--entry", "yandexgpt-lite (base)", "Привет",
                    env=env)
    assert entry.returncode == 0, entry.stderr
    assert server.chat_requests[-1]["model"] == f"gpt://{server.folder_id}/yandexgpt-lite/latest"


def test_cli_job_commands_take_the_address_the_job_was_launched_with(tmp_path, server):
    """A curator behind a proxy gives --endpoint to every job command, not only to the launch:
    without it, follow, refresh and cancel went to Yandex's own address."""
    path = make_project(tmp_path / "proxy.nstudio")
    env = {"YC_API_KEY": server.api_key, "YC_FOLDER_ID": server.folder_id}
    endpoint = ("--endpoint", f"http://{server.endpoint}")
    started = run_cli("finetune", path, "--yes", "--provider", "yandex", *endpoint, env=env)
    assert started.returncode == 0, started.stderr
    server.advance(2)
    refreshed = run_cli("jobs", path, "--refresh", *endpoint, "--json", env=env)
    assert refreshed.returncode == 0, refreshed.stderr
    assert json.loads(refreshed.stdout)[0]["status"] == "running"
    cancelled = run_cli("cancel", path, "1", *endpoint, env=env)
    assert cancelled.returncode == 0, cancelled.stderr
    assert cancelled.stdout.strip() == "Job #1: cancelled." and server.tuning().cancelled

    again = run_cli("finetune", path, "--yes", "--provider", "yandex", *endpoint, env=env)
    assert again.returncode == 0, again.stderr
    server.advance_on_poll = True
    followed = run_cli("finetune", path, "--follow", "2", "--poll-interval", "0.01", *endpoint,
                       env=env)
    assert followed.returncode == 0, followed.stderr
    assert followed.stdout.splitlines()[-1].startswith("Tuned model: gpt://")
    # An address its provider has no use for is refused, before anything is sent.
    wrong = run_cli("cancel", path, "1", "--base-url", "http://127.0.0.1:9", env=env)
    assert wrong.returncode == 1 and "--base-url does not apply to Yandex AI Studio" in wrong.stderr
