"""The network faults of ``test_network_faults`` for the other cloud providers: Together AI,
Fireworks AI and Yandex AI Studio (tuning and chat) and an OpenAI-compatible server (chat
only). Each fault ends in success once the network is back, or in one plain message; never
a traceback, a hang or a lost job.

The real SDKs (together, fireworks-ai, yandex-ai-studio-sdk over gRPC, openai for chat) talk
to the stand-ins through ``FlakyProxy``. Every test records what the curator saw and the
job's final state as junit properties, which ``scripts/fault_matrix.py`` prints as a table.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any

import grpc
import pytest
from fakes.fireworks_standin import FakeFireworks
from fakes.flaky_proxy import FlakyProxy
from fakes.openai_server import FakeOpenAI
from fakes.together_standin import FakeTogether
from fakes.yandex_server import FakeYandex
from fault_helpers import FAST, assert_recovered, follow, later, tracked_across_a_restart
from training_files import write_chat_jsonl, write_yandex_jsonl

from natasha_studio.core import jobs
from natasha_studio.core.chat.streaming import ReplyStream, build_messages
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatOptions
from natasha_studio.providers.compatible_provider import CompatibleProvider
from natasha_studio.providers.fireworks_provider import FireworksProvider
from natasha_studio.providers.together_provider import TogetherProvider
from natasha_studio.providers.yandex_provider import YandexProvider

pytest_plugins = ["fakes.fixtures"]

SYSTEM = "Ты — Наташа."
TUNED = ("together", "fireworks", "yandex")


@dataclass
class Cloud:
    """A provider's stand-in, the proxies in front of it, and the provider through them."""

    kind: str
    server: Any
    proxies: list[FlakyProxy]
    provider: Any
    plan: jobs.LaunchPlan | None
    chat_model: str

    def cut(self) -> None:
        for proxy in self.proxies:
            proxy.cut()

    def stall(self) -> None:
        for proxy in self.proxies:
            proxy.stall()

    def restore(self) -> None:
        for proxy in self.proxies:
            proxy.restore()

    def advance_on_poll(self) -> None:
        self.server.advance_on_poll = True


def together(stack, tmp_path):
    server = stack.enter_context(FakeTogether())
    proxy = stack.enter_context(FlakyProxy(server.port))
    provider = TogetherProvider(server.api_key, f"http://127.0.0.1:{proxy.port}", timeout=1.0,
                                poll_interval=0.01, policy=FAST)
    plan = jobs.LaunchPlan("together", "Qwen/Qwen3-8B", write_chat_jsonl(tmp_path / "train.jsonl"),
                           display_name="Наташа", hyperparameters={"epochs": 1, "lora_rank": 8})
    return Cloud("together", server, [proxy], provider, plan, "Qwen/Qwen3-8B")


def fireworks(stack, tmp_path):
    server = stack.enter_context(FakeFireworks())
    proxy = stack.enter_context(FlakyProxy(server.port))
    url = f"http://127.0.0.1:{proxy.port}"
    provider = FireworksProvider(server.api_key, server.account_id, base_url=url,
                                 chat_url=f"{url}/inference/v1", timeout=1.0, poll_interval=0.01,
                                 policy=FAST)
    plan = jobs.LaunchPlan("fireworks", "accounts/fireworks/models/qwen3-8b",
                           write_chat_jsonl(tmp_path / "train.jsonl"), display_name="Наташа",
                           hyperparameters={"epochs": 1, "lora_rank": 8})
    return Cloud("fireworks", server, [proxy], provider, plan,
                 "accounts/fireworks/models/qwen3-8b")


def yandex(stack, tmp_path):
    server = stack.enter_context(FakeYandex())
    grpc_proxy = stack.enter_context(FlakyProxy(server.grpc_port))
    http_proxy = stack.enter_context(FlakyProxy(server.http.port))
    provider = YandexProvider(server.api_key, server.folder_id,
                              endpoint=f"http://127.0.0.1:{grpc_proxy.port}",
                              chat_url=f"http://127.0.0.1:{http_proxy.port}/v1", timeout=1.0,
                              poll_interval=0.01, retries=1, policy=FAST)
    plan = jobs.LaunchPlan("yandex", "yandexgpt-lite", write_yandex_jsonl(tmp_path / "train.jsonl"),
                           display_name="Наташа",
                           hyperparameters={"lora_rank": 8, "lora_alpha": 16})
    return Cloud("yandex", server, [grpc_proxy, http_proxy], provider, plan, server.base_uri())


