"""Vertex AI tuning through google-genai (fake server) with uploads to gcp-storage-emulator."""

from __future__ import annotations

import asyncio
import json

import pytest
from fakes.flaky_proxy import FlakyProxy, http_response
from google.cloud import storage

from natasha_studio.core import jobs
from natasha_studio.core.errors import StudioError
from natasha_studio.providers.vertex_provider import VertexProvider

pytest_plugins = ["fakes.fixtures"]
GCS_BUCKET = "natasha-tuning"  # the bucket the gcs_emulator fixture creates


def write_gemini_jsonl(path, n=12):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({
                "systemInstruction": {"role": "system", "parts": [{"text": "Ты — Наташа."}]},
                "contents": [{"role": "user", "parts": [{"text": f"Вопрос {i}?"}]},
                             {"role": "model", "parts": [{"text": f"Ответ {i}."}]}]},
                ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def plan(tmp_path):
    return jobs.LaunchPlan("vertex", "gemini-2.5-flash", write_gemini_jsonl(tmp_path / "train.jsonl"),
                           write_gemini_jsonl(tmp_path / "valid.jsonl", 10), display_name="Наташа v1",
                           hyperparameters={"epochs": 4, "learning_rate_multiplier": 0.5,
                                            "adapter_size": 4})


def vertex(server, bucket=GCS_BUCKET):
    return VertexProvider(server.project, server.location, bucket,
                          credentials=server.credentials(), base_url=server.base_url)


def no_wait(_seconds):
    return asyncio.sleep(0)


def launch(project, provider, plan):
    job_id = jobs.record_launch(project, plan)
    sent = []
    asyncio.run(jobs.launch(project, provider, job_id, plan,
                            progress=lambda done, total: sent.append((done, total))))
    return job_id, sent


def test_upload_tune_track_to_the_endpoint(project, vertex_server, gcs_emulator, plan):
    job_id, sent = launch(project, vertex(vertex_server), plan)
    total = plan.train_file.stat().st_size + plan.validation_file.stat().st_size
    assert sent[-1] == (total, total)
    spec = vertex_server.job()["supervisedTuningSpec"]
    assert spec["trainingDatasetUri"].startswith(f"gs://{GCS_BUCKET}/natasha-studio/")
    assert spec["hyperParameters"] == {"epochCount": 4, "learningRateMultiplier": 0.5,
                                       "adapterSize": "ADAPTER_SIZE_FOUR"}
    assert vertex_server.job()["tunedModelDisplayName"] == "Наташа v1"
    # The files really are in the bucket, byte for byte.
    client = storage.Client(project="emulator")
    name = spec["trainingDatasetUri"].removeprefix(f"gs://{GCS_BUCKET}/")
    assert client.bucket(GCS_BUCKET).blob(name).download_as_bytes() == plan.train_file.read_bytes()
    assert spec["validationDatasetUri"].endswith("valid.jsonl")

    job = jobs.get_job(project, job_id)
    assert job.status == "queued" and job.remote_id.startswith("projects/natasha-test/")
    vertex_server.advance_on_poll = True
    job = asyncio.run(jobs.track(project, vertex(vertex_server), job_id, sleep=no_wait))
    assert job.status == "succeeded"
    assert job.tuned_model.startswith("projects/natasha-test/locations/europe-west4/endpoints/")
    messages = [e.message for e in jobs.job_events(project, job_id)]
    assert any("12 examples" in m for m in messages)
    assert any("state: training" in m for m in messages)
    assert any("state: finished" in m for m in messages)


def test_failure_and_cancel(project, vertex_server, gcs_emulator, plan):
    vertex_server.fail_next_job = "Dataset contains too many tokens in example 3."
    vertex_server.advance_on_poll = True
    job_id, _ = launch(project, vertex(vertex_server), plan)
    job = asyncio.run(jobs.track(project, vertex(vertex_server), job_id, sleep=no_wait))
    assert job.status == "failed" and job.error == "Dataset contains too many tokens in example 3."

    vertex_server.advance_on_poll = False
    job_id, _ = launch(project, vertex(vertex_server), plan)
    job = asyncio.run(jobs.cancel(project, vertex(vertex_server), job_id))
    assert job.status == "cancelling"
    vertex_server.advance()
    asyncio.run(jobs.poll_once(project, vertex(vertex_server), job_id))
    assert jobs.get_job(project, job_id).status == "cancelled"


def test_missing_bucket_is_explained(project, vertex_server, gcs_emulator, plan):
    job_id = jobs.record_launch(project, plan)
    with pytest.raises(StudioError, match="bucket was not found"):
        asyncio.run(jobs.launch(project, vertex(vertex_server, "no-such-bucket"), job_id, plan))
    assert jobs.get_job(project, job_id).status == "failed"
    with pytest.raises(StudioError, match="No Cloud Storage bucket"):
        asyncio.run(jobs.launch(project, vertex(vertex_server, ""), job_id, plan))


def test_upload_retried_after_a_dropped_connection(project, vertex_server, gcs_emulator, plan,
                                                   monkeypatch):
    port = int(gcs_emulator.rsplit(":", 1)[1])
    with FlakyProxy(port, drop_first=1) as proxy:
        monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{proxy.port}")
        job_id, _ = launch(project, vertex(vertex_server), plan)
        assert proxy.connections >= 2
    assert jobs.get_job(project, job_id).remote_id


def test_permission_denied_on_the_bucket(project, vertex_server, gcs_emulator, plan, monkeypatch):
    port = int(gcs_emulator.rsplit(":", 1)[1])
    body = json.dumps({"error": {"code": 403, "message": "tuner@natasha-test does not have "
                                 "storage.objects.create access."}}).encode()
    with FlakyProxy(port, answer_first=(5, http_response(403, "Forbidden", body))) as proxy:
        monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{proxy.port}")
        job_id = jobs.record_launch(project, plan)
        with pytest.raises(StudioError) as caught:
            asyncio.run(jobs.launch(project, vertex(vertex_server), job_id, plan))
    assert "No permission" in caught.value.message and "Storage Object Admin" in caught.value.hint


def test_test_connection_reports_project_and_bucket(vertex_server, gcs_emulator):
    text = asyncio.run(vertex(vertex_server).test_connection())
    assert "natasha-test" in text and f"gs://{GCS_BUCKET}" in text
    with pytest.raises(StudioError, match="bucket was not found"):
        asyncio.run(vertex(vertex_server, "missing").test_connection())
    vertex_server.tokens.clear()  # credentials revoked
    with pytest.raises(StudioError, match="credentials"):
        asyncio.run(vertex(vertex_server).test_connection())


def test_the_sdk_client_is_made_once_for_polls_and_chats(project, vertex_server, gcs_emulator,
                                                          plan):
    """Making google-genai's client takes some 100 ms in the window's thread (TLS contexts), and
    the window builds a provider for every chat message and polls every few seconds: a client
    is made once per settings and event loop, and the next provider with other settings gets
    its own."""
    made = []

    class Watched(VertexProvider):
        def _client(self):
            made.append(self.location)
            return super()._client()

    def watched(location=None):
        return Watched(vertex_server.project, location or vertex_server.location, GCS_BUCKET,
                       credentials=credentials, base_url=vertex_server.base_url)

    credentials = vertex_server.credentials()
    job_id, _ = launch(project, vertex(vertex_server), plan)
    remote_id = jobs.get_job(project, job_id).remote_id

    async def polls():
        for _ in range(3):
            status = await watched().poll_job(remote_id, {})
            assert status.state in {"queued", "running", "succeeded"}
        await watched("asia-northeast1").list_models()

    asyncio.run(polls())
    assert made == [vertex_server.location, "asia-northeast1"]
    asyncio.run(polls())  # a new event loop: the old loop's connection pool is not reused
    assert made == [vertex_server.location, "asia-northeast1"] * 2
