"""Local LoRA training and chat through the provider, on the CPU with a tiny model."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time

import pytest

from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage, ChatOptions, TuneRequest
from natasha_studio.local import missing_packages

pytestmark = pytest.mark.skipif(
    bool(missing_packages()),
    reason=f"the [local] extra is not installed (missing: {', '.join(missing_packages())})")

SYSTEM = "Ты — Наташа, ведущая сообщества о медитации."
EXAMPLES = [
    ("Как начать медитировать, если совсем нет времени?",
     "Начните с трёх минут утром: сядьте удобно и просто следите за дыханием."),
    ("Наташа, что делать, если после практики болит голова?",
     "Сделайте перерыв, выпейте воды и вернитесь к практике через день, мягче."),
    ("Как работать с энергией денег?",
     "Замечайте, где вы говорите себе «мне не хватает», и меняйте это на благодарность."),
    ("А как быть с отношениями с мамой?",
     "Начните с того, чтобы поблагодарить её за жизнь, даже если сейчас трудно."),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    from fakes.tiny_model import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny-model"))


def _write(path, pairs, multi_turn=False):
    with path.open("w", encoding="utf-8") as fh:
        for question, answer in pairs:
            messages = [{"role": "system", "content": SYSTEM}]
            if multi_turn:
                messages += [{"role": "user", "content": "Добрый день!"},
                             {"role": "assistant", "content": "Здравствуйте!"}]
            messages += [{"role": "user", "content": question},
                         {"role": "assistant", "content": answer}]
            fh.write(json.dumps({"messages": messages}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def provider(tmp_path):
    from natasha_studio.local.provider import LocalProvider

    return LocalProvider(tmp_path / "jobs", device="cpu")


def _request(tmp_path, tiny_model, **hyper):
    train = _write(tmp_path / "train.jsonl", EXAMPLES * 3, multi_turn=True)
    valid = _write(tmp_path / "valid.jsonl", EXAMPLES[:2])
    return TuneRequest(base_model=str(tiny_model), train_file=str(train),
                       validation_file=str(valid), display_name="v1",
                       hyperparameters={"batch_size": 2, "lora_r": 4, "lora_alpha": 8,
                                        "learning_rate": 5e-3, "max_length": 256, **hyper})


async def _follow(provider, remote_id, timeout=180.0):
    state: dict = {}
    events, metrics = [], []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = await provider.poll_job(remote_id, state)
        state.update(status.resume)
        events += status.events
        metrics += status.metrics
        if status.state in ("succeeded", "failed", "cancelled"):
            return status, events, metrics
        await asyncio.sleep(0.2)
    raise AssertionError(f"job {remote_id} did not finish in {timeout} s")


def test_encoding_trains_only_on_the_persona(tiny_model):
    from transformers import AutoTokenizer

    from natasha_studio.local.data import IGNORE_INDEX, encode_example

    tokenizer = AutoTokenizer.from_pretrained(str(tiny_model))
    messages = [{"role": "system", "content": SYSTEM},
                {"role": "user", "content": "Вопрос участника"},
                {"role": "assistant", "content": "Первый ответ"},
                {"role": "user", "content": "Ещё вопрос"},
                {"role": "assistant", "content": "Второй ответ"}]
    encoded = encode_example(tokenizer, messages, 512)
    trained = tokenizer.decode([t for t, label in zip(encoded.input_ids, encoded.labels,
                                                      strict=True) if label != IGNORE_INDEX])
    assert "Первый ответ" in trained and "Второй ответ" in trained
    assert "Вопрос" not in trained and "Наташа" not in trained
    short = encode_example(tokenizer, messages, 40)
    assert len(short.input_ids) <= 40
    assert "Второй ответ" in tokenizer.decode(short.input_ids)


def test_training_reports_loss_and_saves_an_adapter_that_chats(tmp_path, tiny_model, provider):
    async def scenario():
        status = await provider.start_job(_request(tmp_path, tiny_model, epochs=2))
        assert status.remote_id.startswith("local-")
        final, events, metrics = await _follow(provider, status.remote_id)
        assert final.state == "succeeded", final.error
        names = {name for _, name, _ in metrics}
        assert {"train_loss", "valid_loss", "tokens_per_second"} <= names
        steps = sorted({step for step, name, _ in metrics if name == "train_loss"})
        assert steps == list(range(1, len(steps) + 1)) and len(steps) == 12
        losses = [v for _, name, v in metrics if name == "train_loss"]
        assert all(v > 0 for v in losses)
        assert any("Step 12 of 12" in e.message for e in events)
        adapter = final.tuned_model
        meta = json.loads((tmp_path / "jobs" / status.remote_id / "adapter" /
                           "natasha_studio.json").read_text(encoding="utf-8"))
        assert meta["base_model"] == str(tiny_model)
        assert adapter in await provider.list_models() or \
            os.path.dirname(adapter) in await provider.list_models()

        messages = [ChatMessage("system", SYSTEM), ChatMessage("user", EXAMPLES[0][0])]
        pieces = [p async for p in provider.stream_chat(adapter, messages,
                                                        ChatOptions(temperature=0, max_tokens=12))]
        assert pieces and "".join(pieces).strip()
        # Stop in the middle of a reply, then ask again: the worker answers the next one.
        stream = provider.stream_chat(adapter, messages, ChatOptions(temperature=0.8,
                                                                     max_tokens=200))
        async for _ in stream:
            break
        await stream.aclose()
        again = [p async for p in provider.stream_chat(adapter, messages,
                                                       ChatOptions(temperature=0, max_tokens=5))]
        assert again
        await provider.aclose()
        return adapter

    adapter = asyncio.run(scenario())

    from transformers import AutoModelForCausalLM

    from natasha_studio.local.generation import merge_adapter

    merged = merge_adapter(adapter, tmp_path / "merged")
    model = AutoModelForCausalLM.from_pretrained(str(merged))
    assert model.config.num_hidden_layers == 2
    assert (merged / "tokenizer.json").exists()


def test_cancel_stops_the_training(tmp_path, tiny_model, provider):
    async def scenario():
        status = await provider.start_job(_request(tmp_path, tiny_model, epochs=500))
        state: dict = {}
        for _ in range(600):  # wait until it trains
            polled = await provider.poll_job(status.remote_id, state)
            state.update(polled.resume)
            if polled.metrics:
                break
            await asyncio.sleep(0.1)
        cancelling = await provider.cancel_job(status.remote_id)
        assert cancelling.state in ("cancelling", "cancelled")
        final, _events, _metrics = await _follow(provider, status.remote_id, timeout=60)
        return final

    final = asyncio.run(scenario())
    assert final.state == "cancelled"
    assert not (tmp_path / "jobs" / final.remote_id / "adapter").exists()


def test_a_killed_worker_is_reported_as_failed(tmp_path, tiny_model, provider):
    async def scenario():
        status = await provider.start_job(_request(tmp_path, tiny_model, epochs=500))
        pid = int((tmp_path / "jobs" / status.remote_id / "pid").read_text())
        await asyncio.sleep(0.5)
        os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))  # TerminateProcess on Windows
        return await _follow(provider, status.remote_id, timeout=30)

    final, events, _ = asyncio.run(scenario())
    assert final.state == "failed"
    assert "stopped unexpectedly" in final.error
    assert events[-1].level == "error"


def test_a_missing_base_model_is_explained(tmp_path, provider):
    async def scenario():
        train = _write(tmp_path / "train.jsonl", EXAMPLES)
        request = TuneRequest(base_model=str(tmp_path / "no-such-model"), train_file=str(train))
        status = await provider.start_job(request)
        return await _follow(provider, status.remote_id, timeout=120)

    final, _, _ = asyncio.run(scenario())
    assert final.state == "failed"
    assert "base model could not be loaded" in final.error


def test_out_of_memory_is_explained():
    from natasha_studio.local.provider import error_message
    from natasha_studio.local.training import is_out_of_memory

    assert is_out_of_memory(RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB"))
    error = error_message("oom")
    assert "memory" in error.message and "batch size" in error.hint


def test_without_the_extra_the_provider_says_how_to_install(tmp_path, monkeypatch):
    from natasha_studio.local import provider as local_provider

    monkeypatch.setattr(local_provider, "missing_packages", lambda: ["torch"])
    p = local_provider.LocalProvider(tmp_path)
    with pytest.raises(StudioError) as info:
        asyncio.run(p.test_connection())
    assert 'pip install "natasha-studio[local]"' in info.value.hint
