"""Yandex AI Studio: the training-file format, its checks and limits, prices and pre-flight."""

from __future__ import annotations

import json

import pytest
from export_fixtures import make_pairs

from natasha_studio.core import export
from natasha_studio.core.export.formats import vertex_record, yandex_record
from natasha_studio.core.export.selection import Example
from natasha_studio.core.export.tokens import TokenCounter

PROMPT = "Ты — Наташа, тренер по бегу."
GOOD = {"request": [{"role": "system", "text": PROMPT},
                    {"role": "user", "text": "Как начать бегать?"}],
        "response": "Начни с ходьбы, потом бег трусцой."}


def _write(tmp_path, lines, name="data.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return path


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _issue(issues, code):
    found = [i for i in issues if i.code == code]
    assert found, (code, [i.code for i in issues])
    return found[0]


# --- the format -----------------------------------------------------------------------------

def test_record_has_the_system_prompt_the_turns_and_the_answer():
    example = Example(pair_id=1, turns=[
        {"role": "user", "text": "Привет!"},
        {"role": "user", "text": "Как начать бегать?"},
        {"role": "assistant", "text": "Понемногу."},
        {"role": "user", "text": "А сколько раз в неделю?"},
        {"role": "assistant", "text": "Три раза."},
        {"role": "assistant", "text": "И отдыхай между ними."},
    ])
    assert yandex_record(example, PROMPT) == {
        "request": [{"role": "system", "text": PROMPT},
                    {"role": "user", "text": "Привет!\n\nКак начать бегать?"},
                    {"role": "assistant", "text": "Понемногу."},
                    {"role": "user", "text": "А сколько раз в неделю?"}],
        "response": "Три раза.\n\nИ отдыхай между ними.",
    }


def test_record_folds_turns_like_vertex_and_drops_empty_ones():
    example = Example(pair_id=1, system_prompt="Свой промпт", turns=[
        {"role": "assistant", "text": "Всем привет, вопросы?"},
        {"role": "user", "text": ""},
        {"role": "user", "text": "Есть вопрос"},
        {"role": "assistant", "text": "Слушаю"},
    ])
    record = yandex_record(example, PROMPT)
    gemini = vertex_record(example, PROMPT)["contents"]
    assert record["request"][0] == {"role": "system", "text": "Свой промпт"}
    assert [t["text"] for t in record["request"][1:]] == [gemini[0]["parts"][0]["text"]]
    assert record["request"][1]["text"] == "Всем привет, вопросы?\n\nЕсть вопрос"
    assert record["response"] == gemini[-1]["parts"][0]["text"] == "Слушаю"


def test_without_a_prompt_the_system_turn_is_left_out_as_in_other_formats():
    example = Example(pair_id=1, turns=[{"role": "user", "text": "q"},
                                        {"role": "assistant", "text": "a"}])
    assert yandex_record(example, "") == {"request": [{"role": "user", "text": "q"}], "response": "a"}


@pytest.fixture
def snap(project):
    make_pairs(project, 40, multi_turn_every=4)
    return export.create_snapshot(project, "v1", validation_split=0.25, heldout=4)


def test_snapshot_export_has_the_prompt_in_every_line_and_passes(project, snap, tmp_path):
    train = export.export_snapshot(project, snap.id, "yandex", tmp_path / "train.jsonl")
    lines = _jsonl(train)
    assert len(lines) == snap.split_counts["train"]
    assert all(line["request"][0] == {"role": "system", "text": project.system_prompt}
               for line in lines)
    multi = [line for line in lines if len(line["request"]) == 4]
    assert multi, "the fixture has multi-turn pairs"
    assert [t["role"] for t in multi[0]["request"]] == ["system", "user", "assistant", "user"]
    assert all(line["response"].startswith("Ответ") for line in lines)
    report = export.validate_file(train, "yandex", "yandexgpt-lite")
    assert report.ok, [(i.code, i.lines) for i in report.errors]
    assert report.tokens_estimated and report.tokenizer == "o200k_base"
    assert (report.request_token_limit, report.response_token_limit, report.token_limit) == (
        8000, 2000, 8000)


# --- structure checks, each with its line -----------------------------------------------------

YANDEX_BAD = [
    ("data_type", ["a list"]),
    ("missing_request", {"response": "a"}),
    ("missing_request", {"request": [], "response": "a"}),
    ("missing_response", {"request": GOOD["request"]}),
    ("missing_response", {"request": GOOD["request"], "response": "  "}),
    ("request_turn_malformed", {"request": [{"role": "user"}], "response": "a"}),
    ("request_turn_malformed", {"request": ["hello", *GOOD["request"]], "response": "a"}),
    ("unrecognized_role", {"request": [{"role": "member", "text": "q"}], "response": "a"}),
    ("empty_text", {"request": [{"role": "system", "text": PROMPT}, {"role": "user", "text": ""}],
                    "response": "a"}),
    ("request_out_of_order", {"request": [{"role": "system", "text": PROMPT},
                                          {"role": "assistant", "text": "a"},
                                          {"role": "user", "text": "q"}], "response": "a"}),
    ("request_out_of_order", {"request": [{"role": "system", "text": PROMPT},
                                          {"role": "user", "text": "q"},
                                          {"role": "assistant", "text": "a"}], "response": "a"}),
    ("request_out_of_order", {"request": [{"role": "user", "text": "q"},
                                          {"role": "system", "text": PROMPT}], "response": "a"}),
]


@pytest.mark.parametrize("code, bad", YANDEX_BAD, ids=[f"{c}-{i}" for i, (c, _) in enumerate(YANDEX_BAD)])
def test_each_structure_error_names_its_line(tmp_path, code, bad):
    path = _write(tmp_path, [GOOD] * 12 + [bad])
    report = export.validate_file(path, "yandex")
    assert not report.ok
    issue = _issue(report.errors, code)
    assert issue.count == 1 and issue.lines == [13]
    assert issue.message and "%n" not in issue.message


def test_invalid_json_is_counted_with_its_line(tmp_path):
    path = _write(tmp_path, [GOOD] * 11 + ["{not json"])
    issue = _issue(export.validate_file(path, "yandex").errors, "invalid_json")
    assert issue.lines == [12]


def test_a_missing_system_prompt_is_an_error_for_yandex(tmp_path):
    no_prompt = {"request": [{"role": "user", "text": "q"}], "response": "a"}
    path = _write(tmp_path, [GOOD] * 10 + [no_prompt, no_prompt])
    report = export.validate_file(path, "yandex")
    issue = _issue(report.errors, "system_prompt_required")
    assert (issue.count, issue.lines) == (2, [11, 12])
    assert "project settings" in issue.hint
    assert "missing_system" not in {i.code for i in report.warnings}
    # An example without any request is reported once, as such.
    path = _write(tmp_path, [GOOD] * 10 + [{"request": [], "response": "a"}])
    report = export.validate_file(path, "yandex")
    assert [i.code for i in report.errors] == ["missing_request"]


def test_a_different_system_prompt_is_a_warning(tmp_path):
    other = {**GOOD, "request": [{"role": "system", "text": "Другой промпт"}, GOOD["request"][1]]}
    report = export.validate_file(_write(tmp_path, [GOOD] * 11 + [other]), "yandex")
    assert report.ok
    assert _issue(report.warnings, "system_prompts_differ").lines == [12]


def test_at_least_ten_examples(tmp_path):
    assert _issue(export.validate_file(_write(tmp_path, [GOOD] * 9), "yandex").errors,
                  "too_few_examples").count == 9
    assert export.validate_file(_write(tmp_path, [GOOD] * 10), "yandex").ok
    assert _issue(export.validate_file(_write(tmp_path, []), "yandex").errors, "empty_file")


# --- token limits at their boundaries --------------------------------------------------------

def _text_of(tokens: int) -> str:
    """A text of exactly ``tokens`` tokens in the counter's encoding (" да" is one token)."""
    text = "да" + " да" * (tokens - 1)
    assert TokenCounter().count(text) == tokens
    return text


def _example(request_tokens: int, response_tokens: int) -> dict:
    question = _text_of(request_tokens - TokenCounter().count(PROMPT))
    return {"request": [{"role": "system", "text": PROMPT}, {"role": "user", "text": question}],
            "response": _text_of(response_tokens)}


@pytest.mark.parametrize("request_tokens, response_tokens, code", [
    (6000, 2000, None),
    (6000, 2001, "response_too_long"),
    (7999, 1, None),
    (8001, 1, "request_too_long"),
    (6001, 2000, "request_response_too_long"),
    (7000, 1001, "request_response_too_long"),
])
def test_limits_at_the_boundaries(tmp_path, request_tokens, response_tokens, code):
    path = _write(tmp_path, [GOOD] * 10 + [_example(request_tokens, response_tokens)])
    report = export.validate_file(path, "yandex")
    limit_codes = {"request_too_long", "response_too_long", "request_response_too_long"}
    found = {i.code for i in report.errors} & limit_codes
    if code is None:
        assert report.ok and not found and report.n_over_limit == 0
        # At the limit itself the file passes, with a warning as counts are estimates.
        assert _issue(report.warnings, "near_token_limit").lines == [11]
    else:
        assert found == {code}
        assert _issue(report.errors, code).lines == [11] and report.n_over_limit == 1
        assert "Shorten" in _issue(report.errors, code).hint


def test_well_below_the_limits_there_is_no_warning(tmp_path):
    report = export.validate_file(_write(tmp_path, [GOOD] * 10 + [_example(7000, 100)]), "yandex")
    assert report.ok and not report.warnings


def test_report_says_the_counts_are_estimates_and_training_is_free(tmp_path):
    report = export.validate_file(_write(tmp_path, [GOOD] * 12), "yandex")
    text = "\n".join(export.report_lines(report))
    assert "estimated with o200k_base" in text and "YandexGPT" in text
    assert "request 8,000, answer 2,000, both together 8,000" in text
    assert "free during Preview" in text and "0.00 RUB" not in text
    assert "0.20 RUB per 1,000 tokens" in text


# --- prices --------------------------------------------------------------------------------

def test_yandex_prices_training_free_in_rubles():
    assert "yandex" in export.prices.PROVIDERS
    prices = export.load_prices()
    entry = prices.provider("yandex")
    assert entry["currency"] == "RUB" and entry["updated"] and entry["source"].startswith("https://")
    cost = export.estimate_cost("yandex", "yandexgpt-lite", [500] * 40)
    assert cost.training_free and cost.cost == 0 and cost.billed_tokens == 0
    assert cost.currency == "RUB" and cost.prices_date == entry["updated"]
    assert cost.inference_per_thousand == pytest.approx(0.20)
    assert cost.summary() == "free during Preview"
    assert cost.to_dict()["summary"] == "free during Preview"
    # A tuned model's URI prices as its base model.
    tuned = export.estimate_cost("yandex", "gpt://b1gfolder/yandexgpt-lite/latest@tun3d", [1])
    assert tuned.price_model == "yandexgpt-lite"
    assert export.token_limit("yandex", "gpt://b1gfolder/yandexgpt-lite/latest") == 8000


def test_paid_estimates_still_show_their_price():
    cost = export.estimate_cost("openai", "gpt-4.1-mini", [1000] * 100, epochs=1)
    assert not cost.training_free and cost.summary() == "\u2248 0.50 USD"
    assert export.estimate_cost("openai", "my-model", [1]).summary().startswith("unknown")


# --- pre-flight ------------------------------------------------------------------------------

def test_preflight_for_yandex(project, snap, tmp_path):
    pre = export.preflight(project, snap.id, "yandex", "yandexgpt-lite", out_dir=tmp_path,
                           check_privacy=False)
    assert pre.ok, [i.code for i in pre.report.errors]
    assert pre.provider == "yandex" and pre.model == "yandexgpt-lite"
    assert pre.train_path.suffix == ".jsonl" and pre.validation_path is not None
    assert all("request" in line and "response" in line for line in _jsonl(pre.train_path))
    assert pre.report.validation.n_examples == snap.split_counts["validation"]
    assert pre.report.cost.training_free


def test_preflight_for_yandex_refuses_too_few_examples(project, tmp_path):
    make_pairs(project, 8)
    small = export.create_snapshot(project, "small")
    pre = export.preflight(project, small.id, "yandex", out_dir=tmp_path, check_privacy=False)
    assert small.split_counts["train"] < 10
    issue = _issue(pre.report.errors, "too_few_examples")
    assert issue.count == small.split_counts["train"]
    assert pre.model == "yandexgpt-lite"


def test_preflight_for_yandex_refuses_a_project_without_system_prompt(project, tmp_path):
    project.set_setting("system_prompt", "")
    make_pairs(project, 12)
    snap = export.create_snapshot(project, "no-prompt")
    pre = export.preflight(project, snap.id, "yandex", "yandexgpt-lite", out_dir=tmp_path,
                           check_privacy=False)
    assert not pre.ok
    assert _issue(pre.report.errors, "system_prompt_required").count == snap.split_counts["train"]
    # The other formats accept it and only warn.
    assert export.preflight(project, snap.id, "openai", out_dir=tmp_path / "o",
                            check_privacy=False).ok
