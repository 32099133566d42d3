"""OpenAI: fine-tuning (files, supervised jobs, events, checkpoints, result metrics) and chat.

Every call opens a short-lived ``AsyncOpenAI`` client, so a provider object can be used from
any event loop (the window's qasync loop, or ``asyncio.run`` in the command line).
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import openai

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import (
    ChatMessage,
    ChatOptions,
    JobEvent,
    JobStatus,
    ProgressCallback,
    ProviderUnavailable,
    TuneRequest,
)
from natasha_studio.core.retry import DEFAULT_POLICY, RetryPolicy
from natasha_studio.providers.catalog import provider_info
from natasha_studio.providers.errors import Providers, cut_off_error, openai_error

OPENAI_STATES = {
    "validating_files": "validating", "queued": "queued", "running": "running",
    "succeeded": "succeeded", "failed": "failed", "cancelled": "cancelled",
    "pausing": "running", "paused": "queued",
}
# Models people tune today; a suggestion list only: the field stays free text.
SUGGESTED_MODELS = list(provider_info("openai").base_models)
METRIC_NAMES = ("train_loss", "valid_loss", "full_valid_loss", "train_mean_token_accuracy",
                "valid_mean_token_accuracy", "full_valid_mean_token_accuracy")
# Result CSV columns -> our metric names (the CSV says train_accuracy, events say ..._mean_...).
CSV_COLUMNS = {"train_loss": "train_loss", "train_accuracy": "train_mean_token_accuracy",
               "train_mean_token_accuracy": "train_mean_token_accuracy",
               "valid_loss": "valid_loss", "valid_mean_token_accuracy": "valid_mean_token_accuracy",
               "full_valid_loss": "full_valid_loss",
               "full_valid_mean_token_accuracy": "full_valid_mean_token_accuracy"}
MAX_EVENTS_PER_POLL = 2000
PART_SIZE = 8 * 1024 * 1024  # the Uploads API takes parts up to 64 MB


def iso_from_epoch(value: int | float | None) -> str | None:
    if value is None:
        return None
    return dt.datetime.fromtimestamp(value, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class OpenAIProvider:
    """The ``Provider`` protocol over the OpenAI API (or another server that speaks it)."""

    name = "openai"
    info = provider_info("openai")
    can_tune = True

    def __init__(self, api_key: str | None, base_url: str | None = None, *,
                 label: str = "OpenAI", max_retries: int | None = None,
                 timeout: float | None = None, poll_interval: float = 2.0,
                 policy: RetryPolicy = DEFAULT_POLICY, part_size: int = PART_SIZE) -> None:
        self.api_key = api_key
        self.base_url = base_url or None
        self.label = label
        # The SDK's own retries ride out a blip (it honours Retry-After); longer outages are
        # the tracker's, which tells the curator when it tries again.
        self.max_retries = policy.call_attempts - 1 if max_retries is None else max_retries
        self.timeout = policy.read_timeout if timeout is None else timeout
        self.policy = policy
        self.poll_interval = poll_interval
        # Files larger than this go through the Uploads API in parts of this size.
        self.part_size = part_size

    # -- plumbing ------------------------------------------------------------------------------

    def _client(self) -> openai.AsyncOpenAI:
        if not self.api_key:
            raise StudioError(
                translate("Providers", "No API key is set for {provider}.").format(
                    provider=self.label),
                translate("Providers", "Enter the key in the Fine-tune tab → Providers…, or set the "
                                       "OPENAI_API_KEY environment variable."),
            )
        timeout = openai.Timeout(self.timeout, connect=min(self.timeout,
                                                           self.policy.connect_timeout))
        return openai.AsyncOpenAI(api_key=self.api_key, base_url=self.base_url,
                                  max_retries=self.max_retries, timeout=timeout)

    def _error(self, exc: BaseException, *, tuning: bool = False) -> StudioError:
        return openai_error(exc, self.label, tuning=tuning, where=self.base_url or self.label)

    # -- connection and models -----------------------------------------------------------------

    async def test_connection(self) -> str:
        count = len(await self.list_models())
        return Providers.tr("Connected to {provider}: %n model(s) available.", None,
                            count).format(provider=self.label)

    async def list_models(self) -> list[str]:
        try:
            async with self._client() as client:
                return sorted([m.id async for m in client.models.list()])
        except Exception as exc:
            raise self._error(exc) from exc

    # -- fine-tuning ---------------------------------------------------------------------------

    async def _upload(self, client: openai.AsyncOpenAI, path: str, sent: int, total: int,
                      progress: ProgressCallback | None) -> str:
        file_path = Path(path)
        try:
            size = file_path.stat().st_size
            if size > self.part_size:
                file_id = await self._upload_in_parts(client, file_path, size, sent, total,
                                                      progress)
            else:
                content = file_path.read_bytes()
                file_id = (await client.files.create(file=(file_path.name, content),
                                                     purpose="fine-tune")).id
                if progress:
                    progress(sent + len(content), total)
        except OSError as exc:
            raise StudioError(translate("Providers", "The dataset file {path} cannot be read: "
                                                     "{reason}").format(path=path, reason=exc.strerror)) from exc
        processed = await client.files.wait_for_processing(file_id,
                                                           poll_interval=self.poll_interval)
        if processed.status == "error":
            raise StudioError(
                translate("Providers", "OpenAI rejected the file {name}: {reason}").format(
                    name=file_path.name, reason=processed.status_details or ""),
                translate("Providers", "Fix the dataset (see the validation panel) and launch again."),
            )
        return file_id

    async def _upload_in_parts(self, client: openai.AsyncOpenAI, path: Path, size: int,
                               sent: int, total: int, progress: ProgressCallback | None) -> str:
        """A large file through the Uploads API: parts read from disk one at a time, progress
        as each part is accepted, a failed part sent again (bounded by the policy)."""
        upload = await client.uploads.create(bytes=size, filename=path.name,
                                             mime_type="application/jsonl", purpose="fine-tune")
        part_ids: list[str] = []
        with path.open("rb") as fh:
            while chunk := fh.read(self.part_size):
                part_ids.append(await self._send_part(client, upload.id, chunk))
                sent += len(chunk)
                if progress:
                    progress(sent, total)
        done = await client.uploads.complete(upload.id, part_ids=part_ids)
        if not done.file:
            raise StudioError(translate("Providers", "OpenAI did not assemble the uploaded file "
                                                     "{name}.").format(name=path.name),
                              translate("Providers", "Launch again."))
        return done.file.id

    async def _send_part(self, client: openai.AsyncOpenAI, upload_id: str, chunk: bytes) -> str:
        failures = 0
        while True:
            try:
                return (await client.uploads.parts.create(upload_id, data=chunk)).id
            except openai.APIError as exc:
                error = self._error(exc)
                failures += 1
                if not isinstance(error, ProviderUnavailable) or \
                        failures >= self.policy.upload_attempts:
                    raise error from exc
                await asyncio.sleep(self.policy.call_delay(failures - 1, error.retry_after))

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        """Upload the train (and validation) files, then create a supervised job."""
        paths = [p for p in (request.train_file, request.validation_file) if p]
        total = sum(Path(p).stat().st_size for p in paths if Path(p).exists())
        if progress:
            progress(0, total)
        hyper = request.hyperparameters
        # Our names -> OpenAI's; a missing or empty value lets OpenAI choose ("auto").
        method_hp = {theirs: hyper[ours] if hyper.get(ours) not in (None, "") else "auto"
                     for ours, theirs in (("epochs", "n_epochs"), ("batch_size", "batch_size"),
                                          ("learning_rate_multiplier",
                                           "learning_rate_multiplier"))}
        try:
            async with self._client() as client:
                train_id = await self._upload(client, request.train_file, 0, total, progress)
                valid_id = None
                if request.validation_file:
                    valid_id = await self._upload(client, request.validation_file,
                                                  Path(request.train_file).stat().st_size,
                                                  total, progress)
                kwargs: dict[str, Any] = {}
                if hyper.get("suffix"):
                    kwargs["suffix"] = str(hyper["suffix"])[:64]
                if hyper.get("seed") is not None:
                    kwargs["seed"] = int(hyper["seed"])
                if valid_id:
                    kwargs["validation_file"] = valid_id
                try:
                    job = await client.fine_tuning.jobs.create(
                        model=request.base_model, training_file=train_id,
                        method={"type": "supervised",
                                "supervised": {"hyperparameters": method_hp}},
                        **kwargs)
                except openai.APIError as exc:
                    raise self._error(exc, tuning=True) from exc
        except StudioError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc
        status = self._status(job)
        status.resume = {"training_file": train_id, "validation_file": valid_id}
        return status

    def _status(self, job: Any) -> JobStatus:
        error = None
        if job.error and (job.error.message or job.error.code):
            if job.error.param in ("training_file", "validation_file"):
                error = translate("Providers", "OpenAI rejected the training data: {message}").format(
                    message=job.error.message)
            else:
                error = job.error.message or job.error.code
        return JobStatus(
            state=OPENAI_STATES.get(job.status, "running"), remote_id=job.id, error=error,
            tuned_model=job.fine_tuned_model, raw_state=job.status,
            estimated_finish=iso_from_epoch(job.estimated_finish),
        )

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        """The job, its events since the last poll, metrics and checkpoints."""
        try:
            async with self._client() as client:
                job = await client.fine_tuning.jobs.retrieve(remote_id)
                status = self._status(job)
                await self._read_events(client, remote_id, state, status)
                if job.status in ("running", "succeeded", "pausing", "paused"):
                    status.checkpoints = [
                        {"id": c.id, "model": c.fine_tuned_model_checkpoint,
                         "step": c.step_number, "at": iso_from_epoch(c.created_at),
                         "metrics": c.metrics.model_dump(exclude_none=True) if c.metrics else {}}
                        async for c in client.fine_tuning.jobs.checkpoints.list(remote_id)]
                if job.status == "succeeded" and job.result_files and not state.get("result_read"):
                    status.metrics.extend(await self._result_metrics(client, job.result_files[0]))
                    status.resume["result_read"] = True
        except StudioError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc
        return status

    async def _read_events(self, client: openai.AsyncOpenAI, remote_id: str,
                           state: dict[str, Any], status: JobStatus) -> None:
        # Events come newest first; read back to the newest one seen on the previous poll.
        last_seen = state.get("last_event_id")
        fresh = []
        async for event in client.fine_tuning.jobs.list_events(remote_id, limit=100):
            if event.id == last_seen or len(fresh) >= MAX_EVENTS_PER_POLL:
                break
            fresh.append(event)
        fresh.reverse()
        for event in fresh:
            data = event.data if isinstance(event.data, dict) else None
            status.events.append(JobEvent(
                remote_id=event.id, at=iso_from_epoch(event.created_at) or "",
                level="warning" if event.level == "warn" else event.level,
                message=event_text(event.message, data if event.type == "metrics" else None),
                data=data or None))
            if event.type == "metrics" and data and "step" in data:
                for name in METRIC_NAMES:
                    if isinstance(data.get(name), int | float):
                        status.metrics.append((int(data["step"]), name, float(data[name])))
        if fresh:
            status.resume["last_event_id"] = fresh[-1].id

    async def _result_metrics(self, client: openai.AsyncOpenAI,
                              file_id: str) -> list[tuple[int, str, float]]:
        response = await client.files.content(file_id)
        return parse_result_csv(response.text)

    async def cancel_job(self, remote_id: str) -> JobStatus:
        try:
            async with self._client() as client:
                try:
                    job = await client.fine_tuning.jobs.cancel(remote_id)
                except openai.BadRequestError:
                    # Already over: report where it ended rather than an error.
                    job = await client.fine_tuning.jobs.retrieve(remote_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return self._status(job)

    async def delete_training_data(self, state: dict[str, Any]) -> list[str]:
        """Delete the job's uploaded training and validation files (ids kept by start_job)."""
        ids = [state[key] for key in ("training_file", "validation_file") if state.get(key)]
        deleted = []
        try:
            async with self._client() as client:
                for file_id in ids:
                    try:
                        await client.files.delete(file_id)
                    except openai.NotFoundError:
                        pass  # already gone: what we wanted
                    deleted.append(file_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return deleted

    # -- chat ----------------------------------------------------------------------------------

    def _chat_limits(self, options: ChatOptions) -> dict[str, Any]:
        return {"max_completion_tokens": options.max_tokens}

    async def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                          options: ChatOptions) -> AsyncIterator[str]:
        """Yield the reply's text as the server streams it."""
        payload = [{"role": m.role, "content": m.content} for m in messages]
        try:
            async with self._client() as client:
                stream = await client.chat.completions.create(
                    model=model, messages=payload, stream=True,
                    temperature=options.temperature, **self._chat_limits(options))
                finished = False
                async with stream:
                    async for chunk in stream:
                        # The usage chunk, and some servers' keep-alives, carry no choices.
                        if chunk.choices and chunk.choices[0].finish_reason:
                            finished = True
                        if chunk.choices and chunk.choices[0].delta.content:
                            yield chunk.choices[0].delta.content
                # A dropped connection ends the event stream as quietly as the server's
                # last event: only the finish reason tells a whole answer from a cut one.
                if not finished:
                    raise cut_off_error(self.label)
        except StudioError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc


