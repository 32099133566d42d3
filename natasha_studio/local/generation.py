"""Chat replies from a base model with an optional LoRA adapter, streamed token by token."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from natasha_studio.local.training import load_model_and_tokenizer, resolve_device


def adapter_base_model(adapter_dir: str | Path) -> str:
    """The base model an adapter was trained on (from its own config)."""
    config = json.loads((Path(adapter_dir) / "adapter_config.json").read_text(encoding="utf-8"))
    return config["base_model_name_or_path"]


class LocalChatModel:
    """A loaded model; ``stream`` yields the reply's text pieces."""

    def __init__(self, base_model: str | None, adapter_dir: str | None = None,
                 device: str = "auto") -> None:
        self.device = resolve_device(device)
        base = base_model or (adapter_base_model(adapter_dir) if adapter_dir else None)
        if not base:
            raise ValueError("no-model")
        self.model, self.tokenizer = load_model_and_tokenizer(base, self.device)
        if adapter_dir:
            from peft import PeftModel

            self.model = PeftModel.from_pretrained(self.model, adapter_dir)
        self.model.eval()

    def stream(self, messages: list[dict[str, str]], temperature: float = 0.7,
               max_tokens: int = 256, stop: threading.Event | None = None) -> Iterator[str]:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        stop = stop or threading.Event()
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False,
                                                    add_generation_prompt=True)
        inputs = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        inputs = {k: v.to(self.device) for k, v in inputs.items()}
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True,
                                        skip_special_tokens=True)

        class _Stop(StoppingCriteria):
            def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> bool:
                return stop.is_set()

        kwargs: dict[str, Any] = dict(
            **inputs, streamer=streamer, max_new_tokens=max_tokens,
            stopping_criteria=StoppingCriteriaList([_Stop()]),
            pad_token_id=self.tokenizer.pad_token_id)
        if temperature > 0:
            kwargs.update(do_sample=True, temperature=temperature, top_p=0.95)
        else:
            kwargs.update(do_sample=False)
        errors: list[BaseException] = []

        def run() -> None:
            try:
                with torch.no_grad():
                    self.model.generate(**kwargs)
            except BaseException as exc:  # reported to the caller below
                errors.append(exc)
                streamer.end()

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        for piece in streamer:
            if piece:
                yield piece
        thread.join()
        if errors:
            raise errors[0]


def merge_adapter(adapter_dir: str | Path, out_dir: str | Path,
                  base_model: str | None = None) -> Path:
    """Fold the adapter into its base model and save a full model folder other tools load."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base = base_model or adapter_base_model(adapter_dir)
    model = AutoModelForCausalLM.from_pretrained(base)
    merged = PeftModel.from_pretrained(model, str(adapter_dir)).merge_and_unload()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    merged.save_pretrained(str(out))
    AutoTokenizer.from_pretrained(str(adapter_dir)).save_pretrained(str(out))
    return out
