"""Local model entries for the Test chat: a base model, or an adapter with the base it names."""

from __future__ import annotations

import json

import pytest

from natasha_studio.core.chat.local_models import local_entry
from natasha_studio.core.errors import StudioError


def make_adapter(folder, base):
    adapter = folder / "adapter"
    adapter.mkdir(parents=True)
    (adapter / "adapter_config.json").write_text(
        json.dumps({"base_model_name_or_path": base}), encoding="utf-8")
    return adapter


def test_a_base_model_alone(tmp_path):
    assert local_entry("Qwen/Qwen2.5-0.5B-Instruct") == (
        "Qwen/Qwen2.5-0.5B-Instruct", {"base_model": "Qwen/Qwen2.5-0.5B-Instruct", "kind": "base"})
    with pytest.raises(StudioError, match="does not exist"):
        local_entry(str(tmp_path / "nowhere"))


def test_an_adapter_brings_its_base_model(tmp_path):
    adapter = make_adapter(tmp_path / "job", "Qwen/Qwen2.5-0.5B-Instruct")
    # The job's folder works as well as the adapter folder inside it.
    model_id, settings = local_entry("", str(tmp_path / "job"))
    assert model_id == str(adapter.resolve())
    assert settings == {"base_model": "Qwen/Qwen2.5-0.5B-Instruct", "adapter": model_id,
                        "kind": "tuned"}
    assert local_entry("Qwen/Qwen2.5-0.5B-Instruct", str(adapter))[0] == model_id
    with pytest.raises(StudioError, match="trained on Qwen/Qwen2.5-0.5B-Instruct"):
        local_entry("Qwen/Qwen2.5-1.5B-Instruct", str(adapter))
    with pytest.raises(StudioError, match="holds no LoRA adapter"):
        local_entry("", str(tmp_path))
