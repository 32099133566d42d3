"""Telethon messages to the dataset's ``MessageRecord``.

The records must be what the Desktop-export import stores for the same chat (see the
conventions in ``natasha_studio.core.dataset.records``), so that a chat fetched live and the
same chat imported from an export meet on the same rows: marked ids, unix dates, plain text
with entity offsets in code points (Telegram counts UTF-16 units), the export's names for
entity types, media kinds and service actions, and forum topics kept apart from replies.
"""

from __future__ import annotations

import re
from typing import Any

from telethon import helpers, types, utils

from natasha_studio.core.dataset.records import ChatRecord, MessageRecord, peer_kind

_ENTITY_TYPES = {
    "MessageEntityUrl": "link",
    "MessageEntityTextUrl": "text_link",
    "MessageEntityMention": "mention",
    "MessageEntityMentionName": "mention_name",
    "MessageEntityHashtag": "hashtag",
    "MessageEntityCashtag": "cashtag",
    "MessageEntityBotCommand": "bot_command",
    "MessageEntityEmail": "email",
    "MessageEntityPhone": "phone",
    "MessageEntityBold": "bold",
    "MessageEntityItalic": "italic",
    "MessageEntityUnderline": "underline",
    "MessageEntityStrike": "strikethrough",
    "MessageEntityCode": "code",
    "MessageEntityPre": "pre",
    "MessageEntitySpoiler": "spoiler",
    "MessageEntityBlockquote": "blockquote",
    "MessageEntityBankCard": "bank_card",
    "MessageEntityCustomEmoji": "custom_emoji",
}

# Service actions under the names the Desktop export writes.
_ACTIONS = {
    "MessageActionChatCreate": "create_group",
    "MessageActionChannelCreate": "create_channel",
    "MessageActionChatMigrateTo": "migrate_to_supergroup",
    "MessageActionChannelMigrateFrom": "migrate_from_group",
    "MessageActionChatAddUser": "invite_members",
    "MessageActionChatDeleteUser": "remove_members",
    "MessageActionChatJoinedByLink": "join_group_by_link",
    "MessageActionChatJoinedByRequest": "join_group_by_request",
    "MessageActionChatEditTitle": "edit_group_title",
    "MessageActionChatEditPhoto": "edit_group_photo",
    "MessageActionChatDeletePhoto": "delete_group_photo",
    "MessageActionPinMessage": "pin_message",
    "MessageActionHistoryClear": "clear_history",
    "MessageActionPhoneCall": "phone_call",
    "MessageActionGroupCall": "group_call",
    "MessageActionTopicCreate": "topic_created",
    "MessageActionTopicEdit": "topic_edit",
    "MessageActionContactSignUp": "joined_telegram",
    "MessageActionCustomAction": "custom_action",
}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def display_name(entity: Any) -> str | None:
    """A person's or chat's name as Telegram shows it; None for a deleted account."""
    if entity is None or getattr(entity, "deleted", False):
        return None
    name = utils.get_display_name(entity)
    return name or None


def convert_entities(text: str, entities: list[Any] | None) -> list[dict[str, Any]] | None:
    """Telegram's entities (UTF-16 offsets) as the store's dicts (code-point offsets)."""
    if not entities or not text:
        return None
    wide = helpers.add_surrogate(text)
    out: list[dict[str, Any]] = []
    for entity in entities:
        kind = _ENTITY_TYPES.get(type(entity).__name__)
        if kind is None:
            continue
        start = len(helpers.del_surrogate(wide[:entity.offset]))
        length = len(helpers.del_surrogate(wide[entity.offset:entity.offset + entity.length]))
        item: dict[str, Any] = {"type": kind, "offset": start, "length": length}
        if kind == "text_link":
            item["href"] = entity.url
        elif kind == "mention_name":
            item["user_id"] = entity.user_id
        elif kind == "pre":
            item["language"] = entity.language or ""
        elif kind == "custom_emoji":
            item["document_id"] = entity.document_id
        out.append(item)
    return out or None


def media_type(media: Any) -> str | None:
    """The export's name for the kind of media a message carries (None: text only)."""
    if media is None or isinstance(media, types.MessageMediaEmpty | types.MessageMediaWebPage):
        return None
    if isinstance(media, types.MessageMediaPhoto):
        return "photo"
    if isinstance(media, types.MessageMediaDocument):
        attributes = getattr(media.document, "attributes", None) or []
        kinds = {type(a).__name__: a for a in attributes}
        if "DocumentAttributeSticker" in kinds:
            return "sticker"
        audio = kinds.get("DocumentAttributeAudio")
        if audio is not None:
            return "voice_message" if audio.voice else "audio_file"
        if "DocumentAttributeAnimated" in kinds:
            return "animation"
        video = kinds.get("DocumentAttributeVideo")
        if video is not None:
            return "video_message" if video.round_message else "video_file"
        return "file"
    if isinstance(media, types.MessageMediaPoll):
        return "poll"
    if isinstance(media, types.MessageMediaGeo | types.MessageMediaGeoLive | types.MessageMediaVenue):
        return "location"
    if isinstance(media, types.MessageMediaContact):
        return "contact"
    return _snake(type(media).__name__.removeprefix("MessageMedia"))


