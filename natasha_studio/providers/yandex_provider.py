"""Yandex AI Studio: LoRA tuning of YandexGPT Lite (yandex-ai-studio-sdk) and chat.

The training file becomes a Yandex dataset (created, uploaded to a presigned URL, validated
by Yandex), then ``tune_deferred`` starts a tuning operation; its metadata carries the
current and total steps, and when it succeeds its model is a ``gpt://<folder>/...@<suffix>``
URI. Chat, with the base model or a tuned one, goes through Yandex's OpenAI-compatible
endpoint, so it reuses ``OpenAIProvider``'s streaming with Yandex's own key header.

The SDK's gRPC channels belong to the event loop that opened them, so one SDK object is kept
per loop (the window has one loop; each command of the command line has its own).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import weakref
from collections.abc import AsyncIterator, Awaitable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import grpc
import openai
from yandex.cloud.ai.tuning.v1.tuning_service_pb2 import TuningMetadata, TuningResponse
from yandex.cloud.ai.tuning.v1.tuning_task_pb2 import TuningTask as TaskProto
from yandex_ai_studio_sdk import AsyncAIStudio
from yandex_ai_studio_sdk.auth import APIKeyAuth
from yandex_ai_studio_sdk.retry import RetryPolicy
from yandex_ai_studio_sdk.tuning.types import TuningTypeLora

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import (
    ChatMessage,
    ChatOptions,
    JobEvent,
    JobStatus,
    ProgressCallback,
    TuneRequest,
    option_given,
)
from natasha_studio.core.retry import DEFAULT_POLICY, send_again_while_unavailable
from natasha_studio.core.retry import RetryPolicy as StudioRetryPolicy
from natasha_studio.providers.catalog import YANDEX_CHAT_URL, provider_info
from natasha_studio.providers.errors import Providers, yandex_error
from natasha_studio.providers.openai_provider import OpenAIProvider

T = TypeVar("T")
LABEL = "Yandex AI Studio"
# The gRPC host of the AI services (datasets, tuning, their operations).
DEFAULT_ENDPOINT = "llm.api.cloud.yandex.net:443"
TASK_STATES = {
    TaskProto.CREATED: "queued", TaskProto.PENDING: "queued", TaskProto.IN_PROGRESS: "running",
    TaskProto.COMPLETED: "succeeded", TaskProto.FAILED: "failed",
    TaskProto.CANCELED: "cancelled", TaskProto.DRAFT: "preparing",
}
CANCELLED_CODE = grpc.StatusCode.CANCELLED.value[0]
# Hyper-parameters of the launch form -> the SDK's tune_deferred arguments, with their types.
TUNE_ARGUMENTS = {"learning_rate": ("lr", float), "n_samples": ("n_samples", int),
                  "seed": ("seed", int)}


def model_uri(folder_id: str, model: str) -> str:
    """A model name as Yandex's URI (``yandexgpt-lite`` -> ``gpt://<folder>/yandexgpt-lite/latest``)."""
    if "://" in model:
        return model
    return f"gpt://{folder_id}/{model if '/' in model else model + '/latest'}"


