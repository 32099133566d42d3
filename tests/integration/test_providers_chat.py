"""Streaming chat through the real SDKs against the local fake servers."""

from __future__ import annotations

import asyncio
import json

import pytest

from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage, ChatOptions, Provider
from natasha_studio.providers.compatible_provider import CompatibleProvider
from natasha_studio.providers.openai_provider import OpenAIProvider
from natasha_studio.providers.registry import build_provider, provider_for_model
from natasha_studio.providers.vertex_provider import VertexProvider
from natasha_studio.secrets import SecretStore

pytest_plugins = ["fakes.fixtures"]

QUESTION = [ChatMessage("system", "Ты — Наташа."), ChatMessage("user", "Как начать бегать?")]


def collect(provider: Provider, model: str, messages=QUESTION, options=None) -> list[str]:
    async def run():
        return [piece async for piece in provider.stream_chat(model, messages,
                                                              options or ChatOptions())]
    return asyncio.run(run())


def test_openai_streams_the_reply_in_pieces(openai_server):
    provider = OpenAIProvider(openai_server.api_key, openai_server.base_url)
    pieces = collect(provider, "gpt-4.1-mini", options=ChatOptions(temperature=0.2, max_tokens=55))
    assert len(pieces) > 3
    assert "".join(pieces) == "Ответ модели gpt-4.1-mini: Как начать бегать?"
    sent = openai_server.chat_requests[-1]
    assert sent["stream"] is True and sent["temperature"] == 0.2
    assert sent["max_completion_tokens"] == 55
    assert sent["messages"][0] == {"role": "system", "content": "Ты — Наташа."}


def test_compatible_server_gets_max_tokens_and_a_placeholder_key(openai_server):
    openai_server.api_key = "not-needed"
    provider = CompatibleProvider(openai_server.base_url)
    assert provider.can_tune is False
    assert "".join(collect(provider, "gpt-4.1-mini")).endswith("Как начать бегать?")
    assert openai_server.chat_requests[-1]["max_tokens"] == 1024


def test_a_dropped_connection_is_retried(openai_server):
    openai_server.fail_with("drop", "/v1/chat/completions")
    provider = OpenAIProvider(openai_server.api_key, openai_server.base_url)
    assert "".join(collect(provider, "gpt-4.1-mini")).startswith("Ответ модели")
    assert openai_server.count("POST", "/v1/chat/completions") == 2


@pytest.mark.parametrize(("fault", "words"), [
    ("401", "did not accept the API key"),
    ("429_quota", "no credit or quota left"),
    ("500", "had a problem on its side"),
])
def test_chat_errors_are_plain_words(openai_server, fault, words):
    openai_server.fail_with(fault, "/v1/chat/completions", times=5)
    provider = OpenAIProvider(openai_server.api_key, openai_server.base_url, max_retries=0)
    with pytest.raises(StudioError) as caught:
        collect(provider, "gpt-4.1-mini")
    assert words in caught.value.message
    assert caught.value.hint


def test_unknown_model_and_unreachable_server(openai_server):
    provider = OpenAIProvider(openai_server.api_key, openai_server.base_url, max_retries=0)
    with pytest.raises(StudioError, match="could not find"):
        collect(provider, "ft:gpt-4.1-mini:gone")
    dead = CompatibleProvider("http://127.0.0.1:9/v1", max_retries=0, timeout=2)
    with pytest.raises(StudioError, match="Cannot reach"):
        collect(dead, "llama3")


def test_missing_openai_key_says_where_to_enter_it():
    with pytest.raises(StudioError, match="No API key"):
        collect(OpenAIProvider(None), "gpt-4.1-mini")


def test_vertex_streams_with_the_system_prompt_as_instruction(vertex_server):
    provider = VertexProvider(vertex_server.project, vertex_server.location,
                              credentials=vertex_server.credentials(), base_url=vertex_server.base_url)
    history = [*QUESTION, ChatMessage("assistant", "С ходьбы."), ChatMessage("user", "А потом?")]
    pieces = collect(provider, "gemini-2.5-flash", history, ChatOptions(max_tokens=77))
    assert len(pieces) > 3
    assert "".join(pieces) == "Ответ модели gemini-2.5-flash: А потом?"
    sent = vertex_server.chat_requests[-1]
    assert sent["systemInstruction"]["parts"][0]["text"] == "Ты — Наташа."
    assert [c["role"] for c in sent["contents"]] == ["user", "model", "user"]
    assert sent["generationConfig"]["maxOutputTokens"] == 77


def test_vertex_service_account_key_runs_the_real_token_flow(vertex_server, tmp_path):
    key = vertex_server.service_account_file(tmp_path / "sa.json")
    provider = VertexProvider(vertex_server.project, vertex_server.location,
                              credentials_file=str(key), base_url=vertex_server.base_url)
    assert "".join(collect(provider, "gemini-2.5-flash")).startswith("Ответ модели")
    assert vertex_server.count("POST", "/token") == 1


def test_vertex_errors_are_plain_words(vertex_server, tmp_path):
    provider = VertexProvider(vertex_server.project, vertex_server.location,
                              credentials=vertex_server.credentials(), base_url=vertex_server.base_url)
    with pytest.raises(StudioError, match="could not find"):
        collect(provider, "projects/x/locations/y/endpoints/404")
    bad_key = tmp_path / "not-a-key.json"
    bad_key.write_text("{}", encoding="utf-8")
    broken = VertexProvider("p", "l", credentials_file=str(bad_key), base_url=vertex_server.base_url)
    with pytest.raises(StudioError, match="not a Google credentials file"):
        collect(broken, "gemini-2.5-flash")
    with pytest.raises(StudioError, match="No Google Cloud project"):
        collect(VertexProvider(None, None), "gemini-2.5-flash")


def test_registry_reads_keys_with_environment_first(openai_server, monkeypatch):
    secrets = SecretStore()
    secrets.set("openai_api_key", "sk-from-keyring")
    secrets.set("openai_base_url", openai_server.base_url)
    provider = build_provider("openai", secrets)
    assert provider.api_key == "sk-from-keyring"
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    provider = build_provider("openai", secrets)
    assert "".join(collect(provider, "gpt-4.1-mini")).startswith("Ответ")
    with pytest.raises(StudioError, match="Unknown provider"):
        build_provider("nonsense", secrets)


def test_provider_for_a_saved_model_entry(openai_server, vertex_server, monkeypatch):
    secrets = SecretStore()
    openai_server.api_key = "sk-local-server"
    secrets.set("my_server_key", "sk-local-server")
    entry = {"provider": "compatible", "model_id": "gpt-4.1-mini",
             "base_url": openai_server.base_url,
             "settings": json.dumps({"api_key_secret": "my_server_key"})}
    provider = provider_for_model(entry, secrets)
    assert isinstance(provider, CompatibleProvider)
    assert "".join(collect(provider, entry["model_id"])).startswith("Ответ")

    monkeypatch.setenv("GOOGLE_VERTEX_BASE_URL", vertex_server.base_url)
    secrets.set("vertex_project", vertex_server.project)
    secrets.set("vertex_location", vertex_server.location)
    vertex = provider_for_model({"provider": "vertex", "model_id": "gemini-2.5-flash",
                                 "base_url": None, "settings": "{}"}, secrets)
    assert isinstance(vertex, VertexProvider)
    assert vertex.base_url == vertex_server.base_url and vertex.project == "natasha-test"
