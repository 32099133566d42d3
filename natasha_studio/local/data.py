"""Turning chat examples into token ids with the loss only on the persona's answers.

The model's own chat template renders each example. The tokens of every assistant turn are
the labels; the system prompt, members' messages and the template's scaffolding are masked
(-100), so the model learns to answer like the persona, not to imitate her members.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

IGNORE_INDEX = -100


@dataclass
class Encoded:
    input_ids: list[int]
    labels: list[int]

    @property
    def trained_tokens(self) -> int:
        return sum(1 for label in self.labels if label != IGNORE_INDEX)


def read_examples(path: str | Path) -> list[list[dict[str, str]]]:
    """The ``messages`` lists of a JSONL file (HF ``messages`` or OpenAI chat format)."""
    examples = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {number} of {Path(path).name} is not JSON: {exc}") from exc
            messages = record.get("messages") if isinstance(record, dict) else None
            if not messages:
                raise ValueError(f"line {number} of {Path(path).name} has no messages")
            examples.append([{"role": m["role"], "content": m.get("content") or ""}
                             for m in messages])
    return examples


def _render_ids(tokenizer: Any, messages: list[dict[str, str]], generation_prompt: bool) -> list[int]:
    text = tokenizer.apply_chat_template(messages, tokenize=False,
                                         add_generation_prompt=generation_prompt)
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def encode_example(tokenizer: Any, messages: list[dict[str, str]], max_length: int) -> Encoded:
    """Token ids and labels of one example.

    When it is too long, the oldest context turns go first, then the start of the text, so
    the persona's final answer is always trained.
    """
    messages = list(messages)
    while True:
        encoded = _encode(tokenizer, messages)
        if len(encoded.input_ids) <= max_length:
            return encoded
        # Drop the oldest member/persona exchange after the system prompt, keeping the last
        # question and answer; when nothing is left to drop, cut the end.
        start = 1 if messages and messages[0]["role"] == "system" else 0
        if len(messages) - start > 2:
            if messages[start]["role"] == "user":
                del messages[start:start + 2]
            else:
                del messages[start]
            continue
        # Still too long: keep the end, where the answer is (the start of the prompt goes).
        return Encoded(encoded.input_ids[-max_length:], encoded.labels[-max_length:])


def _encode(tokenizer: Any, messages: list[dict[str, str]]) -> Encoded:
    full = _render_ids(tokenizer, messages, False)
    labels = [IGNORE_INDEX] * len(full)
    for index, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        start = len(_render_ids(tokenizer, messages[:index], True))
        end = len(_render_ids(tokenizer, messages[:index + 1], False))
        for position in range(min(start, len(full)), min(end, len(full))):
            labels[position] = full[position]
    return Encoded(full, labels)