class YandexProvider(OpenAIProvider):
    """The ``Provider`` protocol over Yandex AI Studio."""

    name = "yandex"
    info = provider_info("yandex")
    can_tune = True

    def __init__(self, api_key: str | None, folder_id: str | None, *,
                 endpoint: str | None = None, chat_url: str | None = None,
                 timeout: float = 60.0, upload_timeout: float = 600.0,
                 poll_interval: float = 10.0, retries: int = 3,
                 policy: StudioRetryPolicy = DEFAULT_POLICY) -> None:
        # The chat's quick retries follow the shared policy, as every provider's do.
        super().__init__(api_key, chat_url or YANDEX_CHAT_URL, label=LABEL,
                         timeout=timeout, poll_interval=poll_interval, policy=policy)
        self.folder_id = (folder_id or "").strip()
        # "host:port" is reached over TLS; "http://host:port" in plain text (a local proxy).
        address = (endpoint or DEFAULT_ENDPOINT).strip().rstrip("/")
        self.secure = not address.startswith("http://")
        self.endpoint = address.removeprefix("http://").removeprefix("https://")
        self.upload_timeout = upload_timeout
        self.retries = max(1, retries)
        self._sdks: weakref.WeakKeyDictionary[Any, AsyncAIStudio] = weakref.WeakKeyDictionary()

    # -- plumbing ------------------------------------------------------------------------------

    def _check_settings(self) -> None:
        if not self.api_key:
            raise StudioError(
                translate("Providers", "No API key is set for Yandex AI Studio."),
                translate("Providers", "Enter the service account's API key in the Fine-tune tab → "
                                       "Providers…, or set the YC_API_KEY environment variable."),
            )
        if not self.folder_id:
            raise StudioError(
                translate("Providers", "No Yandex Cloud folder is set for Yandex AI Studio."),
                translate("Providers", "Enter the folder id (it starts with “b1g”) in the Fine-tune "
                                       "tab → Providers…, or set the YC_FOLDER_ID environment "
                                       "variable."),
            )

    def _sdk(self) -> AsyncAIStudio:
        self._check_settings()
        loop = asyncio.get_running_loop()
        sdk = self._sdks.get(loop)
        if sdk is None:
            # Every service the SDK uses is at the one address given (the real API host, a
            # proxy, or a local stand-in); endpoint=None turns off the SDK's discovery call.
            sdk = AsyncAIStudio(
                folder_id=self.folder_id, auth=APIKeyAuth(self.api_key), endpoint=None,
                service_map={"ai-foundation-models": self.endpoint,
                             "http_completions": self.base_url.rstrip("/") + "/"},
                retry_policy=RetryPolicy(max_attempts=self.retries, max_backoff=5.0),
                verify=self.secure)
            self._sdks[loop] = sdk
        return sdk

    def _client(self) -> openai.AsyncOpenAI:
        self._check_settings()
        # Yandex wants its own "Api-Key" scheme and the folder that pays for the replies.
        return openai.AsyncOpenAI(
            api_key=self.api_key, base_url=self.base_url, project=self.folder_id,
            max_retries=self.max_retries, timeout=self.timeout,
            default_headers={"Authorization": f"Api-Key {self.api_key}",
                             "x-folder-id": self.folder_id})

    def _error(self, exc: BaseException, *, tuning: bool = False) -> StudioError:
        return yandex_error(exc, folder_id=self.folder_id, tuning=tuning,
                            where=self.endpoint)

    async def _run(self, call: Awaitable[T], *, tuning: bool = False,
                   timeout: float | None = None) -> T:
        """Await an SDK call within our own time limit (some SDK calls ignore the timeout
        they are given), with its errors in plain words."""
        try:
            async with asyncio.timeout(timeout or self.timeout):
                return await call
        except Exception as exc:
            raise self._error(exc, tuning=tuning) from exc

    def _base_model(self, name: str) -> Any:
        return self._sdk().models.completions(model_uri(self.folder_id, name or
                                                        self.info.default_model))

    def _chat_limits(self, options: ChatOptions) -> dict[str, Any]:
        return {"max_tokens": options.max_tokens}

    def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                    options: ChatOptions) -> AsyncIterator[str]:
        """Stream a reply; ``model`` is a gpt:// URI or a base model's short name."""
        return super().stream_chat(model_uri(self.folder_id, model), messages, options)

    # -- connection and models -----------------------------------------------------------------

    async def test_connection(self) -> str:
        """Check the key and folder (datasets), then access to tuning (a Preview on request)."""
        sdk = self._sdk()

        async def first_dataset() -> None:
            async for _ in sdk.datasets.list(timeout=self.timeout):
                break

        async def tuning_tasks() -> int:
            return len([_ async for _ in sdk.tuning.list(page_size=50, timeout=self.timeout)])

        await self._run(first_dataset())
        count = await self._run(tuning_tasks(), tuning=True)
        return Providers.tr("Connected to Yandex AI Studio, folder {folder}: fine-tuning is "
                            "available, %n tuning job(s).", None, count).format(
            folder=self.folder_id)

    async def list_models(self) -> list[str]:
        """Tuned models of this folder's finished tasks, then the base YandexGPT models."""
        sdk = self._sdk()

        async def tuned_models() -> list[str]:
            tuned = []
            async for task in sdk.tuning.list(page_size=50, timeout=self.timeout):
                try:
                    info = await task.get_task_info(timeout=self.timeout)
                except ValueError:
                    continue  # a state this SDK cannot name (cancelled): no model there
                if info and info.target_model_uri:
                    tuned.append(info.target_model_uri)
            return tuned

        tuned = await self._run(tuned_models(), tuning=True, timeout=self.timeout * 3)
        return tuned + [model_uri(self.folder_id, m) for m in self.info.base_models]

    # -- fine-tuning ---------------------------------------------------------------------------

    async def _upload(self, path: Path, name: str) -> Any:
        """Create a dataset from the file, upload it and wait for Yandex to validate it."""
        sdk = self._sdk()
        draft = sdk.datasets.completions.draft_from_path(
            path, upload_format="jsonlines", name=name[:60] or path.stem)

        async def upload() -> Any:
            operation = await draft.upload_deferred(timeout=self.timeout,
                                                    upload_timeout=self.upload_timeout)
            return await operation.wait(timeout=self.timeout, poll_interval=self.poll_interval,
                                        poll_timeout=int(self.upload_timeout))

        # A dropped connection or a busy service: the file is sent again, a few times.
        return await send_again_while_unavailable(
            lambda: self._run(upload(), timeout=self.upload_timeout + 2 * self.timeout),
            self.policy)

    def _tune_arguments(self, hyper: dict[str, Any]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        try:
            for ours, (theirs, kind) in TUNE_ARGUMENTS.items():
                if option_given(hyper.get(ours)):
                    kwargs[theirs] = kind(hyper[ours])
            rank, alpha = hyper.get("lora_rank"), hyper.get("lora_alpha")
            if option_given(rank) or option_given(alpha):
                kwargs["tuning_type"] = TuningTypeLora(
                    rank=int(rank) if option_given(rank) else None,
                    alpha=float(alpha) if option_given(alpha) else None)
        except (TypeError, ValueError) as exc:
            raise StudioError(
                translate("Providers", "A tuning option is not a number: {reason}").format(
                    reason=exc),
                translate("Providers", "Correct the option and launch again."),
            ) from exc
        return kwargs

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        """Upload the train (and validation) datasets, then start LoRA tuning.

        The SDK sends each file in one request with no progress of its own, so progress moves
        file by file: 0 at the start, each file's bytes once Yandex has them.
        """
        paths = [Path(p) for p in (request.train_file, request.validation_file) if p]
        for path in paths:
            if not path.is_file():
                raise StudioError(translate("Providers", "The dataset file {path} cannot be read.")
                                  .format(path=path))
        total = sum(p.stat().st_size for p in paths)
        kwargs = self._tune_arguments(request.hyperparameters)
        if progress:
            progress(0, total)
        datasets, sent = [], 0
        for path in paths:
            datasets.append(await self._upload(path, request.display_name or path.stem))
            sent += path.stat().st_size
            if progress:
                progress(sent, total)
        resume: dict[str, Any] = {"train_dataset": datasets[0].id,
                                  "validation_dataset": datasets[1].id if len(datasets) > 1
                                  else None}
        try:
            task = await self._run(self._base_model(request.base_model).tune_deferred(
                datasets[0], validation_datasets=datasets[1:] or None,
                name=request.display_name[:60] or None, timeout=self.timeout, **kwargs),
                tuning=True)
        except StudioError:
            # The datasets stay with a failed launch only if they cannot be deleted.
            with contextlib.suppress(StudioError):
                await self.delete_training_data(resume)
            raise
        status = await self._status(task, {})
        # Its state becomes an event at the first poll, after the job's "created" event.
        status.events.clear()
        for key in ("last_state", "last_step"):
            status.resume.pop(key, None)
        status.resume.update(resume)
        return status

    async def _status(self, task: Any, state: dict[str, Any]) -> JobStatus:
        """The tuning operation's state, steps and (at the end) model as a ``JobStatus``."""
        operation = await self._run(task.get_status(timeout=self.timeout), tuning=True)
        meta = TuningMetadata()
        if operation.metadata is not None and operation.metadata.type_url:
            operation.metadata.Unpack(meta)
        status = JobStatus(state="queued", remote_id=task.id,
                           raw_state=TaskProto.Status.Name(meta.status) if meta.status else "")
        if meta.tuning_task_id:
            status.resume["task_id"] = meta.tuning_task_id
        if operation.is_failed:
            error = operation.error
            if error and error.code == CANCELLED_CODE:
                status.state = "cancelled"
            else:
                status.state = "failed"
                status.error = (error.message if error and error.message else
                                translate("Providers", "Yandex AI Studio stopped the tuning without "
                                                       "saying why."))
        elif operation.done:
            status.state = "succeeded"
            status.tuned_model = await self._tuned_model(task, operation)
        else:
            status.state = TASK_STATES.get(meta.status, "queued")
            if status.state in ("succeeded", "failed", "cancelled"):
                status.state = "cancelling" if meta.status == TaskProto.CANCELED else "running"
        self._events(status, meta, state)
        return status

    async def _tuned_model(self, task: Any, operation: Any) -> str | None:
        response = TuningResponse()
        if operation.response is not None and operation.response.type_url:
            operation.response.Unpack(response)
        if response.target_model_uri:
            return response.target_model_uri
        info = await self._run(task.get_task_info(timeout=self.timeout), tuning=True)
        return info.target_model_uri if info else None

    def _events(self, status: JobStatus, meta: TuningMetadata, state: dict[str, Any]) -> None:
        """A new state and each new step become events; the steps also a progress series."""
        # Yandex gives no time of its own: the events are stamped now, to the microsecond as
        # the job's own events are, so that events sorted by time keep the order they came in
        # (a whole second sorts after every event of ours within that second).
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        events = []
        last = state.get("last_state")
        if status.raw_state and status.raw_state != last:
            # CREATED and PENDING both mean "in the queue": say it once.
            if status.state != _state_of(last):
                events.append(JobEvent(
                    remote_id=f"state:{status.raw_state}", at=stamp,
                    level="error" if status.state == "failed" else "info",
                    message=status.error if status.state == "failed" and status.error else
                    state_text(status.state)))
            status.resume["last_state"] = status.raw_state
        step, total = meta.current_step, meta.total_steps
        if total and step and step != state.get("last_step"):
            step_event = JobEvent(
                remote_id=f"step:{step}", at=stamp, level="info",
                message=translate("Providers", "Step {step} of {total}.").format(step=step,
                                                                                total=total),
                data={"step": step, "total_steps": total})
            # A step is taken after training starts and before it ends.
            events.insert(0 if status.state in ("succeeded", "failed", "cancelled") else
                          len(events), step_event)
            status.metrics.append((step, "progress", step / total))
            status.resume["last_step"] = step
        status.events.extend(events)

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        """The operation ``remote_id`` (its id survives a restart of the app)."""
        task = await self._base_model(self.info.default_model).attach_tune_deferred(
            remote_id, timeout=self.timeout)
        try:
            return await self._status(task, state)
        except StudioError as exc:
            # Yandex forgets operations after a few weeks; the tuning task itself remains.
            if state.get("task_id") and isinstance(exc.__cause__, grpc.aio.AioRpcError) \
                    and exc.__cause__.code() == grpc.StatusCode.NOT_FOUND:
                return await self._task_status(remote_id, state["task_id"])
            raise

    async def _task_status(self, remote_id: str, task_id: str) -> JobStatus:
        task = await self._run(self._sdk().tuning.get(task_id, timeout=self.timeout),
                               tuning=True)
        try:
            info = await self._run(task.get_task_info(timeout=self.timeout), tuning=True)
        except StudioError as exc:
            if not isinstance(exc.__cause__, ValueError):
                raise
            # This SDK cannot name the CANCELED state of a task; it is the only one it lacks.
            return JobStatus(state="cancelled", remote_id=remote_id, raw_state="CANCELED")
        raw = TaskProto.Status.Name(info.status.value) if info else ""
        state = TASK_STATES.get(info.status.value, "running") if info else "running"
        return JobStatus(state=state, remote_id=remote_id, raw_state=raw,
                         tuned_model=info.target_model_uri if info else None)

    async def cancel_job(self, remote_id: str) -> JobStatus:
        task = await self._base_model(self.info.default_model).attach_tune_deferred(
            remote_id, timeout=self.timeout)
        try:
            await self._run(task.cancel(timeout=self.timeout), tuning=True)
        except StudioError as exc:
            cause = exc.__cause__
            # FAILED_PRECONDITION: it had already ended; report where it ended.
            if not isinstance(cause, grpc.aio.AioRpcError) \
                    or cause.code() != grpc.StatusCode.FAILED_PRECONDITION:
                raise
        return await self._status(task, {})

    async def delete_training_data(self, state: dict[str, Any]) -> list[str]:
        """Delete the job's datasets from Yandex (ids kept by ``start_job``)."""
        ids = [state[key] for key in ("train_dataset", "validation_dataset") if state.get(key)]
        if not ids:
            return []
        sdk = self._sdk()
        deleted = []
        for dataset_id in ids:
            try:
                dataset = await self._run(sdk.datasets.get(dataset_id, timeout=self.timeout))
                await self._run(dataset.delete(timeout=self.timeout))
            except StudioError as exc:
                cause = exc.__cause__
                if not isinstance(cause, grpc.aio.AioRpcError) \
                        or cause.code() != grpc.StatusCode.NOT_FOUND:
                    raise  # NOT_FOUND: already gone, which is what we wanted
            deleted.append(dataset_id)
        return deleted


def _state_of(raw_state: str | None) -> str | None:
    """Our word for a tuning task's state named as Yandex names it (``PENDING`` -> queued)."""
    if raw_state not in TaskProto.Status.keys():
        return None
    return TASK_STATES.get(TaskProto.Status.Value(raw_state))


def state_text(state: str) -> str:
    """A job state of Yandex's in the curator's words."""
    texts = {
        "preparing": translate("Providers", "Yandex AI Studio is preparing the job."),
        "queued": translate("Providers", "The job is waiting in Yandex AI Studio's queue."),
        "running": translate("Providers", "Training has started."),
        "succeeded": translate("Providers", "The tuned model is ready."),
        "cancelled": translate("Providers", "The job was cancelled."),
        "cancelling": translate("Providers", "The job is being cancelled."),
    }
    return texts.get(state, state)
