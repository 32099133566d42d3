"""Style fidelity scoring on three personas: her manner beats a generic assistant's on every
one, an answer about something else scores low on meaning, the interval is seeded."""

from __future__ import annotations

import math

import pytest
from fidelity_data import PERSONAS, answers_of, personas

from natasha_studio.core.fidelity import judge
from natasha_studio.core.fidelity.aggregate import (
    AnswerScore,
    bootstrap_interval,
    model_result,
    overall,
)
from natasha_studio.core.fidelity.axes import AXES, explanation, meaning_scores, style_score
from natasha_studio.core.fidelity.profile import features, learn_profile
from natasha_studio.core.fidelity.scoring import Question, score_answers
from natasha_studio.core.meaning import model


def _card(key: str):
    p = personas()[key]
    profile = learn_profile([a for _q, a in p["train"]], [q for q, _a in p["train"]])
    questions = [Question(i, h["q"], h["real"]) for i, h in enumerate(p["heldout"], start=1)]
    # 4: her own answers, as a model that knew them would give
    answers = {m: {q.pair_id: answers_of(key, kind)[q.question] for q in questions}
               for m, kind in enumerate(("persona", "generic", "offtopic", "real"), start=1)}
    scored = score_answers(profile, questions, answers, model())
    return profile, {m: model_result(m, str(m), scored[m]) for m in answers}


@pytest.mark.parametrize("key", PERSONAS)
def test_her_manner_scores_clearly_above_a_generic_assistant(key):
    _profile, card = _card(key)
    persona, generic = card[1], card[2]
    assert persona.n == generic.n == len(personas()[key]["heldout"])
    assert persona.score >= generic.score + 15
    assert persona.low > generic.high  # the intervals do not overlap
    assert persona.style > generic.style + 25


@pytest.mark.parametrize("key", PERSONAS)
def test_an_answer_about_something_else_scores_low_on_meaning(key):
    _profile, card = _card(key)
    persona, offtopic = card[1], card[3]
    assert offtopic.meaning < 25
    assert persona.meaning > 70
    assert offtopic.style > 80  # her manner is all it has
    assert offtopic.score < persona.score - 25


@pytest.mark.parametrize("key", PERSONAS)
def test_her_real_answers_score_highest(key):
    _profile, card = _card(key)
    assert card[4].score >= max(card[m].score for m in (1, 2, 3)) - 3


def test_the_profile_learns_her_habits():
    p = personas()["natasha"]
    profile = learn_profile([a for _q, a in p["train"]], [q for q, _a in p["train"]])
    assert "дорогая" in profile.top_words(5)
    assert profile.habits["emoji"] > 0.9 and profile.habits["list"] < 0.1
    assert profile.address["capital_vy"] < 0.1
    assert profile.endearments == ["дорогая"]
    semyon = personas()["semyon"]
    gruff = learn_profile([a for _q, a in semyon["train"]], [q for q, _a in semyon["train"]])
    assert {"слушай", "короче"} <= set(gruff.openings)
    assert gruff.habits["emoji"] < 0.1


def test_style_parts_show_what_differs():
    p = personas()["natasha"]
    profile = learn_profile([a for _q, a in p["train"]], [q for q, _a in p["train"]])
    h = p["heldout"][0]
    mine, formal = style_score(profile, h["persona"], h["real"]), style_score(profile, h["generic"], h["real"])
    for part in ("punctuation", "address", "words", "edges", "length"):
        assert mine.parts[part] > formal.parts[part], part
    f = features(h["generic"])
    assert f.habits["list"] and f.address["capital_vy"] and not f.habits["emoji"]


def test_meaning_is_unknown_without_known_words():
    scores = meaning_scores(["🙏🙏", "Начни с ходьбы"], ["Начни с ходьбы", "🙏"], model())
    assert math.isnan(scores[0]) and math.isnan(scores[1])


def test_overall_and_the_interval():
    assert overall({"style": 80, "meaning": 60, "judge": None}) == 70
    assert overall({"style": 80, "meaning": float("nan")}) == 80
    assert overall({}) is None
    values = [50, 60, 70, 80, 90]
    assert bootstrap_interval(values) == bootstrap_interval(values)  # seeded
    low, high = bootstrap_interval(values)
    assert 50 <= low < 70 < high <= 90
    assert bootstrap_interval([42]) == (42, 42)
    result = model_result(1, "m", [AnswerScore(1, 80, 60), AnswerScore(2, None, None)], errors=2)
    assert result.n == 1 and result.score == 70 and result.errors == 2
    assert set(result.to_json()) == {"model", "score", "low", "high", "style", "meaning",
                                     "judge", "n"}


def test_every_axis_has_a_sentence():
    for axis in (*AXES, "score"):
        assert explanation(axis).count(".") >= 1


def test_judge_compares_every_two_models_in_random_order():
    answers = {1: {1: "a", 2: "b"}, 2: {1: "c", 2: ""}, 3: {1: "d", 2: "e"}}
    comparisons = judge.plan(answers, [1, 2], seed=7)
    assert len(comparisons) == 3 + 1  # question 2: model 2 did not answer
    assert comparisons == judge.plan(answers, [1, 2], seed=7)
    firsts = {c.first for c in judge.plan({m: {q: "x" for q in range(40)} for m in (1, 2)},
                                          list(range(40)), seed=1)}
    assert firsts == {1, 2}  # each model is shown first sometimes
    assert [judge.parse_verdict(t) for t in ("A", " b.", "=", "Ответ: В", "none")] == \
        ["a", "b", "tie", "b", None]
    c = judge.Comparison(1, first=2, second=1)
    assert judge.scores([c, c], ["a", "tie"]) == {2: {1: 75.0}, 1: {1: 25.0}}
    cost = judge.judge_cost(100, 3)
    assert cost.calls == 300 and cost.tokens > 300 * 100
