"""Launching, tracking and cancelling a fine-tune job through any provider (no Qt).

The same coroutines run in the window (on the qasync loop, through the task registry) and
on the command line (``asyncio.run``). Each provider update is saved before ``on_update``
is called, so whatever a view shows is already in the project.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import TranslationContext, translate
from natasha_studio.core.jobs import records
from natasha_studio.core.jobs.confirm import tuning_refusal
from natasha_studio.core.jobs.records import JobRecord, StatusChange
from natasha_studio.core.provider import Provider, ProviderUnavailable, TuneRequest
from natasha_studio.core.retry import DEFAULT_POLICY, RetryPolicy
from natasha_studio.core.store import Project

log = logging.getLogger(__name__)


# Counted text of the "Jobs" context: lupdate reads "Jobs.tr(text, None, n)" as a plural.
Jobs = TranslationContext("Jobs")

# Seconds between polls: cloud jobs take tens of minutes, and providers rate-limit reads; a
# local job's events are a file on this computer, read often so the chart moves live.
POLL_INTERVALS = {"openai": 15.0, "vertex": 30.0, "yandex": 30.0, "together": 20.0,
                  "fireworks": 30.0, "local": 2.0}
# Keys of a job's saved state: the curator's choice to keep the upload, and that it is done.
KEEP_UPLOADED = "keep_uploaded_data"
DATA_DELETED = "training_data_deleted"


@dataclass(frozen=True)
class RetryNotice:
    """The provider could not be asked; the tracker tries again after ``delay`` seconds."""

    job_id: int
    provider: str  # the service's name as people know it
    delay: float
    attempt: int  # failures in a row, from 1
    reason: str  # the error, in plain words

    def text(self) -> str:
        """“No connection to Vertex AI, trying again in 20 s.”, for a status line."""
        seconds = max(1, round(self.delay))
        return Jobs.tr("No connection to {provider}, trying again in %n s.", None,
                       seconds).format(provider=self.provider)


UpdateCallback = Callable[[StatusChange], None]
RetryCallback = Callable[[RetryNotice], None]
UploadProgress = Callable[[int, int], None]
Sleep = Callable[[float], Awaitable[Any]]


@dataclass
class LaunchPlan:
    """What to launch: the provider files (from the pre-flight) and the job's settings."""

    provider: str
    base_model: str
    train_file: Path
    validation_file: Path | None = None
    snapshot_id: int | None = None
    display_name: str = ""
    hyperparameters: dict[str, Any] = field(default_factory=dict)
    # Leave the uploaded training file at the provider after the job ends (deleted otherwise).
    keep_uploaded_data: bool = False

    def request(self) -> TuneRequest:
        return TuneRequest(base_model=self.base_model, train_file=str(self.train_file),
                           validation_file=str(self.validation_file) if self.validation_file
                           else None, display_name=self.display_name,
                           hyperparameters=dict(self.hyperparameters))


def record_launch(project: Project, plan: LaunchPlan) -> int:
    """Create the job's record before anything is sent, so it is never lost; returns its id."""
    return records.create_job(project, plan.provider, plan.base_model,
                              snapshot_id=plan.snapshot_id, display_name=plan.display_name,
                              hyperparameters=plan.hyperparameters,
                              state={KEEP_UPLOADED: True} if plan.keep_uploaded_data else None)


async def launch(project: Project, provider: Provider, job_id: int, plan: LaunchPlan, *,
                 progress: UploadProgress | None = None,
                 today: dt.date | None = None) -> JobRecord:
    """Upload the files and create the remote job for the recorded job ``job_id``.

    On failure the job is marked failed with the error in plain words, and the error is
    raised again for the caller to show. A provider that no longer takes new jobs on
    ``today`` (default: today) is refused before anything is uploaded.
    """
    refusal = tuning_refusal(provider.info, today)
    if refusal is not None:
        records.set_status(project, job_id, "failed", error=refusal.message)
        records.add_event(project, job_id, refusal.message, level="error")
        raise refusal
    records.set_status(project, job_id, "uploading")
    if provider.name == "local":
        records.add_event(project, job_id, translate(
            "Jobs", "Starting the training process on this computer…"))
    else:
        records.add_event(project, job_id, translate("Jobs", "Uploading the dataset to {provider}…")
                          .format(provider=getattr(provider, "label", provider.name)))
    try:
        status = await provider.start_job(plan.request(), progress)
    except asyncio.CancelledError:
        records.set_status(project, job_id, "cancelled",
                           error=translate("Jobs", "The launch was stopped before the job started."))
        raise
    except StudioError as exc:
        records.set_status(project, job_id, "failed", error=str(exc))
        records.add_event(project, job_id, exc.message, level="error")
        raise
    records.apply_status(project, job_id, status)
    records.add_event(project, job_id, translate("Jobs", "The job was created: {remote_id}")
                      .format(remote_id=status.remote_id))
    return records.get_job(project, job_id)


