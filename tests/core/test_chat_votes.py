"""Blind A/B: random assignment, reveal, win rates from stored votes, DPO export."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from natasha_studio.core.chat.blind import (
    BlindRound,
    delete_vote,
    draw_round,
    record_vote,
    win_rates,
)
from natasha_studio.core.chat.dpo import dpo_records, export_dpo, validate_dpo_file
from natasha_studio.core.chat.models import add_model
from natasha_studio.core.chat.stats import wilson_interval
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage

PROMPT = [ChatMessage("system", "Ты — Наташа."), ChatMessage("user", "Как начать бегать?")]


def test_wilson_interval_matches_the_formula():
    low, high = wilson_interval(7, 10)
    assert low == pytest.approx(0.3968, abs=1e-4)
    assert high == pytest.approx(0.8922, abs=1e-4)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    low, high = wilson_interval(0, 5)
    assert low == 0.0 and 0.4 < high < 0.5
    # more votes, narrower interval around the same rate
    assert (wilson_interval(68, 100)[1] - wilson_interval(68, 100)[0]
            < wilson_interval(17, 25)[1] - wilson_interval(17, 25)[0])


def test_draw_is_random_over_pairs_and_order():
    rng = random.Random(1)
    draws = Counter(draw_round([1, 2, 3], rng) for _ in range(600))
    # all six ordered pairs appear, each about equally often
    assert set(draws) == {BlindRound(a, b) for a in (1, 2, 3) for b in (1, 2, 3) if a != b}
    assert min(draws.values()) > 60
    assert all(r.model_a != r.model_b for r in draws)


def test_draw_needs_two_models():
    with pytest.raises(StudioError):
        draw_round([5, 5])


def _models(project):
    return (add_model(project, "Наташа v2", "openai", "ft:gpt-4.1-mini:org::abc"),
            add_model(project, "gpt-4.1-mini (base)", "openai", "gpt-4.1-mini"))


def test_reveal_and_win_rates_from_stored_votes(project):
    tuned, base = _models(project)
    # the tuned model sits behind A in some rounds and behind B in others
    votes = [(BlindRound(tuned, base), "a")] * 6 + [(BlindRound(base, tuned), "b")] * 4 + \
            [(BlindRound(base, tuned), "a")] * 3 + [(BlindRound(tuned, base), "tie")] * 2 + \
            [(BlindRound(tuned, base), "both_bad")]
    for round_, winner in votes:
        record_vote(project, round_, PROMPT, "ответ A", "ответ B", winner)
    rates = {w.name: w for w in win_rates(project)}
    t, b = rates["Наташа v2"], rates["gpt-4.1-mini (base)"]
    assert (t.wins, t.losses, t.ties, t.both_bad, t.votes) == (10, 3, 2, 1, 16)
    assert (b.wins, b.losses, b.ties, b.both_bad) == (3, 10, 2, 1)
    assert t.rate == pytest.approx(11 / 15)
    assert t.interval == pytest.approx(wilson_interval(11, 15))
    assert [w.name for w in win_rates(project)][0] == "Наташа v2"
    assert BlindRound(tuned, base).model_for("b") == base


def test_vote_can_be_taken_back(project):
    tuned, base = _models(project)
    vote = record_vote(project, BlindRound(tuned, base), PROMPT, "x", "y", "a")
    delete_vote(project, vote)
    assert win_rates(project) == []


def test_dpo_export_validates(project, tmp_path):
    tuned, base = _models(project)
    record_vote(project, BlindRound(tuned, base), PROMPT, "Начни с ходьбы.", "Бегай марафон.", "a")
    record_vote(project, BlindRound(base, tuned), PROMPT, "Купи кроссовки.", "Начни с ходьбы!", "b")
    record_vote(project, BlindRound(base, tuned), PROMPT, "x", "y", "tie")
    record_vote(project, BlindRound(base, tuned), PROMPT, "x", "y", "both_bad")
    out = tmp_path / "prefs.jsonl"
    assert export_dpo(project, out) == 2
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["preferred_output"] == [{"role": "assistant", "content": "Начни с ходьбы."}]
    assert lines[1]["preferred_output"][0]["content"] == "Начни с ходьбы!"
    assert lines[1]["non_preferred_output"][0]["content"] == "Купи кроссовки."
    assert lines[0]["input"]["messages"][-1] == {"role": "user", "content": "Как начать бегать?"}
    report = validate_dpo_file(out)
    assert report.ok, report.errors
    assert report.lines == 2


def test_dpo_export_without_decisive_votes_says_so(project, tmp_path):
    tuned, base = _models(project)
    record_vote(project, BlindRound(tuned, base), PROMPT, "x", "y", "tie")
    assert dpo_records(project) == []
    with pytest.raises(StudioError, match="no votes with a winner"):
        export_dpo(project, tmp_path / "p.jsonl")


def test_dpo_validator_catches_each_error(tmp_path):
    good_input = {"messages": [{"role": "user", "content": "q"}]}
    out = [{"role": "assistant", "content": "a"}]
    lines = [
        "not json",
        json.dumps({"input": good_input, "preferred_output": out, "non_preferred_output": out}),
        json.dumps({"input": {"messages": []}, "preferred_output": out,
                    "non_preferred_output": [{"role": "assistant", "content": "b"}]}),
        json.dumps({"input": good_input, "preferred_output": [{"role": "user", "content": "a"}],
                    "non_preferred_output": out}),
        json.dumps({"input": good_input, "preferred_output": out, "non_preferred_output": out,
                    "extra": 1}),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = validate_dpo_file(path)
    assert not report.ok
    text = "\n".join(report.errors)
    for expected in ("Line 1 is not valid JSON", "Line 2: both answers are the same",
                     "Line 3: the input", "Line 4: “preferred_output”", "Line 5 has unexpected"):
        assert expected in text
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert validate_dpo_file(empty).errors == ["The file has no preference pairs."]
    assert not validate_dpo_file(tmp_path / "missing.jsonl").ok
