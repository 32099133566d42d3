"""Importing real and hand-made Telegram Desktop exports, damaged ones included."""

from __future__ import annotations

import pytest

from natasha_studio.core.errors import Cancelled
from natasha_studio.telegram.export import importer
from natasha_studio.telegram.export.importer import import_exports
from natasha_studio.telegram.export.reader import ExportReader, repair
from natasha_studio.telegram.export.synth import message as m
from natasha_studio.telegram.export.synth import service, write_export

T0 = 1_700_000_000
EXPECTED = {
    "chatanalytics_dm.json": 8,
    "pachum_ru_channel.json": 6,
    "ragtgbot_ru_group.json": 5,
    "tg2md_2020_channel.json": 13,
    "tg2md_2021_channel.json": 19,
}


@pytest.fixture(autouse=True, params=["here", "helper"])
def reading_mode(request, monkeypatch):
    """Every test runs twice: files read in this process, and read in a helper process (as
    big files are) — the results and the errors must be the same."""
    if request.param == "helper":
        monkeypatch.setattr(importer, "HELPER_MIN_BYTES", 0)
    return request.param


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_samples_import(project, shared_exports, name):
    report = import_exports(project, [shared_exports / name])
    assert not report.errors
    assert report.added == EXPECTED[name]
    assert project.counts()["messages"] == EXPECTED[name]


def test_sample_details(project, shared_exports):
    import_exports(project, [shared_exports])  # a folder of *.json
    q = project.conn.execute
    # 2020 channel: integer from_id of the channel itself is the channel.
    assert q("SELECT DISTINCT sender_id FROM messages WHERE chat_id = ?",
             (-(10**12 + 9882011936),)).fetchall()[0][0] == -(10**12 + 9882011936)
    # Entities are kept apart from the plain text, offsets in characters.
    text, entities = q("SELECT text, entities FROM messages WHERE chat_id = 700000000 AND id = 3644").fetchone()
    assert text == "https://google.com 👀" and '"offset":0' in entities
    # Only date_unixtime present.
    assert q("SELECT date FROM messages WHERE chat_id = 700000000 AND id = 3662").fetchone()[0] > 0
    # An album of three photos in the 2021 channel shares one id.
    albums = q("SELECT grouped_id, count(*) FROM messages WHERE chat_id = ? AND grouped_id IS NOT NULL"
               " GROUP BY grouped_id HAVING count(*) > 1", (-(10**12 + 1292077344),)).fetchall()
    assert [tuple(a) for a in albums] == [(23, 3)]


def test_reimport_adds_only_new_and_bigger_export_extends(project, tmp_path):
    msgs = [m(i, T0 + i, "Оля", "user1", f"сообщение {i}") for i in range(1, 101)]
    small = write_export(tmp_path / "a" / "result.json", "Чат", "private_supergroup", 9, msgs[:60])
    write_export(tmp_path / "b" / "result.json", "Чат", "private_supergroup", 9, msgs)
    assert import_exports(project, [small]).added == 60
    assert import_exports(project, [small]).added == 0
    assert import_exports(project, [tmp_path / "b"]).added == 40
    assert project.counts()["messages"] == 100 and project.counts()["chats"] == 1


