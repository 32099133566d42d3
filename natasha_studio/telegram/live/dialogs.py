"""The account's channels and groups, for the curator to choose from.

``list_chats`` is one quick pass over the dialogs (names, types, last activity). The details
that cost a request per chat (member and message counts, a channel's discussion group, forum
topics) come afterwards from ``load_details``, one chat at a time, so the list shows at once
and fills in while the curator reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telethon import types, utils
from telethon.tl import functions

from natasha_studio.telegram.live.convert import chat_record, chat_type
from natasha_studio.telegram.live.errors import TelegramError, explain

# Chats that make sense as a source of a community persona's answers.
SOURCE_TYPES = frozenset({"public_channel", "private_channel", "public_supergroup",
                          "private_supergroup", "private_group"})


@dataclass
class ChatInfo:
    """One chat in the chooser."""

    id: int                                # marked peer id
    name: str
    type: str                              # the export's chat type names
    username: str | None
    entity: Any = field(repr=False, compare=False)
    is_forum: bool = False
    members: int | None = None
    messages: int | None = None            # total messages (None until the details come)
    last_date: dt.datetime | None = None
    last_message_id: int = 0
    linked_chat_id: int | None = None      # for a channel: its discussion group
    discussion_of: int | None = None       # for a discussion group: its channel
    topics: dict[int, str] = field(default_factory=dict)
    details_loaded: bool = False

    @property
    def is_channel(self) -> bool:
        return self.type in ("public_channel", "private_channel")

    def record(self):
        return chat_record(self.entity, linked_chat_id=self.linked_chat_id, topics=self.topics)


def _info(entity: Any, date: dt.datetime | None = None, top_id: int = 0) -> ChatInfo:
    record = chat_record(entity)
    return ChatInfo(
        id=record.id, name=record.name, type=chat_type(entity), username=record.username,
        entity=entity, is_forum=record.is_forum,
        members=getattr(entity, "participants_count", None),
        last_date=date, last_message_id=top_id,
    )


async def list_chats(client: Any, *, include_archived: bool = True) -> list[ChatInfo]:
    """The account's channels, supergroups and groups, most recently active first."""
    chats: list[ChatInfo] = []
    try:
        async for dialog in client.iter_dialogs(archived=None if include_archived else False):
            entity = dialog.entity
            if isinstance(entity, types.ChatForbidden | types.ChannelForbidden):
                continue
            if isinstance(entity, types.Chat) and (entity.deactivated or entity.migrated_to):
                continue  # the history lives on in the supergroup it became
            info = _info(entity, dialog.date, getattr(dialog.dialog, "top_message", 0) or 0)
            if info.type in SOURCE_TYPES:
                chats.append(info)
    except Exception as exc:
        raise explain(exc) from exc
    chats.sort(key=lambda c: c.last_date or dt.datetime.min.replace(tzinfo=dt.UTC), reverse=True)
    return chats


async def load_details(
    client: Any,
    chats: list[ChatInfo],
    on_chat: Callable[[ChatInfo], Awaitable[None] | None] | None = None,
) -> list[ChatInfo]:
    """Fill in counts, discussion groups and forum topics; returns discussion groups found
    that were not in ``chats`` (a channel's comments group the account never opened).

    A chat whose details cannot be read keeps what it had; a dead login or a long wait
    stops the pass (raised as ``TelegramError``).
    """
    known = {c.id: c for c in chats}
    extra: list[ChatInfo] = []
    for chat in list(chats):
        try:
            await _load_one(client, chat, known, extra)
        except TelegramError:
            raise
        except Exception as exc:
            error = explain(exc)
            if error.kind not in ("no_access", "unknown"):
                raise error from exc
        chat.details_loaded = True
        if on_chat is not None:
            result = on_chat(chat)
            if result is not None:
                await result
    for chat in extra:
        try:
            await _load_one(client, chat, known, [])
        except TelegramError:
            raise
        except Exception as exc:
            error = explain(exc)
            if error.kind not in ("no_access", "unknown"):
                raise error from exc
        chat.details_loaded = True
        if on_chat is not None:
            result = on_chat(chat)
            if result is not None:
                await result
    return extra


async def _load_one(client: Any, chat: ChatInfo, known: dict[int, ChatInfo],
                    extra: list[ChatInfo]) -> None:
    entity = chat.entity
    if isinstance(entity, types.Channel):
        full = await client(functions.channels.GetFullChannelRequest(entity))
        chat.members = full.full_chat.participants_count or chat.members
        linked = full.full_chat.linked_chat_id
        if linked:
            linked_id = utils.get_peer_id(types.PeerChannel(linked))
            if chat.is_channel:
                chat.linked_chat_id = linked_id
                group = known.get(linked_id)
                if group is None:
                    entity_of = next((c for c in full.chats if getattr(c, "id", None) == linked), None)
                    if entity_of is not None:
                        group = _info(entity_of)
                        known[linked_id] = group
                        extra.append(group)
                if group is not None:
                    group.discussion_of = chat.id
            else:
                chat.discussion_of = linked_id
        if entity.forum:
            result = await client(functions.messages.GetForumTopicsRequest(
                peer=entity, offset_date=None, offset_id=0, offset_topic=0, limit=100))
            chat.topics = {t.id: t.title for t in result.topics if isinstance(t, types.ForumTopic)}
    elif isinstance(entity, types.Chat):
        chat.members = entity.participants_count
    total = await client.get_messages(entity, limit=0)
    chat.messages = getattr(total, "total", None)
