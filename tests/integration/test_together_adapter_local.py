"""A Together AI job's LoRA adapter, brought home and answering through the local back end.

A tiny model is built on the spot and a real PEFT adapter made for it; the Together stand-in
serves that adapter (as a compressed tar, the way Together does) for a job tuned through the
real SDK. The app downloads it beside the project, saves a local model entry, and the test
chat's provider for that entry answers on this computer.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fakes.together_standin import FakeTogether
from test_finetune_together import no_wait, plan, provider_for  # noqa: F401 - fixture

from natasha_studio.core import jobs
from natasha_studio.core.chat.models import list_models
from natasha_studio.core.provider import ChatMessage, ChatOptions
from natasha_studio.local import missing_packages

pytestmark = pytest.mark.skipif(
    bool(missing_packages()),
    reason=f"the [local] extra is not installed (missing: {', '.join(missing_packages())})")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    from fakes.tiny_model import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny-model"))


def lora_adapter_files(base, folder) -> dict[str, bytes]:
    """A LoRA adapter for ``base`` as PEFT saves it, as {file name: bytes}."""
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(str(base))
    config = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"],
                        task_type="CAUSAL_LM")
    get_peft_model(model, config).save_pretrained(str(folder))
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}


@pytest.fixture
def server(tiny_model, tmp_path):
    with FakeTogether() as fake:
        fake.adapter_files = lora_adapter_files(tiny_model, tmp_path / "made-adapter")
        yield fake


def test_downloaded_adapter_answers_on_this_computer(project, server, plan, tiny_model):  # noqa: F811
    from natasha_studio.providers.adapters import bring_adapter_home
    from natasha_studio.providers.registry import close_local_models
    from natasha_studio.providers.registry import provider_for as chat_provider_for
    from natasha_studio.secrets import secret_store

    server.advance_on_poll = True
    together = provider_for(server)
    job_id = jobs.record_launch(project, plan)

    async def scenario():
        await jobs.launch(project, together, job_id, plan)
        job = await jobs.track(project, together, job_id, sleep=no_wait)
        assert job.status == "succeeded"
        entry_id = await bring_adapter_home(project, together, job_id)
        [entry] = [e for e in list_models(project) if e.id == entry_id]
        assert entry.provider == "local"
        local = chat_provider_for(entry, secret_store())
        try:
            messages = [ChatMessage("system", "Ты — Наташа."),
                        ChatMessage("user", "Как начать медитировать?")]
            pieces = [piece async for piece in local.stream_chat(
                entry.model_id, messages, ChatOptions(temperature=0, max_tokens=8))]
        finally:
            await close_local_models()
        return entry, pieces

    entry, pieces = asyncio.run(scenario())
    assert "".join(pieces).strip()  # random weights: some text, nothing in particular
    home = Path(project.path).parent / "test-models"
    assert entry.model_id.startswith(str(home / "job-1-"))
