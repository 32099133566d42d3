"""Pair extraction on exports of the project's own: replies, chains, forums, comments."""

from __future__ import annotations

import dataclasses

import pytest

from natasha_studio.core.dataset.pipeline import pair_counts, run_extraction
from natasha_studio.core.dataset.settings import set_persona_ids
from natasha_studio.core.pairs import Turn, get_pair, set_pair_topics, set_status, set_turns
from natasha_studio.telegram.export.importer import import_exports
from natasha_studio.telegram.export.synth import message as m
from natasha_studio.telegram.export.synth import service, write_export

NATASHA = "user100"
OLGA, IVAN = "user201", "user202"
T0 = 1_700_000_000
GROUP_ID = 5550001
GROUP = -(10**12 + GROUP_ID)


def group_messages():
    return [
        m(1, T0, "Ольга", OLGA, "Наташа, как начать медитировать, если совсем нет времени?"),
        m(2, T0 + 60, "Наташа", NATASHA, "Начни с трёх минут утром: просто дыши и замечай вдох.",
          reply_to=1),
        m(3, T0 + 90, "Наташа", NATASHA, "И не ругай себя, если пропустишь день.", reply_to=1),
        m(4, T0 + 300, "Ольга", OLGA, "А если мысли скачут?", reply_to=3),
        m(5, T0 + 360, "Наташа", NATASHA, "Это нормально: возвращай внимание к дыханию, мягко.",
          reply_to=4),
        m(6, T0 + 1000, "Иван", IVAN, "Подскажите, как понять своё предназначение?"),
        m(7, T0 + 1100, "Наташа", NATASHA, "Смотри, что тебя наполняет энергией, а не опустошает."),
        m(8, T0 + 5000, "Иван", IVAN, "Спасибо!", reply_to=7),
        m(9, T0 + 5100, "Наташа", NATASHA, "Пожалуйста 🙏", reply_to=999),
        m(10, T0 + 9000, "Наташа", NATASHA, "Всем доброе утро! Сегодня эфир в 19:00."),
    ]


@pytest.fixture
def group_export(tmp_path):
    return write_export(tmp_path / "group" / "result.json", "Клуб Наташи", "public_supergroup",
                        GROUP_ID, group_messages())


def _extract(project, path):
    report = import_exports(project, [path])
    assert not report.errors
    set_persona_ids(project, [100])
    return run_extraction(project)


def test_replies_chains_and_proximity(project, group_export):
    report = _extract(project, group_export)
    pairs = {r["key"]: get_pair(project, r["id"]) for r in
             project.conn.execute("SELECT id, key FROM pairs")}
    first = pairs[f"{GROUP}:2"]
    # Two consecutive answers within two minutes merge into one turn.
    assert first.answer.startswith("Начни с трёх минут") and "не ругай себя" in first.answer
    assert first.origin == "reply" and first.confidence == 1.0
    assert first.link == f"https://t.me/c/{GROUP_ID}/2"
    chain = pairs[f"{GROUP}:5"]
    assert [t.role for t in chain.turns] == ["user", "assistant", "user", "assistant"]
    assert chain.turns[0].text.startswith("Наташа, как начать")
    implicit = pairs[f"{GROUP}:7"]
    assert implicit.origin == "implicit" and implicit.confidence < 1.0
    assert implicit.question.startswith("Подскажите")
    # A reply to a missing message after a member's thanks, an hour later: still proximity?
    # No: 100 s after "Спасибо!" it is a proximity pair answering the thanks.
    assert pairs[f"{GROUP}:9"].origin == "implicit"
    assert f"{GROUP}:10" not in pairs  # nobody asked anything
    assert report.by_origin == {"reply": 2, "implicit": 2, "comment": 0}
    assert pair_counts(project)["total"] == 4
    for pair in pairs.values():
        assert pair.turns[-1].sender_id == 100
        assert all(t.sender_id != 100 for t in pair.turns if t.role == "user")
    assert "too_short" not in first.quality_reasons
    assert "greeting_only" in pairs[f"{GROUP}:9"].quality_reasons