def _topic_and_reply(reply_to: Any) -> tuple[int | None, int | None, int | None]:
    """(reply_to_id, reply_to_chat_id, topic_id) from a ``MessageReplyHeader``."""
    if not isinstance(reply_to, types.MessageReplyHeader):
        return None, None, None
    reply_id = reply_to.reply_to_msg_id
    other_chat = utils.get_peer_id(reply_to.reply_to_peer_id) if reply_to.reply_to_peer_id else None
    if reply_to.forum_topic:
        if reply_to.reply_to_top_id:
            return reply_id, other_chat, reply_to.reply_to_top_id
        # Only sitting in the topic: the "reply" is to the topic's first message.
        return None, None, reply_id
    return reply_id, other_chat, None


def _forward(message: Any) -> tuple[str | None, int | None, int | None]:
    fwd = getattr(message, "fwd_from", None)
    if fwd is None:
        return None, None, None
    name = fwd.from_name or fwd.post_author
    if fwd.from_id is not None:
        forward = getattr(message, "forward", None)
        entity = (getattr(forward, "sender", None) or getattr(forward, "chat", None)) if forward else None
        name = display_name(entity) or name
    chat_id = msg_id = None
    if fwd.saved_from_peer is not None and fwd.saved_from_msg_id:
        chat_id, msg_id = utils.get_peer_id(fwd.saved_from_peer), fwd.saved_from_msg_id
    elif fwd.channel_post and fwd.from_id is not None:
        chat_id, msg_id = utils.get_peer_id(fwd.from_id), fwd.channel_post
    return name, chat_id, msg_id


class AlbumIds:
    """Album ids as the export import gives them: the id of the album's first message.

    The Desktop export has no album id, so the import numbers every photo, video or file by
    its album's first message (a lone photo is its own album). Telegram's ``grouped_id`` is
    mapped the same way here, so both sources store the same value.
    """

    MEDIA = frozenset({"photo", "video_file", "animation", "file"})

    def __init__(self) -> None:
        self._first: dict[int, int] = {}

    def __call__(self, record: MessageRecord, telegram_group: int | None) -> int | None:
        if record.media_type not in self.MEDIA:
            return None
        if telegram_group is None:
            return record.id
        return self._first.setdefault(telegram_group, record.id)


def to_record(message: Any, chat_id: int, albums: AlbumIds | None = None) -> MessageRecord | None:
    """One Telethon ``Message`` or ``MessageService`` as a record (None for empty slots).

    Pass one ``albums`` per chat, fed oldest first, to number albums as the export does.
    """
    if isinstance(message, types.MessageEmpty) or message is None:
        return None
    sender_id = message.sender_id
    sender = getattr(message, "sender", None)
    reply_id, reply_chat, topic_id = _topic_and_reply(message.reply_to)
    record = MessageRecord(
        chat_id=chat_id,
        id=message.id,
        date=int(message.date.timestamp()),
        sender_id=sender_id,
        sender_name=display_name(sender),
        sender_kind=peer_kind(sender_id) if sender_id is not None else "user",
        reply_to_id=reply_id,
        reply_to_chat_id=reply_chat,
        topic_id=topic_id,
    )
    if isinstance(message, types.MessageService):
        action = message.action
        record.kind = "service"
        record.action = _ACTIONS.get(type(action).__name__) or _snake(
            type(action).__name__.removeprefix("MessageAction"))
        if isinstance(action, types.MessageActionTopicCreate):
            record.text = action.title
        elif isinstance(action, types.MessageActionPinMessage):
            record.reply_to_id = reply_id
        return record
    text = message.message or ""
    record.text = text
    record.entities = convert_entities(text, message.entities)
    record.author = message.post_author
    record.media_type = media_type(message.media)
    record.forwarded_from, record.forwarded_from_chat_id, record.forwarded_from_msg_id = _forward(message)
    via = getattr(message, "via_bot", None)
    if via is not None and getattr(via, "username", None):
        record.via_bot = "@" + via.username
    record.edited = int(message.edit_date.timestamp()) if message.edit_date else None
    record.grouped_id = (albums or AlbumIds())(record, message.grouped_id)
    return record


def chat_type(entity: Any) -> str:
    """The export's chat type for a Telethon chat entity."""
    if isinstance(entity, types.User):
        return "bot_chat" if entity.bot else "personal_chat"
    if isinstance(entity, types.Channel):
        public = bool(entity.username or entity.usernames)
        if entity.megagroup:
            return "public_supergroup" if public else "private_supergroup"
        return "public_channel" if public else "private_channel"
    return "private_group"


def chat_record(entity: Any, *, linked_chat_id: int | None = None,
                topics: dict[int, str] | None = None) -> ChatRecord:
    """A ``ChatRecord`` (source 'live') for a Telethon chat entity."""
    username = getattr(entity, "username", None)
    if not username and getattr(entity, "usernames", None):
        username = entity.usernames[0].username
    return ChatRecord(
        id=utils.get_peer_id(entity),
        name=utils.get_display_name(entity),
        type=chat_type(entity),
        username=username,
        source="live",
        linked_chat_id=linked_chat_id,
        is_forum=bool(getattr(entity, "forum", False)),
        topics=dict(topics or {}),
    )
