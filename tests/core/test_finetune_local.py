"""Checks before a fine-tune on this computer: the base model, the training files, targets."""

from __future__ import annotations

import json

from natasha_studio.core import export
from natasha_studio.core.jobs.local import (
    check_base_model,
    local_preflight,
    local_report_lines,
    merge_target,
)
from natasha_studio.core.pairs import Turn, add_pair


def add_pairs(project, n):
    for i in range(n):
        add_pair(project, [Turn("user", f"Как начать медитировать в {20 + i} лет?", 11, "Ольга",
                                [i * 2], 1_700_000_000 + i),
                           Turn("assistant", f"Начните с {i + 1} минут утром.", 1, "Наташа",
                                [i * 2 + 1], 1_700_000_100 + i)],
                 origin="reply", status="approved", key=f"k{i}")


def test_base_model_is_a_model_folder_or_a_hub_id(tmp_path):
    assert check_base_model("Qwen/Qwen2.5-0.5B-Instruct") is None
    model = tmp_path / "model"
    model.mkdir()
    error = check_base_model(str(model))
    assert error is not None and "config.json" in error.message
    (model / "config.json").write_text("{}", encoding="utf-8")
    assert check_base_model(str(model)) is None
    assert "does not exist" in check_base_model(str(tmp_path / "gone")).message
    assert "neither" in check_base_model("just words").message
    assert "Choose the base model" in check_base_model("  ").message


def test_preflight_writes_messages_without_cloud_limits(project, tmp_path):
    add_pairs(project, 6)
    snapshot, _ = export.freeze_or_reuse(project)
    pre = local_preflight(project, snapshot.id, "Qwen/Qwen2.5-0.5B-Instruct", out_dir=tmp_path)
    # Six examples are below the cloud's minimum: here a warning, not a reason to refuse.
    assert pre.ok and pre.provider == "local"
    assert [i.code for i in pre.report.warnings if i.code == "few_examples"]
    assert pre.report.cost is None and pre.report.format == "hf"
    records = [json.loads(line) for line in pre.train_path.read_text("utf-8").splitlines()]
    assert records and all(r["messages"][-1]["role"] == "assistant" for r in records)
    assert records[0]["messages"][0] == {"role": "system",
                                         "content": "Ты — Наташа, ведущая сообщества."}
    lines = local_report_lines(pre)
    assert any("costs nothing" in line for line in lines)
    assert not any("Estimated cost" in line for line in lines)


def test_merge_never_writes_over_a_folder_in_use(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert merge_target(empty, "v1") == empty
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    assert merge_target(busy, "Наташа v2") == busy / "Наташа-v2-merged"
    (busy / "Наташа-v2-merged").mkdir()
    assert merge_target(busy, "Наташа v2") == busy / "Наташа-v2-merged-2"