def test_mixed_generations_and_defects(project, tmp_path):
    msgs = [
        m(1, T0, "Оля", 201, "old integer id, no unixtime", unixtime=False, entities=False),
        m(2, T0 + 5, "Оля", "user201", ["see ", {"type": "link", "text": "https://x.org"}],
          entities=False),
        m(-999_999_990, T0 - 100, "Оля", "user201", "from the basic group"),
        m(3, T0 + 9, "Ваня", "user202", "reply to the group era", reply_to=-999_999_990),
        m(4, T0 + 10, "Ваня", "user202", "reply to a deleted message", reply_to=12345),
        m(5, T0 + 11, "Ваня", "user202", "x" * 300_000),
        m(6, T0 + 12, "Оля", "user201", "", photo="(File not included. Change data exporting "
          "settings to download.)", width=1, height=1),
        m(7, T0 + 13, None, "user203", "deleted account"),
    ]
    path = write_export(tmp_path / "r.json", "Смесь", "private_supergroup", 10, msgs)
    raw = path.read_bytes().replace(b"old integer id", b"old \\\\x integer\\x01 id")
    raw = raw.replace(b'"text": "deleted account"', b'"text": ["deleted ", {"type": "custom_emoji",'
                      b' "text": "\xf0\x9f\x98\x80", "document_id": stickers/sticker (2).webp\n}]', 1)
    path.write_bytes(raw)
    report = import_exports(project, [path])
    assert not report.errors, report.errors[0].error
    rows = {r["id"]: r for r in project.conn.execute("SELECT * FROM messages")}
    assert len(rows) == 8
    assert rows[1]["text"] == "old \\x integer\x01 id, no unixtime" and rows[1]["sender_id"] == 201
    assert rows[2]["text"] == "see https://x.org"
    assert rows[3]["reply_to_id"] == -999_999_990
    assert rows[4]["reply_to_id"] == 12345
    assert len(rows[5]["text"]) == 300_000
    assert rows[6]["media_type"] == "photo" and rows[6]["text"] == ""
    assert rows[7]["text"] == "deleted 😀" and rows[7]["sender_name"] is None
    assert '"link"' in rows[2]["entities"]
    assert project.conn.execute("SELECT count(*) FROM messages WHERE typeof(text) != 'text'"
                                " OR typeof(coalesce(entities, '')) != 'text'").fetchone()[0] == 0


def test_forum_topics_are_recorded_with_their_titles(project, tmp_path):
    msgs = [service(10, T0, "Оля", "user201", "topic_created", title="Медитации и дыхание"),
            m(11, T0 + 5, "Оля", "user201", "Как дышать на рассвете?", reply_to=10)]
    path = write_export(tmp_path / "forum.json", "Форум", "private_supergroup", 12, msgs)
    assert not import_exports(project, [path]).errors
    assert [tuple(r) for r in project.conn.execute(
        "SELECT topic_id, title, typeof(title) FROM forum_topics")] == \
        [(10, "Медитации и дыхание", "text")]
    row = project.conn.execute("SELECT topic_id, reply_to_id FROM messages WHERE id = 11").fetchone()
    assert (row["topic_id"], row["reply_to_id"]) == (10, None)


def test_minified_export_and_small_chunks(project, tmp_path):
    msgs = [m(i, T0 + i, "Оля", "user1", f"текст {i} \\ \"q\"") for i in range(1, 50)]
    path = write_export(tmp_path / "min.json", "Мини", "personal_chat", 1, msgs, compact=True)
    assert import_exports(project, [path]).added == 49
    reader = ExportReader(path, chunk_size=64)
    assert sum(len(b) for chat in reader.chats() for b in chat.batches) == 49
    pretty = write_export(tmp_path / "p.json", "Мини", "personal_chat", 1, msgs)
    reader = ExportReader(pretty, chunk_size=100)
    assert sum(len(b) for chat in reader.chats() for b in chat.batches) == 49


def test_full_account_export(project, tmp_path):
    import orjson

    chat = {"name": "Группа", "type": "private_supergroup", "id": 5,
            "messages": [m(1, T0, "Оля", "user1", "привет")]}
    dm = {"name": "Оля", "type": "personal_chat", "id": 1,
          "messages": [m(1, T0, "Оля", "user1", "hi"), m(2, T0, "Я", "user2", "hello")]}
    data = {"about": "x", "personal_information": {"user_id": 2, "first_name": "Я"},
            "frequent_contacts": {"list": [{"id": 1, "category": "people", "type": "user", "name": "Оля"}]},
            "chats": {"about": "y", "list": [chat, dm]},
            "left_chats": {"about": "z", "list": [{"name": "Ушла", "type": "public_channel", "id": 7,
                                                   "messages": []}]}}
    path = tmp_path / "result.json"
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    report = import_exports(project, [tmp_path])
    assert not report.errors
    assert sorted((c.name, c.added) for c in report.files[0].chats) == [
        ("Группа", 1), ("Оля", 2), ("Ушла", 0)]


@pytest.mark.parametrize("content, fragment", [
    (b"hello, this is not json", "not a JSON file"),
    (b'{"name": "x", "type": "personal_chat", "id": 1}', "no messages"),
    (b"", "not a JSON file"),
])
def test_not_an_export(project, tmp_path, content, fragment):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    report = import_exports(project, [path])
    assert fragment in report.errors[0].error.message and "bad.json" in report.errors[0].error.message


