"""Export formats: how a frozen example becomes a line of a training file.

- ``openai``: chat JSONL, ``{"messages": [system, user, assistant, ...]}``. With
  ``final_answer_only`` the earlier assistant turns of a multi-turn pair get ``"weight": 0``,
  so only the persona's final answer is trained.
- ``vertex``: Vertex AI Gemini JSONL, ``{"systemInstruction": {...}, "contents": [...]}`` with
  roles ``user``/``model``. Gemini needs the contents to start with the user and to alternate,
  so persona turns before the first member turn are folded into that turn as context.
- ``yandex``: Yandex AI Studio JSONL, ``{"request": [{"role", "text"}, ...], "response": ...}``:
  the system prompt first (Yandex needs the same one in every example and at inference), then
  the turns alternating ``user``/``assistant`` and ending with the member's last message; the
  persona's final answer is the ``response``. Persona turns before the first member turn are
  folded into it, as for Vertex AI.
- ``together``, ``fireworks``: the OpenAI chat JSONL, which Together AI and Fireworks AI take
  as their conversational format (both honour a message's ``"weight": 0``).
- ``hf``: ``{"messages": [...]}`` JSONL as TRL, Unsloth and LLaMA-Factory read it.
- ``csv``: one row per pair with context, question, answer and provenance (UTF-8 with a BOM
  so that Excel shows Cyrillic correctly).
- ``json``: the whole snapshot with provenance, one file.

Consecutive turns of one side (a member writing three messages in a row) are joined with a
blank line; empty turns (a photo without a caption) are left out. The training formats take
only real exchanges (``is_exchange``): a pair whose question or answer has no text (a photo
without a caption, with no description added by the curator) teaches an answer to nothing and
is left out of them; CSV and JSON, which are for reading, keep it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.selection import Example
from natasha_studio.core.export.target import atomic_output
from natasha_studio.core.i18n import translate

FORMATS = ("openai", "vertex", "yandex", "together", "fireworks", "hf", "csv", "json")
JSONL_FORMATS = ("openai", "vertex", "yandex", "together", "fireworks", "hf")
# Formats that are OpenAI's chat JSONL under another provider's name.
OPENAI_LIKE_FORMATS = ("openai", "together", "fireworks")
FORMAT_SUFFIX = {"openai": ".jsonl", "vertex": ".jsonl", "yandex": ".jsonl", "together": ".jsonl",
                 "fireworks": ".jsonl", "hf": ".jsonl", "csv": ".csv", "json": ".json"}
CSV_COLUMNS = ("pair_id", "split", "chat", "status", "topics", "quality", "edited", "asker",
               "system_prompt", "context", "question", "answer", "question_date", "answer_date",
               "link")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise StudioError(
            translate("Export", "Unknown export format \u201c{format}\u201d.").format(format=fmt),
            translate("Export", "Choose one of: {formats}.").format(formats=", ".join(FORMATS)),
        )
    return fmt


def merged_turns(example: Example) -> list[tuple[str, str]]:
    """The example's (role, text) turns, with empty turns dropped and same-side runs joined."""
    merged: list[tuple[str, str]] = []
    for turn in example.turns:
        text = (turn.get("text") or "").strip()
        if not text:
            continue
        if merged and merged[-1][0] == turn["role"]:
            merged[-1] = (turn["role"], merged[-1][1] + "\n\n" + text)
        else:
            merged.append((turn["role"], text))
    return merged


def is_exchange(example: Example) -> bool:
    """Whether the pair is a real exchange: the member's question and the persona's final
    answer both have text (a curator's description of a photo counts as text)."""
    turns = example.turns
    if not turns or turns[-1].get("role") != "assistant" or not (turns[-1].get("text") or "").strip():
        return False
    question = next((t for t in reversed(turns[:-1]) if t.get("role") == "user"), None)
    return question is not None and bool((question.get("text") or "").strip())


def effective_prompt(example: Example, system_prompt: str) -> str:
    return (example.system_prompt or system_prompt or "").strip()


def openai_record(example: Example, system_prompt: str, *,
                  final_answer_only: bool = False) -> dict[str, Any]:
    turns = merged_turns(example)
    messages: list[dict[str, Any]] = []
    prompt = effective_prompt(example, system_prompt)
    if prompt:
        messages.append({"role": "system", "content": prompt})
    last_assistant = max((i for i, (role, _) in enumerate(turns) if role == "assistant"), default=-1)
    for i, (role, text) in enumerate(turns):
        message: dict[str, Any] = {"role": role, "content": text}
        if final_answer_only and role == "assistant" and i != last_assistant:
            message["weight"] = 0
        messages.append(message)
    return {"messages": messages}


def hf_record(example: Example, system_prompt: str) -> dict[str, Any]:
    return openai_record(example, system_prompt)


