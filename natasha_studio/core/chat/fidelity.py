"""A style-fidelity run: ask held-out questions of the chosen models, then score the answers.

The asking is a held-out run (``heldout``): answers are stored as they come, several models
answer at once, a stopped run keeps what it has. Answers that failed are asked again with the
retry policy's short pauses (``core.retry``). Then, optionally, a judge model compares the
answers two by two, and every answer is scored (``core.fidelity``); the report card's lines
are stored with the run, so it shows again after a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from natasha_studio.core.chat import heldout
from natasha_studio.core.chat.models import ModelEntry, get_model
from natasha_studio.core.chat.streaming import NoAnswer, ReplyStream
from natasha_studio.core.errors import StudioError
from natasha_studio.core.fidelity import judge as judging
from natasha_studio.core.fidelity import storage
from natasha_studio.core.fidelity.aggregate import SEED, AnswerScore, ModelResult, model_result
from natasha_studio.core.fidelity.scoring import Question, score_answers
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ChatOptions, ProviderUnavailable
from natasha_studio.core.retry import DEFAULT_POLICY, RetryPolicy
from natasha_studio.core.store import Project

# Stages a run reports progress in.
ASKING, JUDGING, SCORING = "asking", "judging", "scoring"

Progress = Callable[[str, int, int], None]


@dataclass
class FidelityOptions:
    questions: int | None = None     # a seeded sample of this many held-out questions; None: all
    judge_model: int | None = None   # a model entry that judges, or None (no judge)
    temperature: float = 0.7
    max_tokens: int = 1024
    concurrency: int = 4
    seed: int = SEED


def choose_questions(project: Project, snapshot_id: int, count: int | None,
                     seed: int = SEED) -> list[int]:
    """The pair ids of the held-out questions a run asks: all, or a seeded sample."""
    ids = [q.pair_id for q in heldout.heldout_questions(project, snapshot_id)]
    if count is None or count >= len(ids):
        return ids
    return sorted(random.Random(seed).sample(ids, max(1, count)))


def start_run(project: Project, snapshot_id: int, model_ids: Sequence[int],
              options: FidelityOptions | None = None) -> int:
    """Record a fidelity run (and the held-out run that asks its questions); returns its id."""
    options = options or FidelityOptions()
    model_ids = list(dict.fromkeys(model_ids))
    pair_ids = choose_questions(project, snapshot_id, options.questions, options.seed)
    heldout_run = heldout.create_run(project, snapshot_id, model_ids,
                                     temperature=options.temperature,
                                     max_tokens=options.max_tokens, pair_ids=pair_ids)
    title = project.conn.execute("SELECT name FROM snapshots WHERE id = ?",
                                 (snapshot_id,)).fetchone()
    profile = storage.persona_profile(project, snapshot_id)
    return storage.create_run(
        project, heldout_run, snapshot_id, title[0] if title else "",
        {"questions": len(pair_ids), "judge_model": options.judge_model, "seed": options.seed,
         "models": model_ids, "concurrency": options.concurrency},
        profile)


def _run_row(project: Project, run_id: int) -> sqlite3.Row:
    row = project.conn.execute("SELECT * FROM fidelity_runs WHERE id = ?", (run_id,)).fetchone()
    if row is None:
        raise StudioError(translate("Fidelity", "This fidelity run no longer exists."))
    return row


def _failed(project: Project, heldout_run_id: int) -> int:
    return project.conn.execute("SELECT count(*) FROM heldout_answers WHERE run_id = ? AND"
                                " error IS NOT NULL", (heldout_run_id,)).fetchone()[0]


class _Watched:
    """A provider whose failures are noted: whether trying again may help, and the pause the
    server asked for."""

    def __init__(self, provider: Any, failures: list[tuple[bool, float | None]]) -> None:
        self._provider = provider
        self._failures = failures
        self.name = getattr(provider, "name", "")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._provider, name)

    async def stream_chat(self, model: str, messages: Any, options: Any) -> Any:
        try:
            async for piece in self._provider.stream_chat(model, messages, options):
                yield piece
        except (ProviderUnavailable, NoAnswer, ConnectionError, TimeoutError) as exc:
            self._failures.append((True, getattr(exc, "retry_after", None)))
            raise
        except Exception:
            self._failures.append((False, None))
            raise


async def ask_models(project: Project, heldout_run_id: int,
                     provider_for: Callable[[ModelEntry], Any], progress: Progress | None,
                     concurrency: int, policy: RetryPolicy = DEFAULT_POLICY) -> None:
    """Ask every question of every model, then ask again, after the policy's pauses, the ones
    that failed for a passing reason (a connection dropped, a server busy or asking to wait)
    while tries are left. A refused key or an unknown model is not asked again."""
    failures: list[tuple[bool, float | None]] = []
    providers: dict[int, Any] = {}

    def watched(entry: ModelEntry) -> Any:
        if entry.id not in providers:
            providers[entry.id] = _Watched(provider_for(entry), failures)
        return providers[entry.id]

    def report(done: int, total: int) -> None:
        if progress:
            progress(ASKING, done, total)

    await heldout.run_heldout(project, heldout_run_id, watched, report, concurrency)
    for attempt in range(max(0, policy.call_attempts - 1)):
        passing = [after for retry, after in failures if retry]
        if not passing or not _failed(project, heldout_run_id):
            break
        failures.clear()
        await asyncio.sleep(policy.call_delay(attempt, max((a or 0.0) for a in passing)))
        await heldout.run_heldout(project, heldout_run_id, watched, report, concurrency)


def _answers(project: Project, heldout_run_id: int) -> tuple[dict[int, dict[int, str]],
                                                              dict[int, int], dict[int, str]]:
    """Model id -> pair id -> answer text; model id -> failed answers; model id -> name."""
    answers: dict[int, dict[int, str]] = {}
    errors: dict[int, int] = {}
    names: dict[int, str] = {}
    for r in project.conn.execute("SELECT * FROM heldout_answers WHERE run_id = ?",
                                  (heldout_run_id,)):
        names[r["model_id"]] = r["model_name"]
        answers.setdefault(r["model_id"], {})
        if r["error"]:
            errors[r["model_id"]] = errors.get(r["model_id"], 0) + 1
        else:
            answers[r["model_id"]][r["pair_id"]] = r["answer"]
    return answers, errors, names


async def judge_answers(project: Project, run: sqlite3.Row, questions: Sequence[Question],
                        answers: dict[int, dict[int, str]], provider_for: Callable[[ModelEntry], Any],
                        progress: Progress | None) -> dict[int, dict[int, float]]:
    """Ask the run's judge model to compare the answers two by two."""
    options = json.loads(run["options"] or "{}")
    entry = get_model(project, options.get("judge_model")) if options.get("judge_model") else None
    if entry is None:
        return {}
    provider = provider_for(entry)
    by_id = {q.pair_id: q for q in questions}
    comparisons = judging.plan(answers, [q.pair_id for q in questions],
                               int(options.get("seed", SEED)))
    verdicts: list[str | None] = [None] * len(comparisons)
    semaphore = asyncio.Semaphore(max(1, int(options.get("concurrency", 4))))
    done = 0

    async def ask(i: int, c: judging.Comparison) -> None:
        nonlocal done
        async with semaphore:
            q = by_id[c.pair_id]
            stream = ReplyStream(provider, entry.model_id, judging.messages(
                q.question, q.real_answer, answers[c.first][c.pair_id],
                answers[c.second][c.pair_id]),
                ChatOptions(temperature=0.0, max_tokens=judging.JUDGE_MAX_TOKENS))
            reply = await stream.run()
            verdicts[i] = judging.parse_verdict(reply.text) if reply.error is None else None
            done += 1
            if progress:
                progress(JUDGING, done, len(comparisons))

    await asyncio.gather(*(ask(i, c) for i, c in enumerate(comparisons)))
    return judging.scores(comparisons, verdicts)


