"""Every training example is a real exchange: the validator rejects each malformed kind in the
OpenAI, Vertex AI and Yandex formats (naming its line), and an export leaves out pairs whose
question or answer has no text."""

from __future__ import annotations

import json

import pytest
from export_fixtures import add_chats, make_pairs

from natasha_studio.core import export
from natasha_studio.core.export.formats import is_exchange, records
from natasha_studio.core.export.selection import Example
from natasha_studio.core.pairs import Turn, add_pair, get_pair, set_turns

PROMPT = "Ты — Наташа."
GOOD = {
    "openai": {"messages": [{"role": "system", "content": PROMPT},
                            {"role": "user", "content": "Как начать бегать?"},
                            {"role": "assistant", "content": "Начни с ходьбы."}]},
    "vertex": {"systemInstruction": {"role": "system", "parts": [{"text": PROMPT}]},
               "contents": [{"role": "user", "parts": [{"text": "Как начать бегать?"}]},
                            {"role": "model", "parts": [{"text": "Начни с ходьбы."}]}]},
    "yandex": {"request": [{"role": "system", "text": PROMPT},
                           {"role": "user", "text": "Как начать бегать?"}],
               "response": "Начни с ходьбы."},
}

BAD = {
    "openai": [
        ("missing_user", {"messages": [{"role": "system", "content": PROMPT},
                                       {"role": "assistant", "content": "Ответ."}]}),
        ("not_ending_with_assistant", {"messages": [{"role": "user", "content": "Вопрос?"},
                                                    {"role": "assistant", "content": "Ответ."},
                                                    {"role": "user", "content": "А ещё?"}]}),
        ("example_missing_assistant_message", {"messages": [{"role": "user", "content": "Вопрос?"}]}),
        ("missing_content", {"messages": [{"role": "user", "content": "   "},
                                          {"role": "assistant", "content": "Ответ."}]}),
        ("message_missing_key", {"messages": [{"role": "user"},
                                              {"role": "assistant", "content": "Ответ."}]}),
        ("unrecognized_role", {"messages": [{"role": "member", "content": "Вопрос?"},
                                            {"role": "assistant", "content": "Ответ."}]}),
    ],
    "vertex": [
        ("missing_user", {"contents": [{"role": "model", "parts": [{"text": "Ответ."}]}]}),
        ("not_ending_with_model", {"contents": [{"role": "user", "parts": [{"text": "Вопрос?"}]},
                                                {"role": "model", "parts": [{"text": "Ответ."}]},
                                                {"role": "user", "parts": [{"text": "А ещё?"}]}]}),
        ("example_missing_model_message", {"contents": [{"role": "user",
                                                         "parts": [{"text": "Вопрос?"}]}]}),
        ("empty_part", {"contents": [{"role": "user", "parts": [{"text": " "}]},
                                     {"role": "model", "parts": [{"text": "Ответ."}]}]}),
        ("content_missing_key", {"contents": [{"role": "user"},
                                              {"role": "model", "parts": [{"text": "Ответ."}]}]}),
        ("unrecognized_role", {"contents": [{"role": "member", "parts": [{"text": "Вопрос?"}]},
                                            {"role": "model", "parts": [{"text": "Ответ."}]}]}),
    ],
    "yandex": [
        ("missing_user", {"request": [{"role": "system", "text": PROMPT}], "response": "Ответ."}),
        ("missing_response", {"request": GOOD["yandex"]["request"], "response": ""}),
        ("missing_response", {"request": GOOD["yandex"]["request"]}),
        ("empty_text", {"request": [{"role": "system", "text": PROMPT},
                                    {"role": "user", "text": ""}], "response": "Ответ."}),
        ("request_turn_malformed", {"request": [{"role": "system", "text": PROMPT},
                                                {"role": "user"}], "response": "Ответ."}),
        ("unrecognized_role", {"request": [{"role": "system", "text": PROMPT},
                                           {"role": "member", "text": "Вопрос?"},
                                           {"role": "user", "text": "Вопрос?"}],
                               "response": "Ответ."}),
    ],
}
# Together AI and Fireworks AI take OpenAI's chat format, checked the same way.
for _fmt in ("together", "fireworks"):
    GOOD[_fmt], BAD[_fmt] = GOOD["openai"], BAD["openai"]
CASES = [(fmt, code, bad) for fmt, items in BAD.items() for code, bad in items]