def test_truncated_and_broken_files_change_nothing(project, tmp_path):
    msgs = [m(i, T0 + i, "Оля", "user1", f"текст {i}") for i in range(1, 2000)]
    good = write_export(tmp_path / "good.json", "Чат", "personal_chat", 1, msgs[:10])
    import_exports(project, [good])
    before = project.counts()
    whole = write_export(tmp_path / "t.json", "Чат", "personal_chat", 1, msgs).read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    report = import_exports(project, [cut])
    assert "ends in the middle" in report.errors[0].error.message
    broken = tmp_path / "broken.json"
    broken.write_bytes(whole.replace(b'"text": "\xd1\x82\xd0\xb5\xd0\xba\xd1\x81\xd1\x82 1500"',
                                     b'"text": tekst'))
    report = import_exports(project, [broken])
    message = report.errors[0].error.message
    assert "broken.json" in message and "line" in message
    assert project.counts() == before
    assert import_exports(project, [tmp_path / "missing.json"]).errors


def test_cancel_rolls_back_the_file(project, tmp_path):
    msgs = [m(i, T0 + i, "Оля", "user1", f"текст {i}") for i in range(1, 30000)]
    path = write_export(tmp_path / "big.json", "Чат", "personal_chat", 1, msgs)
    calls = []

    def progress(done, total, detail=""):
        calls.append(done)
        if len(calls) > 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_exports(project, [path], progress=progress)
    assert project.counts()["messages"] == 0


def test_repair_only_touches_real_defects():
    assert repair(b'"a\\x01b"') == b'"a\\u0001b"'
    assert repair(b'"a\\\\x01b"') == b'"a\\\\x01b"'  # an escaped backslash, then "x01"
    assert repair(b'"document_id": "kept"\n') == b'"document_id": "kept"\n'
    assert repair(b'"document_id": 5368\n') == b'"document_id": 5368\n'


@pytest.mark.parametrize("chunk_size", [700, 1 << 22])
def test_errors_name_the_line_however_far_into_the_file(tmp_path, chunk_size):
    from natasha_studio.telegram.export.reader import ExportError

    msgs = [m(i, T0 + i, "Оля", "user1", f"текст {i}") for i in range(1, 3000)]
    whole = write_export(tmp_path / "t.json", "Чат", "personal_chat", 1, msgs).read_bytes()
    bad = b'"text": "\xd1\x82\xd0\xb5\xd0\xba\xd1\x81\xd1\x82 2500"'
    line = whole[:whole.index(bad)].count(b"\n") + 1
    broken = tmp_path / "broken.json"
    broken.write_bytes(whole.replace(bad, b'"text": tekst'))
    with pytest.raises(ExportError, match=f"near line {line}:"):
        for chat in ExportReader(broken, chunk_size=chunk_size).chats():
            for _batch in chat.batches:
                pass
    cut = tmp_path / "cut.json"
    cut.write_bytes(whole[:len(whole) - 5000])
    lines = whole[:len(whole) - 5000].count(b"\n") + 1
    with pytest.raises(ExportError, match=f"line {lines}\\)"):
        for chat in ExportReader(cut, chunk_size=chunk_size).chats():
            for _batch in chat.batches:
                pass


@pytest.mark.parametrize("chunk_size", [64, 1000, 1 << 22])
def test_chats_of_a_full_export_are_read_apart_whatever_the_buffer_holds(tmp_path, chunk_size):
    """The buffer may hold the end of one chat's messages and the start of the next's: each
    chat gets exactly its own messages, in order."""
    import orjson

    chats = [{"name": f"Чат {n}", "type": "private_supergroup", "id": n,
              "messages": [m(i, T0 + i, "Оля", "user1", f"чат {n}, текст {i}")
                           for i in range(1, count + 1)]}
             for n, count in ((1, 40), (2, 1), (3, 0), (4, 25))]
    path = tmp_path / "result.json"
    path.write_bytes(orjson.dumps({"about": "x", "chats": {"about": "y", "list": chats}},
                                  option=orjson.OPT_INDENT_2))
    got = [(chat.header["id"], [msg["text"] for batch in chat.batches for msg in batch])
           for chat in ExportReader(path, chunk_size=chunk_size).chats()]
    assert got == [(c["id"], [msg["text"] for msg in c["messages"]]) for c in chats]
