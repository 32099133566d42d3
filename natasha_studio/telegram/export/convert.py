"""Turning an export's raw message objects into the store's common records.

Accepts every format generation Telegram Desktop wrote: integer or prefixed ``from_id``,
``date`` and/or ``date_unixtime``, ``text`` as a string or a list of parts with or without
``text_entities``, service and media-only messages, forum topics (whose pseudo-replies become
a topic, not a reply) and the negative ids of messages from an upgraded group.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from natasha_studio.core.dataset.records import (
    CHANNEL_TYPES,
    ChatRecord,
    MessageRecord,
    chat_marked_id,
    fits_int64,
    marked_id,
)

_INT64 = 1 << 63

_ENTITY_EXTRAS = ("href", "user_id", "language", "document_id", "collapsed")
_MEDIA_KEYS = (
    ("photo", "photo"), ("poll", "poll"), ("location_information", "location"),
    ("contact_information", "contact"), ("game_title", "game"), ("invoice_information", "invoice"),
    ("file", "file"),
)


def chat_from_header(header: dict[str, Any], fallback_name: str = "") -> ChatRecord:
    """The chat record of an export's chat header (``name``, ``type``, ``id``)."""
    chat_type = str(header.get("type") or "unknown")
    raw_id = header.get("id")
    try:
        bare = int(raw_id)
    except (TypeError, ValueError, OverflowError):
        bare = None
    if bare is not None and not fits_int64(chat_marked_id(bare, chat_type)):
        bare = None  # past SQLite's 64 bits: no real chat has such an id
    if bare is None:
        # Very old or hand-made exports without an id: a stable id from the name, kept
        # negative and far from real ids so it never meets a live chat.
        seed = (_text(header.get("name")) or fallback_name or "chat").encode()
        bare = -(2 * 10**15 + int.from_bytes(seed[:6].ljust(6, b"\0"), "big"))
    return ChatRecord(
        id=chat_marked_id(bare, chat_type),
        name=_text(header.get("name")) or fallback_name or "",
        type=chat_type,
    )


def _text(value: Any) -> str:
    """A header's text field; a list (of name parts) is joined, anything else written out."""
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(_text(v) for v in value if v is not None)
    return value if isinstance(value, str) else str(value)


def parse_date(value: Any) -> int | None:
    """Unix seconds from ``date_unixtime`` (a string or number) or an ISO ``date``.

    An ISO date in an export is the exporter's local time without an offset; it is read as
    UTC, the best guess available (newer exports carry ``date_unixtime`` as well).
    """
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value if fits_int64(value) else None
    text = str(value)
    if text.isdigit():
        return int(text) if fits_int64(int(text)) else None
    try:
        return int(dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).timestamp())
    except ValueError:
        return None


def flatten_text(text: Any, text_entities: Any = None) -> tuple[str, list[dict[str, Any]] | None]:
    """Plain text and entity spans (offsets in characters) of an export's ``text``."""
    # A string text is one plain part (Telegram Desktop writes a list otherwise); the list in
    # "text" carries the same parts as "text_entities", which older exports lack.
    if isinstance(text, str):
        return text, None
    parts = text if isinstance(text, list) else text_entities
    if not isinstance(parts, list):
        return ("" if parts is None else str(parts)), None
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    offset = 0
    for part in parts:
        if isinstance(part, str):
            piece = part
        elif isinstance(part, dict):
            piece = str(part.get("text") or "")
            kind = part.get("type") or "plain"
            if kind != "plain" and piece:
                entity = {"type": kind, "offset": offset, "length": len(piece)}
                for extra in _ENTITY_EXTRAS:
                    if extra in part:
                        entity[extra] = part[extra]
                entities.append(entity)
        else:
            continue
        out.append(piece)
        offset += len(piece)
    return "".join(out), entities or None


_MEDIA_KEYSET = frozenset(key for key, _name in _MEDIA_KEYS)
_ALBUM_MEDIA = ("photo", "video_file", "animation", "file")


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if fits_int64(value) else None
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value) if fits_int64(int(value)) else None
    return None


# Some exports write ids that are not numbers ("userLT"). Such a sender gets a stable id of its
# own, above any id Telegram hands out, so their messages keep a sender and can be the persona.
TEXT_ID_BASE = 9 * 10**15


def text_sender_id(value: str) -> int:
    """The stable numeric id of a sender written as a non-numeric id such as ``userLT``."""
    digest = hashlib.sha256(value.strip().encode()).hexdigest()
    return TEXT_ID_BASE + int(digest[:13], 16) % 10**15