def compute(project: Project, run_id: int, meaning_model,
            judge: dict[int, dict[int, float]] | None = None
            ) -> tuple[dict[int, list[AnswerScore]], list[ModelResult]]:
    """Score a run's answers (no writing): every answer, and every model's line."""
    run = _run_row(project, run_id)
    hrun = project.conn.execute("SELECT * FROM heldout_runs WHERE id = ?",
                                (run["heldout_run_id"],)).fetchone()
    if hrun is None:
        raise StudioError(translate("Fidelity", "The answers of this run were deleted."))
    questions = [Question(q.pair_id, q.question, q.real_answer)
                 for q in heldout.run_questions(project, hrun)]
    answers, errors, names = _answers(project, run["heldout_run_id"])
    order = [m for m in json.loads(hrun["models"]) if m in answers]
    order += [m for m in answers if m not in order]
    for model_id in order:
        entry = get_model(project, model_id)
        if entry is not None:
            names[model_id] = entry.name
    profile = storage.run_profile(project, run_id)
    scored = score_answers(profile, questions, {m: answers[m] for m in order}, meaning_model,
                           judge)
    seed = int(json.loads(run["options"] or "{}").get("seed", SEED))
    results = [model_result(m, names.get(m, ""), scored[m], errors.get(m, 0), seed=seed)
               for m in order]
    return scored, results


