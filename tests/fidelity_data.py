"""Three personas of our own writing for the style-fidelity tests: each with approved pairs (her
style is learned from them), held-out questions with her real answers, and what three stand-in
models answer: one in her manner, one as a generic assistant (formal «Вы», lists, no emoji)
with the same content, one in her manner about something else entirely."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from chat_helpers import add_snapshot_with_heldout

FIXTURE = Path(__file__).parent / "fixtures" / "fidelity" / "personas.json"
PERSONAS = ("natasha", "semyon", "lena")
# The stand-in models: who answers in her manner, as a generic assistant, or off the subject.
MODELS = {"persona": "persona-like", "generic": "assistant-like", "offtopic": "offtopic-persona"}


@lru_cache(maxsize=1)
def personas() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def answers_of(key: str, kind: str) -> dict[str, str]:
    """Question -> what the ``kind`` stand-in answers, for persona ``key``."""
    p = personas()[key]
    if kind == "offtopic":
        return {h["q"]: p["offtopic"][i % len(p["offtopic"])] for i, h in enumerate(p["heldout"])}
    return {h["q"]: h[kind] for h in p["heldout"]}


def fill_project(project, key: str) -> int:
    """Approved training pairs and a snapshot with the held-out questions; the snapshot's id."""
    p = personas()[key]
    with project.transaction() as conn:
        for i, (q, a) in enumerate(p["train"]):
            turns = json.dumps([{"role": "user", "text": q}, {"role": "assistant", "text": a}],
                               ensure_ascii=False)
            # ids apart from the held-out questions' (1, 2, ...), which are not approved pairs
            conn.execute("INSERT INTO pairs(id, key, turns_original, question, answer, status)"
                         " VALUES (?, ?, ?, ?, ?, 'approved')", (2000 + i, f"{key}-{i}", turns, q, a))
    project.set_setting("persona_name", p["persona"])
    project.set_setting("system_prompt", p["system_prompt"])
    return add_snapshot_with_heldout(project, [(h["q"], h["real"]) for h in p["heldout"]])
