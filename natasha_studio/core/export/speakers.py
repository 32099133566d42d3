"""Several members in one training turn: written so the model can tell them apart.

A member's question often replies to another member's message, and extraction keeps both
in one user turn (under the first sender). Exported as it is, the model learns two people's
words as one. This module rewrites such turns at export time, from the stored pair and the
messages it came from, so nothing needs extracting again:

- ``labels`` (the default): each member's part gets a pseudonymous label, "Участник 1: …",
  "Участник 2: …" ("Member 1: …" in English text), numbered within the example;
- ``context``: the question keeps only the last member's words, and what the others wrote
  before goes to the example's system prompt as context.

A turn the curator has re-shaped (its lines no longer follow the messages) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

import orjson

from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.formats import effective_prompt
from natasha_studio.core.export.selection import Example
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

SPEAKER_MODES = ("labels", "context")
DEFAULT_SPEAKERS = "labels"
SPEAKERS_SETTING = "export_speakers"

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")
_IDS = 900  # ids per "IN (...)" list


def speaker_modes_explained() -> dict[str, str]:
    """One sentence per choice, for the export dialog and the command line."""
    return {
        "labels": translate("Export", "Speaker labels (the default): when a question merges a "
                                      "member's message with the one it replies to, each part "
                                      "is written as «Участник 1: …», «Участник 2: …», so the "
                                      "model sees two people, never their names."),
        "context": translate("Export", "Context: the question keeps only the last member's "
                                       "words, and what others wrote before it goes to the "
                                       "example's instructions as context."),
    }


def check_speakers(mode: str) -> str:
    if mode not in SPEAKER_MODES:
        raise StudioError(
            translate("Export", "Unknown way to write several speakers: {mode}.").format(mode=mode),
            translate("Export", "Choose one of: {modes}.").format(modes=", ".join(SPEAKER_MODES)))
    return mode


def speakers_setting(project: Project) -> str:
    """The project's choice; the default when unset or unknown."""
    mode = project.get_setting(SPEAKERS_SETTING, DEFAULT_SPEAKERS)
    return mode if mode in SPEAKER_MODES else DEFAULT_SPEAKERS


def set_speakers_setting(project: Project, mode: str) -> None:
    project.set_setting(SPEAKERS_SETTING, check_speakers(mode))


def _russian(text: str) -> bool:
    return len(_CYRILLIC.findall(text)) >= len(_LATIN.findall(text))


def _select(project: Project, sql: str, first: tuple, ids: list[int]) -> list:
    rows = []
    for start in range(0, len(ids), _IDS):
        part = ids[start:start + _IDS]
        rows += project.conn.execute(sql.format(marks=",".join("?" * len(part))),
                                     (*first, *part)).fetchall()
    return rows


def _turn_message_ids(project: Project, examples: list[Example]) -> dict[int, list[list[int]]]:
    """Each pair's message ids per turn, as extraction wrote them (a snapshot keeps none)."""
    ids = sorted({e.pair_id for e in examples if e.chat_id is not None})
    out = {}
    for pair_id, original in _select(project, "SELECT id, turns_original FROM pairs "
                                     "WHERE id IN ({marks})", (), ids):
        try:
            turns = orjson.loads(original or "[]")
            out[pair_id] = [(t.get("role"), list(t.get("message_ids") or [])) for t in turns]
        except (orjson.JSONDecodeError, AttributeError):
            continue
    return out


def _messages(project: Project, examples: list[Example],
              turn_ids: dict[int, list]) -> dict[tuple[int, int], tuple]:
    wanted: dict[int, set[int]] = {}
    for example in examples:
        for role, ids in turn_ids.get(example.pair_id, []):
            if role == "user" and len(ids) > 1:
                wanted.setdefault(example.chat_id, set()).update(ids)
    found: dict[tuple[int, int], tuple] = {}
    for chat_id, ids in wanted.items():
        rows = _select(project, "SELECT id, sender_id, text FROM messages WHERE chat_id = ? "
                       "AND id IN ({marks})", (chat_id,), sorted(ids))
        for row in rows:
            found[(chat_id, row[0])] = (row[1], row[2] or "")
    return found


def _parts(example: Example, turn: dict, ids: list[int],
           messages: dict) -> list[tuple[int | None, str]] | None:
    """The turn's text cut into consecutive (sender, text) parts, or None when it is one
    member's, or its lines no longer follow the messages it came from."""
    if turn.get("role") != "user" or len(ids) < 2 or example.chat_id is None:
        return None
    rows = [messages.get((example.chat_id, i)) for i in ids]
    rows = [r for r in rows if r is not None and r[1]]  # extraction skips empty texts
    if len({r[0] for r in rows}) < 2:
        return None
    lines = (turn.get("text") or "").split("\n")
    if sum(len(r[1].split("\n")) for r in rows) != len(lines):
        return None
    parts: list[tuple[int | None, list[str]]] = []
    at = 0
    for sender, text in rows:
        n = len(text.split("\n"))
        if parts and parts[-1][0] == sender:
            parts[-1][1].extend(lines[at:at + n])
        else:
            parts.append((sender, lines[at:at + n]))
        at += n
    return [(sender, "\n".join(part).strip()) for sender, part in parts if "\n".join(part).strip()]


def separate_speakers(project: Project, examples: Iterable[Example], mode: str,
                      system_prompt: str = "") -> list[Example]:
    """The examples with multi-speaker user turns written the ``mode`` way."""
    check_speakers(mode)
    examples = list(examples)
    turn_ids = _turn_message_ids(project, examples)
    messages = _messages(project, examples, turn_ids)
    if not messages:
        return examples
    return [_separate(e, mode, turn_ids.get(e.pair_id, []), messages, system_prompt)
            for e in examples]


def _separate(example: Example, mode: str, turn_ids: list, messages: dict,
              system_prompt: str) -> Example:
    # The extraction's turns tell which messages each turn holds, while the curator has kept
    # the same turns (a re-shaped pair is written as it is).
    if [r for r, _ in turn_ids] != [t.get("role") for t in example.turns]:
        return example
    cut = [_parts(example, turn, ids, messages)
           for turn, (_, ids) in zip(example.turns, turn_ids, strict=True)]
    if not any(cut):
        return example
    russian = _russian(" ".join(t.get("text") or "" for t in example.turns))
    numbers: dict[int | None, int] = {}
    turns, context = [], []
    for turn, parts in zip(example.turns, cut, strict=True):
        if not parts:
            turns.append(turn)
            continue
        if mode == "labels":
            word = "Участник" if russian else "Member"
            text = "\n".join(f"{word} {numbers.setdefault(s, len(numbers) + 1)}: {t}"
                             for s, t in parts)
        else:
            context.extend(t for _, t in parts[:-1])
            text = parts[-1][1]
        turns.append({**turn, "text": text})
    prompt = example.system_prompt
    if context:
        intro = ("Перед этим вопросом в чате писали другие участники:" if russian
                 else "Before this question, other members wrote in the chat:")
        quoted = "\n".join(f"«{t}»" if russian else f"\u201c{t}\u201d" for t in context)
        base = effective_prompt(example, system_prompt)
        prompt = "\n\n".join(p for p in (base, f"{intro}\n{quoted}") if p)
    return replace(example, turns=turns, system_prompt=prompt)
