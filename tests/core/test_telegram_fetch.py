"""Listing chats and fetching histories: incremental, resumable, flood waits, no duplicates."""

from __future__ import annotations

import asyncio

import pytest
from fakes.telegram_standin import flood_wait, rpc_error
from fakes.telegram_world import BASIC, CHANNEL, DISCUSSION, FORUM, GROUP, NATASHA, community

from natasha_studio.telegram.live.dialogs import list_chats, load_details
from natasha_studio.telegram.live.errors import SessionDeadError, TelegramError
from natasha_studio.telegram.live.fetch import Fetcher, FetchState, expand_selection
from natasha_studio.telegram.live.session import ApiCredentials

CREDS = ApiCredentials(1234567, "0123456789abcdef0123456789abcdef")


class FakeSleep:
    """Records the waits instead of sleeping through them."""

    def __init__(self) -> None:
        self.slept: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.slept.append(seconds)
        await asyncio.sleep(0)


def signed_in(world):
    client = world.client(CREDS, "")
    client._connected = True
    client._authorize()
    return client


async def chats_of(client, with_details=True):
    chats = await list_chats(client)
    if with_details:
        chats += await load_details(client, chats)
    return {c.id: c for c in chats}


def fetch(project, client, chats, **kwargs):
    sleep = kwargs.pop("sleep", FakeSleep())
    progress = []
    fetcher = Fetcher(project, client, chats, sleep=sleep, chunk=kwargs.pop("chunk", 7),
                      on_progress=lambda p: progress.append(
                          (p.current, p.wait_left, p.done, p.total, p.eta_seconds)), **kwargs)
    summary = asyncio.run(fetcher.run())
    return summary, progress, sleep


def stored_ids(project, chat_id):
    return [r[0] for r in project.conn.execute(
        "SELECT id FROM messages WHERE chat_id = ? ORDER BY id", (chat_id,))]


def test_list_chats_with_details():
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    assert set(chats) == {GROUP, FORUM, CHANNEL, DISCUSSION, BASIC}
    channel, group = chats[CHANNEL], chats[GROUP]
    assert channel.type == "public_channel" and channel.members == 2500
    assert channel.linked_chat_id == DISCUSSION and chats[DISCUSSION].discussion_of == CHANNEL
    assert group.type == "public_supergroup" and group.messages == 33 and group.username == "krug_natashi"
    assert chats[FORUM].is_forum and chats[FORUM].topics == {5: "Медитации"}
    assert chats[BASIC].type == "private_group" and chats[BASIC].members == 5
    assert chats[GROUP].last_date is not None


def test_first_fetch_then_only_newer_and_no_duplicates(project):
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    summary, progress, _ = fetch(project, client, [chats[GROUP]])
    assert summary.added[GROUP] == 33
    assert stored_ids(project, GROUP) == list(range(1, 34))
    assert progress[-1][2] == progress[-1][3] == 33
    state = FetchState.load(project, GROUP)
    assert state.max_id == 33 and state.complete

    world.add_message(GROUP, 34, "Новый вопрос?", sender=201)
    world.add_message(GROUP, 35, "Новый ответ.", sender=NATASHA, reply_to=34)
    summary, _, _ = fetch(project, client, [chats[GROUP]])
    assert summary.added[GROUP] == 2
    calls = [c for name, c in world.calls if name == "iter_messages" and c["chat"] == GROUP]
    assert calls[-1]["min_id"] == 33 and calls[-1]["reverse"] is True
    assert stored_ids(project, GROUP) == list(range(1, 36))
    assert project.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 35


def test_flood_wait_mid_iteration_counts_down_and_resumes(project):
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    world.inject(GROUP, 10, flood_wait(5))
    summary, progress, sleep = fetch(project, client, [chats[GROUP]])
    assert sleep.slept == [1, 1, 1, 1, 1]
    assert [p[1] for p in progress if p[1]] == [5, 4, 3, 2, 1]
    assert summary.added[GROUP] == 33 and stored_ids(project, GROUP) == list(range(1, 34))
    calls = [c for name, c in world.calls if name == "iter_messages"]
    assert [c["min_id"] for c in calls] == [0, 10]


def test_interrupted_fetch_resumes_after_restart(project, tmp_path):
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    world.inject(GROUP, 15, rpc_error(401, "AUTH_KEY_UNREGISTERED"))
    with pytest.raises(SessionDeadError):
        fetch(project, client, [chats[GROUP]])
    kept = stored_ids(project, GROUP)
    assert kept == list(range(1, 16))  # everything that came before the failure is stored
    assert FetchState.load(project, GROUP).max_id == 15

    # "Restart": a new project handle and a new client, as after reopening the app.
    from natasha_studio.core.store import Project

    reopened = Project.open(project.path)
    try:
        client2 = signed_in(world)
        chats2 = asyncio.run(chats_of(client2, with_details=False))
        summary, _, _ = fetch(reopened, client2, [chats2[GROUP]])
        assert summary.added[GROUP] == 18
        assert stored_ids(reopened, GROUP) == list(range(1, 34))
        assert [c["min_id"] for n, c in world.calls if n == "iter_messages"][-1] == 15
    finally:
        reopened.close()


