"""The message store: writing chats, participants and messages into a project.

Every source (Desktop export, live account) ends here, through :func:`store_messages`.
Writing is idempotent: a message already stored (same chat, same id) is not duplicated, so
importing the same export twice, or a bigger later export, or fetching live what an export
already brought, only adds what is new. A later copy of an edited message replaces the text.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from natasha_studio.core.dataset.bulk import deferred_indexes
from natasha_studio.core.dataset.records import ChatRecord, MessageRecord
from natasha_studio.core.store import Project

_INSERT_MESSAGE = (
    "INSERT INTO messages(chat_id, id, date, sender_id, sender_name, author, kind, action, text,"
    " entities, reply_to_id, reply_to_chat_id, topic_id, media_type, forwarded_from, fwd_chat_id,"
    " fwd_msg_id, via_bot, edited, grouped_id)"
    # Text and entities may come as UTF-8 bytes (see RowBatch): stored as text either way.
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?)"
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


def _add_topic(conn, chat_id: int, topic_id: int, title: str | bytes) -> None:
    conn.execute(
        "INSERT INTO forum_topics(chat_id, topic_id, title) VALUES (?, ?, CAST(? AS TEXT))"
        " ON CONFLICT(chat_id, topic_id) DO UPDATE SET title = excluded.title",
        (chat_id, topic_id, title),
    )


_BULK_ROWS = 50_000  # messages of one call after which the store's indexes are deferred
# Messages come in id order, which is time order: these indexes only grow at one end (dates)
# or at a few places (replies, nearly all to recent messages or to none), which costs little
# while writing; rebuilding each at the end would read the whole table again. The sender
# index is filled at random places, and rebuilt once instead.
_GROWN_AT_ONE_END = ("messages_date", "messages_reply")

_INSERT_NARROW = (
    "INSERT INTO messages(chat_id, id, date, sender_id, sender_name, kind, text, reply_to_id,"
    " media_type) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?)"
    " ON CONFLICT(chat_id, id) DO NOTHING"
)


class RowBatch:
    """A batch of messages as column values, ready for :func:`store_rows`.

    Most messages fill only nine columns; binding the other eleven as NULLs cost as much as
    the rest of storing, so those messages go through a narrow INSERT. (Without an edit date
    a message never replaces a stored one, so the narrow INSERT ignores conflicts, which is
    what the full UPSERT does for it.)

    A message's text may be a string or its UTF-8 bytes: the import's helper process sends
    bytes, which cross between processes and into SQLite without being decoded and encoded
    again on the way.
    """

    __slots__ = ("narrow", "full", "people", "topics")

    def __init__(self) -> None:
        self.narrow: list[tuple] = []
        self.full: list[tuple] = []
        self.people: dict[int, tuple[int, str, str]] = {}
        self.topics: list[tuple[int, str]] = []

    def __len__(self) -> int:
        return len(self.narrow) + len(self.full)

    def parts(self) -> tuple:
        """The batch as plain values, which cross between processes cheaply."""
        return self.narrow, self.full, self.people, self.topics

    @classmethod
    def from_parts(cls, parts: tuple) -> RowBatch:
        batch = cls.__new__(cls)
        batch.narrow, batch.full, batch.people, batch.topics = parts
        return batch

    def add(self, v: tuple, text_bytes: bool = False) -> None:
        """Add one message: the values of ``MessageConverter.values`` (the 20 columns in
        table order, entities as a list, then the sender's kind). ``text_bytes``: store the
        text as UTF-8 bytes (see the class)."""
        sender_id = v[3]
        if sender_id is not None:
            # A deleted account has no name: keep what an earlier message said.
            name = v[4] or ""
            if name or sender_id not in self.people:
                self.people[sender_id] = (sender_id, name, v[20])
        if v[7] is not None and v[6] == "service" and v[7] == "topic_created":
            self.topics.append((v[1], v[8]))
        text = v[8].encode() if text_bytes else v[8]
        if (v[5] is None and v[7] is None and v[9] is None and v[11] is None and v[12] is None
                and v[14] is None and v[15] is None and v[16] is None and v[17] is None
                and v[18] is None and v[19] is None):
            self.narrow.append((v[0], v[1], v[2], v[3], v[4], v[6], text, v[10], v[13]))
        else:
            entities = orjson.dumps(v[9]) if v[9] else None  # stored as text (CAST)
            self.full.append((*v[:8], text, entities, *v[10:20]))


def _values(m: MessageRecord) -> tuple:
    return (
        m.chat_id, m.id, m.date, m.sender_id, m.sender_name, m.author, m.kind, m.action, m.text,
        m.entities, m.reply_to_id, m.reply_to_chat_id, m.topic_id, m.media_type,
        m.forwarded_from, m.forwarded_from_chat_id, m.forwarded_from_msg_id, m.via_bot,
        m.edited, m.grouped_id, m.sender_kind,
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

    def batches() -> Iterator[RowBatch]:
        batch = RowBatch()
        for message in messages:
            if message.chat_id != chat.id:
                raise ValueError(f"message {message.id} of chat {message.chat_id} handed in"
                                 f" for chat {chat.id}")
            batch.add(_values(message))
            if len(batch) >= batch_size:
                yield batch
                batch = RowBatch()
        if len(batch):
            yield batch

    return store_rows(project, chat, batches(), on_batch=on_batch)


def store_rows(
    project: Project,
    chat: ChatRecord,
    batches: Iterable[RowBatch],
    *,
    on_batch: Callable[[int], None] | None = None,
) -> StoreResult:
    """:func:`store_messages` for messages already turned into column values (the import's
    path: no record per message). Every row of every batch must belong to ``chat``.
    """
    result = StoreResult(chat.id)
    with project.transaction() as conn:
        before = chat_message_count(project, chat.id)
        upsert_chat(project, chat)
        with contextlib.ExitStack() as deferred:
            stored = None
            people: dict[int, tuple] = {}  # participant rows written by this call
            for batch in batches:
                _write_rows(conn, chat.id, batch, people)
                result.seen += len(batch)
                if stored is None and result.seen >= _BULK_ROWS:
                    # A big chat going into a small store: from here on the messages
                    # indexes are built once at the end instead of updated row by row.
                    stored = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
                    if stored < 4 * result.seen:
                        deferred.enter_context(deferred_indexes(project, "messages",
                                                                keep=_GROWN_AT_ONE_END))
                if on_batch is not None:
                    on_batch(result.seen)
                project.pause_point()
        after = chat_message_count(project, chat.id)
    result.added = after - before
    return result


def _write_rows(conn, chat_id: int, batch: RowBatch, people: dict[int, tuple]) -> None:
    # A big chat's members come back batch after batch: each is written again only when
    # something of it changed (writing the same row again changes nothing).
    changed = [row for row in batch.people.values() if people.get(row[0]) != row]
    conn.executemany(_UPSERT_PARTICIPANT, changed)
    people.update((row[0], row) for row in changed)
    conn.executemany(_INSERT_NARROW, batch.narrow)
    if batch.full:
        conn.executemany(_INSERT_MESSAGE, batch.full)
    if batch.topics:
        conn.execute("UPDATE chats SET is_forum = 1 WHERE id = ?", (chat_id,))
        for topic_id, title in batch.topics:
            _add_topic(conn, chat_id, topic_id, title)


def chat_message_count(project: Project, chat_id: int) -> int:
    return project.conn.execute("SELECT count(*) FROM messages WHERE chat_id = ?",
                                (chat_id,)).fetchone()[0]


def last_message_id(project: Project, chat_id: int) -> int | None:
    """The highest stored message id of a chat (where a live fetch resumes), or None."""
    row = project.conn.execute("SELECT max(id) FROM messages WHERE chat_id = ?",
                               (chat_id,)).fetchone()
    return row[0] if row else None


def has_messages(project: Project) -> bool:
    """Whether any message has been imported or fetched into the project."""
    return project.conn.execute("SELECT 1 FROM messages LIMIT 1").fetchone() is not None


def message_counts_by_chat(project: Project) -> dict[int, int]:
    """Stored messages per chat id (chats with none are left out)."""
    return {r[0]: r[1] for r in project.conn.execute(
        "SELECT chat_id, count(*) FROM messages GROUP BY chat_id")}


def chats_with_message_counts(project: Project) -> list[sqlite3.Row]:
    """Every chat (``id``, ``name``, ``type``, ``is_forum``) with its stored ``messages``,
    the fullest first."""
    return project.conn.execute(
        "SELECT c.id, c.name, c.type, c.is_forum, (SELECT count(*) FROM messages m"
        " WHERE m.chat_id = c.id) AS messages FROM chats c ORDER BY messages DESC").fetchall()


def chat_names(project: Project) -> list[tuple[int, str]]:
    """Every chat as (id, name), by name."""
    return [(r[0], r[1]) for r in project.conn.execute("SELECT id, name FROM chats ORDER BY name")]


def chat_name(project: Project, chat_id: int | None) -> str:
    """The chat's name ("" for none, or a chat the project does not have)."""
    row = project.conn.execute("SELECT name FROM chats WHERE id = ?", (chat_id,)).fetchone()
    return row[0] if row else ""


def fetch_state(project: Project, chat_id: int) -> dict[str, Any]:
    """The chat's live-fetch resume point as stored (``chats.fetch_state``); {} when there is
    none or it cannot be read."""
    row = project.conn.execute("SELECT fetch_state FROM chats WHERE id = ?",
                               (chat_id,)).fetchone()
    if row is None or not row[0]:
        return {}
    try:
        data = json.loads(row[0])
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def save_fetch_state(project: Project, chat_id: int, state: dict[str, Any]) -> None:
    """Store the chat's live-fetch resume point (in the caller's transaction when one is open,
    so it commits together with the messages it follows)."""
    with project.transaction() as conn:
        conn.execute("UPDATE chats SET fetch_state = ? WHERE id = ?",
                     (json.dumps(state), chat_id))