def member_first_turns(example: Example) -> list[tuple[str, str]]:
    """``merged_turns`` with persona turns before the first member turn folded into it.

    Gemini and YandexGPT expect the dialogue to open with the member; a thread the persona
    started keeps her opening words as context of the member's turn.
    """
    turns = merged_turns(example)
    leading: list[str] = []
    while turns and turns[0][0] == "assistant" and len(turns) > 1:
        leading.append(turns.pop(0)[1])
    if leading and turns:
        turns[0] = (turns[0][0], "\n\n".join([*leading, turns[0][1]]))
    return turns


def vertex_record(example: Example, system_prompt: str) -> dict[str, Any]:
    turns = member_first_turns(example)
    record: dict[str, Any] = {}
    prompt = effective_prompt(example, system_prompt)
    if prompt:
        record["systemInstruction"] = {"role": "system", "parts": [{"text": prompt}]}
    record["contents"] = [
        {"role": "model" if role == "assistant" else "user", "parts": [{"text": text}]}
        for role, text in turns
    ]
    return record


def yandex_record(example: Example, system_prompt: str) -> dict[str, Any]:
    turns = member_first_turns(example)
    # A pair whose answer is empty gets an empty response, which validation reports.
    response = turns.pop()[1] if turns and turns[-1][0] == "assistant" else ""
    request: list[dict[str, str]] = []
    prompt = effective_prompt(example, system_prompt)
    if prompt:
        request.append({"role": "system", "text": prompt})
    request.extend({"role": role, "text": text} for role, text in turns)
    return {"request": request, "response": response}


def record_for(fmt: str, example: Example, system_prompt: str, *,
               final_answer_only: bool = False) -> dict[str, Any]:
    if fmt in OPENAI_LIKE_FORMATS:
        return openai_record(example, system_prompt, final_answer_only=final_answer_only)
    if fmt == "vertex":
        return vertex_record(example, system_prompt)
    if fmt == "yandex":
        return yandex_record(example, system_prompt)
    if fmt == "hf":
        return hf_record(example, system_prompt)
    raise ValueError(fmt)


def _date(value: int | None) -> str:
    if not value:
        return ""
    return dt.datetime.fromtimestamp(value, dt.UTC).strftime("%Y-%m-%d %H:%M")


def csv_row(example: Example, system_prompt: str) -> list[Any]:
    context = "\n".join(
        f"{t.get('sender_name') or t['role']}: {t['text']}" for t in example.context if t.get("text")
    )
    return [
        example.pair_id, example.split, example.chat_name, example.status,
        "; ".join(example.topics), "" if example.quality is None else round(example.quality, 3),
        int(example.edited), example.asker_name, effective_prompt(example, system_prompt),
        context, example.question, example.answer, _date(example.question_date),
        _date(example.answer_date), example.link or "",
    ]


def write_examples(
    examples: Iterable[Example],
    fmt: str,
    out_path: Path,
    system_prompt: str,
    *,
    final_answer_only: bool = False,
    provenance: dict[str, Any] | None = None,
    project_path: Path | str | None = None,
) -> tuple[int, str]:
    """Write examples to ``out_path`` in ``fmt``; returns (examples written, file SHA-256).

    The target is checked first (never the project ``project_path``, its side files, a device
    or a folder: see ``target.check_output_path``), then the file is written beside it and moved
    into place, so a failed export never leaves half a file where a good one was.
    """
    check_format(fmt)
    out_path = Path(out_path)
    count = 0
    with atomic_output(out_path, project_path) as tmp:
        if fmt in JSONL_FORMATS:
            with tmp.open("wb") as fh:
                for example in examples:
                    if not is_exchange(example):
                        continue
                    fh.write(orjson.dumps(record_for(fmt, example, system_prompt,
                                                     final_answer_only=final_answer_only)))
                    fh.write(b"\n")
                    count += 1
        elif fmt == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(CSV_COLUMNS)
                for example in examples:
                    writer.writerow(csv_row(example, system_prompt))
                    count += 1
        else:
            items = []
            for example in examples:
                item = example.content()
                item["split"] = example.split
                item["system_prompt_effective"] = effective_prompt(example, system_prompt)
                items.append(item)
            count = len(items)
            document = {**(provenance or {}), "system_prompt": system_prompt, "pairs": items}
            tmp.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2))
    return count, file_sha256(out_path)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def records(examples: Sequence[Example], fmt: str, system_prompt: str, *,
            final_answer_only: bool = False) -> list[dict[str, Any]]:
    """The JSONL records of ``examples`` in memory (for previews and validation); pairs that
    are not real exchanges are left out, as in a written file."""
    return [record_for(fmt, e, system_prompt, final_answer_only=final_answer_only)
            for e in examples if is_exchange(e)]
