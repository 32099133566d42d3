"""The demo's recorded second half: a snapshot, a finished fine-tune, its models, a test chat.

A newcomer opening the demo should see every tab with something in it, without a Telegram
account, a provider account or a network. Everything here is written straight into the project
from ``resources/demo/recorded.json``: the job never reached a provider, and its model entries
carry ``demo: true`` so that nothing tries to talk to one (``providers.registry.provider_for``
refuses them with a plain sentence). Names, events and the side-by-side chat follow the app's
language at creation; the held-out questions are the community's own, so their answers are
Russian in both.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from natasha_studio.core.chat.blind import BlindRound, record_vote
from natasha_studio.core.chat.heldout import create_run, heldout_questions, pick_best, rate_answer
from natasha_studio.core.chat.models import add_model
from natasha_studio.core.chat.sessions import ColumnConfig, add_message, create_session
from natasha_studio.core.chat.streaming import ReplyMetrics
from natasha_studio.core.curation.bulk import set_statuses
from natasha_studio.core.export.selection import PairFilter, select_examples
from natasha_studio.core.export.snapshots import create_snapshot
from natasha_studio.core.export.split import assign_splits
from natasha_studio.core.i18n import language, number
from natasha_studio.core.provider import ChatMessage
from natasha_studio.core.store import Project

DEMO_SETTING = "demo"  # project setting: this project is the bundled demo
PROVIDER = "openai"  # a real kind, so the job card reads as a real one would
BASE_MODEL = "gpt-4.1-mini-2025-04-14"
TUNED_MODEL = "ft:gpt-4.1-mini-2025-04-14:demo::natasha-v1"
HELDOUT = 4
VALIDATION = 0.1
EPOCHS = 3  # at a batch of one: steps = training examples × epochs


@lru_cache(maxsize=1)
def recorded() -> dict[str, Any]:
    """The recorded texts: per language ("en", "ru") and the held-out answers."""
    from natasha_studio.core.resources import resource

    return json.loads(resource("demo", "recorded.json").read_text(encoding="utf-8"))


def question_key(text: str) -> str:
    """A member's question as the held-out answers are keyed: the demo chat asks some
    questions twice, once with "Наташа, " in front and "??" at the end."""
    text = text.strip().lower().replace("наташа, ", "")
    return text.rstrip("?").strip()


@dataclass
class DemoIds:
    snapshot_id: int
    job_id: int
    tuned_model_id: int
    base_model_id: int
    session_id: int
    heldout_run_id: int
    fidelity_run_id: int


def add_recorded_work(project: Project) -> DemoIds:
    """Approve pairs, freeze them, and add the recorded job, models, chat, votes and run."""
    texts = recorded()
    lang = texts[language()] if language() in texts else texts["en"]
    project.set_setting(DEMO_SETTING, True)
    _curate(project)
    seed = _seed_with_recorded_answers(project, texts["heldout"])
    snapshot = create_snapshot(project, lang["snapshot_name"], lang["snapshot_note"],
                               validation_split=VALIDATION, heldout=HELDOUT, seed=seed)
    train = snapshot.split_counts.get("train", snapshot.pair_count)
    job_id = _add_job(project, snapshot.id, lang, train)
    demo = {"kind": "tuned", DEMO_SETTING: True}
    tuned = add_model(project, lang["tuned_name"], PROVIDER, TUNED_MODEL, job_id=job_id,
                      settings=demo, unique=True)
    base = add_model(project, lang["base_name"], PROVIDER, BASE_MODEL,
                     settings=demo | {"kind": "base"}, unique=True)
    session = _add_session(project, lang, tuned, base)
    _add_votes(project, lang, tuned, base)
    run = _add_heldout_run(project, snapshot.id, texts["heldout"], tuned, base)
    fidelity = _add_fidelity_run(project, snapshot.id, run, [tuned, base])
    return DemoIds(snapshot.id, job_id, tuned, base, session, run, fidelity)


def is_demo(project: Project) -> bool:
    return bool(project.get_setting(DEMO_SETTING, False))


# -- curation ------------------------------------------------------------------------------


def _curate(project: Project) -> None:
    """Approve the clear answers, reject the weakest, leave the rest for the curator to try."""
    rows = project.conn.execute(
        "SELECT id, origin, quality FROM pairs WHERE deleted = 0 ORDER BY id").fetchall()
    approve = [r["id"] for r in rows if r["origin"] == "reply" and (r["quality"] or 0) >= 0.9]
    reject = [r["id"] for r in rows if (r["quality"] or 0) < 0.6][:3]
    set_statuses(project, approve, "approved")
    set_statuses(project, reject, "rejected")


def _seed_with_recorded_answers(project: Project, answers: dict[str, Any]) -> int:
    """The first split seed whose held-out questions all have recorded answers."""
    examples = select_examples(project, PairFilter())
    for seed in range(200):
        splits = assign_splits(examples, VALIDATION, HELDOUT, seed)
        held = [e for e in examples if splits[e.pair_id] == "heldout"]
        if all(question_key(e.question) in answers for e in held):
            return seed
    return 0  # a question without an answer shows as not answered; never seen with this data


# -- the job -------------------------------------------------------------------------------


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def loss_curve(steps: int, seed: int = 3) -> dict[str, list[tuple[int, float]]]:
    """A believable run: training loss falls fast then flattens with noise, validation loss
    (every eight steps) follows a little above it, token accuracy rises."""
    rnd = random.Random(seed)
    train, valid, accuracy = [], [], []
    for step in range(1, steps + 1):
        base = 0.78 + 1.55 * math.exp(-step / 14)
        train.append((step, round(base + rnd.uniform(-0.09, 0.09), 4)))
        accuracy.append((step, round(0.74 - 0.26 * math.exp(-step / 16)
                                     + rnd.uniform(-0.02, 0.02), 4)))
        if step % 8 == 0 or step == steps:
            valid.append((step, round(base + 0.2 + 0.001 * step + rnd.uniform(-0.03, 0.03), 4)))
    return {"train_loss": train, "valid_loss": valid, "train_mean_token_accuracy": accuracy}


def _event_figures(train: int, curve: dict[str, list[tuple[int, float]]]) -> dict[str, Any]:
    """What the recorded events say, from the snapshot's own count and the loss curve drawn,
    so the job's story agrees with the launch form and the chart."""
    steps = len(curve["train_loss"])
    first, second = max(1, steps * 5 // 16), max(2, steps * 5 // 8)

    def loss(step: int) -> str:
        return number(curve["train_loss"][step - 1][1], 2)

    def valid(step: int) -> str:
        latest = [v for s, v in curve["valid_loss"] if s <= step] or [curve["valid_loss"][0][1]]
        return number(latest[-1], 2)

    return {"examples": train, "steps": steps, "first": first, "second": second,
            "first_loss": loss(first), "second_loss": loss(second), "last_loss": loss(steps),
            "second_valid": valid(second), "last_valid": valid(steps)}


def _add_job(project: Project, snapshot_id: int, lang: dict[str, Any], train: int) -> int:
    start = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).replace(microsecond=0)
    steps = max(8, train * EPOCHS)
    curve = loss_curve(steps)
    figures = _event_figures(train, curve)
    events = [(minutes, level, text.format(**figures)) for minutes, level, text in lang["events"]]
    finished = start + dt.timedelta(minutes=events[-1][0])
    state = {DEMO_SETTING: True, "checked_at": _iso(finished)}
    hyper = {"epochs": EPOCHS, "batch_size": 1, "learning_rate_multiplier": 2.0}
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO jobs(provider, remote_id, snapshot_id, base_model, display_name,"
            " hyperparameters, status, tuned_model, state, created_at, updated_at, finished_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'succeeded', ?, ?, ?, ?, ?)",
            (PROVIDER, "ftjob-demo-natasha-v1", snapshot_id, BASE_MODEL, lang["job_name"],
             json.dumps(hyper), TUNED_MODEL, json.dumps(state), _iso(start), _iso(finished),
             _iso(finished)))
        job_id = int(cur.lastrowid)
        conn.executemany(
            "INSERT INTO job_events(job_id, remote_id, at, level, message) VALUES (?, ?, ?, ?, ?)",
            [(job_id, f"demo-event-{i}", _iso(start + dt.timedelta(minutes=minutes)), level,
              text) for i, (minutes, level, text) in enumerate(events)])
        rows = [(job_id, step, name, value)
                for name, series in curve.items() for step, value in series]
        rows += [(job_id, step, "progress", step / steps) for step in range(8, steps + 1, 8)]
        conn.executemany(
            "INSERT INTO job_metrics(job_id, step, name, value) VALUES (?, ?, ?, ?)", rows)
    return job_id


