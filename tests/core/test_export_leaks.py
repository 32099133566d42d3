"""Nothing leaks: after redaction no planted piece of a member's personal data survives in any
export format or field (names in CSV's ``asker`` and JSON's ``asker_name``/``sender_name``,
sender ids, links, chat and topic names, the snapshot's note), members get stable pseudonymous
ids, and the privacy check of an export reports what it would carry."""

from __future__ import annotations

import csv
import json

import pytest

from natasha_studio.core import export
from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.provenance import ExportFields, export_privacy_report
from natasha_studio.core.pairs import Turn, add_pair, set_field, set_pair_topics
from natasha_studio.core.privacy import redact

# Every form a planted value takes, inflected names included.
PLANTED = ["Марина", "Марины", "Марине", "Петрова", "Петровой", "Олег", "Олега", "Смирнов",
           "+7 916 123-45-67", "9161234567", "marina.p@mail.ru", "oleg_s", "t.me/",
           "555001", "555002"]
FORMATS = ["openai", "vertex", "yandex", "together", "fireworks", "hf", "csv", "json"]


@pytest.fixture
def planted(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO chats(id, name, type, username) VALUES"
                     " (-100777, 'Клуб бега', 'supergroup', 'runclub')")
        conn.execute("INSERT INTO participants(id, name, username) VALUES"
                     " (555001, 'Марина Петрова', 'marina_p'), (555002, 'Олег Смирнов', 'oleg_s'),"
                     " (1, 'Наташа', 'natasha_coach')")
    project.set_setting("persona_ids", [1])
    texts = [
        ("Я Марина Петрова, звоните +7 916 123-45-67 или пишите marina.p@mail.ru",
         "Марина, здравствуйте! Позвоню."),
        ("Олег, ты с нами? @oleg_s", "Олега ждём в субботу, и Марину тоже."),
        ("Как начать бегать?", "С ходьбы, потом трусцой."),
    ]
    ids = []
    with project.transaction():
        for i, (q, a) in enumerate(texts * 8):
            asker, name = (555001, "Марина Петрова") if i % 2 == 0 else (555002, "Олег Смирнов")
            pid = add_pair(project, [Turn("user", q, asker, name, [100 + i], 1000 + i),
                                     Turn("assistant", a, 1, "Наташа", [200 + i], 1100 + i)],
                           origin="reply", chat_id=-100777, status="approved", key=f"k{i}",
                           link=f"https://t.me/runclub/{200 + i}")
            project.conn.execute("UPDATE pairs SET asker_id = ? WHERE id = ?", (asker, pid))
            set_pair_topics(project, pid, ["вопросы Олега Смирнова" if i % 3 == 0 else "бег"])
            ids.append(pid)
    # A curator's instructions for one pair, naming a member: a field that leaves the app too.
    set_field(project, ids[2], "system_prompt",
              "Ты — Наташа. Ответь Марине Петровой ласково, её телефон +7 916 123-45-67.")
    return ids


def _written(project, snap, fmt, tmp_path, **kwargs) -> str:
    split = "all" if fmt in ("csv", "json") else "train"
    path = export.export_snapshot(project, snap.id, fmt, tmp_path / f"out.{fmt}", split, **kwargs)
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("fmt", FORMATS)
def test_after_redaction_nothing_planted_survives_in_any_format_or_field(project, planted,
                                                                         tmp_path, fmt):
    redact(project)
    snap = export.create_snapshot(project, "v1", "для Марины Петровой", validation_split=0.0)
    text = _written(project, snap, fmt, tmp_path)
    for value in PLANTED:
        assert value not in text, (fmt, value)
    if fmt in ("csv", "json"):
        assert "member-" in text
        examples = export.snapshot_examples(project, snap.id, None)
        assert export_privacy_report(project, ExportFields(project).prepare(examples),
                                     internal=False).clean


def test_pseudonymous_ids_are_stable_and_distinct(project, planted, tmp_path):
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    first = json.loads(_written(project, snap, "json", tmp_path))
    again = json.loads(_written(project, snap, "json", tmp_path))
    askers = [p["asker_name"] for p in first["pairs"]]
    assert askers == [p["asker_name"] for p in again["pairs"]]
    assert len(set(askers)) == 2 and all(a.startswith("member-") for a in askers)
    pair = first["pairs"][0]
    assert pair["asker_id"] == pair["asker_name"] == pair["turns"][0]["sender_id"]
    assert pair["turns"][1]["sender_id"] == "persona" and pair["turns"][1]["sender_name"] == "Наташа"
    assert pair["link"] is None and pair["message_ids"] == [] and pair["key"] is None
    assert "[ИМЯ_" in json.dumps([p["topics"] for p in first["pairs"]], ensure_ascii=False)
    _written(project, snap, "csv", tmp_path)
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["asker"] for r in rows} == set(askers)


