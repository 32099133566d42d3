"""Blind A/B verdicts: record the curator's vote on a round, or take it back.

Test chat's blind view calls these; the win-rate table and the fidelity card read the votes,
so each returns ``Changes`` with ``votes`` set.
"""

from __future__ import annotations

from collections.abc import Sequence

from natasha_studio.core.chat import blind
from natasha_studio.core.provider import ChatMessage
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes

VOTES = Changes(votes=True)


def record_vote(project: Project, round_: blind.BlindRound, prompt: Sequence[ChatMessage],
                answer_a: str, answer_b: str, winner: str, *,
                session_id: int | None = None) -> tuple[int, Changes]:
    """Store the verdict (``a``, ``b``, a tie or both bad) on one round; returns its id."""
    vote_id = blind.record_vote(project, round_, prompt, answer_a, answer_b, winner,
                                session_id=session_id)
    return vote_id, VOTES


def take_back_vote(project: Project, vote_id: int) -> Changes:
    """Delete a vote given by a mis-click."""
    blind.delete_vote(project, vote_id)
    return VOTES
