"""Held-out (golden) questions: a snapshot's pairs kept out of training, asked of models.

A run asks every held-out question of every chosen model, in the background, and stores each
answer as it arrives (``heldout_answers``); a stopped or crashed run keeps what it has. The
curator then rates answers (1-5) or picks the best one per question; the summary puts the
models side by side, with how close each one's answers are to the persona's real ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from natasha_studio.core.chat.models import ModelEntry, get_model
from natasha_studio.core.chat.streaming import ReplyStream, error_message
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ChatMessage, ChatOptions
from natasha_studio.core.store import Project


@dataclass
class HeldoutQuestion:
    pair_id: int
    context: list[ChatMessage]  # the conversation up to and including the member's question
    question: str
    real_answer: str
    system_prompt: str | None = None  # the pair's own prompt, where it overrides the snapshot's


def _turns_of(content: dict[str, Any]) -> list[tuple[str, str]]:
    """(role, text) turns of a frozen pair, whichever of the known shapes it has."""
    if isinstance(content.get("turns"), list):
        return [(t.get("role", ""), t.get("text", t.get("content", "")) or "")
                for t in content["turns"] if isinstance(t, dict)]
    if isinstance(content.get("messages"), list):
        return [(m.get("role", ""), m.get("content", "") or "")
                for m in content["messages"] if isinstance(m, dict) and m.get("role") != "system"]
    if content.get("question") or content.get("answer"):
        return [("user", content.get("question") or ""), ("assistant", content.get("answer") or "")]
    return []


def heldout_questions(project: Project, snapshot_id: int) -> list[HeldoutQuestion]:
    """The snapshot's held-out questions, each with its context and the persona's real answer."""
    questions = []
    for row in project.conn.execute(
        "SELECT pair_id, content FROM snapshot_pairs WHERE snapshot_id = ? AND split = 'heldout'"
        " ORDER BY pair_id", (snapshot_id,)
    ):
        try:
            content = json.loads(row["content"])
        except (TypeError, ValueError):
            continue
        turns = _turns_of(content) if isinstance(content, dict) else []
        if len(turns) < 2 or turns[-1][0] != "assistant" or turns[-2][0] != "user":
            continue  # not a question and an answer: nothing to ask
        context = [ChatMessage("user" if role == "user" else "assistant", text)
                   for role, text in turns[:-1]]
        own_prompt = content.get("system_prompt") if isinstance(content, dict) else None
        questions.append(HeldoutQuestion(row["pair_id"], context, turns[-2][1], turns[-1][1],
                                         own_prompt or None))
    return questions


def snapshots_with_heldout(project: Project) -> list[tuple[int, str, int]]:
    """(id, name, number of held-out pairs) of every snapshot that has some, newest first."""
    rows = project.conn.execute(
        "SELECT s.id, s.name, count(sp.pair_id) AS n FROM snapshots s"
        " JOIN snapshot_pairs sp ON sp.snapshot_id = s.id AND sp.split = 'heldout'"
        " GROUP BY s.id ORDER BY s.id DESC"
    )
    return [(r["id"], r["name"], r["n"]) for r in rows]


def snapshot_system_prompt(project: Project, snapshot_id: int) -> str:
    row = project.conn.execute("SELECT system_prompt FROM snapshots WHERE id = ?",
                               (snapshot_id,)).fetchone()
    return (row[0] if row and row[0] else "") or project.system_prompt


def create_run(project: Project, snapshot_id: int, model_ids: Sequence[int], *,
               temperature: float = 0.7, max_tokens: int = 1024,
               pair_ids: Sequence[int] | None = None) -> int:
    """Record a new run of the snapshot's held-out questions through ``model_ids``
    (only the questions of ``pair_ids``, where given)."""
    if not model_ids:
        raise StudioError(translate("Chat", "Choose at least one model to answer the questions."))
    if not heldout_questions(project, snapshot_id):
        raise StudioError(
            translate("Chat", "This snapshot has no held-out questions."),
            translate("Chat", "Freeze a snapshot with a held-out set on the Statistics tab."),
        )
    name = project.conn.execute("SELECT name FROM snapshots WHERE id = ?", (snapshot_id,)).fetchone()
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO heldout_runs(snapshot_id, title, models, options) VALUES (?, ?, ?, ?)",
            (snapshot_id, name[0] if name else "", json.dumps(list(model_ids)),
             json.dumps({"temperature": temperature, "max_tokens": max_tokens}
                        | ({"pair_ids": sorted(pair_ids)} if pair_ids is not None else {}))),
        )
        return int(cur.lastrowid)


def run_questions(project: Project, run: sqlite3.Row) -> list[HeldoutQuestion]:
    """The questions a run asks: the snapshot's held-out ones, or the chosen few of them."""
    questions = heldout_questions(project, run["snapshot_id"])
    chosen = json.loads(run["options"] or "{}").get("pair_ids")
    if chosen is not None:
        wanted = set(chosen)
        questions = [q for q in questions if q.pair_id in wanted]
    return questions