def test_the_check_reports_what_an_export_would_leak_before_redaction(project, planted):
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    examples = export.snapshot_examples(project, snap.id, None)
    public = export_privacy_report(project, ExportFields(project).prepare(examples),
                                   internal=False)
    assert public.counts.get("person") and public.counts.get("phone") == 8
    assert public.counts.get("email") == 8 and public.counts.get("username")
    # The pairs whose turns are clean ("Как начать бегать?") carry nothing in a public export.
    assert public.pairs_with_findings == 16
    internal = export_privacy_report(project, examples, internal=True)
    # Real names on every pair, links on every pair, and the topic naming Олег.
    assert internal.pairs_with_findings == 24
    assert internal.counts["link"] >= 24
    assert internal.counts["person"] > public.counts["person"]


def test_an_internal_copy_keeps_real_names_with_a_warning_and_only_as_csv_or_json(
        project, planted, tmp_path):
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    document = json.loads(_written(project, snap, "json", tmp_path, internal=True))
    assert "not for training" in document["internal"]
    assert document["pairs"][0]["asker_name"] == "Марина Петрова"
    assert document["pairs"][0]["link"].startswith("https://t.me/")
    with pytest.raises(StudioError) as info:
        export.export_snapshot(project, snap.id, "openai", tmp_path / "x.jsonl", internal=True)
    assert "CSV or JSON" in info.value.hint
    exports = export.snapshot_exports(project, snap.id)
    assert json.loads(exports[0]["options"])["internal"] is True


def test_the_pre_flight_check_reads_the_frozen_files_not_the_pairs_redacted_since(
        project, planted, tmp_path):
    before = export.create_snapshot(project, "before", validation_split=0.0)
    redact(project)
    # The pairs are clean now, but the snapshot frozen before still holds the phones: the files
    # a fine-tune would upload carry them, so the check must say so.
    pre = export.preflight(project, before.id, "openai", out_dir=tmp_path / "before")
    assert "916 123-45-67" in pre.train_path.read_text(encoding="utf-8")
    assert pre.privacy["pairs"] == 16 and pre.privacy["counts"]["phone"] == 8
    assert any(i.code == "personal_data" for i in pre.report.warnings)
    after = export.create_snapshot(project, "after", validation_split=0.0)
    pre = export.preflight(project, after.id, "vertex", out_dir=tmp_path / "after")
    assert pre.privacy["pairs"] == 0, pre.privacy


def test_the_check_reads_instructions_and_the_export_pseudonymises_them(project, planted):
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    example = export.snapshot_examples(project, snap.id, None)[-1]
    # Other members' words that the "context" way of writing speakers puts in the instructions.
    example.system_prompt = "Перед этим вопросом писала Марина Петрова, +7 916 123-45-67"
    example.turns[0]["text"] = "Как начать бегать?"
    report = export_privacy_report(project, [example], internal=False)
    assert report.counts.get("person") and report.counts.get("phone") == 1
    [written] = ExportFields(project).prepare([example])
    assert "Марина" not in written.system_prompt and "[ТЕЛЕФОН]" in written.system_prompt
    assert export_privacy_report(project, [written], internal=False).clean


def test_the_export_command_says_what_the_file_it_wrote_holds(project, planted, tmp_path, capsys):
    from natasha_studio.cli import main

    path = project.path
    project.close()
    out = tmp_path / "train.jsonl"
    assert main(["export", str(path), "--format", "openai", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Personal data remains in 16 pairs" in said and "Phone: 8" in said
    assert f"privacy {path} --redact" in said
    assert main(["privacy", str(path), "--redact", "--json"]) == 0
    capsys.readouterr()
    assert main(["export", str(path), "--format", "csv", "--out", str(tmp_path / "all.csv")]) == 0
    said = capsys.readouterr().out
    assert "Froze snapshot" in said and "Personal data" not in said
    # An internal copy names members on purpose: its warning is the one said.
    assert main(["export", str(path), "--format", "json", "--out", str(tmp_path / "i.json"),
                 "--internal"]) == 0
    said = capsys.readouterr().out
    assert "not for training" in said and "Personal data remains" not in said
