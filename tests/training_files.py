"""Small training files for the fine-tuning tests, in the formats the providers take."""

from __future__ import annotations

import json

SYSTEM = "Ты — Наташа."


def _write(path, rows):
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def write_chat_jsonl(path, n=12):
    """``n`` examples in the chat format (OpenAI, Together AI, Fireworks AI)."""
    return _write(path, ({"messages": [{"role": "system", "content": SYSTEM},
                                       {"role": "user", "content": f"Вопрос {i}?"},
                                       {"role": "assistant", "content": f"Ответ {i}."}]}
                         for i in range(n)))


def write_yandex_jsonl(path, n=12):
    """``n`` examples in Yandex AI Studio's format."""
    return _write(path, ({"request": [{"role": "system", "text": SYSTEM},
                                      {"role": "user", "text": f"Вопрос {i}?"}],
                          "response": f"Ответ {i}."} for i in range(n)))
