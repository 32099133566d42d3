"""Provider addresses as command-line options (proxies, enterprise gateways): --endpoint for
Yandex AI Studio's gRPC address, --chat-url for its chat, --base-url for OpenAI and Vertex AI.

No address is set in the environment here, so only the options can reach the stand-ins.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from fakes.yandex_server import FakeYandex

from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import Turn, add_pair
from natasha_studio.core.store import Project
from natasha_studio.providers.registry import address_overrides

pytest_plugins = ["fakes.fixtures"]
SYSTEM = "Ты — Наташа, ведущая сообщества."


@pytest.fixture
def yandex():
    with FakeYandex() as fake:
        yield fake


def make_project(path, n=14):
    with Project.create(path, "Наташа", SYSTEM) as project:
        for i in range(n):
            add_pair(project, [Turn("user", f"Сколько бегать в {20 + i} лет?", 11, "Ольга",
                                    [i * 2], 1_700_000_000 + i),
                               Turn("assistant", f"Начни с {i} минут в день.", 1, "Наташа",
                                    [i * 2 + 1], 1_700_000_100 + i)],
                     origin="reply", status="approved", key=f"k{i}")
    return path


def run_cli(*args, env):
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("OPENAI_", "GOOGLE_", "YC_", "NATASHA_STUDIO_YANDEX_"))}
    return subprocess.run([sys.executable, "-m", "natasha_studio", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          stdin=subprocess.DEVNULL,
                          env={**clean, "NATASHA_STUDIO_LANGUAGE": "en",
                               "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **env})


def test_yandex_finetune_and_chat_through_the_address_options(tmp_path, yandex):
    yandex.advance_on_poll = True
    path = make_project(tmp_path / "gateway.nstudio")
    env = {"YC_API_KEY": yandex.api_key, "YC_FOLDER_ID": yandex.folder_id}
    done = run_cli("finetune", path, "--yes", "--provider", "yandex",
                   "--endpoint", f"http://{yandex.endpoint}", "--wait", "--poll-interval",
                   "0.01", env=env)
    assert done.returncode == 0, done.stderr
    task = yandex.tuning()
    assert done.stdout.splitlines()[-1] == f"Tuned model: {task.target_model_uri}"

    answer = run_cli("chat", "--provider", "yandex", "--model", task.target_model_uri,
                     "--chat-url", yandex.chat_url, "--system", SYSTEM, "Как дела?", env=env)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout == "Наташа отвечает: Как дела?\n"
    assert yandex.chat_requests[-1]["model"] == task.target_model_uri


def test_openai_finetune_through_base_url(tmp_path, openai_server):
    path = make_project(tmp_path / "proxy.nstudio", n=24)
    done = run_cli("finetune", path, "--yes", "--provider", "openai",
                   "--model", "gpt-4.1-mini-2025-04-14", "--base-url", openai_server.base_url,
                   env={"OPENAI_API_KEY": openai_server.api_key})
    assert done.returncode == 0, done.stderr
    assert openai_server.job().model == "gpt-4.1-mini-2025-04-14"
    listed = run_cli("jobs", path, "--json", env={})
    assert json.loads(listed.stdout)[0]["remote_id"] == openai_server.job().id


def test_an_address_the_provider_has_no_use_for_is_refused_before_anything_is_sent(
        tmp_path, yandex):
    path = make_project(tmp_path / "wrong.nstudio")
    env = {"YC_API_KEY": yandex.api_key, "YC_FOLDER_ID": yandex.folder_id}
    done = run_cli("finetune", path, "--yes", "--provider", "yandex",
                   "--base-url", "http://127.0.0.1:9/v1", env=env)
    assert done.returncode == 1
    assert "--base-url does not apply to Yandex AI Studio." in done.stderr
    assert "takes its address with --endpoint" in done.stderr
    assert yandex.calls == [] and not yandex.datasets
    with Project.open(path) as project:
        assert project.conn.execute("SELECT COUNT(*) FROM snapshots").fetchone()[0] == 0

    wrong = run_cli("chat", "--provider", "openai", "--model", "gpt-4.1-mini",
                    "--chat-url", "http://127.0.0.1:9/v1", "Привет", env={})
    assert wrong.returncode == 1
    assert "--chat-url does not apply to OpenAI." in wrong.stderr
    assert "takes its address with --base-url" in wrong.stderr


def test_address_overrides_reach_build_provider():
    assert address_overrides("vertex", base_url=" https://gw.example/vertex ") == {
        "base_url": "https://gw.example/vertex"}
    assert address_overrides("yandex", endpoint="gw:443", chat_url=None) == {"endpoint": "gw:443"}
    with pytest.raises(StudioError) as caught:
        address_overrides("local", ("base_url", "endpoint"), endpoint="gw:443")
    assert caught.value.hint == "Local training takes no address here."
