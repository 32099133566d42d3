"""Before and after a fine-tune: the confirmation, OpenAI's closing date, deleting the upload.

The real SDKs run against the stand-ins (OpenAI files over loopback, Vertex with user
credentials whose token_uri is the stand-in, Cloud Storage in gcp-storage-emulator).
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from google.cloud import storage
from test_finetune_cli import make_project, run_cli
from test_finetune_vertex import GCS_BUCKET, write_gemini_jsonl

from natasha_studio.core import export, jobs
from natasha_studio.core.errors import StudioError
from natasha_studio.core.jobs.confirm import launch_summary, tuning_refusal
from natasha_studio.core.store import Project
from natasha_studio.local.provider import LocalProvider
from natasha_studio.providers.catalog import country_name, provider_info
from natasha_studio.providers.openai_provider import OpenAIProvider
from natasha_studio.providers.vertex_provider import VertexProvider

pytest_plugins = ["fakes.fixtures"]
CLOSED = dt.date(2027, 1, 6)


def no_wait(_seconds):
    return asyncio.sleep(0)


def openai_plan(tmp_path, **kwargs):
    train = tmp_path / "train.jsonl"
    train.write_text('{"messages": [{"role": "user", "content": "Привет"}, '
                     '{"role": "assistant", "content": "Здравствуйте"}]}\n' * 12, encoding="utf-8")
    return jobs.LaunchPlan("openai", "gpt-4.1-mini-2025-04-14", train, display_name="v1",
                           **kwargs)


def test_openai_is_refused_from_its_closing_day_before_anything_is_uploaded(
        project, openai_server, tmp_path):
    info = provider_info("openai")
    assert tuning_refusal(info, dt.date(2027, 1, 5)) is None
    refusal = tuning_refusal(info, CLOSED)
    assert "2027-01-06" in refusal.message
    assert "Yandex AI Studio" in refusal.hint and "Vertex AI" in refusal.hint
    assert "local training" in refusal.hint and "still works" in refusal.hint
    for kind in ("vertex", "yandex", "local"):
        assert tuning_refusal(provider_info(kind), dt.date(2030, 1, 1)) is None

    provider = OpenAIProvider(openai_server.api_key, openai_server.base_url)
    plan = openai_plan(tmp_path)
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError, match="no longer accepts"):
        asyncio.run(jobs.launch(project, provider, job_id, plan, today=CLOSED))
    assert openai_server.files == {} and openai_server.count("POST", "/v1/") == 0
    assert jobs.get_job(project, job_id).status == "failed"
    # Chat with a model tuned before keeps working after the date.

    async def chat():
        from natasha_studio.core.provider import ChatMessage, ChatOptions
        return "".join([part async for part in provider.stream_chat(
            "gpt-4.1-mini", [ChatMessage("user", "Привет")], ChatOptions())])
    assert asyncio.run(chat())


def test_openai_upload_is_deleted_when_the_job_ends(project, openai_server, tmp_path):
    provider = OpenAIProvider(openai_server.api_key, openai_server.base_url, poll_interval=0.01)
    plan = openai_plan(tmp_path)
    job_id = jobs.record_launch(project, plan)
    asyncio.run(jobs.launch(project, provider, job_id, plan))
    [uploaded] = openai_server.files
    openai_server.advance_on_poll = True
    job = asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    assert job.status == "succeeded"
    assert uploaded not in openai_server.files
    assert openai_server.count("DELETE", f"/v1/files/{uploaded}") == 1
    events = [e.message for e in jobs.job_events(project, job_id)]
    assert "The training data was deleted from OpenAI." in events
    # Done once: a second pass finds it recorded and sends nothing.
    asyncio.run(jobs.delete_training_data(project, provider, job_id))
    assert openai_server.count("DELETE", "/v1/files/") == 1


def test_a_kept_upload_stays_and_a_cancelled_job_deletes_its_own(project, openai_server,
                                                                  tmp_path):
    provider = OpenAIProvider(openai_server.api_key, openai_server.base_url, poll_interval=0.01)
    kept = openai_plan(tmp_path, keep_uploaded_data=True)
    kept_id = jobs.record_launch(project, kept)
    asyncio.run(jobs.launch(project, provider, kept_id, kept))
    [kept_file] = openai_server.files
    openai_server.advance_on_poll = True
    asyncio.run(jobs.track(project, provider, kept_id, sleep=no_wait))
    assert kept_file in openai_server.files
    assert any("stays at OpenAI" in e.message for e in jobs.job_events(project, kept_id))

    openai_server.advance_on_poll = False
    plan = openai_plan(tmp_path)
    job_id = jobs.record_launch(project, plan)
    asyncio.run(jobs.launch(project, provider, job_id, plan))
    mine = jobs.get_job(project, job_id).state["training_file"]
    job = asyncio.run(jobs.cancel(project, provider, job_id))
    assert job.status == "cancelled"
    assert mine not in openai_server.files and kept_file in openai_server.files


def test_vertex_with_gcloud_user_credentials_deletes_its_bucket_objects(
        project, vertex_server, gcs_emulator, tmp_path):
    creds = vertex_server.user_credentials_file(tmp_path / "application_default_credentials.json")
    provider = VertexProvider(vertex_server.project, vertex_server.location, GCS_BUCKET,
                              credentials_file=str(creds), base_url=vertex_server.base_url)
    assert "Connected to Vertex AI" in asyncio.run(provider.test_connection())
    assert vertex_server.count("POST", "/token") == 1  # the refresh-token flow, over loopback

    plan = jobs.LaunchPlan("vertex", "gemini-2.5-flash",
                           write_gemini_jsonl(tmp_path / "train.jsonl"),
                           write_gemini_jsonl(tmp_path / "valid.jsonl", 10), display_name="v1")
    job_id = jobs.record_launch(project, plan)
    asyncio.run(jobs.launch(project, provider, job_id, plan))
    bucket = storage.Client(project="emulator").bucket(GCS_BUCKET)
    assert len(list(bucket.list_blobs())) == 2
    vertex_server.advance_on_poll = True
    job = asyncio.run(jobs.track(project, provider, job_id, sleep=no_wait))
    assert job.status == "succeeded"
    assert list(bucket.list_blobs()) == []
    assert job.state["training_data_deleted"] is True


def test_a_file_that_is_no_google_credentials_says_so(tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    provider = VertexProvider("p", "europe-west4", "b", credentials_file=str(bad))
    with pytest.raises(StudioError, match="not a Google credentials file") as caught:
        provider.credentials()
    assert "gcloud auth application-default login" in caught.value.hint


def test_local_jobs_have_nothing_to_delete(tmp_path):
    assert asyncio.run(LocalProvider(tmp_path).delete_training_data({"offset": 3})) == []


def test_the_summary_says_what_goes_where(request, project):
    from natasha_studio.core.pairs import Turn, add_pair

    for i in range(12):
        add_pair(project, [Turn("user", f"Вопрос {i}? Звоните +7 916 123-45-{10 + i:02d}", 11,
                                "Ольга", [i * 2], 1_700_000_000 + i),
                           Turn("assistant", f"Ответ {i}.", 1, "Наташа", [i * 2 + 1],
                                1_700_000_100 + i)], origin="reply", status="approved",
                 key=f"k{i}")
    snapshot = export.create_snapshot(project, "v1")
    pre = export.preflight(project, snapshot.id, "vertex", "gemini-2.5-flash")
    request.addfinalizer(pre.discard)  # its training files, out of the real temp folder
    info = provider_info("vertex")
    summary = launch_summary(info, pre, label="Vertex AI", country=country_name(info.country))
    text = "\n".join(summary.lines())
    assert "Provider:" in text and "Vertex AI" in text and "gemini-2.5-flash" in text
    assert "Google, the USA" in text and "deleted from there when the job ends" in text
    assert f"{pre.report.n_examples:,}" in text and "Estimated time:" in text
    assert summary.warnings and "personal data" in summary.warnings[0]
    assert summary.question == "Send the dataset to Google and start training?"

    yandex = launch_summary(provider_info("yandex"), pre, label="Yandex AI Studio",
                            country=country_name("RU"), keep_uploaded_data=True)
    assert "not billed during Preview" in "\n".join(yandex.lines())
    assert "Yandex, Russia" in "\n".join(yandex.lines())
    assert "kept there" in "\n".join(yandex.lines())
    local = "\n".join(launch_summary(provider_info("local"), pre, label="Local training",
                                     country="").lines())
    assert "your own computer" in local and "stays on this computer" in local


def test_cli_asks_before_sending_and_needs_yes_without_a_terminal(tmp_path, openai_server):
    path = make_project(tmp_path / "ask.nstudio")
    env = {"OPENAI_API_KEY": openai_server.api_key, "OPENAI_BASE_URL": openai_server.base_url}
    args = ("finetune", path, "--provider", "openai", "--model", "gpt-4.1-mini-2025-04-14")
    refused = run_cli(*args, env_extra=env)
    assert refused.returncode == 1
    assert "Data goes to:" in refused.stdout and "OpenAI, the USA" in refused.stdout
    assert "Add --yes" in refused.stderr
    assert openai_server.count("POST", "/v1/") == 0
    with Project.open(path) as project:
        assert jobs.list_jobs(project) == []

    done = run_cli(*args, "--yes", "--keep-uploaded-data", env_extra=env)
    assert done.returncode == 0, done.stderr
    assert "kept there after the job ends" in done.stdout
    assert openai_server.count("POST", "/v1/files") >= 1
    with Project.open(path) as project:
        assert jobs.list_jobs(project)[0].state["keep_uploaded_data"] is True


def test_cli_refuses_openai_after_its_closing_day(tmp_path, openai_server, monkeypatch,
                                                   capsys):
    from natasha_studio import cli
    from natasha_studio.core.jobs import confirm

    monkeypatch.setattr(confirm, "current_date", lambda: CLOSED)
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    path = make_project(tmp_path / "late.nstudio")
    code = cli.main(["finetune", str(path), "--yes", "--provider", "openai", "--model",
                     "gpt-4.1-mini-2025-04-14"])
    assert code == 1
    err = capsys.readouterr().err
    assert "stopped on 2027-01-06" in err and "Yandex AI Studio" in err
    assert openai_server.count("POST", "/v1/") == 0