def test_topics_are_lemma_aware(project, group_export):
    _extract(project, group_export)
    pair = get_pair(project, project.conn.execute(
        "SELECT id FROM pairs WHERE key = ?", (f"{GROUP}:2",)).fetchone()[0])
    assert "Rituals and meditations" in pair.topics  # "медитировать", "дыши"


def test_rerun_keeps_curation_and_marks_stale(project, group_export):
    _extract(project, group_export)
    ids = {r["key"]: r["id"] for r in project.conn.execute("SELECT id, key FROM pairs")}
    edited = ids[f"{GROUP}:2"]
    set_turns(project, edited, [Turn("user", "Как начать медитировать?"),
                                Turn("assistant", "С трёх минут в день.")])
    set_status(project, [ids[f"{GROUP}:5"]], "approved")
    set_pair_topics(project, ids[f"{GROUP}:7"], ["Мой ярлык"])
    again = run_extraction(project)
    assert again.new == 0 and again.total == 4
    pair = get_pair(project, edited)
    assert pair.answer == "С трёх минут в день." and pair.edited
    assert get_pair(project, ids[f"{GROUP}:5"]).status == "approved"
    assert get_pair(project, ids[f"{GROUP}:7"]).topics == ["Мой ярлык"]
    # Without proximity pairs, the labelled one goes stale; the untouched one goes away.
    project.set_setting("extraction", {"implicit": False})
    third = run_extraction(project)
    assert third.stale == 1 and third.removed == 1
    stale = get_pair(project, ids[f"{GROUP}:7"])
    assert stale.stale and stale.topics == ["Мой ярлык"]
    assert get_pair(project, ids[f"{GROUP}:9"]) is None


