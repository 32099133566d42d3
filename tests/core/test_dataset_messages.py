import pytest

from natasha_studio.core.dataset.messages import (
    chat_name,
    chat_names,
    chats_with_message_counts,
    fetch_state,
    has_messages,
    last_message_id,
    message_counts_by_chat,
    save_fetch_state,
    store_messages,
)
from natasha_studio.core.dataset.records import (
    ChatRecord,
    MessageRecord,
    bare_id,
    chat_marked_id,
    marked_id,
    peer_kind,
)


def test_marked_ids_follow_telegram_conventions():
    assert marked_id("user123") == 123
    assert marked_id("channel123") == -1000000000123
    assert marked_id("chat123") == -123
    assert marked_id(123) == 123
    assert marked_id(123, "channel") == -1000000000123
    assert marked_id("-1000000000123") == -1000000000123
    assert marked_id("nonsense") is None
    assert marked_id(None) is None
    assert peer_kind(-1000000000123) == "channel"
    assert peer_kind(-123) == "chat"
    assert bare_id(-1000000000123) == 123
    assert chat_marked_id(5, "public_supergroup") == -1000000000005
    assert chat_marked_id(5, "private_group") == -5
    assert chat_marked_id(5, "personal_chat") == 5


def _msgs(chat_id, ids, **kw):
    return [MessageRecord(chat_id=chat_id, id=i, date=1000 + i, sender_id=7,
                          sender_name="Оля", text=f"msg {i}", **kw) for i in ids]


def test_store_is_idempotent_and_extends(project):
    chat = ChatRecord(id=-1000000000001, name="Клуб", type="public_supergroup")
    first = store_messages(project, chat, _msgs(chat.id, range(1, 11)))
    assert (first.seen, first.added) == (10, 10)
    again = store_messages(project, chat, _msgs(chat.id, range(1, 11)))
    assert again.added == 0
    bigger = store_messages(project, chat, _msgs(chat.id, range(1, 16)), batch_size=4)
    assert (bigger.seen, bigger.added) == (15, 5)
    assert project.counts()["messages"] == 15
    assert last_message_id(project, chat.id) == 15
    row = project.conn.execute("SELECT name, kind FROM participants WHERE id = 7").fetchone()
    assert tuple(row) == ("Оля", "user")


def test_a_later_edit_replaces_the_text(project):
    chat = ChatRecord(id=42, name="Оля", type="personal_chat")
    store_messages(project, chat, [MessageRecord(chat.id, 1, 100, 42, text="old")])
    store_messages(project, chat, [MessageRecord(chat.id, 1, 100, 42, text="new", edited=200)])
    assert project.conn.execute("SELECT text FROM messages").fetchone()[0] == "new"


def test_a_failing_source_leaves_nothing_behind(project):
    chat = ChatRecord(id=42, name="Оля", type="personal_chat")

    def broken():
        yield from _msgs(chat.id, range(1, 5))
        raise RuntimeError("file ended early")

    with pytest.raises(RuntimeError):
        store_messages(project, chat, broken(), batch_size=2)
    assert project.counts() == {**project.counts(), "messages": 0, "chats": 0}


def test_topic_created_records_the_forum_topic(project):
    chat = ChatRecord(id=-1000000000002, name="Форум", type="private_supergroup")
    store_messages(project, chat, [
        MessageRecord(chat.id, 10, 100, 1, kind="service", action="topic_created", text="Медитации"),
        MessageRecord(chat.id, 11, 101, 1, text="Привет", topic_id=10),
    ])
    assert project.conn.execute("SELECT is_forum FROM chats").fetchone()[0] == 1
    assert tuple(project.conn.execute("SELECT topic_id, title FROM forum_topics").fetchone()) == (
        10, "Медитации")


def test_chats_are_read_by_name_and_by_message_count(project):
    assert not has_messages(project) and chat_names(project) == []
    club = ChatRecord(id=-1000000000001, name="Клуб", type="public_supergroup")
    olya = ChatRecord(id=42, name="Аня", type="personal_chat")
    store_messages(project, club, _msgs(club.id, range(1, 4)))
    store_messages(project, olya, _msgs(olya.id, range(1, 6)))
    assert has_messages(project)
    assert chat_names(project) == [(42, "Аня"), (club.id, "Клуб")]
    assert chat_name(project, club.id) == "Клуб" and chat_name(project, 7) == ""
    assert message_counts_by_chat(project) == {club.id: 3, 42: 5}
    assert [(r["id"], r["messages"]) for r in chats_with_message_counts(project)] == \
        [(42, 5), (club.id, 3)]


def test_the_fetch_state_commits_with_the_callers_transaction(project):
    chat = ChatRecord(id=42, name="Оля", type="personal_chat")
    store_messages(project, chat, _msgs(chat.id, [1]))
    assert fetch_state(project, 42) == {}
    save_fetch_state(project, 42, {"max_id": 1, "complete": False})
    assert fetch_state(project, 42) == {"max_id": 1, "complete": False}
    with pytest.raises(RuntimeError), project.transaction():
        save_fetch_state(project, 42, {"max_id": 9})
        raise RuntimeError
    assert fetch_state(project, 42) == {"max_id": 1, "complete": False}
    with project.transaction() as conn:
        conn.execute("UPDATE chats SET fetch_state = 'not json' WHERE id = 42")
    assert fetch_state(project, 42) == {}
