"""Settings of a local training run, written as JSON beside the job's files."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

# LoRA targets that work for the common open architectures (Llama, Qwen, Mistral, Gemma).
DEFAULT_TARGET_MODULES = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj",
                          "down_proj"]


@dataclass
class TrainConfig:
    base_model: str  # a local folder or a Hugging Face model id
    train_file: str  # JSONL with {"messages": [...]} per line
    output_dir: str
    validation_file: str | None = None
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    target_modules: list[str] = field(default_factory=lambda: list(DEFAULT_TARGET_MODULES))
    epochs: float = 2.0
    learning_rate: float = 2e-4
    batch_size: int = 4
    gradient_accumulation: int = 1
    max_length: int = 1024
    load_in_4bit: bool = False
    device: str = "auto"  # auto | cuda | mps | cpu
    seed: int = 42
    eval_every: int = 0  # steps between validation runs; 0: once per epoch
    max_steps: int = 0  # 0: run every epoch
    snapshot_id: int | None = None
    snapshot_name: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def load(cls, path: Path) -> TrainConfig:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def save(self, path: Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")


HYPERPARAMETER_KEYS = {
    "epochs": "epochs", "n_epochs": "epochs", "epoch_count": "epochs",
    "learning_rate": "learning_rate", "batch_size": "batch_size",
    "lora_r": "lora_r", "rank": "lora_r", "lora_alpha": "lora_alpha",
    "lora_dropout": "lora_dropout", "target_modules": "target_modules",
    "max_length": "max_length", "load_in_4bit": "load_in_4bit", "device": "device",
    "gradient_accumulation": "gradient_accumulation", "seed": "seed",
    "max_steps": "max_steps", "eval_every": "eval_every",
    "snapshot_id": "snapshot_id", "snapshot_name": "snapshot_name",
}


def config_from_request(base_model: str, train_file: str, validation_file: str | None,
                        output_dir: str, hyperparameters: dict[str, Any]) -> TrainConfig:
    """A TrainConfig from the provider protocol's request (unknown keys are ignored)."""
    config = TrainConfig(base_model=base_model, train_file=train_file,
                         validation_file=validation_file, output_dir=output_dir)
    for key, value in hyperparameters.items():
        target = HYPERPARAMETER_KEYS.get(key)
        if target is None or value in (None, "", "auto"):
            continue
        current = getattr(config, target)
        if isinstance(current, bool):
            value = bool(value)
        elif isinstance(current, int) and not isinstance(current, bool) and target != "snapshot_id":
            value = int(value)
        elif isinstance(current, float):
            value = float(value)
        elif target == "target_modules" and isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        setattr(config, target, value)
    return config
