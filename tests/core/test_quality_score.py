"""The quality score tells a question and its answer from thanks, greetings and the like, says
why in plain words, and learns from a curator's decisions (undone decisions teach nothing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from quality_data import load_pairs

from natasha_studio.cli import main
from natasha_studio.core.curation.reasons import KNOWN_CODES, reason_text
from natasha_studio.core.dataset import quality_learning
from natasha_studio.core.dataset.quality_learning import MIN_DECISIONS, learn_from_decisions
from natasha_studio.core.dataset.quality_model import FACTORS, GROUPS, score_pairs
from natasha_studio.core.store import Project


def _scores(pairs):
    return score_pairs([(p.question, p.answer, False, False, 1.0) for p in pairs])


def _auc(scores, real):
    pos = [s for s, r in zip(scores, real, strict=True) if r]
    neg = [s for s, r in zip(scores, real, strict=True) if not r]
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def test_the_held_out_pairs_are_told_apart():
    pairs = load_pairs("heldout")
    scores = [s for s, _r in _scores(pairs)]
    real = [p.real for p in pairs]
    assert _auc(scores, real) >= 0.9
    others = [s for s, r in zip(scores, real, strict=True) if not r]
    assert sum(s < 0.5 for s in others) >= 0.8 * len(others)


def test_the_fixture_is_big_enough_and_balanced():
    train, heldout = load_pairs("train"), load_pairs("heldout")
    assert len(train) + len(heldout) >= 300
    for part in (train, heldout):
        assert 0.35 < sum(p.real for p in part) / len(part) < 0.65
    assert not {(p.question, p.answer) for p in train} & {(p.question, p.answer) for p in heldout}


@pytest.mark.parametrize(("question", "answer", "reason"), [
    ("Спасибо за эфир! Было очень полезно.", "Спасибо тебе, дорогая! ❤️", "question_social"),
    ("Сделала домашку, выписала пять пунктов.", "Умничка!", "no_question"),
    ("Как перестать откладывать дела?", "Посмотрю вечером и отвечу.", "answer_deferred"),
    ("Как перестать откладывать дела?", "Реклама в чате запрещена, сообщение удалила.",
     "moderation"),
    ("Как перестать откладывать дела?", "🙏🙏", "emoji_only"),
])
def test_non_answers_score_low_with_a_reason(question, answer, reason):
    [(score, reasons)] = score_pairs([(question, answer, False, False, 1.0)])
    assert score < 0.5 and reason in reasons


def test_a_question_and_its_answer_score_high_without_reasons():
    [(score, reasons)] = score_pairs([(
        "Подскажите, как перестать откладывать дела на потом?",
        "Начни с маленького шага: пять минут на задачу. Когда начало не пугает, сопротивление"
        " падает, и дальше обычно идёт легче.", False, False, 1.0)])
    assert score >= 0.85 and reasons == []


def test_every_code_the_score_can_give_has_words():
    for code in (*GROUPS, *FACTORS):
        assert code in KNOWN_CODES and reason_text(code) != code
    assert reason_text("code_of_a_newer_version") == "code_of_a_newer_version"


def test_a_chat_where_nobody_asks_scores_low():
    said = ["Спасибо за вчерашний эфир!", "Всем доброе утро", "Сделала зарядку сегодня",
            "Поздравляю Свету с днём рождения!", "Прочитала главу, интересно"]
    replies = ["Спасибо, дорогая! ❤️", "Умничка!", "Доброе утро!", "Рада за тебя!",
               "Молодец, так держать!"]
    scored = score_pairs([(q, a, False, False, 0.6) for q in said for a in replies])
    assert max(s for s, _r in scored) < 0.5


def _project(tmp_path, count=120):
    """Pairs from the labelled training part, as a project's extracted pairs."""
    path = tmp_path / "learn.nstudio"
    pairs = (load_pairs("train") * 2)[:count]
    with Project.create(path, "Наташа") as project, project.transaction() as conn:
        for i, p in enumerate(pairs):
            conn.execute(
                "INSERT INTO pairs(key, origin, confidence, turns_original, question, answer,"
                " quality, quality_reasons) VALUES (?, 'reply', 1.0, '[]', ?, ?, 0.5, ?)",
                (f"k{i}", p.question, p.answer,
                 json.dumps(["duplicate"] if i == 3 else [])))
    return path, pairs


def _qualities(project):
    return dict(project.conn.execute("SELECT id, quality FROM pairs").fetchall())


def test_learning_from_decisions_and_undoing_them(tmp_path):
    path, pairs = _project(tmp_path)
    with Project.open(path) as project:
        first = learn_from_decisions(project)  # no decisions: the defaults, scored again
        assert not first.fitted and first.rescored == len(pairs)
        defaults = _qualities(project)
        # The curator disagrees with the labels on purpose: they approve the non-answers.
        ids = sorted(defaults)[:MIN_DECISIONS + 10]
        with project.transaction() as conn:
            for pair_id in ids:
                real = pairs[pair_id - 1].real
                conn.execute("UPDATE pairs SET status = ? WHERE id = ?",
                             ("rejected" if real else "approved", pair_id))
        learned = learn_from_decisions(project)
        assert learned.fitted and learned.approved + learned.rejected == len(ids)
        assert quality_learning.project_weights(project)["source"] == "project"
        taught = _qualities(project)
        approved = [i for i in ids if not pairs[i - 1].real]
        rejected = [i for i in ids if pairs[i - 1].real]
        assert (sum(taught[i] for i in approved) / len(approved)
                > sum(taught[i] for i in rejected) / len(rejected))
        # Undone: back to new, the defaults come back with the same scores.
        with project.transaction() as conn:
            conn.execute("UPDATE pairs SET status = 'new'")
        assert not learn_from_decisions(project).fitted
        assert quality_learning.project_weights(project) is None
        assert _qualities(project) == defaults
        # Extraction's duplicate verdict is kept through scoring again.
        reasons = json.loads(project.conn.execute(
            "SELECT quality_reasons FROM pairs WHERE key = 'k3'").fetchone()[0])
        assert "duplicate" in reasons


def test_the_pairs_command_shows_scores_and_reasons(tmp_path, capsys):
    path, _pairs = _project(tmp_path, 40)
    assert main(["pairs", str(path), "--learn", "--max-quality", "0.5", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(row["quality"] <= 0.5 for row in rows)
    assert all(len(row["reasons"]) == len(row["reason_codes"]) for row in rows)
    assert any(row["reasons"] for row in rows)
    assert all(text != code for row in rows
               for text, code in zip(row["reasons"], row["reason_codes"], strict=True))


def test_fitting_loads_no_part_the_bundle_leaves_out():
    code = (
        "import sys, numpy as np\n"
        "from natasha_studio.core.dataset.quality_learning import fit_weights\n"
        "rows = np.random.default_rng(1).random((60, 5))\n"
        "fit_weights(rows, rows[:, 0] > 0.5)\n"
        "sys.path.insert(0, 'packaging')\n"
        "import bundle_plan\n"
        "print([m for m in sys.modules for left in bundle_plan.UNUSED_SCIENCE_MODULES\n"
        "       if m == left or m.startswith(left + '.')])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"