def event_text(message: str, metrics: dict[str, Any] | None) -> str:
    """OpenAI's usual event messages in the user's language; others as OpenAI wrote them."""
    if metrics and isinstance(metrics.get("train_loss"), int | float) and "step" in metrics:
        if metrics.get("total_steps"):
            return translate("Providers", "Step {step} of {total}: training loss {loss:.4f}").format(
                step=metrics["step"], total=metrics["total_steps"], loss=metrics["train_loss"])
        return translate("Providers", "Step {step}: training loss {loss:.4f}").format(
            step=metrics["step"], loss=metrics["train_loss"])
    known = {
        "Validating training file": translate("Providers", "Checking the training file."),
        "Files validated, moving job to queued state": translate(
            "Providers", "The files are accepted; the job is queued."),
        "Fine-tuning job started": translate("Providers", "Training has started."),
        "New fine-tuned model created": translate("Providers", "The tuned model is ready."),
        "The job has successfully completed": translate("Providers", "The job has finished."),
        "Fine-tuning job cancelled": translate("Providers", "The job was cancelled."),
        "Job cancelled": translate("Providers", "The job was cancelled."),
    }
    for prefix, text in known.items():
        if message.startswith(prefix):
            return text
    return message


def parse_result_csv(text: str) -> list[tuple[int, str, float]]:
    """Metrics from a result-file CSV, by header name; missing columns and empty cells skipped."""
    out: list[tuple[int, str, float]] = []
    for row in csv.DictReader(io.StringIO(text)):
        try:
            step = int(float(row.get("step") or ""))
        except ValueError:
            continue
        for column, name in CSV_COLUMNS.items():
            cell = (row.get(column) or "").strip()
            if not cell:
                continue
            try:
                out.append((step, name, float(cell)))
            except ValueError:
                continue
    return out
