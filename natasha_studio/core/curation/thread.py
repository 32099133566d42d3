"""The original conversation around a pair, read from the stored messages."""

from __future__ import annotations

from dataclasses import dataclass

from natasha_studio.core.pairs import Pair
from natasha_studio.core.store import Project

CHANNEL_SHIFT = 10**12


@dataclass
class ThreadMessage:
    id: int
    date: int
    sender_name: str
    text: str
    reply_to_id: int | None
    in_pair: bool          # the message is one of the pair's turns
    link: str | None       # opens the message in Telegram, where the chat allows it


def message_link(chat_id: int | None, username: str | None, message_id: int) -> str | None:
    """A t.me link to a message: public chats by username, private supergroups and channels
    by their internal id; basic groups and personal chats have no message links."""
    if chat_id is None or message_id <= 0:
        return None
    if username:
        return f"https://t.me/{username}/{message_id}"
    if chat_id < -CHANNEL_SHIFT:
        return f"https://t.me/c/{-chat_id - CHANNEL_SHIFT}/{message_id}"
    return None


def thread_around(project: Project, pair: Pair, before: int = 8, after: int = 4,
                  ancestors: int = 6) -> list[ThreadMessage]:
    """The pair's messages, the messages they reply to, and a few around them, by time."""
    if pair.chat_id is None:
        return []
    ids = set(pair.message_ids) | {i for t in pair.turns_original for i in t.message_ids}
    if not ids:
        return []
    conn = project.conn
    chat = conn.execute("SELECT username FROM chats WHERE id = ?", (pair.chat_id,)).fetchone()
    username = chat[0] if chat else None
    cols = "id, date, coalesce(sender_name, author, ''), text, reply_to_id"
    rows: dict[int, tuple] = {}
    first, last = min(ids), max(ids)
    queries = [
        (f"SELECT {cols} FROM messages WHERE chat_id = ? AND id < ? AND kind = 'message'"
         " ORDER BY id DESC LIMIT ?", (pair.chat_id, first, before)),
        (f"SELECT {cols} FROM messages WHERE chat_id = ? AND id BETWEEN ? AND ?"
         " AND kind = 'message' LIMIT 200", (pair.chat_id, first, last)),
        (f"SELECT {cols} FROM messages WHERE chat_id = ? AND id > ? AND kind = 'message'"
         " ORDER BY id LIMIT ?", (pair.chat_id, last, after)),
    ]
    for sql, params in queries:
        for r in conn.execute(sql, params):
            rows[r[0]] = tuple(r)
    # Follow replies upwards so the question's own context shows even when it is far away.
    pending = [rows[i][4] for i in ids if i in rows and rows[i][4]]
    for _ in range(ancestors):
        pending = [i for i in pending if i and i not in rows]
        if not pending:
            break
        found = conn.execute(
            f"SELECT {cols} FROM messages WHERE chat_id = ? AND id IN"
            f" ({','.join('?' * len(pending))})", (pair.chat_id, *pending)).fetchall()
        for r in found:
            rows[r[0]] = tuple(r)
        pending = [r[4] for r in found]
    out = [ThreadMessage(r[0], r[1], r[2] or "", r[3] or "", r[4], r[0] in ids,
                         message_link(pair.chat_id, username, r[0]))
           for r in rows.values()]
    out.sort(key=lambda m: (m.date, m.id))
    return out
