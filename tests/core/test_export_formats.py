"""Every export format parses, carries the right roles, and passes the validator."""

from __future__ import annotations

import csv
import json

import pytest
from export_fixtures import make_pairs

from natasha_studio.core import export
from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.formats import openai_record, vertex_record
from natasha_studio.core.export.selection import Example


@pytest.fixture
def snap(project):
    make_pairs(project, 40, multi_turn_every=4)
    return export.create_snapshot(project, "v1", validation_split=0.25, heldout=4)


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_openai_export_passes_validation(project, snap, tmp_path):
    train = export.export_snapshot(project, snap.id, "openai", tmp_path / "train.jsonl")
    valid = export.export_snapshot(project, snap.id, "openai", tmp_path / "valid.jsonl", "validation")
    lines = _jsonl(train)
    assert len(lines) == snap.split_counts["train"]
    assert all(m["messages"][0] == {"role": "system", "content": project.system_prompt} for m in lines)
    assert all(m["messages"][-1]["role"] == "assistant" for m in lines)
    report = export.validate_file(train, "openai", "gpt-4.1-mini-2025-04-14", validation_path=valid)
    assert report.ok, [i.code for i in report.errors]
    assert report.n_examples == len(lines)
    assert report.validation.n_examples == snap.split_counts["validation"]


def test_vertex_export_passes_validation(project, snap, tmp_path):
    train = export.export_snapshot(project, snap.id, "vertex", tmp_path / "train.jsonl")
    lines = _jsonl(train)
    for line in lines:
        assert line["systemInstruction"]["parts"][0]["text"] == project.system_prompt
        roles = [c["role"] for c in line["contents"]]
        assert roles[0] == "user" and roles[-1] == "model"
        assert all(a != b for a, b in zip(roles, roles[1:], strict=False))
    assert export.validate_file(train, "vertex", "gemini-2.5-flash").ok


def test_final_answer_only_weights_earlier_answers(project, snap, tmp_path):
    path = export.export_snapshot(project, snap.id, "openai", tmp_path / "w.jsonl", "all",
                                  final_answer_only=True)
    multi = [m for m in _jsonl(path) if sum(x["role"] == "assistant" for x in m["messages"]) > 1]
    assert multi
    for line in multi:
        answers = [x for x in line["messages"] if x["role"] == "assistant"]
        assert all(a["weight"] == 0 for a in answers[:-1]) and "weight" not in answers[-1]
    assert export.validate_file(path, "openai").ok


def test_hf_csv_and_json_exports(project, snap, tmp_path):
    hf = _jsonl(export.export_snapshot(project, snap.id, "hf", tmp_path / "hf.jsonl", "all"))
    assert len(hf) == snap.pair_count and all(set(line) == {"messages"} for line in hf)
    csv_path = export.export_snapshot(project, snap.id, "csv", tmp_path / "pairs.csv", "all")
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for Cyrillic
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8-sig")))
    assert len(rows) == snap.pair_count
    assert rows[0]["chat"] == "Клуб бега" and rows[0]["question"].startswith("Вопрос номер 0")
    assert "Наташа: Да, помню" in rows[0]["context"]
    doc = json.loads((export.export_snapshot(project, snap.id, "json", tmp_path / "all.json", "all"))
                     .read_text(encoding="utf-8"))
    assert doc["snapshot"]["content_hash"] == snap.content_hash
    assert len(doc["pairs"]) == snap.pair_count
    assert {p["split"] for p in doc["pairs"]} == {"train", "validation", "heldout"}
    # Message ids and links point back at members' messages: only an internal copy keeps them.
    assert doc["pairs"][0]["link"] is None and doc["pairs"][0]["message_ids"] == []


def test_exports_are_recorded_with_their_snapshot(project, snap, tmp_path):
    path = export.export_snapshot(project, snap.id, "hf", tmp_path / "hf.jsonl")
    [record] = export.snapshot_exports(project, snap.id)
    assert record["path"] == str(path) and record["format"] == "hf"
    assert record["example_count"] == snap.split_counts["train"]
    assert len(record["file_sha256"]) == 64


def test_vertex_folds_leading_persona_turns_and_merges_runs():
    example = Example(pair_id=1, turns=[
        {"role": "assistant", "text": "Пост в канале"},
        {"role": "user", "text": "Комментарий"},
        {"role": "user", "text": "И ещё"},
        {"role": "user", "text": "   "},
        {"role": "assistant", "text": "Ответ"},
    ])
    record = vertex_record(example, "")
    assert "systemInstruction" not in record
    assert record["contents"] == [
        {"role": "user", "parts": [{"text": "Пост в канале\n\nКомментарий\n\nИ ещё"}]},
        {"role": "model", "parts": [{"text": "Ответ"}]},
    ]
    # OpenAI keeps the post as an assistant turn; a per-pair prompt overrides the project's.
    example.system_prompt = "Особый промпт"
    messages = openai_record(example, "Общий")["messages"]
    assert [m["role"] for m in messages] == ["system", "assistant", "user", "assistant"]
    assert messages[0]["content"] == "Особый промпт"


def test_unwritable_target_is_explained(project, snap, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StudioError, match="cannot be written"):
        export.export_snapshot(project, snap.id, "openai", blocker / "out.jsonl")


def test_preflight_writes_validated_files_and_reports_personal_data(project, tmp_path):
    from natasha_studio.core.pairs import Turn, add_pair

    make_pairs(project, 30)
    add_pair(project, [Turn("user", "Позвоните мне: +7 912 345-67-89, это Ольга", 11, "Ольга"),
                       Turn("assistant", "Хорошо, Ольга, позвоню", 1, "Наташа")],
             origin="reply", chat_id=-1001, status="approved")
    snap = export.create_snapshot(project, "v1", validation_split=0.2)
    pre = export.preflight(project, snap.id, "openai", "gpt-4.1-mini-2025-04-14", out_dir=tmp_path)
    assert pre.train_path.parent == tmp_path and pre.validation_path.exists()
    assert pre.report.validation.n_examples == snap.split_counts["validation"]
    assert pre.ok  # personal data is a warning: the provider would accept the file
    assert pre.privacy["pairs"] >= 1
    warning = next(i for i in pre.report.warnings if i.code == "personal_data")
    assert warning.count == pre.privacy["pairs"] and "personal data" in warning.message
    assert any("personal data" in line for line in export.report_lines(pre.report))
    clean = export.preflight(project, snap.id, "vertex", out_dir=tmp_path / "v", check_privacy=False)
    assert clean.privacy == {} and clean.ok