def score_run(project: Project, run_id: int, meaning_model,
              judge: dict[int, dict[int, float]] | None = None,
              status: str = "finished") -> list[ModelResult]:
    """Score a run's answers and store the scores and the report card's lines."""
    scored, results = compute(project, run_id, meaning_model, judge)
    storage.save_scores(project, run_id, scored, results, status)
    return results


async def run_fidelity(project: Project, run_id: int, provider_for: Callable[[ModelEntry], Any],
                       meaning_model: Callable[[], Any], progress: Progress | None = None,
                       policy: RetryPolicy = DEFAULT_POLICY) -> list[ModelResult]:
    """Ask, judge (if the run has a judge) and score; returns the report card's lines.

    ``meaning_model`` is called (in a worker thread: loading takes a second) for the
    offline meaning model. A cancelled run scores what it has, is marked stopped, and the
    cancellation goes on to the caller.
    """
    run = _run_row(project, run_id)
    options = json.loads(run["options"] or "{}")
    loading = asyncio.ensure_future(asyncio.to_thread(meaning_model))
    try:
        await ask_models(project, run["heldout_run_id"], provider_for, progress,
                         int(options.get("concurrency", 4)), policy)
        judge = None
        if options.get("judge_model"):
            hrun = project.conn.execute("SELECT * FROM heldout_runs WHERE id = ?",
                                        (run["heldout_run_id"],)).fetchone()
            questions = [Question(q.pair_id, q.question, q.real_answer)
                         for q in heldout.run_questions(project, hrun)]
            answers, _errors, _names = _answers(project, run["heldout_run_id"])
            judge = await judge_answers(project, run, questions, answers, provider_for,
                                        progress)
        if progress:
            progress(SCORING, 0, 1)
        model = await loading
        scored, results = await asyncio.to_thread(_compute_in_thread, project.path, run_id,
                                                  model, judge)
        storage.save_scores(project, run_id, scored, results)
        if progress:
            progress(SCORING, 1, 1)
        return results
    except asyncio.CancelledError:
        loading.cancel()
        # Closing the project cancels the run after the file is closed: nothing to record then.
        with contextlib.suppress(sqlite3.ProgrammingError, StudioError):
            if loading.done() and not loading.cancelled() and loading.exception() is None:
                score_run(project, run_id, loading.result(), status="stopped")
            else:
                storage.set_status(project, run_id, "stopped")
        raise


def _compute_in_thread(path, run_id: int, meaning_model, judge):
    """``compute`` on a connection of the worker thread's own (a Project stays in its thread)."""
    with Project.open(path) as project:
        return compute(project, run_id, meaning_model, judge)
