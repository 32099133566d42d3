"""Together AI: LoRA (or full) fine-tuning of open models through the ``together`` SDK, chat
through its OpenAI-compatible endpoint, and the adapter brought home for local chat.

A launch asks Together for the model's limits first (an unknown or untunable model is refused
before anything is sent), uploads the file with the SDK's own format check, asks for the
price estimate (a launch the balance cannot cover stops there, its file deleted), then
creates the job. Polls read the job, its new events and its new loss values. When the job is
done, ``download_adapter`` fetches the LoRA adapter (a tar archive, zstd-compressed) into a
folder the local back end can chat with.

Chat with the tuned model goes through Together's endpoint only where the model is deployed:
Together serves fine-tuned models on a dedicated endpoint, billed by the minute until it is
stopped; the downloaded adapter costs nothing to chat with.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import shutil
import tarfile
import tempfile
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import number, translate
from natasha_studio.core.provider import (
    ChatMessage,
    ChatOptions,
    JobEvent,
    JobStatus,
    ProgressCallback,
    ProviderUnavailable,
    TuneRequest,
    option_given,
)
from natasha_studio.core.retry import DEFAULT_POLICY, RetryPolicy, send_again_while_unavailable
from natasha_studio.providers.catalog import TOGETHER_URL, provider_info
from natasha_studio.providers.errors import Providers, rest_error
from natasha_studio.providers.model_cache import remember_base_models
from natasha_studio.providers.openai_provider import OpenAIProvider

LABEL = "Together AI"
STATES = {
    "pending": "queued", "queued": "queued", "running": "running", "compressing": "running",
    "uploading": "running", "cancel_requested": "cancelling", "cancelled": "cancelled",
    "error": "failed", "completed": "succeeded",
}
# Together's metric names -> the chart's.
METRICS = {"train/loss": "train_loss", "eval/loss": "valid_loss"}
STEP_KEY = "train/global_step"
# A fine-tuned model is served on a dedicated endpoint; this is where curators start one.
ENDPOINTS_URL = "https://api.together.ai/models"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
GZIP_MAGIC = b"\x1f\x8b"


def _iso(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value or "")


def key_hint() -> str:
    return translate("Providers", "Check the key in the Fine-tune tab → Providers… (or the "
                                  "TOGETHER_API_KEY variable) and try again.")


class TogetherProvider(OpenAIProvider):
    """The ``Provider`` protocol over Together AI."""

    name = "together"
    info = provider_info("together")
    can_tune = True

    def __init__(self, api_key: str | None, base_url: str | None = None, *,
                 timeout: float | None = None, poll_interval: float = 2.0,
                 policy: RetryPolicy = DEFAULT_POLICY) -> None:
        # The SDK's paths carry "/v1"; the OpenAI-compatible chat lives under it.
        self.api_base = (base_url or TOGETHER_URL).strip().rstrip("/").removesuffix("/v1")
        super().__init__(api_key, self.api_base + "/v1", label=LABEL, timeout=timeout,
                         poll_interval=poll_interval, policy=policy)

    # -- plumbing ------------------------------------------------------------------------------

    def _check_key(self) -> None:
        if not self.api_key:
            raise StudioError(
                translate("Providers", "No API key is set for {provider}.").format(provider=LABEL),
                translate("Providers", "Enter the key in the Fine-tune tab → Providers…, or set the "
                                       "TOGETHER_API_KEY environment variable."))

    def _together(self) -> Any:
        import httpx
        from together import AsyncTogether

        self._check_key()
        timeout = httpx.Timeout(self.timeout, connect=min(self.timeout,
                                                          self.policy.connect_timeout))
        return AsyncTogether(api_key=self.api_key, base_url=self.api_base,
                             max_retries=self.max_retries, timeout=timeout)

    def _client(self) -> Any:
        self._check_key()
        return super()._client()

    def _error(self, exc: BaseException, *, tuning: bool = False) -> StudioError:
        return rest_error(exc, LABEL, key_hint=key_hint(), where=self.api_base, tuning=tuning)

    # -- connection and models -----------------------------------------------------------------

    async def list_base_models(self) -> list[str]:
        """The base models Together tunes today (its supported-models list), remembered for
        the launch form."""
        try:
            async with self._together() as client:
                models = []
                async for model in client.models.list_supported(product="PRODUCT_FINE_TUNING"):
                    if model.status in ("SUPPORTED_MODEL_STATUS_DEPRECATED",
                                        "SUPPORTED_MODEL_STATUS_HIDDEN"):
                        continue
                    # Recommended ones first, in Together's order otherwise.
                    models.append((model.status != "SUPPORTED_MODEL_STATUS_RECOMMENDED",
                                   model.name or model.id))
        except Exception as exc:
            raise self._error(exc) from exc
        names = [name for _, name in sorted(models, key=lambda item: item[0])]
        remember_base_models(self.name, names)
        return names

    async def test_connection(self) -> str:
        count = len(await self.list_base_models())
        return Providers.tr("Connected to {provider}: %n base model(s) can be tuned.", None,
                            count).format(provider=LABEL)

    async def list_models(self) -> list[str]:
        """The tuned models of finished jobs, then the base models Together tunes."""
        try:
            async with self._together() as client:
                listing = await client.fine_tuning.list()
        except Exception as exc:
            raise self._error(exc) from exc
        tuned = [job.x_model_output_name for job in listing.data or []
                 if job.status == "completed" and getattr(job, "x_model_output_name", None)]
        return tuned + await self.list_base_models()

    # -- fine-tuning ---------------------------------------------------------------------------

    async def _upload(self, client: Any, path: Path, sent: int, total: int,
                      progress: ProgressCallback | None) -> str:
        from together.lib.types.error import FileTypeError

        def moved(update: Any) -> None:
            if progress:
                progress(sent + update.uploaded_bytes, total)

        async def send() -> Any:
            try:
                return await client.files.upload(file=path, purpose="fine-tune", check=True,
                                                 progress_callback=moved)
            except FileTypeError:
                raise
            except Exception as exc:
                error = self._error(exc, tuning=True)
                if isinstance(error, ProviderUnavailable):  # sent again, a few times
                    raise error from exc
                raise

        try:
            uploaded = await send_again_while_unavailable(send, self.policy)
        except FileTypeError as exc:
            raise StudioError(
                translate("Providers", "Together AI's check refused the file {name}: {reason}")
                .format(name=path.name, reason=str(exc).split("\n")[0]),
                translate("Providers", "Fix the dataset (see the validation panel) and launch "
                                       "again.")) from exc
        report = getattr(uploaded, "validation_report", None)
        if uploaded.processing_status in ("FAILED", "INVALID_FORMAT") or (
                report is not None and report.valid is False):
            # The SDK keeps only the status of what preprocessing said; the file has the why.
            with contextlib.suppress(Exception):
                report = (await client.files.retrieve(uploaded.id)).validation_report or report
            with contextlib.suppress(Exception):
                await client.files.delete(uploaded.id)
            raise StudioError(
                translate("Providers", "Together AI refused the file {name}: {reason}").format(
                    name=path.name, reason=(report.error if report else None)
                    or uploaded.processing_status),
                translate("Providers", "Fix the dataset (see the validation panel) and launch "
                                       "again."))
        if progress:
            progress(sent + path.stat().st_size, total)
        return uploaded.id

    def _create_arguments(self, request: TuneRequest, limits: Any) -> dict[str, Any]:
        hyper = request.hyperparameters
        full = bool(hyper.get("full_training"))
        kwargs: dict[str, Any] = {"lora": not full, "model_limits": limits,
                                  "train_on_inputs": "auto"}
        try:
            if option_given(hyper.get("epochs")):
                kwargs["n_epochs"] = int(hyper["epochs"])
            if option_given(hyper.get("learning_rate")):
                kwargs["learning_rate"] = float(hyper["learning_rate"])
            if not full:
                rank = int(hyper["lora_rank"]) if option_given(hyper.get("lora_rank")) else \
                    int(limits.lora_training.default_rank)
                kwargs["lora_r"] = rank
                kwargs["lora_alpha"] = float(hyper["lora_alpha"]) if option_given(
                    hyper.get("lora_alpha")) else 2.0 * rank
            if option_given(hyper.get("seed")):
                kwargs["random_seed"] = int(hyper["seed"])
        except (TypeError, ValueError) as exc:
            raise StudioError(
                translate("Providers", "A tuning option is not a number: {reason}").format(
                    reason=exc),
                translate("Providers", "Correct the option and launch again.")) from exc
        suffix = str(hyper.get("suffix") or request.display_name or "").strip()
        if suffix:
            # Together allows up to 40 characters of letters, digits and dashes.
            cleaned = "".join(c if c.isascii() and c.isalnum() else "-" for c in suffix)
            cleaned = "-".join(part for part in cleaned.split("-") if part)[:40]
            if cleaned:
                kwargs["suffix"] = cleaned
        if full and not limits.supports_full_training:
            raise StudioError(
                translate("Providers", "Together AI tunes {model} only with LoRA.").format(
                    model=request.base_model),
                translate("Providers", "Turn off full training and launch again."))
        return kwargs

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        """Check the model's limits, upload the files, ask the price, create the job."""
        paths = [Path(p) for p in (request.train_file, request.validation_file) if p]
        for path in paths:
            if not path.is_file():
                raise StudioError(translate("Providers", "The dataset file {path} cannot be "
                                                         "read.").format(path=path))
        total = sum(p.stat().st_size for p in paths)
        resume: dict[str, Any] = {}
        try:
            async with self._together() as client:
                try:
                    limits = await client.fine_tuning.model_limits(model_name=request.base_model)
                except Exception as exc:
                    raise self._error(exc, tuning=True) from exc
                kwargs = self._create_arguments(request, limits)
                if progress:
                    progress(0, total)
                resume["training_file"] = await self._upload(client, paths[0], 0, total,
                                                             progress)
                if len(paths) > 1:
                    resume["validation_file"] = await self._upload(
                        client, paths[1], paths[0].stat().st_size, total, progress)
                    kwargs["validation_file"] = resume["validation_file"]
                    kwargs["n_evals"] = int(request.hyperparameters.get("n_evals") or 2)
                estimate = await self._estimate(client, request, resume, kwargs)
                job = await client.fine_tuning.create(
                    training_file=resume["training_file"], model=request.base_model, **kwargs)
        except BaseException as exc:
            # A launch that did not start leaves nothing of the dataset behind.
            if resume:
                with contextlib.suppress(Exception):
                    await self.delete_training_data(resume)
            if isinstance(exc, StudioError) or not isinstance(exc, Exception):
                raise
            raise self._error(exc, tuning=True) from exc
        status = self._status(job)
        status.resume.update(resume)
        if estimate is not None:
            status.events.append(estimate)
        return status

    async def _estimate(self, client: Any, request: TuneRequest, files: dict[str, Any],
                        kwargs: dict[str, Any]) -> JobEvent | None:
        """Together's price estimate as an event; a launch the balance cannot cover stops."""
        training_type: dict[str, Any] = (
            {"type": "Lora", "lora_r": kwargs["lora_r"], "lora_alpha": int(kwargs["lora_alpha"])}
            if kwargs.get("lora") else {"type": "Full"})
        arguments: dict[str, Any] = {
            "training_file": files["training_file"], "model": request.base_model,
            "n_epochs": kwargs.get("n_epochs", 1), "n_evals": kwargs.get("n_evals", 0),
            "training_type": training_type,
            "training_method": {"method": "sft", "train_on_inputs": "auto"}}
        if files.get("validation_file"):
            arguments["validation_file"] = files["validation_file"]
        estimate = await client.fine_tuning.estimate_price(**arguments)
        if not getattr(estimate, "estimation_available", False):
            return None
        price = estimate.estimated_total_price
        if estimate.allowed_to_proceed is False:
            raise StudioError(
                translate("Providers", "Together AI estimates this job at {price} USD, more than "
                                       "the account's balance allows.").format(
                    price=number(price or 0, 2)),
                translate("Providers", "Add credit on Together AI's billing page, or tune on "
                                       "fewer pairs or epochs. The uploaded file was deleted."))
        if price is None:
            return None
        return JobEvent(
            remote_id="estimate", at=_iso(dt.datetime.now(dt.UTC)), level="info",
            message=translate("Providers", "Together AI's own estimate: {price} USD for about "
                                           "{tokens} training tokens.").format(
                price=number(price, 2),
                tokens=number(int(estimate.estimated_train_token_count or 0))),
            data={"estimated_total_price": price, "currency": "USD",
                  "estimated_train_token_count": estimate.estimated_train_token_count})

    def _status(self, job: Any) -> JobStatus:
        state = STATES.get(str(job.status), "running")
        status = JobStatus(state=state, remote_id=job.id, raw_state=str(job.status),
                           tuned_model=getattr(job, "x_model_output_name", None)
                           if state == "succeeded" else None)
        progress = getattr(job, "progress", None)
        if progress is not None and progress.estimate_available and state == "running":
            finish = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=progress.seconds_remaining)
            status.estimated_finish = _iso(finish)
        return status

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        """The job, its events since the last poll and its new loss values."""
        try:
            async with self._together() as client:
                job = await client.fine_tuning.retrieve(remote_id)
                status = self._status(job)
                events = (await client.fine_tuning.list_events(remote_id)).data or []
                self._read_events(events, state, status)
                since = int(state.get("metrics_step", 0))
                if str(job.status) not in ("pending", "queued"):
                    metrics = await client.fine_tuning.list_metrics(
                        remote_id, global_step_from=since + 1)
                    self._read_metrics(metrics.metrics or [], since, status)
        except StudioError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc
        return status

    def _read_events(self, events: list[Any], state: dict[str, Any], status: JobStatus) -> None:
        seen = int(state.get("events_seen", 0))
        for index, event in enumerate(events[seen:], start=seen):
            level = str(event.level or "info").removeprefix("legacy_i").removeprefix("legacy_")
            if event.type == "job_error":
                level = "error"
                status.error = event.message or status.error
            status.events.append(JobEvent(
                remote_id=f"together:{index}", at=str(event.created_at or ""),
                level=level if level in ("info", "warning", "error") else "info",
                message=event_text(event),
                data={"type": event.type, **({"step": event.step} if event.step else {})}))
        if len(events) > seen:
            status.resume["events_seen"] = len(events)
        if status.state == "failed" and not status.error:
            status.error = translate("Providers", "Together AI stopped the job without saying "
                                                  "why.")

    def _read_metrics(self, rows: list[dict[str, Any]], since: int, status: JobStatus) -> None:
        last = since
        for row in rows:
            step = row.get(STEP_KEY)
            if not isinstance(step, int | float) or step <= since:
                continue
            for key, name in METRICS.items():
                value = row.get(key)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    status.metrics.append((int(step), name, float(value)))
            last = max(last, int(step))
        if last > since:
            status.resume["metrics_step"] = last

    async def cancel_job(self, remote_id: str) -> JobStatus:
        try:
            async with self._together() as client:
                try:
                    await client.fine_tuning.cancel(remote_id)
                except Exception as exc:
                    # Already over (400/409): report where it ended rather than an error.
                    if getattr(exc, "status_code", None) not in (400, 409):
                        raise
                job = await client.fine_tuning.retrieve(remote_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return self._status(job)

    async def delete_training_data(self, state: dict[str, Any]) -> list[str]:
        """Delete the job's uploaded files from Together (ids kept by ``start_job``)."""
        ids = [state[key] for key in ("training_file", "validation_file") if state.get(key)]
        deleted = []
        try:
            async with self._together() as client:
                for file_id in ids:
                    try:
                        await client.files.delete(file_id)
                    except Exception as exc:
                        if getattr(exc, "status_code", None) != 404:
                            raise  # 404: already gone, which is what we wanted
                    deleted.append(file_id)
        except Exception as exc:
            raise self._error(exc) from exc
        return deleted

    # -- the adapter, brought home -------------------------------------------------------------

    async def download_adapter(self, remote_id: str, folder: Path,
                               progress: ProgressCallback | None = None) -> Path:
        """Download the finished job's LoRA adapter and unpack it into ``folder`` (created;
        replaced if it exists). Returns the folder holding ``adapter_config.json``."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder.parent, prefix=".adapter-", suffix=".part")
        archive = Path(name)
        try:
            with open(fd, "wb") as out:
                async with self._together() as client:
                    async with client.fine_tuning.with_streaming_response.content(
                            ft_id=remote_id, checkpoint="adapter") as response:
                        total = int(response.headers.get("content-length") or 0)
                        done = 0
                        async for chunk in response.iter_bytes():
                            out.write(chunk)
                            done += len(chunk)
                            if progress:
                                progress(done, total or done)
            await asyncio.to_thread(unpack_adapter, archive, folder)
        except StudioError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc
        finally:
            archive.unlink(missing_ok=True)
        return folder

    # -- chat ----------------------------------------------------------------------------------

    def _chat_limits(self, options: ChatOptions) -> dict[str, Any]:
        return {"max_tokens": options.max_tokens}

    async def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                          options: ChatOptions) -> AsyncIterator[str]:
        """Stream a reply from Together's endpoint; a tuned model that is not deployed there
        is explained (a dedicated endpoint and its cost, or the adapter on this computer)."""
        try:
            async for piece in super().stream_chat(model, messages, options):
                yield piece
        except StudioError as exc:
            status = getattr(exc.__cause__, "status_code", None)
            if status in (400, 404) and not model.startswith(tuple(self.info.base_models)):
                raise StudioError(
                    translate("Providers", "{model} is not running on a Together AI endpoint.")
                    .format(model=model), not_deployed_hint()) from exc
            raise


def not_deployed_hint() -> str:
    """What chatting with a tuned Together model costs, said before anyone pays for it."""
    return translate(
        "Providers", "Together AI serves a tuned model on a dedicated endpoint that you start "
                     "in its console ({url}); it is billed for every minute it runs, until you "
                     "stop it, whether or not anyone chats. The adapter downloaded with the job "
                     "answers on this computer for free (local training must be installed)."
    ).format(url=ENDPOINTS_URL)


def event_text(event: Any) -> str:
    """Together's usual events in the curator's words; others as Together wrote them."""
    known = {
        "job_pending": translate("Providers", "The job is waiting in Together AI's queue."),
        "job_start": translate("Providers", "Together AI has started the job."),
        "training_start": translate("Providers", "Training has started."),
        "epoch_complete": translate("Providers", "An epoch is complete."),
        "checkpoint_save": translate("Providers", "A checkpoint was saved."),
        "training_complete": translate("Providers", "Training is complete."),
        "model_uploading": translate("Providers", "Together AI is saving the tuned model."),
        "job_complete": translate("Providers", "The tuned model is ready."),
        "cancel_requested": translate("Providers", "The job is being cancelled."),
        "job_stopped": translate("Providers", "The job was cancelled."),
    }
    return known.get(str(event.type)) or str(event.message or event.type)


def unpack_adapter(archive: Path, folder: Path) -> None:
    """Unpack a downloaded adapter archive (tar, gzip or zstd) into ``folder``: the folder
    that holds ``adapter_config.json`` in the archive becomes ``folder``."""
    head = archive.read_bytes()[:4]
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".adapter-"))
    try:
        if head.startswith(ZSTD_MAGIC):
            try:
                import zstandard
            except ImportError as exc:
                raise StudioError(
                    translate("Providers", "The adapter is compressed with zstd, which needs "
                                           "local training installed."),
                    translate("Providers", "Install local training (it brings zstandard), then "
                                           "download the adapter again.")) from exc
            with archive.open("rb") as raw, \
                    zstandard.ZstdDecompressor().stream_reader(raw) as stream, \
                    tarfile.open(fileobj=stream, mode="r|") as tar:
                tar.extractall(staging, filter="data")
        else:
            with tarfile.open(archive, "r:gz" if head.startswith(GZIP_MAGIC) else "r:") as tar:
                tar.extractall(staging, filter="data")
        configs = sorted(staging.rglob("adapter_config.json"), key=lambda p: len(p.parts))
        if not configs:
            raise StudioError(
                translate("Providers", "The downloaded archive holds no LoRA adapter."),
                translate("Providers", "Download it again; if it happens again, the job may "
                                       "have been a full fine-tune, whose model is too large "
                                       "to chat with here."))
        if folder.exists():
            shutil.rmtree(folder)
        shutil.move(str(configs[0].parent), folder)
    except tarfile.TarError as exc:
        raise StudioError(
            translate("Providers", "The downloaded adapter could not be unpacked: {reason}")
            .format(reason=exc), translate("Providers", "Download it again.")) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
