"""Vertex AI (the main cloud path): supervised tuning of Gemini models and chat, via google-genai.

The dataset goes to a Cloud Storage bucket first (``gcs_upload``), then
``client.aio.tunings.tune`` starts the job. Vertex reports no per-step loss through this API,
so a job's events are its state changes and its dataset statistics.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import threading
import warnings
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.jobs.records import state_label
from natasha_studio.core.provider import (
    ChatMessage,
    ChatOptions,
    JobEvent,
    JobStatus,
    ProgressCallback,
    TuneRequest,
)
from natasha_studio.core.retry import DEFAULT_POLICY, RetryPolicy
from natasha_studio.providers.catalog import provider_info
from natasha_studio.providers.errors import Providers, cut_off_error, google_error
from natasha_studio.providers.gcs_upload import storage_client, upload_file

SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]
# Seconds a whole streamed chat reply may take (its pauses have shorter limits of their own).
STREAM_TIMEOUT = 900.0
# google-genai clients made by ``VertexProvider._aclient``: (loop id, settings) → (loop,
# credentials, client), the most recently used last.
_CLIENTS: OrderedDict[tuple[Any, ...], tuple[Any, Any, Any]] = OrderedDict()
_CLIENTS_LOCK = threading.Lock()
_CLIENTS_KEPT = 8
VERTEX_STATES = {
    "JOB_STATE_QUEUED": "queued", "JOB_STATE_PENDING": "queued", "JOB_STATE_RUNNING": "running",
    "JOB_STATE_SUCCEEDED": "succeeded", "JOB_STATE_FAILED": "failed",
    "JOB_STATE_CANCELLING": "cancelling", "JOB_STATE_CANCELLED": "cancelled",
    "JOB_STATE_EXPIRED": "failed", "JOB_STATE_PAUSED": "queued", "JOB_STATE_UPDATING": "running",
    "JOB_STATE_PARTIALLY_SUCCEEDED": "succeeded",
}
ADAPTER_SIZES = {1: "ADAPTER_SIZE_ONE", 2: "ADAPTER_SIZE_TWO", 4: "ADAPTER_SIZE_FOUR",
                 8: "ADAPTER_SIZE_EIGHT", 16: "ADAPTER_SIZE_SIXTEEN",
                 32: "ADAPTER_SIZE_THIRTY_TWO"}
SUGGESTED_MODELS = list(provider_info("vertex").base_models)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")[:40] or "dataset"


def load_credentials_file(path: Path) -> Any:
    """Credentials from any Google credentials file the curator chose: a service-account key,
    the user credentials "gcloud auth application-default login" writes, or another kind
    google-auth reads (workload identity federation, impersonation)."""
    import google.auth
    from google.oauth2 import credentials as user_credentials
    from google.oauth2 import service_account

    info = json.loads(path.read_text(encoding="utf-8"))
    kind = info.get("type") if isinstance(info, dict) else None
    if kind == "service_account":
        return service_account.Credentials.from_service_account_info(info, scopes=SCOPES)
    if kind == "authorized_user":
        creds = user_credentials.Credentials.from_authorized_user_info(info, scopes=SCOPES)
        # google-auth sends user credentials to Google's token endpoint whatever the file
        # says; a file that names its own (a company's gateway) is honoured, as a
        # service-account key's token_uri is.
        return creds.with_token_uri(info["token_uri"]) if info.get("token_uri") else creds
    if kind is None:
        raise ValueError("not a credentials file")
    with warnings.catch_warnings():
        # The curator chose this file; the warning is about files from unknown sources.
        warnings.simplefilter("ignore", DeprecationWarning)
        creds, _project = google.auth.load_credentials_from_dict(info, scopes=SCOPES)
    return creds


class VertexProvider:
    """The ``Provider`` protocol over Vertex AI (google-genai with vertexai=True)."""

    name = "vertex"
    info = provider_info("vertex")
    can_tune = True
    label = "Vertex AI"

    def __init__(self, project: str | None, location: str | None, bucket: str | None = None, *,
                 credentials_file: str | None = None, credentials: Any = None,
                 base_url: str | None = None, policy: RetryPolicy = DEFAULT_POLICY) -> None:
        self.policy = policy
        self.project = project
        self.location = location or "us-central1"
        self.bucket = (bucket or "").removeprefix("gs://").strip("/")
        self.credentials_file = credentials_file
        self._credentials = credentials
        self.base_url = base_url

    # -- plumbing ------------------------------------------------------------------------------

    def credentials(self) -> Any:
        """Credentials from the key file chosen in settings, else None (ADC, found by the SDK)."""
        if self._credentials is not None:
            return self._credentials
        if not self.credentials_file:
            return None
        from google.auth import exceptions as auth_exc

        path = Path(self.credentials_file)
        if not path.is_file():
            raise StudioError(
                translate("Providers", "The Google credentials file {path} does not exist.").format(
                    path=path),
                translate("Providers", "Choose the key file again in the Fine-tune tab → Providers…"),
            )
        try:
            self._credentials = load_credentials_file(path)
        except (auth_exc.DefaultCredentialsError, ValueError, KeyError, OSError) as exc:
            raise StudioError(
                translate("Providers", "{name} is not a Google credentials file.").format(
                    name=path.name),
                translate("Providers", "Choose a service-account key (IAM → Service accounts → "
                                       "Keys in the Google Cloud console), or the file that "
                                       "“gcloud auth application-default login” writes."),
            ) from exc
        return self._credentials

    def _client(self) -> Any:
        from google import genai
        from google.genai import types

        if not self.project:
            raise StudioError(
                translate("Providers", "No Google Cloud project is set for Vertex AI."),
                translate("Providers", "Enter the project id in the Fine-tune tab → Providers…, or set "
                                       "GOOGLE_CLOUD_PROJECT."),
            )
        policy = self.policy
        # A timeout on every request (google-genai sets none, so a server that never answers
        # held a poll or a chat for ever) and the SDK's own quick retries for a blip; the
        # tracker handles longer outages.
        options = types.HttpOptions(
            base_url=self.base_url or None, timeout=int(policy.read_timeout * 1000),
            retry_options=types.HttpRetryOptions(
                attempts=policy.call_attempts, initial_delay=policy.call_first_delay,
                max_delay=policy.call_max_delay))
        try:
            # project and location are passed even when a base URL is set: with only the
            # environment, google-genai treats a custom URL as a gateway and drops them.
            return genai.Client(vertexai=True, project=self.project, location=self.location,
                                credentials=self.credentials(), http_options=options)
        except StudioError:
            raise
        except Exception as exc:
            raise google_error(exc, self.label) from exc

    async def _aclient(self) -> Any:
        """The SDK client for these settings and the running event loop, made once.

        Making one costs some 100-150 ms (it builds three TLS contexts from the certificate
        store), in the window's thread; the window builds a provider for each chat message and
        the tracker polls every few seconds, so clients are kept for the process. Each one's
        async connection pool belongs to one loop, so the loop is part of the key.
        """
        loop = asyncio.get_running_loop()
        key = self._client_key(loop)
        with _CLIENTS_LOCK:
            kept = _CLIENTS.get(key)
            if kept is not None:
                _CLIENTS.move_to_end(key)
                return kept[-1]
        client = self._client()
        with _CLIENTS_LOCK:
            for old in [k for k, v in _CLIENTS.items() if v[0].is_closed()]:
                del _CLIENTS[old]
            # The loop and credentials are kept with the client so that their ids in the key
            # cannot be taken by new objects while the entry lives.
            _CLIENTS[key] = (loop, self._credentials, client)
            while len(_CLIENTS) > _CLIENTS_KEPT:
                _CLIENTS.popitem(last=False)
        return client

    def _client_key(self, loop: asyncio.AbstractEventLoop) -> tuple[Any, ...]:
        key_file: tuple[Any, ...] = (None,)
        if self.credentials_file:
            try:
                stat = Path(self.credentials_file).stat()
                key_file = (self.credentials_file, stat.st_mtime_ns, stat.st_size)
            except OSError:
                key_file = (self.credentials_file,)
        given = id(self._credentials) if self._credentials is not None and not \
            self.credentials_file else None
        return (id(loop), self.project, self.location, self.base_url, key_file, given,
                self.policy)

    def _error(self, exc: BaseException) -> StudioError:
        return google_error(exc, self.label, where=self.base_url or self.label)

    # -- connection and models -----------------------------------------------------------------

    async def test_connection(self) -> str:
        client = await self._aclient()
        try:
            pager = await client.aio.tunings.list(config={"page_size": 5})
            jobs = list(pager.page)
        except Exception as exc:
            raise self._error(exc) from exc
        text = Providers.tr("Connected to Vertex AI project {project} ({location}): "
                            "%n tuning job(s).", None, len(jobs)).format(
            project=self.project, location=self.location)
        if self.bucket:
            await asyncio.to_thread(self._check_bucket)
            text += " " + translate("Providers", "Bucket gs://{bucket} is reachable.").format(
                bucket=self.bucket)
        return text

    def _check_bucket(self) -> None:
        try:
            storage_client(self.project, self.credentials()).get_bucket(self.bucket)
        except Exception as exc:
            raise self._error(exc) from exc

    async def list_models(self) -> list[str]:
        """Tuned endpoints of this project's successful jobs, then the usual base models."""
        client = await self._aclient()
        try:
            pager = await client.aio.tunings.list(config={"page_size": 50})
            tuned = [job.tuned_model.endpoint for job in pager.page
                     if job.tuned_model and job.tuned_model.endpoint]
        except Exception as exc:
            raise self._error(exc) from exc
        return tuned + SUGGESTED_MODELS

    # -- fine-tuning ---------------------------------------------------------------------------

    def _upload_all(self, request: TuneRequest, progress: ProgressCallback | None,
                    cancelled: threading.Event | None = None) -> list[str]:
        if not self.bucket:
            raise StudioError(
                translate("Providers", "No Cloud Storage bucket is set for Vertex AI."),
                translate("Providers", "Vertex AI reads training data from a bucket: enter its "
                                       "name in the Fine-tune tab → Providers…"),
            )
        paths = [Path(p) for p in (request.train_file, request.validation_file) if p]
        sizes = [p.stat().st_size for p in paths]
        total = sum(sizes)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        folder = f"natasha-studio/{_slug(request.display_name)}-{stamp}"
        client = storage_client(self.project, self.credentials())
        uris, offset = [], 0
        for path, size in zip(paths, sizes, strict=True):
            def report(done: int, _total: int, base: int = offset) -> None:
                if progress:
                    progress(base + done, total)
            try:
                uris.append(upload_file(client, self.bucket, f"{folder}/{path.name}", path,
                                        report, cancelled=cancelled, policy=self.policy))
            except Exception as exc:
                raise self._error(exc) from exc
            offset += size
        return uris

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        """Upload the files to the bucket, then start supervised tuning."""
        from google.genai import types

        client = await self._aclient()
        cancelled = threading.Event()
        try:
            uris = await asyncio.to_thread(self._upload_all, request, progress, cancelled)
        except asyncio.CancelledError:
            cancelled.set()  # the upload thread stops at its next chunk
            raise
        hyper = request.hyperparameters
        config: dict[str, Any] = {"tuned_model_display_name": request.display_name[:128] or None}
        if hyper.get("epochs") not in (None, "auto"):
            config["epoch_count"] = int(hyper["epochs"])
        if hyper.get("learning_rate_multiplier") not in (None, "auto"):
            config["learning_rate_multiplier"] = float(hyper["learning_rate_multiplier"])
        if hyper.get("adapter_size") not in (None, "auto"):
            config["adapter_size"] = ADAPTER_SIZES[int(hyper["adapter_size"])]
        if len(uris) > 1:
            config["validation_dataset"] = types.TuningValidationDataset(gcs_uri=uris[1])
        try:
            with warnings.catch_warnings():
                # The SDK flags tuning as experimental on every call; not news to the user.
                warnings.simplefilter("ignore")
                job = await client.aio.tunings.tune(
                    base_model=request.base_model,
                    training_dataset=types.TuningDataset(gcs_uri=uris[0]),
                    config=types.CreateTuningJobConfig(**config))
        except Exception as exc:
            raise self._error(exc) from exc
        status = self._status(job, {})
        status.resume = {**status.resume, "training_uri": uris[0],
                         "validation_uri": uris[1] if len(uris) > 1 else None}
        return status

    def _status(self, job: Any, state: dict[str, Any]) -> JobStatus:
        raw = job.state.value if hasattr(job.state, "value") else str(job.state or "")
        ours = VERTEX_STATES.get(raw, "running")
        error = job.error.message if job.error and job.error.message else None
        endpoint = job.tuned_model.endpoint if job.tuned_model else None
        status = JobStatus(state=ours, remote_id=job.name, error=error, tuned_model=endpoint,
                           raw_state=raw)
        at = (job.update_time or job.create_time or dt.datetime.now(dt.UTC))
        stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ") if hasattr(at, "strftime") else str(at)
        # Vertex has no event log here: each new state and the dataset statistics become events.
        if raw and raw != state.get("last_state"):
            status.events.append(JobEvent(
                remote_id=f"state:{raw}", at=stamp, level="error" if ours == "failed" else "info",
                message=error if ours == "failed" and error else
                translate("Providers", "Vertex AI job state: {state}").format(
                    state=state_label(ours).lower())))
            status.resume["last_state"] = raw
        stats = job.tuning_data_stats.supervised_tuning_data_stats if job.tuning_data_stats else None
        if stats and not state.get("stats_reported"):
            status.events.append(JobEvent(
                remote_id="stats", at=stamp, level="info",
                message=translate("Providers", "Dataset accepted: {examples} examples, {steps} "
                                               "training steps.").format(
                    examples=stats.tuning_dataset_example_count or "?",
                    steps=stats.tuning_step_count or "?"),
                data=stats.model_dump(exclude_none=True, mode="json")))
            status.resume["stats_reported"] = True
        if job.tuned_model and job.tuned_model.model:
            status.resume["tuned_model_resource"] = job.tuned_model.model
        return status

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        client = await self._aclient()
        try:
            job = await client.aio.tunings.get(name=remote_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return self._status(job, state)

    async def cancel_job(self, remote_id: str) -> JobStatus:
        from google.genai import errors as genai_errors

        client = await self._aclient()
        try:
            try:
                await client.aio.tunings.cancel(name=remote_id)
            except genai_errors.ClientError as exc:
                if exc.code != 400:  # 400: it had already ended; report where it ended
                    raise
            job = await client.aio.tunings.get(name=remote_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return self._status(job, {})

    async def delete_training_data(self, state: dict[str, Any]) -> list[str]:
        """Delete the job's training and validation files from the Cloud Storage bucket."""
        uris = [state[key] for key in ("training_uri", "validation_uri") if state.get(key)]
        if not uris:
            return []
        return await asyncio.to_thread(self._delete_objects, uris)

    def _delete_objects(self, uris: list[str]) -> list[str]:
        from google.api_core import exceptions as core_exc

        client = storage_client(self.project, self.credentials())
        for uri in uris:
            bucket, _, name = uri.removeprefix("gs://").partition("/")
            try:
                client.bucket(bucket).blob(name).delete()
            except core_exc.NotFound:
                pass  # already gone: what we wanted
            except Exception as exc:
                raise self._error(exc) from exc
        return uris

    # -- chat ----------------------------------------------------------------------------------

    async def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                          options: ChatOptions) -> AsyncIterator[str]:
        """Stream a Gemini reply; ``model`` is a base model name or a tuned endpoint."""
        from google.genai import types

        system = "\n\n".join(m.content for m in messages if m.role == "system")
        contents = [types.Content(role="model" if m.role == "assistant" else "user",
                                  parts=[types.Part(text=m.content)])
                    for m in messages if m.role != "system"]
        # google-genai's async client (over aiohttp) applies its timeout to a whole request,
        # streamed body included: a long reply that kept coming was cut off after the read
        # timeout. A streamed reply's silences are watched by the chat itself (first text,
        # then each gap), so the whole reply gets a long limit of its own.
        config = types.GenerateContentConfig(
            system_instruction=system or None, temperature=options.temperature,
            max_output_tokens=options.max_tokens,
            http_options=types.HttpOptions(timeout=int(STREAM_TIMEOUT * 1000)))
        client = await self._aclient()
        try:
            stream = await client.aio.models.generate_content_stream(
                model=model, contents=contents, config=config)
            finished = False
            async for chunk in stream:
                if chunk.candidates and chunk.candidates[0].finish_reason:
                    finished = True
                if chunk.text:
                    yield chunk.text
            # A dropped connection ends the stream as quietly as its last chunk: only the
            # finish reason tells a whole answer from a cut one.
            if not finished:
                raise cut_off_error(self.label)
        except StudioError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc
