"""Job commands: ``jobs`` (list, ``--refresh`` asks the providers), ``cancel``, and the
following of a job that ``finetune --wait`` and ``finetune --follow JOB`` share.

A job whose tracking was cut short (the window closed, the computer slept, the network
dropped) is never lost: it stays in the project with its remote id, and any of these picks
it up where the provider has it now.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from natasha_studio.core import jobs
from natasha_studio.core.chat.models import sync_job_models
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.jobs.records import state_label
from natasha_studio.core.provider import ProviderUnavailable
from natasha_studio.core.store import Project
from natasha_studio.operations import finetune

# Exit codes of the job commands (also listed in --help and the README).
EXIT_OK = 0  # done; with --wait or --follow: the job succeeded
EXIT_ERROR = 1  # a problem, explained on stderr (credentials, data, unreachable); nothing lost
EXIT_USAGE = 2  # the command was not used as documented
EXIT_JOB_ENDED = 3  # the job ended failed or cancelled
EXIT_INTERRUPTED = 130  # Ctrl+C: the job goes on at the provider; follow it again later
EXIT_CODES_HELP = """exit codes:
  0    done (with --wait or --follow: the job succeeded)
  1    a problem, explained on stderr (credentials, data, provider unreachable); nothing lost
  2    wrong use of the command
  3    the job ended failed or cancelled
  130  interrupted (Ctrl+C); a job keeps running at the provider, follow it again later"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("jobs", help="list a project's fine-tune jobs with their states",
                       epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("project")
    p.add_argument("--refresh", action="store_true",
                   help="ask the providers about unfinished jobs first (picks up jobs whose "
                        "tracking was interrupted)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_address_options(p, " (with --refresh: for the jobs whose provider takes it)")
    p.set_defaults(func=cmd_jobs)

    p = sub.add_parser("cancel", help="cancel a fine-tune job", epilog=EXIT_CODES_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("project")
    p.add_argument("job", help="the job's number (as `jobs` lists it) or its provider's id")
    add_address_options(p)
    p.set_defaults(func=cmd_cancel)


def add_address_options(p: argparse.ArgumentParser, where: str = "") -> None:
    """``--base-url`` and ``--endpoint``: the provider's address for one command. A job
    launched through a proxy is followed, refreshed and cancelled through it too."""
    addresses = p.add_argument_group(
        "provider addresses, for a proxy or an enterprise gateway (default: the address saved "
        "under Providers… → Advanced, or its environment variable)" + where)
    addresses.add_argument("--base-url",
                           help="OpenAI, Vertex AI, Together AI or Fireworks AI: the API's "
                                "base URL (OPENAI_BASE_URL, GOOGLE_VERTEX_BASE_URL, "
                                "TOGETHER_BASE_URL, FIREWORKS_BASE_URL)")
    addresses.add_argument("--endpoint",
                           help="Yandex AI Studio: its gRPC address, host:port over TLS or "
                                "http://host:port in plain text (NATASHA_STUDIO_YANDEX_ENDPOINT)")


def _addresses(kind: str, args: argparse.Namespace | None, *,
               strict: bool = True) -> dict[str, str]:
    """The address options given, as overrides for ``kind``'s provider. ``strict``: one it
    has no use for is refused; otherwise it is left to the jobs of providers that take it."""
    from natasha_studio.providers.registry import ADDRESS_OPTIONS, address_overrides

    given = {name: getattr(args, name, None) for name in ("base_url", "endpoint")}
    if not strict:
        given = {name: value for name, value in given.items()
                 if kind in ADDRESS_OPTIONS.get(name, ())}
    return address_overrides(kind, ("base_url", "endpoint"), **given)


def _build(kind: str, addresses: dict[str, str] | None = None):
    # A seam: the registry imports SDKs, so only when needed.
    from natasha_studio.providers.registry import build_provider

    return build_provider(kind, **(addresses or {}))


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _print_change(project: Project, change: jobs.StatusChange) -> None:
    parts = []
    if "status" in change.fields:
        parts.append(translate("FinetuneCli", "state: {state}").format(
            state=state_label(change.status).lower()))
    if change.new_metrics:
        metrics = jobs.job_metrics(project, change.job_id)
        series = metrics.get("train_loss")
        if series:
            step, value = series[-1]
            parts.append(translate("FinetuneCli", "step {step}, training loss {loss:.3f}").format(
                step=step, loss=value))
        elif metrics.get("progress"):  # Yandex tells steps done, not the loss
            step, share = metrics["progress"][-1]
            parts.append(translate("FinetuneCli", "step {step}, {percent}% done").format(
                step=step, percent=round(share * 100)))
    if parts:
        print(f"#{change.job_id}: " + "; ".join(parts), flush=True)


def follow(project: Project, provider, job_id: int, interval: float | None = None) -> int:
    """Track the job until it ends, printing its progress and every retry; an exit code."""
    def on_retry(notice: jobs.RetryNotice) -> None:
        _stderr(f"{notice.text()} ({notice.reason})")

    try:
        job = asyncio.run(jobs.track(project, provider, job_id, interval=interval,
                                     on_update=lambda change: _print_change(project, change),
                                     on_retry=on_retry))
    except KeyboardInterrupt:
        _stderr(translate("FinetuneCli", "Stopped following job #{id}; it goes on at the "
                                         "provider. Follow it again with: natasha-studio "
                                         "finetune {project} --follow {id}").format(
            id=job_id, project=project.path))
        return EXIT_INTERRUPTED
    return _report_finished(project, job, provider)


def follow_existing(project_path: str, ref: str, interval: float | None,
                    args: argparse.Namespace | None = None) -> int:
    """``finetune --follow JOB``: pick up a job launched earlier (by the window, say), at the
    address options of ``args`` if any."""
    with Project.open(project_path) as project:
        job = jobs.find_job(project, ref)
        addresses = _addresses(job.provider, args)
        if job.finished:
            # A finished Together job may still owe its adapter to this computer.
            return _report_finished(project, job, _build(job.provider, addresses)
                                    if job.status == "succeeded" else None)
        if not job.remote_id:
            raise StudioError(translate("FinetuneCli", "Job #{id} never reached the provider; "
                                                       "there is nothing to follow.").format(
                id=job.id))
        return follow(project, _build(job.provider, addresses), job.id, interval)


def _report_finished(project: Project, job: jobs.JobRecord, provider=None) -> int:
    if job.status == "succeeded":
        # The tuned model (and its base) become models of the test chat right away.
        sync_job_models(project)
        _bring_adapter_home(project, job, provider)
        print(translate("FinetuneCli", "Tuned model: {model}").format(model=job.tuned_model))
        return EXIT_OK
    if job.error:
        _stderr(translate("FinetuneCli", "The job ended as {state}: {error}").format(
            state=state_label(job.status).lower(), error=job.error))
    else:  # a cancelled job has no error to give
        _stderr(translate("FinetuneCli", "The job ended as {state}.").format(
            state=state_label(job.status).lower()))
    return EXIT_JOB_ENDED


def _bring_adapter_home(project: Project, job: jobs.JobRecord, provider) -> None:
    """Where the provider hands over the LoRA adapter (Together AI), download it beside the
    project for the test chat; a failure is said, and the tuned model stays usable."""
    from natasha_studio.providers.adapters import bring_adapter_home, can_bring_home

    if provider is None or not can_bring_home(provider):
        return
    try:
        asyncio.run(bring_adapter_home(project, provider, job.id))
    except StudioError as exc:
        _stderr(translate("FinetuneCli", "The adapter could not be downloaded: {reason}").format(
            reason=exc.message) + (f" {exc.hint}" if exc.hint else ""))
        return
    folder = jobs.get_job(project, job.id).state.get("adapter_dir")
    print(translate("FinetuneCli", "Adapter on this computer: {path}").format(path=folder))


def refresh(project: Project, args: argparse.Namespace | None = None) -> int:
    """Ask the provider of each unfinished job once (at the address options of ``args`` that
    it takes); how many could not be asked."""
    failed = 0
    for job in jobs.unfinished_jobs(project):
        try:
            provider = _build(job.provider, _addresses(job.provider, args, strict=False))
            asyncio.run(jobs.poll_once(project, provider, job.id))
        except StudioError as exc:
            failed += 1
            jobs.note_check_failed(project, job.id, exc.message)
            # An unreachable provider needs no hint: the next check tries again.
            hint = "" if isinstance(exc, ProviderUnavailable) or not exc.hint else f" {exc.hint}"
            _stderr(translate("FinetuneCli", "Job #{id} could not be checked: {reason}").format(
                id=job.id, reason=exc.message) + hint)
    if any(job.finished for job in jobs.list_jobs(project)):
        sync_job_models(project)
    return failed


def cmd_jobs(args: argparse.Namespace) -> int:
    failed = 0
    with Project.open(args.project) as project:
        if args.refresh:
            jobs.mark_interrupted(project)
            failed = refresh(project, args)
        records = jobs.list_jobs(project)
    code = EXIT_ERROR if failed else EXIT_OK
    if args.json:
        print(json.dumps([{
            "id": j.id, "provider": j.provider, "remote_id": j.remote_id,
            "snapshot": j.snapshot_name, "base_model": j.base_model, "name": j.display_name,
            "status": j.status, "error": j.error, "tuned_model": j.tuned_model,
            "created_at": j.created_at, "finished_at": j.finished_at,
            "last_checked_at": j.last_checked_at, "check_error": j.check_error,
        } for j in records], ensure_ascii=False, indent=2))
        return code
    if not records:
        print(translate("FinetuneCli", "No fine-tune jobs yet."))
        return code
    for j in records:
        line = f"#{j.id}  {state_label(j.status):<11} {j.provider:<7} {j.base_model}"
        if j.display_name:
            line += f"  “{j.display_name}”"
        if j.tuned_model:
            line += f"  → {j.tuned_model}"
        if j.error:
            line += f"  ({j.error.splitlines()[0]})"
        elif not j.finished and j.check_error:
            line += "  " + translate("FinetuneCli", "(could not check: {reason})").format(
                reason=j.check_error)
        print(line)
    return code


def cmd_cancel(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        job = jobs.find_job(project, args.job)
        addresses = _addresses(job.provider, args)  # a wrong one is refused even so
        if job.finished:
            print(translate("FinetuneCli", "Job #{id} has already ended as {state}.").format(
                id=job.id, state=state_label(job.status).lower()))
            return EXIT_OK
        provider = _build(job.provider, addresses) if job.remote_id else None
        job, _changes = asyncio.run(finetune.cancel(project, provider, job.id))
    print(translate("FinetuneCli", "Job #{id}: {state}.").format(
        id=job.id, state=state_label(job.status).lower()))
    return EXIT_OK