async def poll_once(project: Project, provider: Provider, job_id: int) -> StatusChange:
    """Ask the provider once and save what it says."""
    job = records.get_job(project, job_id)
    if not job.remote_id:
        raise StudioError(translate("Jobs", "Job #{id} never reached the provider; there is "
                                            "nothing to track.").format(id=job_id))
    status = await provider.poll_job(job.remote_id, dict(job.state))
    return records.apply_status(project, job_id, status)


def provider_label(provider: Provider) -> str:
    return getattr(provider, "label", None) or provider.info.label


async def track(project: Project, provider: Provider, job_id: int, *,
                interval: float | None = None, on_update: UpdateCallback | None = None,
                on_retry: RetryCallback | None = None, sleep: Sleep = asyncio.sleep,
                policy: RetryPolicy = DEFAULT_POLICY) -> JobRecord:
    """Poll the job until it ends; returns its final record.

    A provider that cannot be reached (network lost, a timeout, 429, its server failing) is
    asked again for as long as tracking runs, with the policy's growing, jittered pause (or
    the provider's Retry-After); each pause is announced through ``on_retry`` and the reason
    is kept with the job. Any other error (credentials, permissions) stops tracking and is
    raised: the job stays unfinished, so tracking can resume later.
    """
    job = records.get_job(project, job_id)
    pause = interval if interval is not None else POLL_INTERVALS.get(job.provider, 20.0)
    # The first retry comes no later than the next poll would have.
    policy = dataclasses.replace(policy, first_delay=min(policy.first_delay, max(pause, 0.01)))
    failures = 0
    while True:
        try:
            change = await poll_once(project, provider, job_id)
        except ProviderUnavailable as exc:
            delay = policy.delay(failures, exc.retry_after)
            failures += 1
            records.note_check_failed(project, job_id, exc.message)
            if failures == 1:
                records.add_event(project, job_id, translate(
                    "Jobs", "Cannot reach the provider; trying again. ({reason})").format(
                    reason=exc.message), level="warning")
            log.info("job %s: provider unavailable, next try in %.0f s", job_id, delay)
            if on_retry is not None:
                on_retry(RetryNotice(job_id, provider_label(provider), delay, failures,
                                     exc.message))
            await sleep(delay)
            continue
        except StudioError as exc:
            records.note_check_failed(project, job_id, exc.message)
            raise
        if failures:
            records.add_event(project, job_id, translate("Jobs", "The provider answers again."))
            failures = 0
        if change.status in records.FINAL_STATES:
            await delete_training_data(project, provider, job_id)
        if on_update is not None:
            on_update(change)
        if change.status in records.FINAL_STATES:
            return records.get_job(project, job_id)
        await sleep(pause)


async def cancel(project: Project, provider: Provider, job_id: int) -> JobRecord:
    """Ask the provider to cancel the job and save the state it reports."""
    job = records.get_job(project, job_id)
    if job.finished:
        return job
    if not job.remote_id:
        records.set_status(project, job_id, "cancelled")
        return records.get_job(project, job_id)
    status = await provider.cancel_job(job.remote_id)
    records.apply_status(project, job_id, status)
    records.add_event(project, job_id, translate("Jobs", "Cancellation requested."))
    if status.state in records.FINAL_STATES:
        await delete_training_data(project, provider, job_id)
    return records.get_job(project, job_id)


async def delete_training_data(project: Project, provider: Provider, job_id: int) -> None:
    """Once a job has ended, delete the training file it uploaded, unless the curator chose
    to keep it; the outcome becomes one of the job's events. Done once per job.

    A failure to delete is a warning event, not an error: the job itself is over either way.
    """
    job = records.get_job(project, job_id)
    if not job.finished or job.state.get(DATA_DELETED) or provider.name == "local":
        return
    label = provider_label(provider)
    if job.state.get(KEEP_UPLOADED):
        records.update_state(project, job_id, {DATA_DELETED: "kept"})
        records.add_event(project, job_id, translate(
            "Jobs", "The training data stays at {provider}, as you chose.").format(provider=label))
        return
    delete = getattr(provider, "delete_training_data", None)
    if delete is None:
        return
    try:
        deleted = await delete(dict(job.state))
    except StudioError as exc:
        records.add_event(project, job_id, translate(
            "Jobs", "The training data could not be deleted from {provider}: {reason} Delete it "
                    "in the provider's console.").format(
            provider=label, reason=exc.message), level="warning")
        return
    records.update_state(project, job_id, {DATA_DELETED: True})
    if deleted:
        records.add_event(project, job_id, translate(
            "Jobs", "The training data was deleted from {provider}.").format(provider=label),
            data={"deleted": deleted})
