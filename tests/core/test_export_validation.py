"""The validator catches each error kind, counts tokens as tiktoken does, and prices the run."""

from __future__ import annotations

import json
import os

import pytest
import tiktoken

from natasha_studio.core import export
from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.prices import default_epochs
from natasha_studio.core.export.tokens import ensure_offline_encodings

GOOD_OPENAI = {"messages": [{"role": "system", "content": "Ты — Наташа."},
                            {"role": "user", "content": "Как начать бегать?"},
                            {"role": "assistant", "content": "Начни с ходьбы, потом бег трусцой."}]}
GOOD_VERTEX = {"systemInstruction": {"role": "system", "parts": [{"text": "Ты — Наташа."}]},
               "contents": [{"role": "user", "parts": [{"text": "Как начать бегать?"}]},
                            {"role": "model", "parts": [{"text": "Начни с ходьбы."}]}]}


def _write(tmp_path, lines, name="data.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return path


def _codes(issues):
    return {i.code for i in issues}


OPENAI_BAD = [
    ("data_type", ["a list, not an object"]),
    ("missing_messages_list", {"messages": []}),
    ("message_missing_key", {"messages": [{"role": "user"}, {"role": "assistant", "content": "a"}]}),
    ("message_unrecognized_key", {"messages": [{"role": "user", "content": "q", "mood": "x"},
                                               {"role": "assistant", "content": "a"}]}),
    ("unrecognized_role", {"messages": [{"role": "member", "content": "q"},
                                        {"role": "assistant", "content": "a"}]}),
    ("missing_content", {"messages": [{"role": "user", "content": ""},
                                      {"role": "assistant", "content": "a"}]}),
    ("missing_content", {"messages": [{"role": "user", "content": ["not", "text"]},
                                      {"role": "assistant", "content": "a"}]}),
    ("example_missing_assistant_message", {"messages": [{"role": "user", "content": "q"}]}),
    ("invalid_weight", {"messages": [{"role": "user", "content": "q"},
                                     {"role": "assistant", "content": "a", "weight": 2}]}),
    ("no_trained_assistant_message", {"messages": [{"role": "user", "content": "q"},
                                                   {"role": "assistant", "content": "a", "weight": 0}]}),
    ("example_unrecognized_key", {**GOOD_OPENAI, "prompt": "old completion format"}),
    ("message_not_object", {"messages": ["hello", {"role": "assistant", "content": "a"}]}),
]


@pytest.mark.parametrize("code, bad", OPENAI_BAD, ids=[c for c, _ in OPENAI_BAD])
def test_openai_error_kinds(tmp_path, code, bad):
    path = _write(tmp_path, [GOOD_OPENAI] * 12 + [bad])
    report = export.validate_file(path, "openai", "gpt-4o-mini-2024-07-18")
    assert code in _codes(report.errors)
    issue = next(i for i in report.errors if i.code == code)
    assert issue.lines == [13] and issue.count == 1
    assert not report.ok and issue.message and "%n" not in issue.message


def test_invalid_json_line_is_reported_with_its_number(tmp_path):
    path = _write(tmp_path, [GOOD_OPENAI] * 11 + ['{"messages": [', GOOD_OPENAI])
    report = export.validate_file(path, "openai")
    [issue] = report.errors
    assert issue.code == "invalid_json" and issue.lines == [12]


VERTEX_BAD = [
    ("data_type", 5),
    ("missing_contents", {"contents": []}),
    ("unrecognized_role", {"contents": [{"role": "user", "parts": [{"text": "q"}]},
                                        {"role": "assistant", "parts": [{"text": "a"}]}]}),
    ("not_starting_with_user", {"contents": [{"role": "model", "parts": [{"text": "a"}]},
                                             {"role": "user", "parts": [{"text": "q"}]},
                                             {"role": "model", "parts": [{"text": "a"}]}]}),
    ("roles_not_alternating", {"contents": [{"role": "user", "parts": [{"text": "q"}]},
                                            {"role": "user", "parts": [{"text": "q2"}]},
                                            {"role": "model", "parts": [{"text": "a"}]}]}),
    ("empty_part", {"contents": [{"role": "user", "parts": [{"text": ""}]},
                                 {"role": "model", "parts": [{"text": "a"}]}]}),
    ("empty_part", {"contents": [{"role": "user", "parts": []},
                                 {"role": "model", "parts": [{"text": "a"}]}]}),
    ("example_missing_model_message", {"contents": [{"role": "user", "parts": [{"text": "q"}]}]}),
    ("not_ending_with_model", {"contents": [{"role": "user", "parts": [{"text": "q"}]},
                                            {"role": "model", "parts": [{"text": "a"}]},
                                            {"role": "user", "parts": [{"text": "q"}]}]}),
    ("content_missing_key", {"contents": [{"role": "user"}, {"role": "model", "parts": [{"text": "a"}]}]}),
    ("example_unrecognized_key", {**GOOD_VERTEX, "messages": []}),
]


@pytest.mark.parametrize("code, bad", VERTEX_BAD, ids=[c for c, _ in VERTEX_BAD])
def test_vertex_error_kinds(tmp_path, code, bad):
    path = _write(tmp_path, [GOOD_VERTEX] * 20 + [bad])
    report = export.validate_file(path, "vertex", "gemini-2.5-flash")
    assert code in _codes(report.errors)
    assert next(i for i in report.errors if i.code == code).lines == [21]


def test_good_vertex_file_has_estimated_tokens(tmp_path):
    report = export.validate_file(_write(tmp_path, [GOOD_VERTEX] * 120), "vertex")
    assert report.ok and not report.warnings
    assert report.tokens_estimated and report.model == "gemini-2.5-flash"


def test_example_counts(tmp_path):
    few = export.validate_file(_write(tmp_path, [GOOD_OPENAI] * 9), "openai")
    assert _codes(few.errors) == {"too_few_examples"}
    assert "9" in few.errors[0].message
    some = export.validate_file(_write(tmp_path, [GOOD_OPENAI] * 20), "openai")
    assert some.ok and _codes(some.warnings) == {"few_examples"}
    empty = export.validate_file(_write(tmp_path, []), "openai")
    assert _codes(empty.errors) == {"empty_file"}
    vertex_few = export.validate_file(_write(tmp_path, [GOOD_VERTEX] * 12), "vertex")
    assert _codes(vertex_few.errors) == {"too_few_examples"}  # Vertex needs 16


def test_missing_system_is_a_warning_and_missing_user_an_error(tmp_path):
    no_system = {"messages": GOOD_OPENAI["messages"][1:]}
    no_user = {"messages": [GOOD_OPENAI["messages"][0], GOOD_OPENAI["messages"][2]]}
    report = export.validate_file(_write(tmp_path, [GOOD_OPENAI] * 60 + [no_system, no_user]), "openai")
    assert not report.ok
    assert report.n_without_system == 1 and report.n_without_user == 1
    assert _codes(report.warnings) == {"missing_system"}
    assert _codes(report.errors) == {"missing_user"}


def test_validation_file_checks(tmp_path):
    train = _write(tmp_path, [GOOD_OPENAI] * 60, "train.jsonl")
    small = export.validate_file(train, "openai", validation_path=_write(tmp_path, [GOOD_OPENAI] * 3, "v.jsonl"))
    assert small.ok and "validation_small" in _codes(small.warnings)
    empty = export.validate_file(train, "openai", validation_path=_write(tmp_path, [], "e.jsonl"))
    assert "validation_empty" in _codes(empty.errors)
    broken = export.validate_file(train, "openai",
                                  validation_path=_write(tmp_path, [GOOD_OPENAI] * 20 + [{"x": 1}], "b.jsonl"))
    assert "validation_errors" in _codes(broken.errors)


def test_token_counts_match_tiktoken_directly(tmp_path):
    named = {"messages": [{"role": "system", "content": "Ты — Наташа, ведущая клуба."},
                          {"role": "user", "name": "olga", "content": "Сколько раз в неделю бегать?"},
                          {"role": "assistant", "content": "Три раза хватит. <|endoftext|> тоже текст.",
                           "weight": 1}]}
    lines = [GOOD_OPENAI, named] * 10
    report = export.validate_file(_write(tmp_path, lines), "openai", "gpt-4.1-mini-2025-04-14",
                                  epochs=2)
    enc = tiktoken.get_encoding("o200k_base")

    def notebook_count(example):
        total = 3
        for message in example["messages"]:
            total += 3
            for key, value in message.items():
                if isinstance(value, str):
                    total += len(enc.encode(value, disallowed_special=()))
                    total += key == "name"
        return total

    expected = [notebook_count(e) for e in lines]
    assert report.example_tokens == expected
    assert report.total_tokens == sum(expected)
    assistant = [len(enc.encode(e["messages"][-1]["content"], disallowed_special=())) for e in lines]
    assert report.assistant_tokens_per_example.max == max(assistant)
    assert report.tokenizer == "o200k_base"
    assert report.epochs == 2 and report.billed_tokens == 2 * sum(expected)
    assert report.cost.cost == pytest.approx(2 * sum(expected) / 1e6 * 5.0, abs=1e-4)
    old = export.validate_file(_write(tmp_path, lines), "openai", "gpt-3.5-turbo-0125")
    assert old.tokenizer == "cl100k_base"
    cl = tiktoken.get_encoding("cl100k_base")
    assert old.assistant_tokens_per_example.min == min(
        len(cl.encode(e["messages"][-1]["content"], disallowed_special=())) for e in lines)


def test_over_token_limit_and_billing_cap(tmp_path):
    long = {"messages": [{"role": "user", "content": "вопрос " * 2500},
                         {"role": "assistant", "content": "ответ"}]}
    report = export.validate_file(_write(tmp_path, [GOOD_OPENAI] * 10 + [long]), "openai",
                                  "gpt-3.5-turbo-0613", epochs=1)
    assert report.token_limit == 4096 and report.n_over_limit == 1
    assert report.ok and "over_token_limit" in _codes(report.warnings)
    assert report.billed_tokens == sum(min(4096, t) for t in report.example_tokens)


def test_default_epochs_follow_the_notebook():
    assert default_epochs(10) == 10
    assert default_epochs(20) == 5
    assert default_epochs(100) == 3
    assert default_epochs(10_000) == 2
    assert default_epochs(100_000) == 1


def test_prices_match_dated_models():
    prices = export.load_prices()
    assert prices.updated
    assert prices.model_entry("openai", "gpt-4.1-mini-2025-04-14")[0] == "gpt-4.1-mini"
    assert prices.model_entry("openai", "gpt-4.1-2025-04-14")[0] == "gpt-4.1"
    assert prices.model_entry("openai", "ft:gpt-4o-mini-2024-07-18:org::abc")[0] == "gpt-4o-mini"
    assert prices.model_entry("vertex", "gemini-2.5-flash-lite")[0] == "gemini-2.5-flash-lite"
    assert prices.model_entry("openai", "my-own-model") is None
    unknown = export.estimate_cost("openai", "my-own-model", [100] * 10)
    assert unknown.cost is None and unknown.billed_tokens == 100 * 10 * 10
    with pytest.raises(StudioError):
        export.estimate_cost("nowhere", "x", [1])


def test_unknown_format_and_missing_file(tmp_path):
    with pytest.raises(StudioError, match="cannot be validated"):
        export.validate_file(tmp_path / "x.csv", "csv")
    with pytest.raises(StudioError, match="cannot be read"):
        export.validate_file(tmp_path / "missing.jsonl", "openai")


def test_encodings_load_offline_from_bundled_files(monkeypatch, tmp_path):
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    folder = ensure_offline_encodings()
    assert os.environ["TIKTOKEN_CACHE_DIR"] == str(folder)
    assert (folder / "fb374d419588a4632f3f557e76b4b70aebbca790").exists()
    user_cache = tmp_path / "cache"
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(user_cache))
    assert ensure_offline_encodings() == user_cache
    assert (user_cache / "9b5ad71b2ce5302211f9c61530b329a4922fc6a4").exists()

    # tiktoken's own loader must find them without the network
    import requests

    def no_network(*args, **kwargs):
        raise AssertionError("tiktoken tried to download")

    monkeypatch.setattr(requests, "get", no_network)
    from tiktoken.load import load_tiktoken_bpe

    ranks = load_tiktoken_bpe("https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
                              expected_hash="223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7")
    assert len(ranks) > 100_000
