"""Cloud jobs and chats ride out the network: each fault ends in success once the network is
back, or in one plain message; never a traceback, a hang or a lost job.

The real SDKs talk to the stand-in servers through ``FlakyProxy``, which cuts (resets every
connection), stalls (accepts and never answers) and restores the network on demand. The
policy's pauses and timeouts are shrunk so each test takes a second or two.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest
from fakes.flaky_proxy import FlakyProxy
from fault_helpers import FAST, assert_recovered, follow, later, tracked_across_a_restart

from natasha_studio.core import jobs
from natasha_studio.core.chat.streaming import ReplyStream, build_messages
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatOptions
from natasha_studio.providers.openai_provider import OpenAIProvider
from natasha_studio.providers.vertex_provider import VertexProvider

pytest_plugins = ["fakes.fixtures"]


def vertex_via(server, proxy, policy=FAST):
    return VertexProvider(server.project, server.location, "natasha-tuning",
                          credentials=server.credentials(),
                          base_url=f"http://127.0.0.1:{proxy.port}/", policy=policy)


def openai_via(server, proxy, policy=FAST):
    return OpenAIProvider(server.api_key, f"http://127.0.0.1:{proxy.port}/v1",
                          poll_interval=0.01, policy=policy)


def vertex_job(project, server):
    """A Vertex job the provider knows, as if launched before the fault."""
    body = {"baseModel": "gemini-2.5-flash",
            "supervisedTuningSpec": {"trainingDatasetUri": "gs://natasha-tuning/t.jsonl"}}
    job_id = jobs.create_job(project, "vertex", "gemini-2.5-flash", snapshot_id=None)
    provider = VertexProvider(server.project, server.location, "natasha-tuning",
                              credentials=server.credentials(), base_url=server.base_url)
    from google.genai import types

    async def start():
        client = provider._client()
        return await client.aio.tunings.tune(
            base_model=body["baseModel"],
            training_dataset=types.TuningDataset(gcs_uri="gs://natasha-tuning/t.jsonl"))
    remote = asyncio.run(start())
    jobs.apply_status(project, job_id, provider._status(remote, {}))
    return job_id


def openai_job(project, server):
    line = json.dumps({"messages": [{"role": "user", "content": "Вопрос?"},
                                    {"role": "assistant", "content": "Ответ."}]})
    upload = server.add_file("train.jsonl", "fine-tune", (line + "\n").encode() * 12)
    provider = OpenAIProvider(server.api_key, server.base_url)
    job_id = jobs.create_job(project, "openai", "gpt-4.1-mini-2025-04-14", snapshot_id=None)

    async def start():
        async with provider._client() as client:
            return await client.fine_tuning.jobs.create(model="gpt-4.1-mini-2025-04-14",
                                                        training_file=upload.id)
    jobs.apply_status(project, job_id, provider._status(asyncio.run(start())))
    return job_id


@pytest.fixture(params=["vertex", "openai"])
def cloud(request, project, vertex_server, openai_server):
    """(server, job id, provider through a proxy) for each cloud provider."""
    server = vertex_server if request.param == "vertex" else openai_server
    server.advance_on_poll = True
    make = vertex_job if request.param == "vertex" else openai_job
    via = vertex_via if request.param == "vertex" else openai_via
    job_id = make(project, server)
    with FlakyProxy(server.port) as proxy:
        yield request.param, server, job_id, proxy, via(server, proxy)


def test_cut_mid_poll_then_network_returns(project, cloud, cell):
    kind, server, job_id, proxy, provider = cloud
    proxy.cut()
    later(1.0, proxy.restore)
    notices = []
    started = time.monotonic()
    follow(project, provider, job_id, notices)
    assert time.monotonic() - started < 10
    assert_recovered(project, job_id, notices, provider.label)
    assert "(" not in notices[0].reason.replace("(or", "")  # no raw tuples in the reason
    cell("cut mid-poll", kind, notices[0].text(), jobs.get_job(project, job_id).status)


def test_stalled_server_times_out_and_is_retried(project, cloud, cell):
    kind, server, job_id, proxy, provider = cloud
    proxy.stall()
    later(4.0, proxy.restore)
    notices = []
    follow(project, provider, job_id, notices)
    assert_recovered(project, job_id, notices, provider.label)
    assert "(" not in notices[0].reason.replace("(or", "")  # no raw tuples in the reason
    assert any("did not answer in time" in n.reason for n in notices)
    cell("stall", kind, f"{notices[0].text()} ({notices[0].reason})",
         jobs.get_job(project, job_id).status)


def test_a_burst_of_429_honours_retry_after(project, cloud, cell):
    kind, server, job_id, proxy, provider = cloud
    prefix = "/v1" if kind == "vertex" else "/v1/fine_tuning/jobs/"
    body = {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
                      "message": "Too many requests, slow down."}}
    server.inject("GET", prefix, status=429, body=body, headers={"Retry-After": "0.4"}, times=6)
    notices = []
    follow(project, provider, job_id, notices)
    job = jobs.get_job(project, job_id)
    assert job.status == "succeeded"
    assert notices and all(n.delay >= 0.4 for n in notices)
    assert all("quota" not in n.reason for n in notices)
    cell("429 burst", kind, f"{notices[0].text()} ({notices[0].reason})", job.status)


def test_server_errors_are_ridden_out(project, cloud, cell):
    kind, server, job_id, proxy, provider = cloud
    prefix = "/v1" if kind == "vertex" else "/v1/fine_tuning/jobs/"
    body = {"error": {"code": 500, "status": "INTERNAL", "message": "Internal error."}}
    server.inject("GET", prefix, status=500, body=body, times=6)
    notices = []
    follow(project, provider, job_id, notices)
    job = jobs.get_job(project, job_id)
    assert job.status == "succeeded" and job.check_error is None
    assert notices and "Traceback" not in notices[0].reason
    cell("500s", kind, f"{notices[0].text()} ({notices[0].reason})", job.status)


def test_credentials_refused_mid_job_stop_tracking_with_a_plain_message(project, cloud):
    kind, server, job_id, proxy, provider = cloud
    if kind == "vertex":
        server.tokens.clear()
    else:
        provider.api_key = "sk-revoked"
    notices = []
    with pytest.raises(StudioError) as caught:
        follow(project, provider, job_id, notices)
    assert notices == []  # not retried: trying again cannot fix a key
    assert "credentials" in str(caught.value) or "API key" in str(caught.value)
    job = jobs.get_job(project, job_id)
    assert not job.finished and job.check_error  # kept, to be tracked again once fixed


def test_restart_mid_job_picks_the_job_up(project, cloud, tmp_path, cell):
    kind, server, job_id, proxy, provider = cloud
    proxy.cut()
    reason, job = tracked_across_a_restart(project, provider, job_id, proxy.restore)
    assert job.status == "succeeded"
    cell("restart mid-job", kind, f"kept: could not check: {reason}", job.status)


def chat(provider, model, *, limit=None, on_text=None):
    stream = ReplyStream(provider, model, build_messages("Ты — Наташа.", [], "Привет!"),
                         ChatOptions(max_tokens=64), first_token_timeout=FAST.first_token_timeout,
                         gap_timeout=FAST.read_timeout)
    return asyncio.run(asyncio.wait_for(stream.run(on_text), limit or 20))


def chat_model(kind):
    return "gemini-2.5-flash" if kind == "vertex" else "gpt-4.1-mini"


def test_chat_with_a_server_that_never_answers(project, cloud, cell):
    kind, server, job_id, proxy, provider = cloud
    proxy.stall()
    started = time.monotonic()
    reply = chat(provider, chat_model(kind))
    took = time.monotonic() - started
    assert took < 5
    assert reply.error and "did not start answering within 1 s" in reply.error
    assert "Traceback" not in reply.error
    cell("chat: server never answers", kind, f"{reply.error} ({took:.1f} s)", "-")


def test_chat_cut_mid_stream_keeps_the_text_and_says_so(project, cloud, cell):
    kind, server, job_id, proxy, provider = cloud
    server.chat_delay = 0.15
    reply = chat(provider, chat_model(kind), on_text=lambda piece: proxy.cut())
    assert reply.text, "what arrived before the cut is kept"
    assert "dropped before the answer was complete" in reply.error
    assert "unsupported operand" not in reply.error and "Traceback" not in reply.error
    assert "(" not in reply.error.split(":")[0]
    cell("cut mid-chat-stream", kind, f"kept “{reply.text}”; {reply.error}", "-")


def test_a_reply_streaming_longer_than_the_read_timeout_is_whole(project, cloud):
    """The read timeout is a limit between two pieces of an answer, not on the whole answer:
    a long reply that keeps coming is not cut off."""
    kind, server, job_id, proxy, provider = cloud
    server.chat_delay = 0.3  # each piece well within the 1 s limit, the whole reply over it
    started = time.monotonic()
    reply = chat(provider, chat_model(kind))
    assert time.monotonic() - started > FAST.read_timeout
    assert reply.error is None, reply.error
    assert reply.text.endswith("Привет!")


def test_chat_while_offline_is_one_plain_sentence(project, cloud, cell):
    kind, server, job_id, proxy, provider = cloud
    proxy.cut()
    started = time.monotonic()
    reply = chat(provider, chat_model(kind))
    took = time.monotonic() - started
    assert reply.error and ("Cannot reach" in reply.error or "did not" in reply.error)
    assert "unsupported operand" not in reply.error
    json.dumps(reply.error)  # a plain string
    cell("chat offline", kind, f"{reply.error} ({took:.1f} s)", "-")


def test_upload_cut_mid_way_resumes_where_it_stopped(gcs_emulator, tmp_path, monkeypatch, cell):
    from google.cloud import storage

    from natasha_studio.providers.gcs_upload import upload_file

    data = bytes(range(256)) * 4096 * 2  # 2 MiB: eight chunks of 256 KiB
    path = tmp_path / "train.jsonl"
    path.write_bytes(data)
    port = int(gcs_emulator.rsplit(":", 1)[1])
    sent = []
    with FlakyProxy(port) as proxy:
        monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{proxy.port}")
        client = storage.Client(project="emulator")

        def report(done, total):
            sent.append(done)
            if len(sent) == 3:  # the network drops with 3 of 8 chunks in the bucket
                proxy.cut()
                later(0.3, proxy.restore)
        uri = upload_file(client, "natasha-tuning", "up/train.jsonl", path, report,
                          policy=FAST, chunk_size=256 * 1024)
    assert uri == "gs://natasha-tuning/up/train.jsonl"
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", gcs_emulator)
    stored = storage.Client(project="emulator").bucket("natasha-tuning").blob("up/train.jsonl")
    assert stored.download_as_bytes() == data
    assert sent == sorted(sent) and sent[-1] == len(data)  # bytes acknowledged, never back
    assert sent[:3] == [256 * 1024, 512 * 1024, 768 * 1024]
    cell("cut mid-upload", "vertex", f"progress by bytes acknowledged, resumed at "
         f"{sent[2] // 1024} KiB of {len(data) // 1024} KiB; whole file in the bucket", "uploaded")


def test_upload_gives_up_with_a_plain_message_and_can_be_cancelled(gcs_emulator, tmp_path,
                                                                    monkeypatch, cell):
    from google.cloud import storage

    from natasha_studio.core.provider import ProviderUnavailable
    from natasha_studio.providers.gcs_upload import UploadCancelled, upload_file

    path = tmp_path / "train.jsonl"
    path.write_bytes(b"x" * 600_000)
    port = int(gcs_emulator.rsplit(":", 1)[1])
    with FlakyProxy(port) as proxy:
        monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{proxy.port}")
        client = storage.Client(project="emulator")
        cut_after_open = {"done": False}

        def report(done, total):
            if not cut_after_open["done"]:
                cut_after_open["done"] = True
                proxy.cut()
        started = time.monotonic()
        with pytest.raises(ProviderUnavailable) as caught:
            upload_file(client, "natasha-tuning", "up/a.jsonl", path, report, policy=FAST,
                        chunk_size=256 * 1024)
        assert "failed 8 times in a row" in caught.value.message
        assert "(no connection to Cloud Storage)" in caught.value.message  # no class names
        assert time.monotonic() - started < 10
        cell("network gone during upload", "vertex", caught.value.message, "failed")
        proxy.restore()

        stop = threading.Event()

        def cancel_at_first_chunk(done, total):
            stop.set()
        with pytest.raises(UploadCancelled):
            upload_file(client, "natasha-tuning", "up/b.jsonl", path, cancel_at_first_chunk,
                        cancelled=stop, policy=FAST, chunk_size=256 * 1024)


def test_openai_large_file_goes_in_parts_and_rides_out_failures(project, openai_server,
                                                                tmp_path, cell):
    line = json.dumps({"messages": [{"role": "user", "content": "Вопрос?"},
                                    {"role": "assistant", "content": "Ответ. " * 40}]},
                      ensure_ascii=False)
    path = tmp_path / "big.jsonl"
    path.write_text((line + "\n") * 200, encoding="utf-8")  # ~110 KB: parts of 16 KiB
    size = path.stat().st_size
    plan = jobs.LaunchPlan("openai", "gpt-4.1-mini-2025-04-14", path, display_name="big")
    # A part fails twice with a 500, another connection drops: each is sent again.
    openai_server.fail_with("500", "/v1/uploads/", times=2)
    openai_server.fail_with("drop", "/v1/uploads/", times=1)
    with FlakyProxy(openai_server.port) as proxy:
        provider = openai_via(openai_server, proxy)
        provider.part_size = 16 * 1024
        job_id = jobs.record_launch(project, plan)
        sent = []
        job = asyncio.run(jobs.launch(project, provider, job_id, plan,
                                      progress=lambda done, total: sent.append(done)))
    assert job.remote_id and job.status != "failed"
    [upload] = openai_server.uploads.values()
    assert upload["status"] == "completed"
    assert openai_server.files[upload["file"]["id"]].content == path.read_bytes()
    assert sent == sorted(sent) and sent[-1] == size and len(sent) >= size // (16 * 1024)
    assert openai_server.count("POST", "/v1/files") == 0  # never one in-memory request
    cell("cut mid-upload", "openai", f"{len(sent)} parts, each failed one sent again; "
         f"progress by bytes sent to {sent[-1] // 1024} KiB", job.status)


def test_openai_upload_with_the_network_gone_gives_up_or_is_cancelled(project, openai_server,
                                                                      tmp_path, cell):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"messages": [{"role": "user", "content": "Вопрос?"},
                                    {"role": "assistant", "content": "Ответ. " * 40}]},
                      ensure_ascii=False)
    path.write_text((line + "\n") * 200, encoding="utf-8")  # ~110 KB: parts of 16 KiB
    plan = jobs.LaunchPlan("openai", "gpt-4.1-mini-2025-04-14", path, display_name="big")
    with FlakyProxy(openai_server.port) as proxy:
        provider = openai_via(openai_server, proxy)
        provider.part_size = 16 * 1024
        job_id = jobs.record_launch(project, plan)

        def cut_after_first_part(done, total):
            if done:
                proxy.cut()  # the network goes with one part sent, and stays gone
        started = time.monotonic()
        with pytest.raises(StudioError) as caught:
            asyncio.run(asyncio.wait_for(jobs.launch(project, provider, job_id, plan,
                                                     progress=cut_after_first_part), 30))
        took = time.monotonic() - started
        assert took < 40  # a part is sent 8 times, each with the SDK's own quick retry
        assert "Cannot reach" in caught.value.message and "Traceback" not in caught.value.message
        job = jobs.get_job(project, job_id)
        assert job.status == "failed" and job.error and not job.remote_id
        cell("network gone during upload", "openai", f"{caught.value.message} ({took:.1f} s)",
             job.status)

        proxy.restore()
        second = jobs.record_launch(project, plan)

        async def cancelled_mid_upload():
            task = asyncio.current_task()
            with pytest.raises(asyncio.CancelledError):
                await jobs.launch(project, provider, second, plan,
                                  progress=lambda done, total: done and task.cancel())
        asyncio.run(cancelled_mid_upload())
    job = jobs.get_job(project, second)
    assert job.status == "cancelled" and not job.remote_id


def test_vertex_token_endpoint_down_is_retried(project, vertex_server, tmp_path, cell):
    vertex_server.advance_on_poll = True
    job_id = vertex_job(project, vertex_server)
    key = vertex_server.service_account_file(tmp_path / "sa.json")
    provider = VertexProvider(vertex_server.project, vertex_server.location, "natasha-tuning",
                              credentials_file=str(key), base_url=vertex_server.base_url,
                              policy=FAST)
    vertex_server.inject("POST", "/token", status=503,
                         body={"error": "temporarily_unavailable"}, times=4)
    notices = []
    job = follow(project, provider, job_id, notices, limit=60)
    assert job.status == "succeeded"
    assert notices and "sign-in service" in notices[0].reason
    cell("token endpoint down", "vertex", f"{notices[0].text()} ({notices[0].reason})",
         job.status)