def _write(tmp_path, lines):
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt, code, bad", CASES, ids=[f"{f}-{c}" for f, c, _ in CASES])
def test_each_malformed_kind_is_an_error_with_its_line(tmp_path, fmt, code, bad):
    path = _write(tmp_path, [GOOD[fmt]] * 20 + [bad] + [GOOD[fmt]] * 3)
    report = export.validate_file(path, fmt)
    assert not report.ok
    issue = next((i for i in report.errors if i.code == code), None)
    assert issue is not None, [i.code for i in report.errors]
    assert issue.lines == [21]
    text = "\n".join(export.report_lines(report))
    assert "21" in text and issue.message in text


@pytest.mark.parametrize("fmt", list(GOOD))
def test_a_line_that_is_not_json_is_an_error_with_its_line(tmp_path, fmt):
    path = _write(tmp_path, [GOOD[fmt]] * 20 + ['{"messages": [', *[GOOD[fmt]] * 2])
    report = export.validate_file(path, fmt)
    issue = next(i for i in report.errors if i.code == "invalid_json")
    assert issue.lines == [21] and issue.count == 1


@pytest.mark.parametrize("fmt", list(GOOD))
def test_good_files_pass(tmp_path, fmt):
    report = export.validate_file(_write(tmp_path, [GOOD[fmt]] * 120), fmt)
    assert report.ok, [i.code for i in report.errors]


def _photo_pairs(project, n=24):
    """``n`` pairs; every third question is a photo without a caption, and one photo question
    has a description the curator added, which makes it a real exchange."""
    add_chats(project)
    ids = []
    with project.transaction():
        for i in range(n):
            photo = i % 3 == 0
            turns = [Turn("user", "" if photo else f"Вопрос {i}?", 11, "Ольга", [i * 10], 1000 + i),
                     Turn("assistant", f"Ответ {i}: красиво!", 1, "Наташа", [i * 10 + 1], 1100 + i)]
            ids.append(add_pair(project, turns, origin="reply", chat_id=-1001, status="approved",
                                key=f"p{i}"))
    described = get_pair(project, ids[3])
    set_turns(project, ids[3], [Turn("user", "[Фото: пробежка у моря]", 11, "Ольга", [30], 1003),
                                described.turns[-1]])
    return ids


@pytest.mark.parametrize("fmt", ["openai", "vertex", "yandex", "together", "fireworks", "hf"])
def test_photo_only_questions_are_never_training_examples(project, tmp_path, fmt):
    _photo_pairs(project)
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    path = export.export_snapshot(project, snap.id, fmt, tmp_path / f"{fmt}.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    # 8 photo questions, one of them described by the curator.
    assert len(lines) == 24 - 8 + 1
    text = json.dumps(lines, ensure_ascii=False)
    assert "[Фото: пробежка у моря]" in text
    if fmt != "hf":
        report = export.validate_file(path, fmt)
        assert "missing_user" not in {i.code for i in report.errors}
    if fmt in ("openai", "hf"):
        assert all(any(m["role"] == "user" for m in line["messages"]) for line in lines)


def test_csv_and_json_keep_every_pair_for_reading(project, tmp_path):
    _photo_pairs(project)
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    path = export.export_snapshot(project, snap.id, "json", tmp_path / "all.json", "all")
    assert len(json.loads(path.read_text(encoding="utf-8"))["pairs"]) == 24


def test_is_exchange_needs_text_in_the_question_and_the_answer():
    def example(*turns):
        return Example(pair_id=1, turns=[{"role": r, "text": t} for r, t in turns])

    assert is_exchange(example(("user", "Вопрос?"), ("assistant", "Ответ.")))
    assert not is_exchange(example(("user", " "), ("assistant", "Ответ.")))
    assert not is_exchange(example(("user", "Вопрос?"), ("assistant", "")))
    assert not is_exchange(example(("assistant", "Ответ.")))
    # Context with text does not make up for a question without it.
    assert not is_exchange(example(("user", "Раньше"), ("assistant", "Да"), ("user", ""),
                                   ("assistant", "Ответ.")))
    assert records([example(("user", ""), ("assistant", "Ответ."))], "openai", PROMPT) == []


def test_fixture_pairs_are_all_exchanges(project):
    make_pairs(project, 12, multi_turn_every=3)
    assert all(is_exchange(e) for e in export.select_examples(project, export.PairFilter()))
