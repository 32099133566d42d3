"""Blind A/B comparison: two models drawn at random, shown as "A" and "B", voted on, revealed.

Votes live in the ``votes`` table with both answers and the prompt, so win rates can always
be recomputed and the votes exported as preference pairs (see ``dpo``).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass

from natasha_studio.core.chat.stats import wilson_interval
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ChatMessage
from natasha_studio.core.store import Project

WINNERS = ("a", "b", "tie", "both_bad")


@dataclass(frozen=True)
class BlindRound:
    """One comparison: which model hides behind "A" and which behind "B"."""

    model_a: int
    model_b: int

    def model_for(self, side: str) -> int:
        return self.model_a if side == "a" else self.model_b


def draw_round(model_ids: Sequence[int], rng: random.Random | None = None) -> BlindRound:
    """Pick two different models at random and put them in random order."""
    pool = list(dict.fromkeys(model_ids))
    if len(pool) < 2:
        raise StudioError(translate("Chat", "Blind comparison needs at least two models."),
                          translate("Chat", "Add another model in the models list."))
    a, b = (rng or random.SystemRandom()).sample(pool, 2)
    return BlindRound(a, b)


def record_vote(project: Project, round_: BlindRound, prompt: Sequence[ChatMessage],
                answer_a: str, answer_b: str, winner: str, *,
                session_id: int | None = None) -> int:
    """Store the curator's verdict on one round; returns the vote's id."""
    if winner not in WINNERS:
        raise ValueError(f"unknown verdict {winner!r}")
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO votes(session_id, prompt, model_a, model_b, answer_a, answer_b, winner)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (session_id,
             json.dumps([{"role": m.role, "content": m.content} for m in prompt],
                        ensure_ascii=False),
             round_.model_a, round_.model_b, answer_a, answer_b, winner),
        )
        return int(cur.lastrowid)


def delete_vote(project: Project, vote_id: int) -> None:
    """Take a vote back (a mis-click)."""
    with project.transaction() as conn:
        conn.execute("DELETE FROM votes WHERE id = ?", (vote_id,))


@dataclass
class WinRate:
    model_id: int | None
    name: str
    wins: int = 0
    losses: int = 0
    ties: int = 0
    both_bad: int = 0

    @property
    def votes(self) -> int:
        return self.wins + self.losses + self.ties + self.both_bad

    @property
    def decided(self) -> int:
        """Votes that say something about this model against the other: wins, losses, ties."""
        return self.wins + self.losses + self.ties

    @property
    def rate(self) -> float | None:
        """Share of comparisons won, a tie counting half; None before any such vote."""
        return (self.wins + 0.5 * self.ties) / self.decided if self.decided else None

    @property
    def interval(self) -> tuple[float, float]:
        """95% Wilson score interval of ``rate``."""
        return wilson_interval(self.wins + 0.5 * self.ties, self.decided)


def win_rates(project: Project) -> list[WinRate]:
    """Each voted model's record, best rate first.

    "Both bad" votes are counted but left out of the rate: they say nothing about which of the
    two is better.
    """
    names = {r[0]: r[1] for r in project.conn.execute("SELECT id, name FROM models")}
    table: dict[int | None, WinRate] = {}

    def entry(model_id: int | None) -> WinRate:
        if model_id not in table:
            table[model_id] = WinRate(
                model_id, names.get(model_id, translate("Chat", "(deleted model)")))
        return table[model_id]

    for row in project.conn.execute("SELECT model_a, model_b, winner FROM votes"):
        a, b, winner = entry(row["model_a"]), entry(row["model_b"]), row["winner"]
        if winner == "a":
            a.wins += 1
            b.losses += 1
        elif winner == "b":
            b.wins += 1
            a.losses += 1
        elif winner == "tie":
            a.ties += 1
            b.ties += 1
        else:
            a.both_bad += 1
            b.both_bad += 1
    return sorted(table.values(),
                  key=lambda w: (w.rate is None, -(w.rate or 0.0), -w.votes, w.name))