def compatible(stack, tmp_path):
    server = stack.enter_context(FakeOpenAI())
    proxy = stack.enter_context(FlakyProxy(server.port))
    provider = CompatibleProvider(f"http://127.0.0.1:{proxy.port}/v1", server.api_key,
                                  policy=FAST)
    return Cloud("compatible", server, [proxy], provider, None, "gpt-4.1-mini")


MAKERS = {"together": together, "fireworks": fireworks, "yandex": yandex,
          "compatible": compatible}


def open_cloud(kind, tmp_path):
    stack = contextlib.ExitStack()
    return stack, MAKERS[kind](stack, tmp_path)


@pytest.fixture(params=TUNED)
def cloud(request, tmp_path):
    stack, made = open_cloud(request.param, tmp_path)
    with stack:
        yield made


@pytest.fixture(params=(*TUNED, "compatible"))
def chatty(request, tmp_path):
    stack, made = open_cloud(request.param, tmp_path)
    with stack:
        yield made


def launched(project, made):
    job_id = jobs.record_launch(project, made.plan)
    asyncio.run(jobs.launch(project, made.provider, job_id, made.plan))
    made.advance_on_poll()
    return job_id


def test_cut_mid_poll_then_network_returns(project, cloud, cell):
    job_id = launched(project, cloud)
    cloud.cut()
    later(3.0, cloud.restore)  # longer than the SDKs' own quick retries
    notices = []
    started = time.monotonic()
    job = follow(project, cloud.provider, job_id, notices)
    assert time.monotonic() - started < 15
    assert_recovered(project, job_id, notices, cloud.provider.label)
    cell("cut mid-poll", cloud.kind, notices[0].text(), job.status)


def test_stalled_server_times_out_and_is_retried(project, cloud, cell):
    job_id = launched(project, cloud)
    cloud.stall()
    later(4.0, cloud.restore)
    notices = []
    job = follow(project, cloud.provider, job_id, notices)
    assert_recovered(project, job_id, notices, cloud.provider.label)
    assert any("did not answer in time" in n.reason for n in notices), \
        [n.reason for n in notices]
    cell("stall", cloud.kind, f"{notices[0].text()} ({notices[0].reason})", job.status)


def poll_fault(made, status, message, times):
    """The next polls get ``status`` (429 or 500): HTTP for Together and Fireworks, the
    matching gRPC code for Yandex."""
    if made.kind == "yandex":
        code = {429: grpc.StatusCode.RESOURCE_EXHAUSTED, 500: grpc.StatusCode.INTERNAL}[status]
        made.server.fail_next(code, message, times)
        return
    prefix = ("/v1/fine-tunes/" if made.kind == "together" else
              f"/v1/accounts/{made.server.account_id}/supervisedFineTuningJobs/")
    body = {"error": {"code": status, "message": message}}
    headers = {"Retry-After": "0.4"} if status == 429 else {}
    made.server.inject("GET", prefix, status=status, body=body, headers=headers,
                       times=times)


def test_a_burst_of_429_is_ridden_out(project, cloud, cell):
    job_id = launched(project, cloud)
    poll_fault(cloud, 429, "Too many requests, slow down.", 6)
    notices = []
    job = follow(project, cloud.provider, job_id, notices)
    assert job.status == "succeeded"
    assert notices and all("quota" not in n.reason for n in notices)
    if cloud.kind != "yandex":  # gRPC has no Retry-After; the backoff applies
        assert all(n.delay >= 0.4 for n in notices)
    cell("429 burst", cloud.kind, f"{notices[0].text()} ({notices[0].reason})", job.status)


def test_server_errors_are_ridden_out(project, cloud, cell):
    job_id = launched(project, cloud)
    poll_fault(cloud, 500, "Internal error.", 6)
    notices = []
    job = follow(project, cloud.provider, job_id, notices)
    assert job.status == "succeeded"
    assert notices and "Traceback" not in notices[0].reason
    cell("500s", cloud.kind, f"{notices[0].text()} ({notices[0].reason})", job.status)


