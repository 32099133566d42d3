"""Fireworks AI: LoRA fine-tuning of open models (Qwen, Llama, Kimi K2) through the
``fireworks-ai`` SDK, and chat through its OpenAI-compatible endpoint.

A launch makes a dataset per file (created, uploaded, then read by Fireworks until it is
READY), then a supervised fine-tuning job whose output model is named after the job. Polls
read the job's state and its progress in percent. The base models come from Fireworks' own
model list (the public ``fireworks`` account's tunable models), so Kimi K2 is offered where
Fireworks tunes it.

A tuned (LoRA) model answers only on a dedicated deployment, billed per GPU-second while a
replica runs. ``create_deployment`` makes one that scales to zero after five idle minutes;
it is called only after the curator has read ``deployment_cost_text`` and agreed. Chat with a
tuned model finds its deployment and asks for ``model#deployment``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import secrets as pyrandom
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

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
from natasha_studio.core.retry import DEFAULT_POLICY, RetryPolicy
from natasha_studio.providers.catalog import FIREWORKS_URL, provider_info
from natasha_studio.providers.errors import Providers, rest_error
from natasha_studio.providers.model_cache import remember_base_models
from natasha_studio.providers.openai_provider import OpenAIProvider

LABEL = "Fireworks AI"
PUBLIC_ACCOUNT = "fireworks"
STATES = {
    "JOB_STATE_CREATING": "queued", "JOB_STATE_PENDING": "queued",
    "JOB_STATE_VALIDATING": "validating", "JOB_STATE_CREATING_INPUT_DATASET": "validating",
    "JOB_STATE_RUNNING": "running", "JOB_STATE_WRITING_RESULTS": "running",
    "JOB_STATE_COMPLETED": "succeeded", "JOB_STATE_EARLY_STOPPED": "succeeded",
    "JOB_STATE_FAILED": "failed", "JOB_STATE_EXPIRED": "failed",
    "JOB_STATE_CANCELLING": "cancelling", "JOB_STATE_CANCELLED": "cancelled",
    "JOB_STATE_DELETING": "cancelled", "JOB_STATE_DELETING_CLEANING_UP": "cancelled",
    "JOB_STATE_RE_QUEUEING": "queued", "JOB_STATE_IDLE": "queued",
    "JOB_STATE_PAUSED": "queued", "JOB_STATE_UNSPECIFIED": "queued",
}
# A deployment for a tuned model: no replica while nobody chats, one at most.
SCALE_TO_ZERO_WINDOW = "300s"
DEPLOYMENTS_URL = "https://app.fireworks.ai/dashboard/deployments"


def _slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")[:limit].strip("-")


def short_name(model: str) -> str:
    """``accounts/fireworks/models/kimi-k2-instruct`` -> ``kimi-k2-instruct``."""
    return model.rstrip("/").rsplit("/", 1)[-1]


def is_kimi(model: str) -> bool:
    return "kimi" in short_name(model).lower()


def key_hint() -> str:
    return translate("Providers", "Check the key in the Fine-tune tab → Providers… (or the "
                                  "FIREWORKS_API_KEY variable) and try again.")


class FireworksProvider(OpenAIProvider):
    """The ``Provider`` protocol over Fireworks AI."""

    name = "fireworks"
    info = provider_info("fireworks")
    can_tune = True

    def __init__(self, api_key: str | None, account_id: str | None, *,
                 base_url: str | None = None, chat_url: str | None = None,
                 timeout: float | None = None, poll_interval: float = 2.0,
                 ready_timeout: float = 600.0, policy: RetryPolicy = DEFAULT_POLICY) -> None:
        self.account_id = (account_id or "").strip()
        self.api_base = (base_url or FIREWORKS_URL).strip().rstrip("/")
        super().__init__(api_key, (chat_url or self.api_base + "/inference/v1").rstrip("/"),
                         label=LABEL, timeout=timeout, poll_interval=poll_interval,
                         policy=policy)
        self.ready_timeout = ready_timeout

    # -- plumbing ------------------------------------------------------------------------------

    def _check_settings(self) -> None:
        if not self.api_key:
            raise StudioError(
                translate("Providers", "No API key is set for {provider}.").format(provider=LABEL),
                translate("Providers", "Enter the key in the Fine-tune tab → Providers…, or set the "
                                       "FIREWORKS_API_KEY environment variable."))
        if not self.account_id:
            raise StudioError(
                translate("Providers", "No Fireworks AI account id is set."),
                translate("Providers", "Enter the account id (it is on the account page of "
                                       "fireworks.ai) in the Fine-tune tab → Providers…, or set "
                                       "FIREWORKS_ACCOUNT_ID."))

    def _fireworks(self) -> Any:
        import httpx
        from fireworks import AsyncFireworks

        self._check_settings()
        timeout = httpx.Timeout(self.timeout, connect=min(self.timeout,
                                                          self.policy.connect_timeout))
        # An explicit base URL (even the usual one) makes the SDK build every path on it.
        return AsyncFireworks(api_key=self.api_key, account_id=self.account_id,
                              base_url=self.api_base, max_retries=self.max_retries,
                              timeout=timeout)

    def _client(self) -> Any:
        self._check_settings()
        return super()._client()

    def _error(self, exc: BaseException, *, tuning: bool = False) -> StudioError:
        return rest_error(exc, LABEL, key_hint=key_hint(), where=self.api_base, tuning=tuning)

    def _name(self, kind: str, ident: str) -> str:
        return f"accounts/{self.account_id}/{kind}/{ident}"

    def _model_name(self, model: str) -> str:
        """A short public model name (``qwen3-8b``) as Fireworks' full resource name."""
        if model.startswith("accounts/"):
            return model
        return f"accounts/{PUBLIC_ACCOUNT}/models/{model}"

    # -- connection and models -----------------------------------------------------------------

    async def list_base_models(self) -> list[str]:
        """The public models Fireworks can tune today (Kimi K2 among them where it is
        tunable), remembered for the launch form."""
        try:
            async with self._fireworks() as client:
                names = [model.name async for model in client.models.list(
                    account_id=PUBLIC_ACCOUNT, page_size=200) if model.tunable and model.name]
        except Exception as exc:
            raise self._error(exc) from exc
        remember_base_models(self.name, names)
        return names

    async def test_connection(self) -> str:
        """Check the key and the account (its datasets), then list the tunable models."""
        try:
            async with self._fireworks() as client:
                await client.datasets.list(page_size=1)
        except Exception as exc:
            raise self._error(exc) from exc
        count = len(await self.list_base_models())
        return Providers.tr("Connected to Fireworks AI, account {account}: %n base model(s) can "
                            "be tuned.", None, count).format(account=self.account_id)

    async def list_models(self) -> list[str]:
        """The account's tuned models, then the base models Fireworks tunes."""
        try:
            async with self._fireworks() as client:
                tuned = [m.name async for m in client.models.list(page_size=200)
                         if m.name and m.state in (None, "READY")]
        except Exception as exc:
            raise self._error(exc) from exc
        return tuned + await self.list_base_models()

    # -- fine-tuning ---------------------------------------------------------------------------

    async def _dataset(self, client: Any, path: Path, stem: str, made: list[str]) -> str:
        """Create a dataset (its id added to ``made`` at once, so a failure can delete it),
        upload ``path`` into it and wait until Fireworks has read it."""
        dataset_id = f"{stem}-{pyrandom.token_hex(3)}"
        lines = sum(1 for line in path.read_bytes().splitlines() if line.strip())
        await client.datasets.create(
            dataset_id=dataset_id,
            dataset={"user_uploaded": {}, "example_count": str(lines), "format": "CHAT",
                     "display_name": path.name})
        made.append(dataset_id)
        await client.datasets.upload(dataset_id, file=(path.name, path.read_bytes()))
        deadline = asyncio.get_running_loop().time() + self.ready_timeout
        while True:
            dataset = await client.datasets.get(dataset_id)
            if dataset.state == "READY":
                return dataset_id
            if dataset.status is not None and dataset.status.code not in (None, "OK"):
                raise StudioError(
                    translate("Providers", "Fireworks AI refused the file {name}: {reason}")
                    .format(name=path.name, reason=dataset.status.message or dataset.status.code),
                    translate("Providers", "Fix the dataset (see the validation panel) and "
                                           "launch again."))
            if asyncio.get_running_loop().time() > deadline:
                raise StudioError(translate("Providers", "Fireworks AI did not finish reading "
                                                         "the file {name}.").format(name=path.name),
                                  translate("Providers", "Launch again later."))
            await asyncio.sleep(self.poll_interval)

    def _job_arguments(self, request: TuneRequest) -> dict[str, Any]:
        hyper = request.hyperparameters
        kwargs: dict[str, Any] = {}
        try:
            for ours, theirs, kind in (("epochs", "epochs", int),
                                       ("learning_rate", "learning_rate", float),
                                       ("lora_rank", "lora_rank", int),
                                       ("max_context_length", "max_context_length", int)):
                if option_given(hyper.get(ours)):
                    kwargs[theirs] = kind(hyper[ours])
        except (TypeError, ValueError) as exc:
            raise StudioError(
                translate("Providers", "A tuning option is not a number: {reason}").format(
                    reason=exc),
                translate("Providers", "Correct the option and launch again.")) from exc
        return kwargs

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        """Upload the train (and validation) datasets, then start supervised LoRA tuning."""
        paths = [Path(p) for p in (request.train_file, request.validation_file) if p]
        for path in paths:
            if not path.is_file():
                raise StudioError(translate("Providers", "The dataset file {path} cannot be "
                                                         "read.").format(path=path))
        kwargs = self._job_arguments(request)
        total = sum(p.stat().st_size for p in paths)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        stem = _slug(f"natasha-{stamp}", 30)
        resume: dict[str, Any] = {"datasets": []}
        sent = 0
        if progress:
            progress(0, total)
        try:
            async with self._fireworks() as client:
                for path in paths:
                    await self._dataset(client, path, stem, resume["datasets"])
                    sent += path.stat().st_size
                    if progress:
                        progress(sent, total)
                output = _slug(f"{short_name(request.base_model)}-{stamp}", 60)
                if len(resume["datasets"]) > 1:
                    kwargs["evaluation_dataset"] = self._name("datasets", resume["datasets"][1])
                job = await client.supervised_fine_tuning_jobs.create(
                    dataset=self._name("datasets", resume["datasets"][0]),
                    base_model=self._model_name(request.base_model), output_model=output,
                    display_name=(request.display_name or output)[:60], **kwargs)
        except BaseException as exc:
            if resume["datasets"]:
                try:
                    await self.delete_training_data(resume)
                except Exception:  # the launch's own error is the one to show
                    pass
            if isinstance(exc, StudioError) or not isinstance(exc, Exception):
                raise
            raise self._error(exc, tuning=True) from exc
        status = self._status(job, {})
        status.resume.update(resume)
        return status

    def _status(self, job: Any, state: dict[str, Any]) -> JobStatus:
        raw = str(job.state or "JOB_STATE_UNSPECIFIED")
        status = JobStatus(state=STATES.get(raw, "running"), remote_id=short_name(job.name or ""),
                           raw_state=raw)
        if status.state == "succeeded" and job.output_model:
            status.tuned_model = (job.output_model if job.output_model.startswith("accounts/")
                                  else self._name("models", job.output_model))
        if status.state == "failed":
            message = job.status.message if job.status is not None else ""
            status.error = message or translate("Providers", "Fireworks AI stopped the job "
                                                             "without saying why.")
        # Stamped now, to the microsecond as the job's own events are: a whole second would
        # sort after every event of ours within that second (the upload deleted before the
        # model was ready).
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        events = []
        if raw != state.get("last_state"):
            events.append(JobEvent(
                remote_id=f"state:{raw}", at=stamp,
                level="error" if status.state == "failed" else "info",
                message=status.error if status.state == "failed" else state_text(status.state)))
            status.resume["last_state"] = raw
        percent = job.job_progress.percent if job.job_progress is not None else None
        if isinstance(percent, int) and percent != state.get("last_percent") and percent > 0:
            status.metrics.append((percent, "progress", percent / 100))
            # Progress is made after training starts and before it ends.
            events.insert(0 if status.state in ("succeeded", "failed", "cancelled") else
                          len(events), JobEvent(
                remote_id=f"percent:{percent}", at=stamp, level="info",
                message=translate("Providers", "{percent}% done.").format(percent=percent),
                data={"percent": percent, "epoch": job.job_progress.epoch}))
            status.resume["last_percent"] = percent
        status.events.extend(events)
        return status

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        try:
            async with self._fireworks() as client:
                job = await client.supervised_fine_tuning_jobs.get(remote_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return self._status(job, state)

    async def cancel_job(self, remote_id: str) -> JobStatus:
        try:
            async with self._fireworks() as client:
                try:
                    await client.supervised_fine_tuning_jobs.cancel(remote_id, body={})
                except Exception as exc:
                    # FAILED_PRECONDITION (400): already over; report where it ended.
                    if getattr(exc, "status_code", None) not in (400, 409):
                        raise
                job = await client.supervised_fine_tuning_jobs.get(remote_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return self._status(job, {})

    async def delete_training_data(self, state: dict[str, Any]) -> list[str]:
        """Delete the job's datasets from Fireworks (ids kept by ``start_job``)."""
        deleted = []
        try:
            async with self._fireworks() as client:
                for dataset_id in state.get("datasets") or []:
                    try:
                        await client.datasets.delete(dataset_id)
                    except Exception as exc:
                        if getattr(exc, "status_code", None) != 404:
                            raise  # 404: already gone, which is what we wanted
                    deleted.append(dataset_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return deleted

    # -- deployments and chat ------------------------------------------------------------------

    def is_tuned(self, model: str) -> bool:
        return model.startswith("accounts/") and not model.startswith(
            f"accounts/{PUBLIC_ACCOUNT}/")

    async def deployment_for(self, model: str) -> str | None:
        """The name of a live deployment serving ``model``, or None."""
        try:
            async with self._fireworks() as client:
                async for deployment in client.deployments.list(page_size=200):
                    if deployment.base_model == model and deployment.state not in (
                            "DELETING", "DELETED", "FAILED"):
                        return deployment.name
        except Exception as exc:
            raise self._error(exc) from exc
        return None

    async def create_deployment(self, model: str) -> str:
        """Deploy the tuned ``model`` on a dedicated deployment that scales to zero after
        five idle minutes (one replica at most). Call only once the curator has agreed to
        ``deployment_cost_text``. Returns the deployment's name."""
        try:
            async with self._fireworks() as client:
                deployment = await client.deployments.create(
                    base_model=model, deployment_id=_slug(f"chat-{short_name(model)}", 60),
                    display_name=f"Natasha Studio: {short_name(model)}"[:60],
                    min_replica_count=0, max_replica_count=1, deployment_shape="default",
                    autoscaling_policy={"scale_to_zero_window": SCALE_TO_ZERO_WINDOW})
        except Exception as exc:
            raise self._error(exc) from exc
        return deployment.name or ""

    async def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                          options: ChatOptions) -> AsyncIterator[str]:
        """Stream a reply; a tuned model is asked on its deployment (``model#deployment``),
        and without one the cost of making it is said instead."""
        target = model
        if self.is_tuned(model) and "#" not in model:
            deployment = await self.deployment_for(model)
            if deployment is None:
                raise StudioError(
                    translate("Providers", "{model} has no deployment at Fireworks AI yet, so it "
                                           "cannot answer.").format(model=short_name(model)),
                    deployment_cost_text())
            target = f"{model}#{deployment}"
        async for piece in super().stream_chat(target, messages, options):
            yield piece

    def _chat_limits(self, options: ChatOptions) -> dict[str, Any]:
        return {"max_tokens": options.max_tokens}


def deployment_cost_text() -> str:
    """What a deployment for a tuned model costs, said before the curator agrees to one."""
    return translate(
        "Providers", "Fireworks AI answers with a tuned model only on a dedicated deployment, "
                     "billed per second of GPU time while a replica runs (several dollars an "
                     "hour for one GPU; see {url}). The deployment Natasha Studio makes scales "
                     "to zero after five minutes without questions, so an idle one costs "
                     "nothing, but the first answer after a pause waits a few minutes for the "
                     "model to load. Delete the deployment in Fireworks' console when you no "
                     "longer chat with the model.").format(url=DEPLOYMENTS_URL)


def state_text(state: str) -> str:
    """A job state of Fireworks' in the curator's words."""
    texts = {
        "queued": translate("Providers", "The job is waiting in Fireworks AI's queue."),
        "validating": translate("Providers", "Fireworks AI is checking the dataset."),
        "running": translate("Providers", "Training has started."),
        "succeeded": translate("Providers", "The tuned model is ready."),
        "cancelled": translate("Providers", "The job was cancelled."),
        "cancelling": translate("Providers", "The job is being cancelled."),
    }
    return texts.get(state, state)
