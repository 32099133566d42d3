"""Helpers shared by the test-chat tests: a scripted provider and a snapshot with held-out pairs.

``ScriptedProvider`` implements the provider protocol's ``stream_chat`` in memory, for tests of
the core logic that do not need HTTP; streaming over real HTTP is tested against the local
fake servers in tests/fakes.
"""

from __future__ import annotations

import asyncio
import json

from natasha_studio.core.errors import StudioError


class ScriptedProvider:
    name = "scripted"
    can_tune = False

    def __init__(self, reply="Привет! Я Наташа.", *, pieces=None, delay=0.0, fail_after=None,
                 error=None):
        self.reply = reply
        self.pieces = pieces
        self.delay = delay
        self.fail_after = fail_after
        self.error = error
        self.calls: list[tuple[str, list, object]] = []

    async def stream_chat(self, model, messages, options):
        self.calls.append((model, list(messages), options))
        pieces = self.pieces or [w + " " for w in self.reply.split(" ")]
        for i, piece in enumerate(pieces):
            if self.fail_after is not None and i >= self.fail_after:
                raise self.error or StudioError("The server failed.")
            if self.delay:
                await asyncio.sleep(self.delay)
            yield piece
        if self.fail_after is not None and self.fail_after >= len(pieces):
            raise self.error or StudioError("The server failed.")


def add_snapshot_with_heldout(project, questions, name="v1"):
    """A snapshot whose held-out split holds ``questions`` [(question, answer), ...]."""
    with project.transaction() as conn:
        sid = conn.execute(
            "INSERT INTO snapshots(name, system_prompt, content_hash, pair_count) VALUES (?, ?, ?, ?)",
            (name, "Ты — Наташа.", "hash-" + name, len(questions)),
        ).lastrowid
        for i, (q, a) in enumerate(questions, start=1):
            content = {"turns": [{"role": "user", "text": q}, {"role": "assistant", "text": a}]}
            conn.execute(
                "INSERT INTO snapshot_pairs(snapshot_id, pair_id, split, content) VALUES (?, ?, ?, ?)",
                (sid, i, "heldout", json.dumps(content, ensure_ascii=False)),
            )
        conn.execute(
            "INSERT INTO snapshot_pairs(snapshot_id, pair_id, split, content) VALUES (?, ?, ?, ?)",
            (sid, 1000, "train", json.dumps({"turns": [{"role": "user", "text": "train q"},
                                                       {"role": "assistant", "text": "a"}]})),
        )
    return sid