def _store_answer(project: Project, run_id: int, pair_id: int, entry: ModelEntry, answer: str,
                  error: str | None, metrics: dict[str, Any] | None) -> None:
    with project.transaction() as conn:
        conn.execute(
            "INSERT INTO heldout_answers(run_id, pair_id, model_id, model_name, answer, error, metrics)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, pair_id, model_id) DO UPDATE SET"
            " answer = excluded.answer, error = excluded.error, metrics = excluded.metrics",
            (run_id, pair_id, entry.id, entry.name, answer, error,
             json.dumps(metrics) if metrics else None),
        )


def _finish_run(project: Project, run_id: int, status: str) -> None:
    with project.transaction() as conn:
        conn.execute("UPDATE heldout_runs SET status = ?, finished_at = ? WHERE id = ?",
                     (status, dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), run_id))


async def run_heldout(
    project: Project,
    run_id: int,
    provider_for: Callable[[ModelEntry], Any],
    progress: Callable[[int, int], None] | None = None,
    concurrency: int = 4,
) -> int:
    """Ask every question of the run that has no answer yet; returns how many were answered.

    Answers are stored one by one, so a stopped run (cancelled task) keeps what it has and a
    new call goes on where it stopped. A model that fails records its error in plain words for
    each of its questions; the other models carry on.
    """
    run = project.conn.execute("SELECT * FROM heldout_runs WHERE id = ?", (run_id,)).fetchone()
    if run is None:
        raise StudioError(translate("Chat", "This held-out run no longer exists."))
    options = json.loads(run["options"] or "{}")
    chat_options = ChatOptions(temperature=float(options.get("temperature", 0.7)),
                               max_tokens=int(options.get("max_tokens", 1024)))
    questions = run_questions(project, run)
    system = snapshot_system_prompt(project, run["snapshot_id"])
    entries = [e for e in (get_model(project, i) for i in json.loads(run["models"])) if e]
    if not entries:
        raise StudioError(translate("Chat", "The models of this run were deleted."))
    done_keys = {(r[0], r[1]) for r in project.conn.execute(
        "SELECT pair_id, model_id FROM heldout_answers WHERE run_id = ? AND error IS NULL",
        (run_id,))}
    providers: dict[int, Any] = {}
    setup_errors: dict[int, str] = {}
    for entry in entries:
        try:
            providers[entry.id] = provider_for(entry)
        except Exception as exc:  # a missing key or bad settings: reported per answer
            setup_errors[entry.id] = error_message(exc)
    todo = [(q, e) for q in questions for e in entries if (q.pair_id, e.id) not in done_keys]
    total, finished = len(questions) * len(entries), len(questions) * len(entries) - len(todo)
    if progress:
        progress(finished, total)
    semaphore = asyncio.Semaphore(max(1, concurrency))

    async def ask(question: HeldoutQuestion, entry: ModelEntry) -> None:
        nonlocal finished
        async with semaphore:
            if entry.id in setup_errors:
                answer, error, metrics = "", setup_errors[entry.id], None
            else:
                prompt = question.system_prompt or system
                messages = ([ChatMessage("system", prompt)] if prompt else []) + question.context
                stream = ReplyStream(providers[entry.id], entry.model_id, messages, chat_options)
                reply = await stream.run()
                answer, error = reply.text, reply.error
                metrics = reply.metrics.to_dict() if reply.metrics else None
            _store_answer(project, run_id, question.pair_id, entry, answer, error, metrics)
            finished += 1
            if progress:
                progress(finished, total)

    try:
        await asyncio.gather(*(ask(q, e) for q, e in todo))
    except asyncio.CancelledError:
        # Closing the project cancels the run after the file is closed: nothing to record
        # then, and the run shows as stopped next time (see ``list_runs``).
        with contextlib.suppress(sqlite3.ProgrammingError):
            _finish_run(project, run_id, "stopped")
        raise
    _finish_run(project, run_id, "finished")
    return len(todo)


