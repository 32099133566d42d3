"""The LoRA training loop that runs inside the worker process.

It reports through an ``emit(event: dict)`` callback: ``status`` (state changes), ``log``
(messages), ``metrics`` (step, losses, speed, time left), ``done`` (the adapter folder) and
``error`` (a kind and a message). A ``should_stop()`` callback is checked between steps.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from natasha_studio.local.config import TrainConfig
from natasha_studio.local.data import IGNORE_INDEX, Encoded, encode_example, read_examples

Emit = Callable[[dict[str, Any]], None]


def resolve_device(preference: str = "auto") -> str:
    import torch

    if preference in ("cuda", "mps", "cpu"):
        if preference == "cuda" and not torch.cuda.is_available():
            raise RuntimeError("cuda-missing")
        if preference == "mps" and not torch.backends.mps.is_available():
            raise RuntimeError("mps-missing")
        return preference
    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def ensure_model(base_model: str, emit: Emit) -> str:
    """A local folder of ``base_model``: as given, or downloaded from the Hugging Face Hub.

    Download progress is reported as ``download`` events (files done of total).
    """
    path = Path(base_model).expanduser()
    if path.is_dir():
        return str(path)
    if path.is_absolute() or base_model.startswith((".", "~")) or base_model.count("/") > 1 \
            or "\\" in base_model:
        raise FileNotFoundError(f"no model folder at {base_model}")
    from huggingface_hub import snapshot_download
    from tqdm.auto import tqdm

    class _Progress(tqdm):  # type: ignore[misc, valid-type]
        def update(self, n: float | None = 1) -> bool | None:
            result = super().update(n)
            emit({"type": "download", "model": base_model, "done": int(self.n),
                  "total": int(self.total or 0)})
            return result

    emit({"type": "download", "model": base_model, "done": 0, "total": 0})
    return snapshot_download(
        base_model, tqdm_class=_Progress,
        allow_patterns=["*.json", "*.safetensors", "*.model", "*.txt", "*.jinja", "*.tiktoken"])


def load_model_and_tokenizer(base_model: str, device: str, load_in_4bit: bool = False):
    """The base model on ``device`` (4-bit on CUDA when asked and bitsandbytes is there)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base_model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    kwargs: dict[str, Any] = {}
    if device == "cuda":
        kwargs["dtype"] = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        if load_in_4bit:
            from transformers import BitsAndBytesConfig

            kwargs["quantization_config"] = BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4",
                bnb_4bit_compute_dtype=kwargs["dtype"])
            kwargs["device_map"] = {"": 0}
    model = AutoModelForCausalLM.from_pretrained(base_model, **kwargs)
    if "device_map" not in kwargs:
        model.to(device)
    return model, tokenizer


