"""The export, validate and snapshots commands, run as a user runs them."""

from __future__ import annotations

import json

from core.export_fixtures import make_pairs

from natasha_studio.cli import main
from natasha_studio.core.store import Project


def _project(tmp_path, n=40):
    path = tmp_path / "cli.nstudio"
    with Project.create(path, "Наташа", "Ты — Наташа.") as project:
        make_pairs(project, n, status_cycle=("approved", "approved", "approved", "new"))
    return path


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_with_validation_file_then_validate(tmp_path, capsys):
    project = _project(tmp_path)
    train, valid = tmp_path / "train.jsonl", tmp_path / "valid.jsonl"
    rc = main(["export", str(project), "--format", "openai", "--out", str(train),
               "--validation-split", "0.2", "--validation-out", str(valid)])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "Froze snapshot" in out and "passes validation" in out
    assert len(_lines(train)) == 24 and len(_lines(valid)) == 6

    rc = main(["validate", str(train), "--format", "openai", "--model", "gpt-4.1-mini-2025-04-14",
               "--validation-file", str(valid)])
    out = capsys.readouterr().out
    assert rc == 0
    assert "No errors" in out and "Estimated cost" in out and "prices of 2026" in out

    rc = main(["validate", str(train), "--format", "openai", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert rc == 0 and report["ok"] and report["n_examples"] == 24
    assert report["cost"]["epochs"] == 4  # 24 examples: 100 // 24


def test_export_reuses_identical_snapshot_and_names_one(tmp_path, capsys):
    project = _project(tmp_path)
    out_file = tmp_path / "all.jsonl"
    assert main(["export", str(project), "--format", "vertex", "--out", str(out_file)]) == 0
    assert main(["export", str(project), "--format", "hf", "--out", str(tmp_path / "hf.jsonl")]) == 0
    assert "Using snapshot" in capsys.readouterr().out
    assert len(_lines(out_file)) == 30
    assert main(["export", str(project), "--format", "csv", "--out", str(tmp_path / "p.csv"),
                 "--snapshot", "v1", "--heldout", "5", "--note", "для теста"]) == 0
    capsys.readouterr()
    assert main(["snapshots", str(project), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in listed][0] == "v1" and len(listed) == 2
    assert listed[0]["splits"]["heldout"] == 5 and listed[0]["note"] == "для теста"
    held = tmp_path / "golden.jsonl"
    assert main(["export", str(project), "--format", "openai", "--out", str(tmp_path / "t.jsonl"),
                 "--snapshot", "v1", "--heldout-out", str(held)]) == 0
    assert len(_lines(held)) == 5


def test_validate_rejects_a_broken_file(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"messages": [{"role": "user", "content": "q"}]}\n' * 12, encoding="utf-8")
    assert main(["validate", str(bad), "--format", "openai"]) == 1
    out = capsys.readouterr().out
    assert "no answer of the persona" in out and "lines 1, 2, 3, 4, 5" in out


def test_plain_errors_for_bad_input(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "none.jsonl"), "--format", "vertex"]) == 1
    assert "cannot be read" in capsys.readouterr().err
    project = _project(tmp_path, 4)
    rc = main(["export", str(project), "--format", "openai", "--out", str(tmp_path / "x.jsonl"),
               "--status", "rejected"])
    assert rc == 1
    assert "No pairs match" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()


def test_export_and_validate_for_yandex(tmp_path, capsys):
    project = _project(tmp_path)
    train, valid = tmp_path / "train.jsonl", tmp_path / "valid.jsonl"
    rc = main(["export", str(project), "--format", "yandex", "--out", str(train),
               "--validation-split", "0.2", "--validation-out", str(valid)])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "passes validation" in out
    lines = _lines(train)
    assert len(lines) == 24
    assert all(line["request"][0] == {"role": "system", "text": "Ты — Наташа."} for line in lines)
    assert all(line["request"][-1]["role"] == "user" and line["response"] for line in lines)

    rc = main(["validate", str(train), "--format", "yandex", "--validation-file", str(valid)])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "No errors" in out and "YandexGPT" in out and "free during Preview" in out

    rc = main(["validate", str(train), "--format", "yandex", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert rc == 0 and report["ok"] and report["tokens_estimated"]
    assert report["cost"]["training_free"] and report["cost"]["currency"] == "RUB"
    assert report["cost"]["summary"] == "free during Preview"


def test_validate_for_yandex_reports_limits_with_lines(tmp_path, capsys):
    good = {"request": [{"role": "system", "text": "Ты — Наташа."},
                        {"role": "user", "text": "Как дела?"}], "response": "Хорошо."}
    long = {**good, "response": "да" + " да" * 2100}
    path = tmp_path / "y.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [good] * 10 + [long]) + "\n",
                    encoding="utf-8")
    assert main(["validate", str(path), "--format", "yandex"]) == 1
    out = capsys.readouterr().out
    assert "answer over 2,000 tokens" in out and "(lines 11)" in out
