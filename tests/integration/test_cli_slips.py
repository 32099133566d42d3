"""Command-line slips: one spelling of statuses, a reused snapshot, senders with ids such as
user0 and userLT, an unknown persona name, the participants list, and an internal export."""

from __future__ import annotations

import json

from core.export_fixtures import make_pairs

from natasha_studio.cli import main
from natasha_studio.cli_commands.dataset import parse_persona_id
from natasha_studio.core.store import Project
from natasha_studio.telegram.export.convert import TEXT_ID_BASE, text_sender_id


def _project(tmp_path, n=24):
    path = tmp_path / "cli.nstudio"
    with Project.create(path, "Наташа", "Ты — Наташа.") as project:
        make_pairs(project, n, status_cycle=("approved", "needs_work"))
    return path


def test_statuses_are_accepted_in_both_spellings_and_printed_in_one(tmp_path, capsys):
    path = _project(tmp_path)
    for spelling in ("needs-work", "needs_work"):
        assert main(["pairs", str(path), "--status", spelling, "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert len(rows) == 12 and {r["status"] for r in rows} == {"needs-work"}
        out = tmp_path / f"{spelling}.csv"
        assert main(["export", str(path), "--format", "csv", "--out", str(out),
                     "--status", spelling]) == 0
        assert "12 pairs" in capsys.readouterr().out
    assert main(["pairs", str(path), "--status", "needs_work"]) == 0
    assert "needs_work" not in capsys.readouterr().out
    # Every command prints the one spelling: statistics and the snapshots' filters too.
    for command in (["stats"], ["stats", "--json"], ["snapshots", "--json"]):
        assert main([*command[:1], str(path), *command[1:]]) == 0
        out = capsys.readouterr().out
        assert "needs-work" in out and "needs_work" not in out, command


def test_an_unchanged_selection_reuses_its_snapshot(tmp_path, capsys):
    path = _project(tmp_path)
    out = tmp_path / "train.jsonl"
    assert main(["export", str(path), "--format", "openai", "--out", str(out)]) == 0
    assert "Froze snapshot" in capsys.readouterr().out
    assert main(["export", str(path), "--format", "openai", "--out", str(out)]) == 0
    assert "Using snapshot" in capsys.readouterr().out
    with Project.open(path) as project:
        assert project.conn.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 1


def test_user0_and_non_numeric_ids_are_senders():
    assert parse_persona_id("user0") == 0
    assert parse_persona_id("userLT") == text_sender_id("userLT") >= TEXT_ID_BASE
    assert text_sender_id("userLT") != text_sender_id("userLU")


def _export(tmp_path):
    messages = [
        {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200",
         "from": "Марина", "from_id": "userLT", "text": "Как начать бегать?"},
        {"id": 2, "type": "message", "date": "2024-01-01T10:05:00", "date_unixtime": "1704103500",
         "from": "Наташа", "from_id": "user0", "reply_to_message_id": 1,
         "text": "Начните с ходьбы, потом бег трусцой."},
        {"id": 3, "type": "message", "date": "2024-01-01T11:00:00", "date_unixtime": "1704106800",
         "from": "Марина", "from_id": "userLT", "text": "Спасибо!"},
    ]
    data = {"name": "Клуб бега", "type": "private_supergroup", "id": 4242, "messages": messages}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_participants_lists_ids_that_persona_id_accepts(tmp_path, capsys):
    project = tmp_path / "p.nstudio"
    assert main(["import", str(project), str(_export(tmp_path))]) == 0
    capsys.readouterr()
    assert main(["participants", str(project), "--json"]) == 0
    senders = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert senders["Марина"]["messages"] == 2 and senders["Марина"]["replies"] == 0
    assert senders["Наташа"] == {"id": "user0", "name": "Наташа", "messages": 1, "replies": 1,
                                 "persona": False}
    assert parse_persona_id(senders["Марина"]["id"]) == text_sender_id("userLT")
    assert main(["import", str(project), str(_export(tmp_path)), "--persona-id", "user0"]) == 0
    assert "1 pair (" in capsys.readouterr().out
    assert main(["participants", str(project)]) == 0
    text = capsys.readouterr().out
    assert "user0  Наташа *: 1 message, 1 reply" in text


def test_an_unknown_persona_name_is_an_error_with_the_closest_names(tmp_path, capsys):
    project = tmp_path / "p.nstudio"
    rc = main(["import", str(project), str(_export(tmp_path)), "--persona-name", "Натша"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "Натша" in err and "\u201cНаташа\u201d" in err
    # Refused: no project named after the misspelt persona is left behind, and the corrected
    # command makes it under the right name.
    assert not project.exists()
    assert main(["import", str(project), str(_export(tmp_path)), "--persona-name", "Наташа"]) == 0
    with Project.open(project) as opened:
        assert opened.persona_name == "Наташа"


def test_internal_export_keeps_names_with_a_warning(tmp_path, capsys):
    path = _project(tmp_path)
    out = tmp_path / "internal.json"
    assert main(["export", str(path), "--format", "json", "--out", str(out), "--internal"]) == 0
    assert "not for training" in capsys.readouterr().out
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["pairs"][0]["asker_name"] in {"Ольга", "Иван", "Мария", "Пётр"}
    assert main(["export", str(path), "--format", "openai", "--out", str(tmp_path / "x.jsonl"),
                 "--internal"]) == 1
    assert "CSV or JSON" in capsys.readouterr().err