def test_cancel_keeps_what_was_fetched(project):
    world = community(messages_in_group=60)
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))

    async def go():
        fetcher = Fetcher(project, client, [chats[GROUP]], chunk=5, sleep=FakeSleep())
        task = asyncio.ensure_future(fetcher.run())
        while len(stored_ids(project, GROUP)) < 10:
            await asyncio.sleep(0)
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(go())
    ids = stored_ids(project, GROUP)
    assert ids == list(range(1, len(ids) + 1)) and len(ids) >= 10
    assert FetchState.load(project, GROUP).max_id == ids[-1]


def test_connection_drop_is_retried(project):
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    world.inject(GROUP, 3, ConnectionError("Connection reset by peer"))
    world.inject(GROUP, 4, ConnectionError("Connection reset by peer"))
    summary, _, sleep = fetch(project, client, [chats[GROUP]])
    assert summary.added[GROUP] == 33 and sleep.slept == [2, 4]


def test_connection_lost_for_good_is_plain_words(project):
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    for _ in range(10):
        world.inject(GROUP, 0, ConnectionError("down"))
    with pytest.raises(TelegramError) as err:
        fetch(project, client, [chats[GROUP]])
    assert err.value.kind == "connection"


def test_lost_access_skips_the_chat(project):
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    world.inject(FORUM, 0, rpc_error(400, "CHANNEL_PRIVATE"))
    summary, _, _ = fetch(project, client, [chats[FORUM], chats[GROUP]])
    assert FORUM in summary.failed and summary.added[GROUP] == 33


def test_forum_topics_and_channel_comments(project):
    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    selection = expand_selection([chats[CHANNEL], chats[FORUM]], list(chats.values()))
    assert [c.id for c in selection] == [CHANNEL, DISCUSSION, FORUM]
    fetch(project, client, selection)
    rows = {r["id"]: r for r in project.conn.execute("SELECT * FROM messages WHERE chat_id = ?", (FORUM,))}
    assert rows[6]["topic_id"] == 5 and rows[6]["reply_to_id"] is None
    assert rows[7]["topic_id"] == 5 and rows[7]["reply_to_id"] == 6
    assert rows[8]["topic_id"] is None
    assert project.conn.execute("SELECT title FROM forum_topics WHERE chat_id = ?", (FORUM,)).fetchone()[0] == "Медитации"
    channel = project.conn.execute("SELECT * FROM chats WHERE id = ?", (CHANNEL,)).fetchone()
    assert channel["linked_chat_id"] == DISCUSSION and channel["source"] == "live"
    post = project.conn.execute("SELECT * FROM messages WHERE chat_id = ? AND id = 10", (CHANNEL,)).fetchone()
    assert post["sender_id"] == CHANNEL and post["author"] == "Наташа"
    forward = project.conn.execute("SELECT * FROM messages WHERE chat_id = ? AND id = 50", (DISCUSSION,)).fetchone()
    assert (forward["fwd_chat_id"], forward["fwd_msg_id"]) == (CHANNEL, 10)
    comment = project.conn.execute("SELECT * FROM messages WHERE chat_id = ? AND id = 52", (DISCUSSION,)).fetchone()
    assert comment["reply_to_id"] == 51 and comment["sender_id"] == NATASHA


def test_takeout_session_and_its_delay(project):
    world = community(takeout_delay=3600)
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    with pytest.raises(TelegramError) as err:
        fetch(project, client, [chats[GROUP]], takeout=True)
    assert err.value.kind == "takeout_delay" and err.value.seconds == 3600
    assert "Telegram app" in err.value.message

    world.takeout_delay = 0
    summary, _, _ = fetch(project, client, [chats[GROUP]], takeout=True)
    assert summary.added[GROUP] == 33
    names = [n for n, _ in world.calls]
    assert "takeout_start" in names and "takeout_end" in names
    assert [c for n, c in world.calls if n == "iter_messages"][-1]["wait_time"] == 0


def test_the_fetch_operation_says_messages_came_in_and_nothing_when_none_did(project):
    from natasha_studio.operations.fetch import fetch_chats

    world = community()
    client = signed_in(world)
    chats = asyncio.run(chats_of(client))
    summary, changes = asyncio.run(fetch_chats(project, client, [chats[GROUP]]))
    assert summary.added[GROUP] == 33
    assert changes.sources and changes.counts["messages"] == 33 and not changes.any_pairs
    summary, changes = asyncio.run(fetch_chats(project, client, [chats[GROUP]]))
    assert summary.total_added == 0 and changes.empty  # nothing new: no view reloads
