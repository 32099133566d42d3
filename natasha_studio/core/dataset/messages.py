"""The message store: writing chats, participants and messages into a project.

Every source (Desktop export, live account) ends here, through :func:`store_messages`.
Writing is idempotent: a message already stored (same chat, same id) is not duplicated, so
importing the same export twice, or a bigger later export, or fetching live what an export
already brought, only adds what is new. A later copy of an edited message replaces the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import orjson

from natasha_studio.core.dataset.records import ChatRecord, MessageRecord
from natasha_studio.core.store import Project

_INSERT_MESSAGE = (
    "INSERT INTO messages(chat_id, id, date, sender_id, sender_name, author, kind, action, text,"
    " entities, reply_to_id, reply_to_chat_id, topic_id, media_type, forwarded_from, fwd_chat_id,"
    " fwd_msg_id, via_bot, edited, grouped_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT(chat_id, id) DO UPDATE SET text = excluded.text, entities = excluded.entities,"
    " edited = excluded.edited, topic_id = coalesce(messages.topic_id, excluded.topic_id)"
    " WHERE coalesce(excluded.edited, 0) > coalesce(messages.edited, 0)"
)

_UPSERT_PARTICIPANT = (
    "INSERT INTO participants(id, name, kind) VALUES (?, ?, ?)"
    " ON CONFLICT(id) DO UPDATE SET name = CASE WHEN excluded.name != '' THEN excluded.name"
    " ELSE participants.name END"
)


@dataclass
class StoreResult:
    """What one call of :func:`store_messages` did."""

    chat_id: int
    seen: int = 0      # messages handed in
    added: int = 0     # of them, new to the project


def upsert_chat(project: Project, chat: ChatRecord) -> None:
    """Create the chat's row, or refresh its name, type and links (never its curator flags)."""
    with project.transaction() as conn:
        conn.execute(
            "INSERT INTO chats(id, name, type, username, source, linked_chat_id, is_forum,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
            " ON CONFLICT(id) DO UPDATE SET"
            " name = CASE WHEN excluded.name != '' THEN excluded.name ELSE chats.name END,"
            " type = CASE WHEN excluded.type != 'unknown' THEN excluded.type ELSE chats.type END,"
            " username = coalesce(excluded.username, chats.username),"
            " linked_chat_id = coalesce(excluded.linked_chat_id, chats.linked_chat_id),"
            " is_forum = max(chats.is_forum, excluded.is_forum),"
            " imported_at = excluded.imported_at",
            (chat.id, chat.name or "", chat.type or "unknown", chat.username, chat.source,
             chat.linked_chat_id, int(chat.is_forum)),
        )
        for topic_id, title in chat.topics.items():
            _add_topic(conn, chat.id, topic_id, title)


def _add_topic(conn, chat_id: int, topic_id: int, title: str) -> None:
    conn.execute(
        "INSERT INTO forum_topics(chat_id, topic_id, title) VALUES (?, ?, ?)"
        " ON CONFLICT(chat_id, topic_id) DO UPDATE SET title = excluded.title",
        (chat_id, topic_id, title),
    )


def _row(m: MessageRecord) -> tuple:
    return (
        m.chat_id, m.id, m.date, m.sender_id, m.sender_name, m.author, m.kind, m.action, m.text,
        orjson.dumps(m.entities).decode() if m.entities else None,
        m.reply_to_id, m.reply_to_chat_id, m.topic_id, m.media_type, m.forwarded_from,
        m.forwarded_from_chat_id, m.forwarded_from_msg_id, m.via_bot, m.edited, m.grouped_id,
    )


def store_messages(
    project: Project,
    chat: ChatRecord,
    messages: Iterable[MessageRecord],
    *,
    batch_size: int = 2000,
    on_batch: Callable[[int], None] | None = None,
) -> StoreResult:
    """Store ``chat`` and its ``messages`` (any iterable, consumed lazily in batches).

    Runs inside one transaction: if iterating ``messages`` raises (a damaged file, a
    cancelled fetch), nothing of this call stays in the project. Call it once per chunk to
    commit as you go (a live fetch does). A ``topic_created`` service message also records
    the forum topic, titled with the message's text. ``on_batch(count)`` is called after each
    batch with the number of messages handed in so far (for progress and cancellation).
    """
    result = StoreResult(chat.id)
    with project.transaction() as conn:
        before = conn.execute("SELECT count(*) FROM messages WHERE chat_id = ?",
                              (chat.id,)).fetchone()[0]
        upsert_chat(project, chat)
        batch: list[MessageRecord] = []
        for message in messages:
            batch.append(message)
            if len(batch) >= batch_size:
                _write_batch(conn, chat.id, batch)
                result.seen += len(batch)
                batch = []
                if on_batch is not None:
                    on_batch(result.seen)
        if batch:
            _write_batch(conn, chat.id, batch)
            result.seen += len(batch)
            if on_batch is not None:
                on_batch(result.seen)
        after = conn.execute("SELECT count(*) FROM messages WHERE chat_id = ?",
                             (chat.id,)).fetchone()[0]
    result.added = after - before
    return result


def _write_batch(conn, chat_id: int, batch: list[MessageRecord]) -> None:
    people: dict[int, tuple[int, str, str]] = {}
    topics: list[tuple[int, str]] = []
    for m in batch:
        if m.sender_id is not None:
            # A deleted account has no name: keep what an earlier message said.
            name = m.sender_name or ""
            if name or m.sender_id not in people:
                people[m.sender_id] = (m.sender_id, name, m.sender_kind)
        if m.kind == "service" and m.action == "topic_created":
            topics.append((m.id, m.text))
    conn.executemany(_UPSERT_PARTICIPANT, people.values())
    rows = []
    for m in batch:
        if m.chat_id != chat_id:
            raise ValueError(f"message {m.id} of chat {m.chat_id} handed in for chat {chat_id}")
        rows.append(_row(m))
    conn.executemany(_INSERT_MESSAGE, rows)
    if topics:
        conn.execute("UPDATE chats SET is_forum = 1 WHERE id = ?", (chat_id,))
        for topic_id, title in topics:
            _add_topic(conn, chat_id, topic_id, title)


def chat_message_count(project: Project, chat_id: int) -> int:
    return project.conn.execute("SELECT count(*) FROM messages WHERE chat_id = ?",
                                (chat_id,)).fetchone()[0]


def last_message_id(project: Project, chat_id: int) -> int | None:
    """The highest stored message id of a chat (where a live fetch resumes), or None."""
    row = project.conn.execute("SELECT max(id) FROM messages WHERE chat_id = ?",
                               (chat_id,)).fetchone()
    return row[0] if row else None
