"""Fidelity runs in the project: the profile scored against, each answer's scores, each model's
line of the report card. The answers themselves stay in the held-out run they came from."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from natasha_studio.core.fidelity.aggregate import AnswerScore, ModelResult
from natasha_studio.core.fidelity.profile import StyleProfile, learn_profile
from natasha_studio.core.store import Project


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def persona_texts(project: Project, snapshot_id: int | None) -> tuple[list[str], list[str]]:
    """Her answers to learn the profile from, and the members' questions they answered.

    The approved pairs, leaving out the snapshot's held-out questions (their real answers are
    what the models are measured against); where nothing is approved yet, the snapshot's
    training pairs.
    """
    held = set()
    if snapshot_id is not None:
        held = {r[0] for r in project.conn.execute(
            "SELECT pair_id FROM snapshot_pairs WHERE snapshot_id = ? AND split = 'heldout'",
            (snapshot_id,))}
    rows = [(r["id"], r["question"], r["answer"]) for r in project.conn.execute(
        "SELECT id, question, answer FROM pairs WHERE status = 'approved' AND deleted = 0")]
    answers = [a for pid, _q, a in rows if pid not in held and a.strip()]
    questions = [q for pid, q, a in rows if pid not in held and a.strip()]
    if answers or snapshot_id is None:
        return answers, questions
    for row in project.conn.execute(
        "SELECT content FROM snapshot_pairs WHERE snapshot_id = ? AND split = 'train'",
        (snapshot_id,)):
        try:
            turns = json.loads(row[0]).get("turns") or []
        except (TypeError, ValueError, AttributeError):
            continue
        texts = [(t.get("role"), t.get("text") or t.get("content") or "") for t in turns
                 if isinstance(t, dict)]
        if len(texts) >= 2 and texts[-1][0] == "assistant":
            answers.append(texts[-1][1])
            questions.append(texts[-2][1])
    return answers, questions


def persona_profile(project: Project, snapshot_id: int | None) -> StyleProfile:
    answers, questions = persona_texts(project, snapshot_id)
    return learn_profile(answers, questions)


def create_run(project: Project, heldout_run_id: int, snapshot_id: int, title: str,
               options: dict[str, Any], profile: StyleProfile) -> int:
    """Record a fidelity run over the answers of ``heldout_run_id``."""
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO fidelity_runs(heldout_run_id, snapshot_id, title, options, profile)"
            " VALUES (?, ?, ?, ?, ?)",
            (heldout_run_id, snapshot_id, title, json.dumps(options, ensure_ascii=False),
             json.dumps(profile.to_dict(), ensure_ascii=False)))
        return int(cur.lastrowid)


def _number(value: float | None) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def save_scores(project: Project, run_id: int, scores: dict[int, list[AnswerScore]],
                results: Sequence[ModelResult], status: str = "finished") -> None:
    """Store every answer's scores and every model's line, replacing earlier ones, in one write."""
    with project.transaction() as conn:
        conn.execute("DELETE FROM fidelity_scores WHERE run_id = ?", (run_id,))
        conn.execute("DELETE FROM fidelity_results WHERE run_id = ?", (run_id,))
        conn.executemany(
            "INSERT INTO fidelity_scores(run_id, pair_id, model_id, style, meaning, judge, score,"
            " details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(run_id, a.pair_id, model_id, _number(a.style), _number(a.meaning),
              _number(a.judge), _number(a.overall), json.dumps(a.parts))
             for model_id, answers in scores.items() for a in answers])
        conn.executemany(
            "INSERT INTO fidelity_results(run_id, model_id, model_name, position, score, low,"
            " high, style, meaning, judge, n, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(run_id, r.model_id, r.name, i, _number(r.score), _number(r.low), _number(r.high),
              _number(r.style), _number(r.meaning), _number(r.judge), r.n, r.errors)
             for i, r in enumerate(results)])
        conn.execute("UPDATE fidelity_runs SET status = ?, finished_at = ? WHERE id = ?",
                     (status, _now(), run_id))


def set_status(project: Project, run_id: int, status: str) -> None:
    with project.transaction() as conn:
        conn.execute("UPDATE fidelity_runs SET status = ?, finished_at = ? WHERE id = ?",
                     (status, _now(), run_id))


def list_runs(project: Project, active: Sequence[int] = ()) -> list[dict[str, Any]]:
    """Fidelity runs, newest first (a run marked running that is not among ``active`` was cut
    short and shows as stopped)."""
    runs = []
    for r in project.conn.execute(
        "SELECT f.*, (SELECT count(*) FROM fidelity_results x WHERE x.run_id = f.id) AS models"
        " FROM fidelity_runs f ORDER BY f.id DESC"):
        run = dict(r) | {"options": json.loads(r["options"] or "{}")}
        if run["status"] == "running" and run["id"] not in active:
            run["status"] = "stopped"
        runs.append(run)
    return runs


def run_profile(project: Project, run_id: int) -> StyleProfile:
    row = project.conn.execute("SELECT profile FROM fidelity_runs WHERE id = ?",
                               (run_id,)).fetchone()
    return StyleProfile.from_dict(json.loads(row[0]) if row else {})


def run_results(project: Project, run_id: int) -> list[ModelResult]:
    """The report card's lines, in the order the models were chosen."""
    return [ModelResult(r["model_id"], r["model_name"], r["score"], r["low"], r["high"],
                        r["style"], r["meaning"], r["judge"], r["n"], r["errors"])
            for r in project.conn.execute(
                "SELECT * FROM fidelity_results WHERE run_id = ? ORDER BY position", (run_id,))]