# -- test chat -----------------------------------------------------------------------------


def _metrics(text: str, rnd: random.Random, speed: float) -> ReplyMetrics:
    tokens = max(1, len(text) // 3)
    ttft = round(rnd.uniform(0.3, 0.9), 2)
    duration = round(ttft + tokens / speed, 2)
    return ReplyMetrics(ttft=ttft, duration=duration, tokens=tokens,
                        tokens_per_second=round(tokens / (duration - ttft), 1))


def _add_session(project: Project, lang: dict[str, Any], tuned: int, base: int) -> int:
    prompt = project.system_prompt
    session = create_session(project, [ColumnConfig(tuned, prompt), ColumnConfig(base, prompt)],
                             title=lang["session_title"])
    rnd = random.Random(11)
    for exchange in lang["chat"]:
        for column, (model, key, speed) in enumerate(((tuned, "tuned", 70.0),
                                                      (base, "base", 95.0))):
            add_message(project, session, column, "user", exchange["question"], model_id=model)
            add_message(project, session, column, "assistant", exchange[key], model_id=model,
                        metrics=_metrics(exchange[key], rnd, speed))
    return session


def _add_votes(project: Project, lang: dict[str, Any], tuned: int, base: int) -> None:
    """A dozen blind verdicts, mostly for the tuned model (as a good first tune goes)."""
    verdicts = ["tuned"] * 8 + ["base"] * 2 + ["tie", "both_bad"]
    exchanges = lang["chat"]
    for i, verdict in enumerate(verdicts):
        exchange = exchanges[i % len(exchanges)]
        tuned_first = i % 2 == 0
        round_ = BlindRound(tuned, base) if tuned_first else BlindRound(base, tuned)
        a, b = ((exchange["tuned"], exchange["base"]) if tuned_first
                else (exchange["base"], exchange["tuned"]))
        winner = verdict if verdict in ("tie", "both_bad") else (
            "a" if (verdict == "tuned") == tuned_first else "b")
        record_vote(project, round_, [ChatMessage("user", exchange["question"])], a, b, winner)


def _add_fidelity_run(project: Project, snapshot_id: int, heldout_run: int,
                      models: list[int]) -> int:
    """The style-fidelity report card of the recorded held-out answers: scored offline here,
    as a run in the app would score them once the models had answered."""
    from natasha_studio.core.chat.fidelity import score_run
    from natasha_studio.core.fidelity import storage
    from natasha_studio.core.fidelity.aggregate import SEED
    from natasha_studio.core.meaning import model

    name = project.conn.execute("SELECT name FROM snapshots WHERE id = ?",
                                (snapshot_id,)).fetchone()[0]
    questions = len(heldout_questions(project, snapshot_id))
    run = storage.create_run(project, heldout_run, snapshot_id, name,
                             {"questions": questions, "models": models, "seed": SEED},
                             storage.persona_profile(project, snapshot_id))
    score_run(project, run, model())
    return run


def _add_heldout_run(project: Project, snapshot_id: int, answers: dict[str, Any], tuned: int,
                     base: int) -> int:
    run = create_run(project, snapshot_id, [tuned, base])
    names = {tuned: "tuned", base: "base"}
    rnd = random.Random(5)
    questions = heldout_questions(project, snapshot_id)
    with project.transaction() as conn:
        entries = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM models")}
        for question in questions:
            recorded_answers = answers.get(question_key(question.question))
            if recorded_answers is None:
                continue
            for model, key in names.items():
                text = recorded_answers[key]
                conn.execute(
                    "INSERT INTO heldout_answers(run_id, pair_id, model_id, model_name, answer,"
                    " metrics) VALUES (?, ?, ?, ?, ?, ?)",
                    (run, question.pair_id, model, entries[model], text,
                     json.dumps(_metrics(text, rnd, 80.0).to_dict())))
        conn.execute("UPDATE heldout_runs SET status = 'finished', finished_at = ? WHERE id = ?",
                     (_iso(dt.datetime.now(dt.UTC)), run))
    for i, question in enumerate(questions):
        rate_answer(project, run, question.pair_id, tuned, 5 if i % 3 else 4)
        rate_answer(project, run, question.pair_id, base, 2 if i % 2 else 1)
        pick_best(project, run, question.pair_id, tuned)
    return run