def _batches(items: list[Encoded], size: int, pad_id: int, rng: random.Random | None):
    import torch

    order = list(range(len(items)))
    if rng is not None:
        rng.shuffle(order)
    for start in range(0, len(order), size):
        chunk = [items[i] for i in order[start:start + size]]
        width = max(len(e.input_ids) for e in chunk)
        ids = torch.full((len(chunk), width), pad_id, dtype=torch.long)
        labels = torch.full((len(chunk), width), IGNORE_INDEX, dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for row, example in enumerate(chunk):
            n = len(example.input_ids)
            ids[row, :n] = torch.tensor(example.input_ids)
            labels[row, :n] = torch.tensor(example.labels)
            mask[row, :n] = 1
        yield ids, labels, mask


def _evaluate(model, items: list[Encoded], batch_size: int, pad_id: int, device: str) -> float:
    import torch

    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for ids, labels, mask in _batches(items, batch_size, pad_id, None):
            out = model(input_ids=ids.to(device), attention_mask=mask.to(device),
                        labels=labels.to(device))
            n = int((labels[:, 1:] != IGNORE_INDEX).sum())
            total += float(out.loss) * n
            count += n
    model.train()
    return total / max(count, 1)


def train(config: TrainConfig, emit: Emit, should_stop: Callable[[], bool]) -> Path | None:
    """Train a LoRA adapter; returns its folder, or None when stopped early."""
    import torch
    from peft import LoraConfig, get_peft_model

    random.seed(config.seed)
    torch.manual_seed(config.seed)
    device = resolve_device(config.device)
    emit({"type": "status", "state": "loading", "device": device})
    emit({"type": "log", "level": "info", "code": "loading", "model": config.base_model,
          "device": device})
    model_dir = ensure_model(config.base_model, emit)
    model, tokenizer = load_model_and_tokenizer(model_dir, device, config.load_in_4bit)
    if config.load_in_4bit and device == "cuda":
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model)
    present = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    targets = [t for t in config.target_modules if t in present] or None
    lora = LoraConfig(r=config.lora_r, lora_alpha=config.lora_alpha,
                      lora_dropout=config.lora_dropout, target_modules=targets,
                      task_type="CAUSAL_LM")
    model = get_peft_model(model, lora)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total_params = sum(p.numel() for p in model.parameters())

    train_items = [encode_example(tokenizer, m, config.max_length)
                   for m in read_examples(config.train_file)]
    train_items = [e for e in train_items if e.trained_tokens > 0]
    valid_items = []
    if config.validation_file:
        valid_items = [encode_example(tokenizer, m, config.max_length)
                       for m in read_examples(config.validation_file)]
        valid_items = [e for e in valid_items if e.trained_tokens > 0]
    if not train_items:
        raise ValueError("no-examples")
    steps_per_epoch = math.ceil(len(train_items) / config.batch_size)
    updates_per_epoch = math.ceil(steps_per_epoch / max(config.gradient_accumulation, 1))
    total_updates = math.ceil(updates_per_epoch * config.epochs)
    if config.max_steps:
        total_updates = min(total_updates, config.max_steps)
    emit({"type": "log", "level": "info", "code": "prepared", "examples": len(train_items),
          "validation": len(valid_items), "trainable": trainable, "parameters": total_params,
          "total_steps": total_updates})

    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad],
                                  lr=config.learning_rate)
    warmup = max(1, total_updates // 20)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1 - s / max(total_updates, 1)))
    emit({"type": "status", "state": "running", "device": device})
    model.train()
    rng = random.Random(config.seed)
    pad_id = tokenizer.pad_token_id
    step, tokens_seen, started = 0, 0, time.monotonic()
    eval_every = config.eval_every or updates_per_epoch
    epoch = 0
    while step < total_updates:
        epoch += 1
        accumulated, micro = 0.0, 0
        for ids, labels, mask in _batches(train_items, config.batch_size, pad_id, rng):
            if should_stop():
                emit({"type": "status", "state": "cancelled"})
                return None
            out = model(input_ids=ids.to(device), attention_mask=mask.to(device),
                        labels=labels.to(device))
            (out.loss / config.gradient_accumulation).backward()
            accumulated += float(out.loss.detach())
            micro += 1
            tokens_seen += int(mask.sum())
            if micro % config.gradient_accumulation:
                continue
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            elapsed = time.monotonic() - started
            metrics: dict[str, Any] = {
                "type": "metrics", "step": step, "total_steps": total_updates, "epoch": epoch,
                "train_loss": accumulated / config.gradient_accumulation,
                "tokens_per_second": tokens_seen / elapsed if elapsed > 0 else 0.0,
                "eta_seconds": elapsed / step * (total_updates - step),
                "learning_rate": scheduler.get_last_lr()[0],
            }
            accumulated = 0.0
            if valid_items and (step % eval_every == 0 or step == total_updates):
                metrics["valid_loss"] = _evaluate(model, valid_items, config.batch_size,
                                                  pad_id, device)
            emit(metrics)
            if step >= total_updates:
                break
    out_dir = Path(config.output_dir) / "adapter"
    emit({"type": "status", "state": "saving"})
    model.save_pretrained(str(out_dir))
    tokenizer.save_pretrained(str(out_dir))
    meta = {"base_model": config.base_model, "snapshot_id": config.snapshot_id,
            "snapshot_name": config.snapshot_name, "settings": json.loads(config.to_json()),
            "steps": step, "device": device, "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                         time.gmtime())}
    (out_dir / "natasha_studio.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2),
                                                 encoding="utf-8")
    emit({"type": "done", "adapter_dir": str(out_dir)})
    return out_dir


def is_out_of_memory(exc: BaseException) -> bool:
    name = type(exc).__name__
    return name == "OutOfMemoryError" or "out of memory" in str(exc).lower()