@dataclass
class Example:
    """One answer beside the persona's real one, for the best and worst of a model."""

    pair_id: int
    question: str
    real_answer: str
    answer: str
    score: float
    style: float | None
    meaning: float | None


def examples(project: Project, run_id: int, model_id: int, count: int = 2
             ) -> tuple[list[Example], list[Example]]:
    """A model's ``count`` best and ``count`` worst answers of a run."""
    from natasha_studio.core.chat.heldout import heldout_questions

    run = project.conn.execute("SELECT heldout_run_id, snapshot_id FROM fidelity_runs"
                               " WHERE id = ?", (run_id,)).fetchone()
    if run is None:
        return [], []
    questions = {q.pair_id: q for q in heldout_questions(project, run["snapshot_id"])}
    answers = {r["pair_id"]: r["answer"] for r in project.conn.execute(
        "SELECT pair_id, answer FROM heldout_answers WHERE run_id = ? AND model_id = ?",
        (run["heldout_run_id"], model_id))}
    rows = [r for r in project.conn.execute(
        "SELECT pair_id, score, style, meaning FROM fidelity_scores WHERE run_id = ?"
        " AND model_id = ? AND score IS NOT NULL ORDER BY score DESC, pair_id", (run_id, model_id))
        if r["pair_id"] in questions]
    found = [Example(r["pair_id"], questions[r["pair_id"]].question,
                     questions[r["pair_id"]].real_answer, answers.get(r["pair_id"], ""),
                     r["score"], r["style"], r["meaning"]) for r in rows]
    best = found[:count]
    worst = [e for e in reversed(found) if e not in best][:count]
    return best, worst


def score_history(project: Project) -> list[ModelResult]:
    """The latest finished score of each tuned model, in the order of their fine-tunes: how
    fidelity moved from one tune to the next."""
    rows = project.conn.execute(
        "SELECT x.*, m.job_id FROM fidelity_results x"
        " JOIN fidelity_runs f ON f.id = x.run_id AND f.status = 'finished'"
        " JOIN models m ON m.id = x.model_id AND m.job_id IS NOT NULL"
        " WHERE x.score IS NOT NULL ORDER BY m.job_id, x.run_id DESC")
    seen: dict[int, ModelResult] = {}
    for r in rows:
        if r["model_id"] not in seen:
            seen[r["model_id"]] = ModelResult(r["model_id"], r["model_name"], r["score"],
                                              r["low"], r["high"], r["style"], r["meaning"],
                                              r["judge"], r["n"], r["errors"])
    return list(seen.values())