def test_forum_topics_are_not_replies(project, tmp_path):
    msgs = [
        service(10, T0, "Наташа", NATASHA, "topic_created", title="Медитации"),
        m(11, T0 + 10, "Ольга", OLGA, "Какую медитацию делать вечером?", reply_to=10),
        m(12, T0 + 20, "Наташа", NATASHA, "Попробуй сканирование тела перед сном.", reply_to=11),
        m(13, T0 + 30, "Наташа", NATASHA, "Добро пожаловать в тему!", reply_to=10),
    ]
    path = write_export(tmp_path / "forum.json", "Форум", "private_supergroup", 777, msgs)
    _extract(project, path)
    rows = project.conn.execute("SELECT id, topic_id, reply_to_id FROM messages ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [(10, 10, None), (11, 10, None), (12, 10, 11), (13, 10, None)]
    assert project.conn.execute("SELECT title FROM forum_topics").fetchone()[0] == "Медитации"
    keys = [r[0] for r in project.conn.execute("SELECT key FROM pairs")]
    assert keys == [f"{-(10**12 + 777)}:12"]  # the greeting in the topic answers nobody


def test_channel_comments_take_the_post_as_context(project, tmp_path):
    channel = "channel900"
    msgs = [
        m(50, T0, "Канал Наташи", channel, "Новая практика недели: дыхание по квадрату.",
          forwarded_from="Канал Наташи"),
        m(51, T0 + 100, "Ольга", OLGA, "Сколько секунд на каждую сторону?", reply_to=50),
        m(52, T0 + 200, "Наташа", NATASHA, "По четыре секунды, можно начать с трёх.", reply_to=51),
    ]
    path = write_export(tmp_path / "comments.json", "Обсуждение", "private_supergroup", 901, msgs)
    _extract(project, path)
    pair = get_pair(project, project.conn.execute("SELECT id FROM pairs").fetchone()[0])
    assert pair.origin == "comment"
    # The post is not the persona's: it opens the member's turn as its context.
    assert pair.turns[0].text.startswith("Новая практика") and "Сколько секунд" in pair.turns[0].text
    assert pair.turns[0].message_ids == [50, 51]


def test_the_persona_channel_post_stays_her_turn(project, tmp_path):
    msgs = [
        m(50, T0, "Канал Наташи", "channel900", "Практика недели: дыхание по квадрату."),
        m(51, T0 + 100, "Ольга", OLGA, "Сколько секунд на каждую сторону?", reply_to=50),
        m(52, T0 + 200, "Наташа", NATASHA, "По четыре секунды, можно начать с трёх.", reply_to=51),
    ]
    path = write_export(tmp_path / "comments.json", "Обсуждение", "private_supergroup", 901, msgs)
    import_exports(project, [path])
    set_persona_ids(project, [100, -(10**12 + 900)])
    run_extraction(project)
    pair = get_pair(project, project.conn.execute("SELECT id FROM pairs").fetchone()[0])
    assert pair.origin == "comment"
    assert [t.role for t in pair.turns] == ["assistant", "user", "assistant"]


def test_turns_json_matches_the_pairs_module():
    from natasha_studio.core.dataset.extract import turns_json
    from natasha_studio.core.pairs import turns_to_json

    turns = [Turn("user", "Вопрос \"в кавычках\"", 5, "Оля", [1, 2], 100), Turn("assistant", "Ответ")]
    assert turns_json([dataclasses.astuple(t) for t in turns]).decode() == turns_to_json(turns)


def test_turns_written_with_spaces_by_earlier_versions_still_match(project, group_export):
    """Earlier versions stored turns JSON with spaces after ``,`` and ``:``. The same turns
    written compactly now are no change: re-extraction leaves such a pair's updated_at alone,
    and editing a pair back to its original turns still counts as reverting it."""
    import json

    _extract(project, group_export)
    with project.transaction() as conn:
        for pair_id, turns in conn.execute("SELECT id, turns_original FROM pairs").fetchall():
            conn.execute("UPDATE pairs SET turns_original = ?, updated_at = '2020-01-01' WHERE id = ?",
                         (json.dumps(json.loads(turns), ensure_ascii=False), pair_id))
    assert ", " in project.conn.execute("SELECT turns_original FROM pairs").fetchone()[0]
    run_extraction(project)
    # Written from JSON bytes, stored as text (new pairs and refreshed ones alike).
    assert project.conn.execute(
        "SELECT count(*) FROM pairs WHERE typeof(turns_original) != 'text'"
        " OR typeof(message_ids) != 'text'").fetchone()[0] == 0
    stamps = {r[0] for r in project.conn.execute("SELECT updated_at FROM pairs")}
    assert stamps == {"2020-01-01"}
    with project.transaction() as conn:
        conn.execute("UPDATE pairs SET turns_original = ? WHERE key = ?",
                     (json.dumps(json.loads(conn.execute(
                         "SELECT turns_original FROM pairs WHERE key = ?",
                         (f"{GROUP}:5",)).fetchone()[0]), ensure_ascii=False), f"{GROUP}:5"))
    pair_id = project.conn.execute("SELECT id FROM pairs WHERE key = ?", (f"{GROUP}:5",)).fetchone()[0]
    original = get_pair(project, pair_id).turns_original
    set_turns(project, pair_id, original)
    assert get_pair(project, pair_id).turns_edited is None
    # A real change to the turns is still one.
    set_turns(project, pair_id, [*original[:-1], Turn("assistant", "Другой ответ, подробнее.")])
    assert get_pair(project, pair_id).turns_edited is not None


@pytest.mark.parametrize("limit", [("_CACHE_LIMIT", 4), ("_CACHE_CHARS", 60)])
def test_replies_far_back_are_found_past_the_turn_cache(project, tmp_path, monkeypatch, limit):
    """Extraction keeps the latest turns in memory for reply look-ups (so many messages, or
    so much text) and finds older ones in the project: a reply to a message long gone from
    the cache still makes its pair."""
    from natasha_studio.core.dataset import extract

    monkeypatch.setattr(extract, *limit)
    messages = [m(1, T0, "Ольга", OLGA, "Как справиться с тревогой перед эфиром?")]
    messages += [m(i, T0 + 600 * i, "Иван", IVAN, f"Сообщение номер {i} в общем потоке")
                 for i in range(2, 30)]
    messages += [m(30, T0 + 600 * 30, "Наташа", NATASHA,
                   "Про тревогу: подыши медленно перед эфиром, это помогает.", reply_to=1),
                 m(31, T0 + 600 * 31, "Наташа", NATASHA, "Иван, спасибо, что пишешь сюда каждый день!",
                   reply_to=29)]
    path = write_export(tmp_path / "far" / "result.json", "Клуб", "public_supergroup", GROUP_ID,
                        messages)
    _extract(project, path)
    pairs = {r["key"]: get_pair(project, r["id"]) for r in
             project.conn.execute("SELECT id, key FROM pairs")}
    assert pairs[f"{GROUP}:30"].question == "Как справиться с тревогой перед эфиром?"
    assert pairs[f"{GROUP}:31"].question == "Сообщение номер 29 в общем потоке"
    assert pairs[f"{GROUP}:30"].origin == pairs[f"{GROUP}:31"].origin == "reply"


def test_a_photo_question_by_proximity_takes_the_text_just_before(project, tmp_path):
    path = write_export(tmp_path / "photo" / "result.json", "Клуб Наташи", "public_supergroup",
                        GROUP_ID, [
        # Her words, then (past the merge gap) her photo; the answer follows the photo.
        m(1, T0, "Ольга", OLGA, "Девочки, как вам мой первый шарф? Какую пряжу взять дальше?"),
        m(2, T0 + 300, "Ольга", OLGA, "", photo="(File not included.)"),
        m(3, T0 + 400, "Наташа", NATASHA, "Очень ровно! Дальше бери мериносовую пряжу."),
        # A photo alone, nobody's text before it: paired, scored down as media without text.
        m(4, T0 + 5000, "Иван", IVAN, "", photo="(File not included.)"),
        m(5, T0 + 5100, "Наташа", NATASHA, "Красивый вид, где это снято?"),
    ])
    _extract(project, path)
    pairs = {r["key"]: get_pair(project, r["id"]) for r in
             project.conn.execute("SELECT id, key FROM pairs")}
    joined = pairs[f"{GROUP}:3"]
    assert joined.origin == "implicit"
    assert joined.question.startswith("Девочки, как вам мой первый шарф?")
    assert [t.message_ids for t in joined.turns] == [[1, 2], [3]]
    assert "media_only" not in joined.quality_reasons
    alone = pairs[f"{GROUP}:5"]
    assert alone.question == "" and "media_only" in alone.quality_reasons
    assert alone.quality < joined.quality and alone.quality < 0.5


def test_reading_a_big_chat_lets_the_write_ahead_log_be_moved_into_the_file(project, tmp_path,
                                                                             monkeypatch):
    """Finding pairs reads a chat a part at a time, each part in a read of its own: what is
    written meanwhile (the pairs) can be moved from the write-ahead log into the project
    file, instead of the log growing for the whole of a long run."""
    from natasha_studio.core.dataset import extract

    monkeypatch.setattr(extract, "_READ_ROWS", 5)
    messages = [m(i, T0 + 60 * i, "Ольга", OLGA, f"Вопрос номер {i}?") for i in range(1, 40)]
    path = write_export(tmp_path / "log" / "result.json", "Клуб", "public_supergroup",
                        GROUP_ID, messages)
    assert not import_exports(project, [path]).errors
    reader = project.reader()
    try:
        cursor = reader.cursor()
        rows = extract._messages_in_order(cursor, GROUP, by_id=True)
        assert next(rows)[0] == 1  # the first part is read; the run works on it
        project.set_setting("merge_gap_s", 90)  # a write meanwhile
        busy, log, moved = project.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert (busy, moved) == (0, log) and log > 0
        assert [row[0] for row in rows] == list(range(2, 40))
    finally:
        reader.close()
