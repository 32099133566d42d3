"""A chat fetched live is stored exactly as the Desktop export of the same chat is."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

from fakes.telegram_standin import BASE_DATE, StandInTelegram
from telethon.tl import types

from natasha_studio.core.store import Project
from natasha_studio.telegram.export.importer import import_exports
from natasha_studio.telegram.live.dialogs import list_chats
from natasha_studio.telegram.live.fetch import Fetcher
from natasha_studio.telegram.live.session import ApiCredentials

CHAT = -(10**12 + 4242)
COLUMNS = ("id", "date", "sender_id", "sender_name", "author", "kind", "action", "text",
           "entities", "reply_to_id", "reply_to_chat_id", "topic_id", "media_type",
           "forwarded_from", "edited", "grouped_id")


def unix(minutes: int) -> int:
    return int((BASE_DATE + dt.timedelta(minutes=minutes)).timestamp())


def iso(minutes: int) -> str:
    return (BASE_DATE + dt.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S")


def build_world() -> StandInTelegram:
    world = StandInTelegram()
    world.add_user(100, "Наташа", "Светлова")
    world.add_user(201, "Ирина", None)
    world.add_channel(4242, "Круг", megagroup=True, members=10)
    world.add_service(CHAT, 1, types.MessageActionChannelCreate(title="Круг"), sender=100, minutes=1)
    world.add_message(CHAT, 2, "Как начать практику? 🙏", sender=201, minutes=2)
    text = "Начните с дыхания 🌿 тут https://t.me/x"
    world.add_message(CHAT, 3, text, sender=100, reply_to=2, minutes=3, edit_minutes=2, entities=[
        types.MessageEntityBold(offset=0, length=7),
        types.MessageEntityUrl(offset=len("Начните с дыхания 🌿 тут ") + 1, length=14)])
    world.add_message(CHAT, 4, "", sender=201, minutes=4,
                      media=types.MessageMediaPhoto(photo=types.PhotoEmpty(id=1)))
    return world


def build_export() -> dict:
    return {
        "name": "Круг", "type": "private_supergroup", "id": 4242,
        "messages": [
            {"id": 1, "type": "service", "date": iso(1), "date_unixtime": str(unix(1)),
             "actor": "Наташа Светлова", "actor_id": "user100", "action": "create_channel",
             "title": "Круг", "text": "", "text_entities": []},
            {"id": 2, "type": "message", "date": iso(2), "date_unixtime": str(unix(2)),
             "from": "Ирина", "from_id": "user201", "text": "Как начать практику? 🙏",
             "text_entities": [{"type": "plain", "text": "Как начать практику? 🙏"}]},
            {"id": 3, "type": "message", "date": iso(3), "date_unixtime": str(unix(3)),
             "edited": iso(5), "edited_unixtime": str(unix(5)),
             "from": "Наташа Светлова", "from_id": "user100", "reply_to_message_id": 2,
             "text": [{"type": "bold", "text": "Начните"}, " с дыхания 🌿 тут ",
                      {"type": "link", "text": "https://t.me/x"}],
             "text_entities": [{"type": "bold", "text": "Начните"},
                               {"type": "plain", "text": " с дыхания 🌿 тут "},
                               {"type": "link", "text": "https://t.me/x"}]},
            {"id": 4, "type": "message", "date": iso(4), "date_unixtime": str(unix(4)),
             "from": "Ирина", "from_id": "user201",
             "photo": "(File not included. Change data exporting settings to download.)",
             "width": 800, "height": 600, "text": "", "text_entities": []},
        ],
    }


def rows(project: Project) -> list[dict]:
    cols = ", ".join(COLUMNS)
    return [dict(r) for r in project.conn.execute(
        f"SELECT {cols} FROM messages WHERE chat_id = ? ORDER BY id", (CHAT,))]


def test_live_fetch_equals_export_import(tmp_path):
    path = tmp_path / "export" / "result.json"
    path.parent.mkdir()
    path.write_text(json.dumps(build_export(), ensure_ascii=False), encoding="utf-8")
    exported = Project.create(tmp_path / "export.nstudio", "Наташа")
    report = import_exports(exported, [path])
    assert not report.errors

    world = build_world()
    client = world.client(ApiCredentials(1, "0" * 32), "")
    client._connected = True
    client._authorize()
    live = Project.create(tmp_path / "live.nstudio", "Наташа")

    async def go():
        chats = await list_chats(client)
        await Fetcher(live, client, chats).run()

    asyncio.run(go())
    try:
        assert rows(live) == rows(exported)
        chat = "SELECT id, name, type FROM chats ORDER BY id"
        assert [tuple(r) for r in live.conn.execute(chat)] == [tuple(r) for r in exported.conn.execute(chat)]
        participants = "SELECT id, name FROM participants ORDER BY id"
        assert [tuple(r) for r in live.conn.execute(participants)] == [tuple(r) for r in exported.conn.execute(participants)]
    finally:
        live.close()
        exported.close()
