"""A question that merges two members' messages is written so the speakers stay apart:
labels per member (the default) or the earlier member's words as context."""

from __future__ import annotations

import json

import pytest
from export_fixtures import add_chats

from natasha_studio.core import export
from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.speakers import (
    DEFAULT_SPEAKERS,
    set_speakers_setting,
    speaker_modes_explained,
    speakers_setting,
)
from natasha_studio.core.pairs import Turn, add_pair, get_pair

CHAT = -1001
EARLIER = "Кто-нибудь бегает по утрам?\nЯ начала неделю назад"
QUESTION = "Я бегаю! Наташа, а сколько минут лучше?"
ANSWER = "Начните с двадцати минут, этого хватит."


def _messages(project, rows):
    with project.transaction() as conn:
        for mid, sender, name, text in rows:
            conn.execute("INSERT INTO messages(chat_id, id, date, sender_id, sender_name, text) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (CHAT, mid, 1000 + mid, sender, name, text))


@pytest.fixture
def pair_ids(project):
    add_chats(project)
    _messages(project, [(1, 11, "Ольга", "Кто-нибудь бегает по утрам?"),
                        (2, 11, "Ольга", "Я начала неделю назад"),
                        (3, 12, "Ирина", QUESTION), (4, 1, "Наташа", ANSWER),
                        (5, 12, "Ирина", "Спасибо!"), (6, 1, "Наташа", "Пожалуйста.")])
    merged = add_pair(project, [Turn("user", EARLIER + "\n" + QUESTION, 11, "Ольга", [1, 2, 3], 1001),
                                Turn("assistant", ANSWER, 1, "Наташа", [4], 1004)],
                      origin="reply", chat_id=CHAT, status="approved", key="merged")
    single = add_pair(project, [Turn("user", "Спасибо!", 12, "Ирина", [5], 1005),
                                Turn("assistant", "Пожалуйста.", 1, "Наташа", [6], 1006)],
                      origin="reply", chat_id=CHAT, status="approved", key="single")
    return merged, single


def _export(project, tmp_path, fmt, speakers=None):
    snap = export.create_snapshot(project, f"v{len(export.list_snapshots(project)) + 1}",
                                  validation_split=0.0)
    path = export.export_snapshot(project, snap.id, fmt, tmp_path / f"{fmt}-{speakers}.jsonl",
                                  speakers=speakers)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _user_and_system(fmt, record):
    if fmt == "openai" or fmt == "hf":
        messages = record["messages"]
        system = next((m["content"] for m in messages if m["role"] == "system"), "")
        users = [m["content"] for m in messages if m["role"] == "user"]
    elif fmt == "vertex":
        system = " ".join(p["text"] for p in record.get("systemInstruction", {}).get("parts", []))
        users = [c["parts"][0]["text"] for c in record["contents"] if c["role"] == "user"]
    else:  # yandex
        system = next((m["text"] for m in record["request"] if m["role"] == "system"), "")
        users = [m["text"] for m in record["request"] if m["role"] == "user"]
    return users, system


@pytest.mark.parametrize("fmt", ["openai", "vertex", "yandex", "hf"])
def test_labels_by_default(project, pair_ids, tmp_path, fmt):
    assert speakers_setting(project) == DEFAULT_SPEAKERS == "labels"
    records = _export(project, tmp_path, fmt)
    users, system = _user_and_system(fmt, records[0])
    assert users == ["Участник 1: Кто-нибудь бегает по утрам?\nЯ начала неделю назад\n"
                     "Участник 2: " + QUESTION]
    assert "Ольга" not in json.dumps(records, ensure_ascii=False)
    assert "Ирина" not in json.dumps(records, ensure_ascii=False)
    assert "бегает" not in system
    # A one-member question is written as before.
    assert _user_and_system(fmt, records[1])[0] == ["Спасибо!"]
    report = export.validate_file(tmp_path / f"{fmt}-None.jsonl", "openai" if fmt == "hf" else fmt)
    assert not [i.code for i in report.errors if i.code != "too_few_examples"], report.errors


@pytest.mark.parametrize("fmt", ["openai", "vertex", "yandex", "hf"])
def test_context_choice(project, pair_ids, tmp_path, fmt):
    set_speakers_setting(project, "context")
    records = _export(project, tmp_path, fmt)
    users, system = _user_and_system(fmt, records[0])
    assert users == [QUESTION]
    assert "другие участники" in system and "«Кто-нибудь бегает по утрам?\nЯ начала неделю назад»" in system
    assert system.startswith(project.system_prompt.strip()) if project.system_prompt else True
    assert _user_and_system(fmt, records[1]) == (["Спасибо!"], _user_and_system(fmt, records[1])[1])
    assert "бегает" not in _user_and_system(fmt, records[1])[1]


def test_the_option_wins_over_the_setting_and_stored_pairs_stay(project, pair_ids, tmp_path):
    set_speakers_setting(project, "context")
    users, _ = _user_and_system("openai", _export(project, tmp_path, "openai", "labels")[0])
    assert users[0].startswith("Участник 1: ")
    assert get_pair(project, pair_ids[0]).turns[0].text == EARLIER + "\n" + QUESTION


def test_csv_and_json_follow_the_choice(project, pair_ids, tmp_path):
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    out = export.export_snapshot(project, snap.id, "json", tmp_path / "a.json", speakers="labels")
    assert "Участник 2: " + QUESTION in out.read_text(encoding="utf-8")
    out = export.export_snapshot(project, snap.id, "csv", tmp_path / "a.csv", speakers="context")
    text = out.read_text(encoding="utf-8")
    assert "Участник" not in text


def test_a_reshaped_turn_is_left_as_the_curator_wrote_it(project, pair_ids, tmp_path):
    from natasha_studio.core.pairs import set_turns

    turns = get_pair(project, pair_ids[0]).turns
    set_turns(project, pair_ids[0], [Turn("user", "Сколько минут бегать утром?", 11, "Ольга",
                                          [1, 2, 3], 1001), turns[-1]])
    users, _ = _user_and_system("openai", _export(project, tmp_path, "openai")[0])
    assert users == ["Сколько минут бегать утром?"]


def test_english_labels_and_an_unknown_choice(project, tmp_path):
    add_chats(project)
    _messages(project, [(1, 11, "Olga", "Anyone running?"), (2, 12, "Irina", "Me! How long?"),
                        (3, 1, "Natasha", "Twenty minutes.")])
    add_pair(project, [Turn("user", "Anyone running?\nMe! How long?", 11, "Olga", [1, 2], 1),
                       Turn("assistant", "Twenty minutes.", 1, "Natasha", [3], 3)],
             origin="reply", chat_id=CHAT, status="approved")
    users, _ = _user_and_system("openai", _export(project, tmp_path, "openai")[0])
    assert users == ["Member 1: Anyone running?\nMember 2: Me! How long?"]
    with pytest.raises(StudioError):
        set_speakers_setting(project, "names")
    assert set(speaker_modes_explained()) == {"labels", "context"}


def test_cli_export_speakers_option(project, pair_ids, tmp_path, capsys):
    from natasha_studio.cli import main

    path = project.path
    project.close()
    out = tmp_path / "cli.jsonl"
    assert main(["export", str(path), "--format", "openai", "--out", str(out),
                 "--speakers", "context", "--validation-split", "0"]) == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    users, system = _user_and_system("openai", first)
    assert users == [QUESTION] and "«Кто-нибудь бегает" in system
    out2 = tmp_path / "cli2.jsonl"
    assert main(["export", str(path), "--format", "openai", "--out", str(out2),
                 "--validation-split", "0"]) == 0
    first = json.loads(out2.read_text(encoding="utf-8").splitlines()[0])
    assert _user_and_system("openai", first)[0][0].startswith("Участник 1: ")
    capsys.readouterr()