class MessageConverter:
    """Converts one chat's raw messages, in file order, into records or store rows."""

    def __init__(self, chat: ChatRecord, header: dict[str, Any]) -> None:
        self.chat = chat
        self.is_channel = chat.type in CHANNEL_TYPES
        try:
            self._bare = int(header.get("id"))
        except (TypeError, ValueError):
            self._bare = None
        self._topics: set[int] = set()
        self._topic_of: dict[int, int] = {}  # only filled in forums
        self._last_media: tuple[int | None, int, int] | None = None  # sender, date, album id
        self._senders: dict[Any, tuple[int | None, str]] = {}  # from_id as written -> id, kind
        self.skipped_no_id = 0  # elements of the messages array without a usable id

    def _sender(self, value: Any) -> tuple[int | None, str]:
        # A community has a few thousand senders over a million messages: convert each once.
        if type(value) is not str:
            return self._parse_sender(value)
        found = self._senders.get(value)
        if found is None:
            found = self._senders[value] = self._parse_sender(value)
        return found

    def _parse_sender(self, value: Any) -> tuple[int | None, str]:
        if isinstance(value, int) or (isinstance(value, str) and value.lstrip("-").isdigit()):
            # Before 2021 ids were bare numbers: the chat's own id means the channel itself.
            number = int(value)
            if self._bare is not None and number == self._bare and self.is_channel:
                return marked_id(number, "channel"), "channel"
            return marked_id(number, "user"), "user"
        if isinstance(value, str):
            for kind in ("channel", "chat", "user"):
                if value.startswith(kind) and (number := marked_id(value)) is not None:
                    return number, kind
            if value.strip():
                return text_sender_id(value), "user"
        return None, "user"

    def convert(self, raw: dict[str, Any]) -> MessageRecord | None:
        """The record of one raw message, or None for what is not a message at all."""
        values = self.values(raw)
        if values is None:
            return None
        (chat_id, msg_id, date, sender_id, sender_name, author, kind, action, text, entities,
         reply_to, reply_chat, topic_id, media, forwarded, fwd_chat, _fwd_msg, via_bot, edited,
         grouped, sender_kind) = values
        return MessageRecord(
            chat_id=chat_id, id=msg_id, date=date, sender_id=sender_id, sender_name=sender_name,
            sender_kind=sender_kind, text=text, entities=entities, kind=kind, action=action,
            author=author, reply_to_id=reply_to, reply_to_chat_id=reply_chat, topic_id=topic_id,
            media_type=media, forwarded_from=forwarded, forwarded_from_chat_id=fwd_chat,
            via_bot=via_bot, edited=edited, grouped_id=grouped,
        )

    def values(self, raw: dict[str, Any]) -> tuple | None:
        """One raw message as the store's column values (``messages.MESSAGE_COLUMNS`` order,
        entities as a list) followed by the sender's kind; None for what is not a message.

        The import writes these straight to the store, without a record per message.
        """
        try:
            msg_id = int(raw["id"])
        except (KeyError, TypeError, ValueError, OverflowError):
            self.skipped_no_id += 1
            return None
        if not -_INT64 <= msg_id < _INT64:
            self.skipped_no_id += 1  # an id no message can have (past SQLite's 64 bits)
            return None
        get = raw.get
        unixtime = get("date_unixtime")
        if isinstance(unixtime, str) and unixtime.isdigit():
            date = int(unixtime) or parse_date(get("date")) or 0  # the usual case, quickly
            if date >= _INT64:
                date = 0
        else:
            date = parse_date(unixtime) or parse_date(get("date")) or 0
        service = get("type") == "service"
        if service:
            sender_id, kind = self._sender(get("actor_id"))
            sender_name = get("actor")
        else:
            sender_id, kind = self._sender(get("from_id"))
            sender_name = get("from")
        if sender_id is None and self.is_channel and not service:
            # Channel posts of old exports may lack from_id: the channel wrote them.
            sender_id, kind = self.chat.id, "channel"
            sender_name = sender_name or self.chat.name
        text = get("text")
        if isinstance(text, str):
            entities = None  # a plain string has no formatting (a list is written otherwise)
        else:
            text, entities = flatten_text(text, get("text_entities"))
        action = get("action") if service else None
        if action is not None and not isinstance(action, str):
            action = str(action)  # kept as text: a list or number where a name was expected
        if action == "topic_created":
            text = str(get("title") or text)
        reply_to = _int_or_none(get("reply_to_message_id"))
        reply_peer = get("reply_to_peer_id")
        reply_chat = marked_id(reply_peer) if reply_peer else None
        topic_id = None
        if action == "topic_created":
            self._topics.add(msg_id)
            topic_id = msg_id
        elif reply_to is not None and self._topics and reply_chat is None:
            if reply_to in self._topics:
                topic_id, reply_to = reply_to, None  # sits in the topic; answers nobody
            else:
                topic_id = self._topic_of.get(reply_to)
        if topic_id is not None:
            self._topic_of[msg_id] = topic_id
        media = get("media_type")
        if media is None and not _MEDIA_KEYSET.isdisjoint(raw):
            media = next((name for key, name in _MEDIA_KEYS if get(key)), None)
        if media is not None and not isinstance(media, str):
            media = str(media)
        grouped = None
        if media in _ALBUM_MEDIA:
            # An album is exported as several messages a second apart: give them one id.
            last = self._last_media
            same_album = last is not None and last[0] == sender_id and abs(date - last[1]) <= 1
            grouped = last[2] if same_album else msg_id
            self._last_media = (sender_id, date, grouped)
        else:
            self._last_media = None
        forwarded = get("forwarded_from")
        forwarded_id = get("forwarded_from_id")
        author = get("author")
        via_bot = get("via_bot")
        edited = get("edited_unixtime")
        if edited is not None or "edited" in raw:
            edited = parse_date(edited) or parse_date(get("edited"))
        return (
            self.chat.id, msg_id, date, sender_id,
            sender_name if isinstance(sender_name, str) else None,
            author if isinstance(author, str) else None,
            "service" if service else "message", action, text, entities,
            reply_to, reply_chat, topic_id, media,
            forwarded if isinstance(forwarded, str) else None,
            marked_id(forwarded_id) if forwarded_id is not None else None, None,
            via_bot if isinstance(via_bot, str) else None, edited, grouped, kind,
        )
