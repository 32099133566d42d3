"""The common record types every message source produces.

Both sources of messages, the Telegram Desktop export parser (``natasha_studio.telegram.export``)
and the live account adapter (``natasha_studio.telegram.live``), convert what they read into
these plain records and hand them to :func:`natasha_studio.core.dataset.messages.store_messages`.
Extraction, statistics and the Sources tab only ever see the stored rows, so a chat fetched live
and the same chat imported from an export meet on the same rows and never duplicate.

Conventions (a live adapter must follow them exactly):

* **Ids are Telegram "marked" peer ids**: users ``> 0``; basic groups ``-chat_id``; channels
  and supergroups ``-(10**12 + channel_id)`` (``-100…`` in decimal).  Telethon's
  ``telethon.utils.get_peer_id(peer)`` returns exactly this; :func:`marked_id` converts the
  export's ``"user123"`` / ``"channel123"`` / ``"chat123"`` strings and bare numbers.
* **Message ids** are the chat's own message ids.  Messages of a basic group that was upgraded
  to a supergroup keep their (negative, shifted) export ids: they belong to the supergroup's
  chat row.
* **Dates are unix seconds (UTC)**, integers.
* **Text is plain text**: formatting is not embedded in it.  Formatting, links, mentions,
  custom emoji and the like go to ``entities``: a list of dicts
  ``{"type": str, "offset": int, "length": int, **extra}`` where offset and length count
  Python characters (code points) of ``text``, *not* UTF-16 units as the Telegram API does
  (convert with ``telethon.helpers.add_surrogate`` / ``del_surrogate``).  ``type`` uses the
  export's names: ``link``, ``text_link`` (extra ``href``), ``mention``, ``mention_name``
  (extra ``user_id``), ``hashtag``, ``bold``, ``italic``, ``code``, ``pre`` (extra
  ``language``), ``spoiler``, ``custom_emoji`` (extra ``document_id``), ``email``, ``phone``...
* **Replies**: ``reply_to_id`` is the id of the message answered, in the same chat unless
  ``reply_to_chat_id`` says otherwise.  In a forum, a message that only sits in a topic does
  **not** reply to the topic's first message: set ``topic_id`` and leave ``reply_to_id`` empty
  (Telethon: ``reply_to.forum_topic`` true and no ``reply_to_top_id`` means the
  ``reply_to_msg_id`` is the topic).  A real reply inside a topic has both.
* **Channel comments**: comments live in the channel's linked discussion group (its own chat
  row, with the channel's ``linked_chat_id`` set).  The automatic forward of a post into the
  group has ``forwarded_from_chat_id`` = the channel and ``forwarded_from_msg_id`` = the post;
  comments reply to that forward (or, in the export, appear as ``reply_to`` it).
* ``sender_id`` is ``None`` only when the export does not say who wrote a message; a channel
  post has the channel as sender and its signature in ``author``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CHANNEL_SHIFT = 10**12

# Chat kinds as stored in chats.type (the export's names, kept as they are).
GROUP_TYPES = frozenset({"private_group", "private_supergroup", "public_supergroup"})
CHANNEL_TYPES = frozenset({"private_channel", "public_channel"})
PERSONAL_TYPES = frozenset({"personal_chat", "bot_chat", "saved_messages"})


@dataclass(slots=True)
class ChatRecord:
    """One chat (a dialog, group, supergroup or channel)."""

    id: int                              # marked peer id
    name: str = ""
    type: str = "unknown"                # personal_chat, private_group, public_supergroup,
                                         # private_channel, public_channel, ...
    username: str | None = None          # for t.me links of public chats
    source: str = "export"               # export | live
    linked_chat_id: int | None = None    # a channel's discussion group (marked id)
    is_forum: bool = False
    topics: dict[int, str] = field(default_factory=dict)  # forum topic id -> title


@dataclass(slots=True)
class MessageRecord:
    """One message, as the message store keeps it (see the module notes for conventions)."""

    chat_id: int
    id: int
    date: int                            # unix seconds, UTC
    sender_id: int | None = None         # marked peer id of the author
    sender_name: str | None = None       # display name as the source showed it (a label only)
    sender_kind: str = "user"            # user | channel | chat: what sender_id points at
    text: str = ""
    entities: list[dict[str, Any]] | None = None
    kind: str = "message"                # message | service
    action: str | None = None            # service action: topic_created, pin_message, ...
    author: str | None = None            # post signature on a channel post
    reply_to_id: int | None = None
    reply_to_chat_id: int | None = None  # only for a reply to another chat
    topic_id: int | None = None          # forum topic (id of its topic_created message)
    media_type: str | None = None        # photo, video_file, voice_message, sticker, file, ...
    forwarded_from: str | None = None    # name of the original author of a forward
    forwarded_from_chat_id: int | None = None
    forwarded_from_msg_id: int | None = None
    via_bot: str | None = None
    edited: int | None = None            # unix seconds of the last edit
    grouped_id: int | None = None        # album id: the messages of one album share it


def marked_id(value: Any, kind_hint: str | None = None) -> int | None:
    """A marked peer id from what an export writes: ``"user1"``, ``"channel1"``, ``"chat1"``,
    an int, or a numeric string.

    A bare number is taken as a user id unless ``kind_hint`` says ``"channel"`` or ``"chat"``
    (exports before 2021 wrote plain numbers). Returns ``None`` for what is not an id.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        number, kind = value, kind_hint or "user"
    else:
        text = str(value).strip()
        kind = kind_hint or "user"
        for prefix in ("user", "channel", "chat"):
            if text.startswith(prefix):
                kind, text = prefix, text[len(prefix):]
                break
        try:
            number = int(text)
        except ValueError:
            return None
    if number < 0:  # already marked
        marked = number
    elif kind == "channel":
        marked = -(CHANNEL_SHIFT + number)
    elif kind == "chat":
        marked = -number
    else:
        marked = number
    return marked if fits_int64(marked) else None


def fits_int64(number: int) -> bool:
    """Whether ``number`` fits SQLite's 64-bit integers (an export may hold anything)."""
    return -(1 << 63) <= number < (1 << 63)


def peer_kind(peer_id: int) -> str:
    """``user``, ``chat`` (basic group) or ``channel`` for a marked peer id."""
    if peer_id > 0:
        return "user"
    return "channel" if peer_id <= -CHANNEL_SHIFT else "chat"


def bare_id(peer_id: int) -> int:
    """The id as Telegram shows it without the mark (for t.me/c/ links)."""
    if peer_id > 0:
        return peer_id
    return -peer_id - CHANNEL_SHIFT if peer_id <= -CHANNEL_SHIFT else -peer_id


def chat_marked_id(bare: int, chat_type: str) -> int:
    """The marked id of a chat from an export's bare ``id`` and ``type``."""
    if bare < 0:
        return bare
    if chat_type in CHANNEL_TYPES or chat_type in ("private_supergroup", "public_supergroup"):
        return -(CHANNEL_SHIFT + bare)
    if chat_type == "private_group":
        return -bare
    return bare