def rate_answer(project: Project, run_id: int, pair_id: int, model_id: int,
                rating: int | None) -> None:
    """Rate a model's answer from 1 (nothing like the persona) to 5 (just like her); None clears."""
    if rating is not None and not 1 <= rating <= 5:
        raise ValueError(rating)
    with project.transaction() as conn:
        conn.execute("UPDATE heldout_answers SET rating = ? WHERE run_id = ? AND pair_id = ?"
                     " AND model_id = ?", (rating, run_id, pair_id, model_id))


def pick_best(project: Project, run_id: int, pair_id: int, model_id: int | None) -> None:
    """Mark one model's answer as the best for this question (None: no best)."""
    with project.transaction() as conn:
        conn.execute("UPDATE heldout_answers SET best = (model_id IS ?) WHERE run_id = ?"
                     " AND pair_id = ?", (model_id, run_id, pair_id))


@dataclass
class HeldoutRow:
    question: HeldoutQuestion
    answers: dict[int, dict[str, Any]] = field(default_factory=dict)  # model id -> answer row


def run_table(project: Project, run_id: int) -> tuple[list[tuple[int, str]], list[HeldoutRow]]:
    """The run's models (id, name) and one row per question with each model's answer."""
    run = project.conn.execute("SELECT * FROM heldout_runs WHERE id = ?", (run_id,)).fetchone()
    if run is None:
        raise StudioError(translate("Chat", "This held-out run no longer exists."))
    answers: dict[int, dict[int, dict[str, Any]]] = {}
    names: dict[int, str] = {}
    for r in project.conn.execute("SELECT * FROM heldout_answers WHERE run_id = ?", (run_id,)):
        answers.setdefault(r["pair_id"], {})[r["model_id"]] = dict(r)
        names[r["model_id"]] = r["model_name"]
    for entry_id in json.loads(run["models"]):
        entry = get_model(project, entry_id)
        if entry is not None:
            names[entry_id] = entry.name
    order = [i for i in json.loads(run["models"]) if i in names]
    order += [i for i in names if i not in order]
    rows = [HeldoutRow(q, answers.get(q.pair_id, {})) for q in run_questions(project, run)]
    return [(i, names[i]) for i in order], rows


@dataclass
class ModelSummary:
    model_id: int
    name: str
    answered: int = 0
    errors: int = 0
    rated: int = 0
    mean_rating: float | None = None
    best: int = 0
    similarity: float | None = None  # mean 0..100 closeness of wording to the real answers
    length_ratio: float | None = None  # mean answer length / the real answer's length


def run_summary(project: Project, run_id: int) -> list[ModelSummary]:
    """Per model: answers, errors, mean rating, best picks, closeness to the real answers."""
    models, rows = run_table(project, run_id)
    summaries = []
    for model_id, name in models:
        s = ModelSummary(model_id, name)
        ratings, sims, ratios = [], [], []
        for row in rows:
            a = row.answers.get(model_id)
            if a is None:
                continue
            if a["error"]:
                s.errors += 1
                continue
            s.answered += 1
            s.best += int(bool(a["best"]))
            if a["rating"] is not None:
                ratings.append(a["rating"])
            real = row.question.real_answer
            sims.append(fuzz.token_set_ratio(a["answer"].lower(), real.lower()))
            if real.strip():
                ratios.append(len(a["answer"]) / len(real))
        s.rated = len(ratings)
        s.mean_rating = sum(ratings) / len(ratings) if ratings else None
        s.similarity = sum(sims) / len(sims) if sims else None
        s.length_ratio = sum(ratios) / len(ratios) if ratios else None
        summaries.append(s)
    return summaries


def list_runs(project: Project, snapshot_id: int | None = None,
              active: Sequence[int] = ()) -> list[dict[str, Any]]:
    """Runs, newest first: id, snapshot, title, models, status, created_at, answers.

    A run marked running that is not among ``active`` (the runs going on now) was cut short
    by closing the app, and is reported as stopped.
    """
    rows = project.conn.execute(
        "SELECT r.*, (SELECT count(*) FROM heldout_answers a WHERE a.run_id = r.id) AS answers"
        " FROM heldout_runs r WHERE (? IS NULL OR r.snapshot_id = ?) ORDER BY r.id DESC",
        (snapshot_id, snapshot_id),
    )
    runs = []
    for r in rows:
        run = dict(r) | {"models": json.loads(r["models"])}
        if run["status"] == "running" and run["id"] not in active:
            run["status"] = "stopped"
        runs.append(run)
    return runs
