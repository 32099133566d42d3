"""A small community on the stand-in Telegram: a supergroup with reply threads, a forum with
topics, a channel with its discussion group, and a basic group. Shared by the live-Telegram
tests (core, UI and integration)."""

from __future__ import annotations

import datetime as dt

from telethon import utils
from telethon.tl import types

from fakes.telegram_standin import BASE_DATE, StandInTelegram

NATASHA = 100
MEMBERS = {201: ("Ирина", "Петрова"), 202: ("Сергей", None), 203: ("Анна", "К.")}
GROUP = -(10**12 + 1001)      # "Круг Наташи" supergroup
FORUM = -(10**12 + 1002)      # forum supergroup
CHANNEL = -(10**12 + 1003)    # channel with comments
DISCUSSION = -(10**12 + 1004)  # the channel's discussion group
BASIC = -77                   # basic group


def community(messages_in_group: int = 30, **kwargs) -> StandInTelegram:
    world = StandInTelegram(**kwargs)
    world.add_user(NATASHA, "Наташа", "Светлова", username="natasha_coach")
    for uid, (first, last) in MEMBERS.items():
        world.add_user(uid, first, last)
    world.add_user(299, "", deleted=True)

    world.add_channel(1001, "Круг Наташи", megagroup=True, username="krug_natashi", members=340)
    world.add_channel(1002, "Практики (форум)", megagroup=True, forum=True, members=120)
    world.add_channel(1003, "Наташа — канал", username="natasha_channel", members=2500, linked=1004)
    world.add_channel(1004, "Наташа — обсуждение", megagroup=True, members=800, in_dialogs=False)
    world.add_group(77, "Старый чат", members=5)

    # Supergroup: question/answer pairs in reply threads, plus filler messages.
    world.add_service(GROUP, 1, types.MessageActionChannelCreate(title="Круг Наташи"), sender=NATASHA)
    msg_id = 2
    members = list(MEMBERS)
    while msg_id <= messages_in_group:
        asker = members[msg_id % len(members)]
        world.add_message(GROUP, msg_id, f"Наташа, вопрос номер {msg_id}: как 🙏 начать практику?",
                          sender=asker)
        world.add_message(
            GROUP, msg_id + 1, f"Ответ {msg_id}: начните с дыхания 🌿, подробнее https://t.me/x",
            sender=NATASHA, reply_to=msg_id,
            entities=[types.MessageEntityUrl(offset=len(f"Ответ {msg_id}: начните с дыхания 🌿, подробнее ") + 1,
                                             length=14)])
        msg_id += 2
    world.add_message(GROUP, msg_id, "", sender=299,
                      media=types.MessageMediaPhoto(photo=types.PhotoEmpty(id=1)))
    world.add_message(GROUP, msg_id + 1, "исправленный текст", sender=202, edit_minutes=5)

    # Forum: a topic created by a service message, a question in it and a reply in it.
    world.topics[FORUM] = {5: "Медитации"}
    world.add_service(FORUM, 5, types.MessageActionTopicCreate(title="Медитации", icon_color=0),
                      sender=NATASHA)
    world.add_message(FORUM, 6, "Как медитировать утром?", sender=201, topic=5)
    world.add_message(FORUM, 7, "Утром — десять минут тишины.", sender=NATASHA, topic=5, reply_to=6)
    world.add_message(FORUM, 8, "Общий вопрос без темы", sender=203)

    # Channel post with a signature; its automatic forward and comments in the discussion group.
    world.add_message(CHANNEL, 10, "Пост о ритуалах", post=True, author="Наташа")
    fwd = types.MessageFwdHeader(date=BASE_DATE, from_id=types.PeerChannel(1003), channel_post=10,
                                 saved_from_peer=types.PeerChannel(1003), saved_from_msg_id=10)
    world.add_message(DISCUSSION, 50, "Пост о ритуалах", fwd_from=fwd, sender=CHANNEL, minutes=11)
    world.add_message(DISCUSSION, 51, "А когда лучше проводить ритуал?", sender=202, reply_to=50,
                      top_id=50, minutes=12)
    world.add_message(DISCUSSION, 52, "Лучше на рассвете.", sender=NATASHA, reply_to=51, top_id=50,
                      minutes=13)

    world.add_message(BASIC, 3, "Привет из старого чата", sender=203)
    return world


def marked(chat_id: int) -> int:
    return utils.get_peer_id(types.PeerChannel(chat_id))


def minutes_after_base(minutes: float) -> int:
    return int((BASE_DATE + dt.timedelta(minutes=minutes)).timestamp())