def test_restart_mid_job_picks_the_job_up(project, cloud, cell):
    job_id = launched(project, cloud)
    cloud.cut()
    reason, job = tracked_across_a_restart(project, cloud.provider, job_id, cloud.restore)
    assert job.status == "succeeded" and job.check_error is None
    cell("restart mid-job", cloud.kind, f"kept: could not check: {reason}", job.status)


def upload_prefix(made):
    if made.kind == "fireworks":
        return "POST", f"/v1/accounts/{made.server.account_id}/datasets/"
    return "PUT", "/upload/"


def test_upload_connection_dropped_is_sent_again(project, cloud, cell):
    method, prefix = upload_prefix(cloud)
    http = cloud.server.http if cloud.kind == "yandex" else cloud.server
    http.inject(method, prefix, drop=True, times=1)
    started = time.monotonic()
    job_id = jobs.record_launch(project, cloud.plan)
    job = asyncio.run(jobs.launch(project, cloud.provider, job_id, cloud.plan))
    assert job.remote_id and job.status not in ("failed", "uploading")
    took = time.monotonic() - started
    cell("cut mid-upload", cloud.kind, f"upload sent again, job created in {took:.1f} s",
         job.status)


def test_upload_with_the_network_gone_is_one_plain_message(project, cloud, cell):
    job_id = jobs.record_launch(project, cloud.plan)
    started = time.monotonic()

    def progress(done, total):
        cloud.cut()  # the network goes as the upload starts, and stays gone
    with pytest.raises(StudioError) as caught:
        asyncio.run(asyncio.wait_for(jobs.launch(project, cloud.provider, job_id, cloud.plan,
                                                 progress=progress), 30))
    assert time.monotonic() - started < 20
    message = caught.value.message
    assert "Traceback" not in message and "(" not in message.split(":")[0]
    job = jobs.get_job(project, job_id)
    assert job.status == "failed" and job.error  # kept with its reason, to launch again
    cell("network gone during upload", cloud.kind, message, job.status)


def chat(made, *, on_text=None, limit=20):
    stream = ReplyStream(made.provider, made.chat_model,
                         build_messages(SYSTEM, [], "Привет, как дела сегодня?"),
                         ChatOptions(max_tokens=64), first_token_timeout=FAST.first_token_timeout,
                         gap_timeout=FAST.read_timeout)
    return asyncio.run(asyncio.wait_for(stream.run(on_text), limit))


def test_chat_with_a_server_that_never_answers(chatty, cell):
    chatty.stall()
    started = time.monotonic()
    reply = chat(chatty)
    took = time.monotonic() - started
    assert took < 5
    assert reply.error and "did not start answering within 1 s" in reply.error
    assert "Traceback" not in reply.error
    cell("chat: server never answers", chatty.kind, f"{reply.error} ({took:.1f} s)", "-")


def test_chat_cut_mid_stream_keeps_the_text_and_says_so(chatty, cell):
    chatty.server.chat_delay = 0.2
    reply = chat(chatty, on_text=lambda piece: chatty.cut())
    assert reply.text, "what arrived before the cut is kept"
    assert reply.error, "a cut stream is not a complete answer"
    assert "unsupported operand" not in reply.error and "Traceback" not in reply.error
    assert "(" not in reply.error.split(":")[0]
    cell("cut mid-chat-stream", chatty.kind, f"kept “{reply.text}”; {reply.error}", "-")


def test_chat_while_offline_is_one_plain_sentence(chatty, cell):
    chatty.cut()
    started = time.monotonic()
    reply = chat(chatty)
    took = time.monotonic() - started
    # The SDK's quick retries (the policy's) end before the first-text limit: the message
    # names what is wrong, not a slow model.
    assert reply.error and reply.error.startswith("Cannot reach"), reply.error
    assert "unsupported operand" not in reply.error and "Traceback" not in reply.error
    cell("chat offline", chatty.kind, f"{reply.error} ({took:.1f} s)", "-")
