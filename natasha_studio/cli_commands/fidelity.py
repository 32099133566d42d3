"""The ``fidelity`` command: how much each model sounds like the persona, over held-out questions.

Asks a snapshot's held-out questions of every ``--model``, scores each answer against the
persona's real one (style, meaning, and a judge model's verdicts with ``--judge``), stores the
run in the project (the Test chat tab shows it) and prints one line per model: the score 0-100
with its 95% interval, and each axis. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import number, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fidelity", help="score how much each model sounds like the persona on "
                       "the held-out questions")
    p.add_argument("project", help="the .nstudio project")
    p.add_argument("--model", action="append", required=True, metavar="MODEL",
                   help="a saved chat model's name, or PROVIDER:MODEL (e.g. openai:gpt-4.1-mini, "
                   "compatible:llama3.1 with --base-url); repeat for each model")
    p.add_argument("--base-url", help="the server's address for compatible:MODEL models "
                   "(e.g. http://localhost:11434/v1)")
    p.add_argument("--questions", type=int, default=None, metavar="N",
                   help="ask a sample of N held-out questions (default: all)")
    p.add_argument("--snapshot", help="the snapshot whose held-out questions to ask (default: "
                   "the newest that has some)")
    p.add_argument("--judge", metavar="MODEL", help="also let this chat model judge which "
                   "answers are closer to the real ones (costs one call per question for every "
                   "two models; the estimate is printed first)")
    p.add_argument("--concurrency", type=int, default=4, help="answers asked at once (default 4)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_fidelity)


def resolve_model(project, spec: str, base_url: str | None) -> int:
    """The id of the model entry ``spec`` names: a saved name, or PROVIDER:MODEL (saved as a
    new entry when the project has none like it, so the run can show it later)."""
    from natasha_studio.core.chat.models import PROVIDERS, add_model, list_models

    entries = list_models(project)
    for entry in entries:
        if entry.name == spec:
            return entry.id
    provider, _, model = spec.partition(":")
    if provider not in PROVIDERS or not model.strip():
        names = ", ".join(e.name for e in entries) or "—"
        raise StudioError(
            translate("Fidelity", "“{spec}” is neither a saved model nor PROVIDER:MODEL.").format(
                spec=spec),
            translate("Fidelity", "Saved models: {names}. Providers: {providers}.").format(
                names=names, providers=", ".join(PROVIDERS)))
    if provider == "compatible" and not base_url:
        raise StudioError(translate("Fidelity", "A compatible server needs --base-url."),
                          translate("Fidelity", "For example: --base-url "
                                    "http://localhost:11434/v1"))
    url = (base_url or "").rstrip("/") or None if provider == "compatible" else None
    for entry in entries:
        if entry.provider == provider and entry.model_id == model and entry.base_url == url:
            return entry.id
    return add_model(project, spec, provider, model, base_url=url, unique=True)


def _snapshot(project, name: str | None) -> int:
    from natasha_studio.core.chat.heldout import snapshots_with_heldout

    snapshots = snapshots_with_heldout(project)
    if name:
        found = [s for s in snapshots if s[1] == name]
        if not found:
            raise StudioError(
                translate("Fidelity", "The snapshot “{name}” has no held-out questions.").format(
                    name=name),
                translate("Fidelity", "Snapshots with held-out questions: {names}").format(
                    names=", ".join(s[1] for s in snapshots) or "—"))
        return found[0][0]
    if not snapshots:
        raise StudioError(
            translate("Fidelity", "The project has no held-out questions to ask."),
            translate("Fidelity", "Freeze a snapshot with a held-out set on the Statistics tab "
                      "(or with “natasha-studio export snapshot … --heldout N”)."))
    return snapshots[0][0]


def _interval(low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return "—"
    return f"{number(low, 0)}–{number(high, 0)}"


def _value(value: float | None) -> str:
    return "—" if value is None else number(value, 0)


def print_table(results) -> None:
    headers = [translate("Fidelity", "Model"), translate("Fidelity", "Score"),
               translate("Fidelity", "95% interval"), translate("Fidelity", "Style"),
               translate("Fidelity", "Meaning"), translate("Fidelity", "Judge"),
               translate("Fidelity", "Questions")]
    rows = [[r.name, _value(r.score), _interval(r.low, r.high), _value(r.style),
             _value(r.meaning), _value(r.judge), str(r.n)] for r in results]
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print("  ".join(str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
                        for i, cell in enumerate(row)).rstrip())
    for r in results:
        if r.errors:
            print(translate("Fidelity", "{model}: {count} questions were not answered.").format(
                model=r.name, count=r.errors), file=sys.stderr)


def cmd_fidelity(args: argparse.Namespace) -> int:
    from natasha_studio.core import meaning
    from natasha_studio.core.chat.fidelity import (
        FidelityOptions,
        choose_questions,
        run_fidelity,
        start_run,
    )
    from natasha_studio.core.fidelity.judge import judge_cost
    from natasha_studio.core.store import Project
    from natasha_studio.providers.registry import (
        close_local_models,
        local_models_open,
        provider_for,
    )
    from natasha_studio.secrets import secret_store

    if args.questions is not None and args.questions < 1:
        raise StudioError(translate("Fidelity", "--questions needs a number above zero."))
    with Project.open(args.project) as project:
        snapshot = _snapshot(project, args.snapshot)
        model_ids = list(dict.fromkeys(resolve_model(project, m, args.base_url)
                                       for m in args.model))
        judge = resolve_model(project, args.judge, args.base_url) if args.judge else None
        options = FidelityOptions(questions=args.questions, judge_model=judge,
                                  concurrency=max(1, args.concurrency))
        if judge is not None:
            count = len(choose_questions(project, snapshot, args.questions))
            print(judge_cost(count, len(model_ids)).summary(), file=sys.stderr)
        run_id = start_run(project, snapshot, model_ids, options)
        secrets = secret_store()
        shown: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if args.json or shown.get(stage) == done:
                return
            shown[stage] = done
            if stage == "asking" and (done == total or done % 10 == 0):
                print(translate("Fidelity", "Answers: {done} of {total}").format(
                    done=done, total=total), file=sys.stderr)
            elif stage == "judging" and (done == total or done % 10 == 0):
                print(translate("Fidelity", "Judgements: {done} of {total}").format(
                    done=done, total=total), file=sys.stderr)

        async def go():
            try:
                return await run_fidelity(project, run_id, lambda e: provider_for(e, secrets),
                                          meaning.model, progress)
            finally:
                if local_models_open():
                    await close_local_models()

        results = asyncio.run(go())
    if args.json:
        print(json.dumps({"models": [r.to_json() for r in results]}, ensure_ascii=False,
                         indent=2))
    else:
        print_table(results)
    return 0 if any(r.n for r in results) else 1
