"""Who wrote what: participants with their message and reply counts, and dataset statistics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from natasha_studio.core.dataset.pipeline import pair_counts
from natasha_studio.core.dataset.settings import persona_ids
from natasha_studio.core.store import Project


@dataclass
class Participant:
    id: int
    name: str
    kind: str          # user | channel | chat
    messages: int
    replies: int       # of their messages, how many reply to someone
    chats: int
    signed_posts: int  # channel posts carrying a signature
    is_persona: bool


def list_participants(project: Project, limit: int | None = None) -> list[Participant]:
    """Participants ordered by how much they wrote (most active first)."""
    persona = set(persona_ids(project))
    sql = (
        "SELECT p.id, p.name, p.kind, count(*) AS messages,"
        " sum(m.reply_to_id IS NOT NULL) AS replies, count(DISTINCT m.chat_id) AS chats,"
        " sum(m.author IS NOT NULL) AS signed"
        " FROM messages m JOIN participants p ON p.id = m.sender_id"
        " WHERE m.kind = 'message' GROUP BY p.id ORDER BY messages DESC, p.id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [Participant(r["id"], r["name"], r["kind"], r["messages"], r["replies"] or 0,
                        r["chats"], r["signed"] or 0, r["id"] in persona)
            for r in project.conn.execute(sql)]


def participant_names(project: Project) -> list[tuple[int, str]]:
    """Every participant as (id, name), in the table's order."""
    return [(r[0], r[1]) for r in project.conn.execute("SELECT id, name FROM participants")]


def sender_counts(project: Project) -> list[tuple[int, str, int, int]]:
    """Everyone who sent a message, kind aside: (sender id, name, messages, of them replies),
    the most active first. A sender missing from ``participants`` goes by the name the
    messages carry."""
    return [(r[0], r[1], r[2], r[3]) for r in project.conn.execute(
        "SELECT m.sender_id, coalesce(p.name, max(m.sender_name), '') AS name,"
        " count(*) AS messages, count(m.reply_to_id) AS replies"
        " FROM messages m LEFT JOIN participants p ON p.id = m.sender_id"
        " WHERE m.sender_id IS NOT NULL GROUP BY m.sender_id"
        " ORDER BY messages DESC, m.sender_id")]


def dataset_stats(project: Project) -> dict[str, Any]:
    """The figures ``natasha-studio stats`` prints (JSON-ready)."""
    q = project.conn.execute
    counts = project.counts()
    by_status = {r[0]: r[1] for r in q(
        "SELECT status, count(*) FROM pairs WHERE deleted = 0 GROUP BY status")}
    by_chat = [{"chat_id": r[0], "name": r[1] or "", "pairs": r[2]} for r in q(
        "SELECT p.chat_id, c.name, count(*) FROM pairs p LEFT JOIN chats c ON c.id = p.chat_id"
        " WHERE p.deleted = 0 GROUP BY p.chat_id ORDER BY count(*) DESC")]
    topics = {r[0]: r[1] for r in q(
        "SELECT t.name, count(pt.pair_id) FROM topics t LEFT JOIN pair_topics pt"
        " ON pt.topic_id = t.id LEFT JOIN pairs p ON p.id = pt.pair_id AND p.deleted = 0"
        " GROUP BY t.id ORDER BY t.id")}
    avg = q("SELECT avg(length(answer)) FROM pairs WHERE deleted = 0").fetchone()[0]
    origins = pair_counts(project)
    return {
        "messages": counts["messages"],
        "chats": counts["chats"],
        "participants": counts["participants"],
        "persona_ids": persona_ids(project),
        "pairs": counts["pairs"],
        "pairs_by_origin": {k: v for k, v in origins.items() if k != "total"},
        "pairs_by_status": by_status,
        "pairs_by_chat": by_chat,
        "stale_pairs": q("SELECT count(*) FROM pairs WHERE stale = 1 AND deleted = 0").fetchone()[0],
        "topics": topics,
        "avg_answer_chars": round(avg, 1) if avg is not None else 0.0,
    }
