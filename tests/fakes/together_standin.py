"""A stateful stand-in for Together AI's REST API on 127.0.0.1, for the real ``together`` SDK.

    with FakeTogether() as server:
        client = AsyncTogether(api_key=server.api_key, base_url=server.origin)

It serves what the SDK calls (paths and shapes read from together 3.1's source): the upload
dance (``POST /v1/files`` answered 302 with a presigned ``Location`` and
``X-Together-File-Id``, the ``PUT`` there, ``POST /v1/files/{id}/preprocess``), file
deletion, ``/v1/fine-tunes`` (create, list, retrieve, cancel, events, metrics, model limits,
estimate-price), ``/v1/finetune/download`` (the adapter as a tar archive, zstd-compressed
when ``zstandard`` is installed, gzip otherwise), ``/v2/supported-models`` and an
OpenAI-compatible ``/v1/chat/completions`` for deployed models.

A job moves one step per ``advance()`` (or per poll with ``advance_on_poll``): pending,
queued, ``steps`` training steps (an event and a loss value each), uploading, completed.
Knobs: ``balance`` (estimate-price refuses above it), ``refuse_file`` (preprocess answers
INVALID_FORMAT), ``fail_at_step``, ``deployed`` (models chat answers for),
``adapter_files`` (what the adapter archive holds), and ``inject`` for any fault.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import tarfile
import time
from dataclasses import dataclass, field
from typing import Any

from fakes.http_base import Reply, Request, RoutedServer, sse

TUNABLE = [
    ("Qwen/Qwen3-8B", "SUPPORTED_MODEL_STATUS_RECOMMENDED", 32768),
    ("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "SUPPORTED_MODEL_STATUS_SUPPORTED", 131072),
    ("Qwen/Qwen2.5-72B-Instruct", "SUPPORTED_MODEL_STATUS_SUPPORTED", 32768),
    ("old/Deprecated-7B", "SUPPORTED_MODEL_STATUS_DEPRECATED", 4096),
]
PRICE_PER_TOKEN = 0.48 / 1_000_000


def _stamp(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


@dataclass
class TogetherJob:
    id: str
    model: str
    training_file: str
    validation_file: str
    body: dict[str, Any]
    created: float
    status: str = "pending"
    step: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    metrics: list[dict[str, Any]] = field(default_factory=list)

    @property
    def output_name(self) -> str:
        suffix = self.body.get("suffix") or "ft"
        return f"natasha/{self.model.split('/')[-1]}-{suffix}-{self.id[-6:]}"


class FakeTogether(RoutedServer):
    def __init__(self, api_key: str = "tgp_v1_test_natasha", *, steps: int = 4,
                 advance_on_poll: bool = False) -> None:
        super().__init__()
        self.api_key = api_key
        self.steps = steps
        self.advance_on_poll = advance_on_poll
        self.balance = 100.0
        self.refuse_file = False
        self.fail_at_step: int | None = None
        self.deployed: set[str] = {"Qwen/Qwen3-8B"}
        self.chat_delay = 0.0  # seconds before each streamed chunk (a slow or cut stream)
        self.adapter_files: dict[str, bytes] | None = None
        self.adapter_base = "Qwen/Qwen3-8B"
        self.files: dict[str, dict[str, Any]] = {}
        self.contents: dict[str, bytes] = {}
        self.jobs: dict[str, TogetherJob] = {}
        self.chat_requests: list[dict[str, Any]] = []
        self.auth_seen: list[str] = []
        self._ids = itertools.count(1)
        self.now = 1_765_000_000.0
        r = self.route
        r("POST", r"/v1/files", self._start_upload)
        r("PUT", r"/upload/(?P<id>[^/]+)", self._put_upload)
        r("POST", r"/v1/files/(?P<id>[^/]+)/preprocess", self._preprocess)
        r("GET", r"/v1/files/(?P<id>[^/]+)", self._get_file)
        r("DELETE", r"/v1/files/(?P<id>[^/]+)", self._delete_file)
        r("GET", r"/v1/fine-tunes/models/limits", self._limits)
        r("POST", r"/v1/fine-tunes/estimate-price", self._estimate)
        r("POST", r"/v1/fine-tunes", self._create)
        r("GET", r"/v1/fine-tunes", self._list)
        r("GET", r"/v1/fine-tunes/(?P<id>[^/]+)", self._retrieve)
        r("POST", r"/v1/fine-tunes/(?P<id>[^/]+)/cancel", self._cancel)
        r("GET", r"/v1/fine-tunes/(?P<id>[^/]+)/events", self._events)
        r("GET", r"/v1/fine-tunes/(?P<id>[^/]+)/metrics", self._metrics)
        r("GET", r"/v1/finetune/download", self._download)
        r("GET", r"/v2/supported-models", self._supported)
        r("POST", r"/v1/chat/completions", self._chat)

    # -- test controls -------------------------------------------------------------------------

    def job(self, job_id: str | None = None) -> TogetherJob:
        with self.lock:
            return self.jobs[job_id] if job_id else list(self.jobs.values())[-1]

    def advance(self, ticks: int = 1) -> None:
        with self.lock:
            for _ in range(ticks):
                for job in self.jobs.values():
                    self._tick(job)

    def _event(self, job: TogetherJob, kind: str, message: str, level: str = "info",
               **extra: Any) -> None:
        job.events.append({"object": "fine-tune-event", "created_at": _stamp(self.now),
                           "type": kind, "message": message, "level": level, **extra})

    def _tick(self, job: TogetherJob) -> None:
        self.now += 60
        if job.status == "pending":
            job.status = "queued"
            self._event(job, "job_pending", "Job is queued")
        elif job.status == "queued":
            job.status = "running"
            self._event(job, "job_start", "Job started")
            self._event(job, "training_start", "Training started")
        elif job.status == "running":
            job.step += 1
            if self.fail_at_step and job.step >= self.fail_at_step:
                job.status = "error"
                self._event(job, "job_error", "CUDA out of memory at step "
                            f"{job.step}; try a smaller batch.", "error")
                return
            loss = round(2.0 / job.step, 4)
            job.metrics.append({"train/global_step": job.step, "train/loss": loss,
                                "train/learning_rate": 1e-5, "train/epoch": job.step / self.steps})
            if job.validation_file:
                job.metrics.append({"train/global_step": job.step, "eval/loss": loss + 0.1})
            self._event(job, "checkpoint_save", f"Step {job.step} of {self.steps}",
                        step=job.step, total_steps=self.steps)
            if job.step >= self.steps:
                job.status = "uploading"
                self._event(job, "training_complete", "Training completed")
                self._event(job, "model_uploading", "Uploading model")
        elif job.status == "uploading":
            job.status = "completed"
            self._event(job, "job_complete", "Job finished at " + _stamp(self.now))
        elif job.status == "cancel_requested":
            job.status = "cancelled"
            self._event(job, "job_stopped", "Job cancelled")

    # -- plumbing ------------------------------------------------------------------------------

    def dispatch(self, request: Request) -> Reply | None:
        auth = request.headers.get("authorization", "")
        if not request.path.startswith("/upload/"):
            self.auth_seen.append(auth)
            if auth != f"Bearer {self.api_key}":
                with self.lock:
                    self.requests.append((request.method, request.path))
                return Reply(401, {"error": {"message": "Invalid API key provided. You can "
                                             "find your API key at https://api.together.ai/"
                                             "settings/api-keys.",
                                             "type": "invalid_request_error",
                                             "code": "invalid_api_key"}})
        with self.lock:
            return super().dispatch(request)

    @staticmethod
    def _error(status: int, message: str, kind: str = "invalid_request_error") -> Reply:
        return Reply(status, {"error": {"message": message, "type": kind}})

    def _file_json(self, file_id: str) -> dict[str, Any]:
        return self.files[file_id]

    def _job_json(self, job: TogetherJob) -> dict[str, Any]:
        body = job.body
        training_type = body.get("training_type") or {"type": "Lora", "lora_r": 8,
                                                       "lora_alpha": 16}
        data = {
            "id": job.id, "status": job.status, "user_id": "user-natasha",
            "model": job.model, "training_file": job.training_file,
            "validation_file": job.validation_file, "n_epochs": body.get("n_epochs"),
            "learning_rate": body.get("learning_rate"), "suffix": body.get("suffix"),
            "training_type": training_type, "created_at": _stamp(job.created),
            "updated_at": _stamp(self.now), "events": job.events,
            "model_output_name": job.output_name if job.status == "completed" else None,
        }
        if job.status == "running":
            data["progress"] = {"estimate_available": True,
                                "seconds_remaining": 60 * (self.steps - job.step)}
        return data

    def _job(self, request: Request) -> TogetherJob | None:
        return self.jobs.get(request.match["id"])

    # -- files ---------------------------------------------------------------------------------

    def _start_upload(self, request: Request) -> Reply:
        file_id = f"file-{next(self._ids):08d}"
        name = "upload.jsonl"
        marker = b'name="file_name"\r\n\r\n'
        if marker in request.body:
            name = request.body.split(marker, 1)[1].split(b"\r\n", 1)[0].decode()
        self.files[file_id] = {"id": file_id, "object": "file", "bytes": 0,
                               "created_at": int(self.now), "filename": name,
                               "FileType": "jsonl", "purpose": "fine-tune",
                               "processing_status": "PENDING"}
        return Reply(302, b"", {"Location": f"{self.origin}/upload/{file_id}",
                                "X-Together-File-Id": file_id})

    def _put_upload(self, request: Request) -> Reply:
        file_id = request.match["id"]
        if file_id not in self.files:
            return self._error(404, "No such upload")
        self.contents[file_id] = request.body
        self.files[file_id]["bytes"] = len(request.body)
        return Reply(200, b"")

    def _preprocess(self, request: Request) -> Reply:
        file_id = request.match["id"]
        if file_id not in self.contents:
            return self._error(404, f"File {file_id} not found")
        lines = [line for line in self.contents[file_id].splitlines() if line.strip()]
        valid = not self.refuse_file
        self.files[file_id].update(
            processing_status="COMPLETED" if valid else "INVALID_FORMAT",
            validation_report={"valid": valid, "dataset_format": "CONVERSATION",
                               "nlines": len(lines), "file_id": file_id,
                               **({} if valid else {"error": "Line 3: missing 'messages'",
                                                    "error_type": "INVALID_FORMAT"})})
        return Reply(body=self._file_json(file_id))

    def _get_file(self, request: Request) -> Reply:
        file_id = request.match["id"]
        if file_id not in self.files:
            return self._error(404, f"File {file_id} not found")
        return Reply(body=self._file_json(file_id))

    def _delete_file(self, request: Request) -> Reply:
        file_id = request.match["id"]
        if self.files.pop(file_id, None) is None:
            return self._error(404, f"File {file_id} not found")
        self.contents.pop(file_id, None)
        return Reply(body={"id": file_id, "object": "file", "deleted": True})

    # -- fine-tunes ----------------------------------------------------------------------------

    def _limits(self, request: Request) -> Reply:
        name = request.query.get("model_name", "")
        known = {m: ctx for m, status, ctx in TUNABLE
                 if status != "SUPPORTED_MODEL_STATUS_DEPRECATED"}
        if name not in known:
            return self._error(404, f"Model {name} is not available for fine-tuning")
        return Reply(body={
            "model_name": name, "max_num_epochs": 20, "max_learning_rate": 1.0,
            "min_learning_rate": 0.0, "max_num_checkpoints": 10, "max_num_evals": 10,
            "max_seq_length_sft": known[name], "max_seq_length_dpo": known[name] // 2,
            "min_max_seq_length": 512, "merge_output_lora": True,
            "default_gradient_accumulation_steps": 1, "supports_full_training": "72B" not in name,
            "supports_reasoning": False, "supports_tools": False, "supports_vision": False,
            "lora_training": {"default_rank": 8, "max_rank": 64, "min_batch_size": 8,
                              "max_batch_size": 16, "max_batch_size_dpo": 8,
                              "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj"]},
            "full_training": {"min_batch_size": 8, "max_batch_size": 16,
                              "max_batch_size_dpo": 8}})

    def _tokens(self, file_id: str) -> int:
        return max(1, len(self.contents.get(file_id, b"")) // 4)

    def _estimate(self, request: Request) -> Reply:
        body = request.json()
        file_id = body.get("training_file", "")
        if file_id not in self.files:
            return Reply(body={"estimation_available": False,
                               "unavailable_reason": "train_file_not_validated"})
        tokens = self._tokens(file_id) * int(body.get("n_epochs") or 1)
        price = round(tokens * PRICE_PER_TOKEN, 6)
        return Reply(body={"estimation_available": True, "allowed_to_proceed": price <= self.balance,
                           "estimated_total_price": price, "estimated_train_token_count": tokens,
                           "estimated_eval_token_count": 0, "user_limit": self.balance})

    def _create(self, request: Request) -> Reply:
        body = request.json()
        if body.get("training_file") not in self.files:
            return self._error(400, "Training file not found")
        job = TogetherJob(f"ft-{next(self._ids):08d}-natasha", body["model"],
                          body["training_file"], body.get("validation_file") or "", body,
                          self.now)
        self._event(job, "job_pending", "Fine tune request created")
        self.jobs[job.id] = job
        data = self._job_json(job)
        data.pop("events")
        return Reply(body=data)

    def _list(self, request: Request) -> Reply:
        return Reply(body={"data": [{k: v for k, v in self._job_json(j).items() if k != "events"}
                                    for j in self.jobs.values()]})

    def _retrieve(self, request: Request) -> Reply:
        job = self._job(request)
        if job is None:
            return self._error(404, "Fine-tune job not found")
        if self.advance_on_poll:
            self._tick(job)
        return Reply(body=self._job_json(job))

    def _cancel(self, request: Request) -> Reply:
        job = self._job(request)
        if job is None:
            return self._error(404, "Fine-tune job not found")
        if job.status in ("completed", "cancelled", "error"):
            return self._error(400, f"Job {job.id} is already {job.status}")
        job.status = "cancel_requested"
        self._event(job, "cancel_requested", "Cancel requested")
        data = self._job_json(job)
        data.pop("events")
        return Reply(body=data)

    def _events(self, request: Request) -> Reply:
        job = self._job(request)
        if job is None:
            return self._error(404, "Fine-tune job not found")
        return Reply(body={"data": job.events})

    def _metrics(self, request: Request) -> Reply:
        job = self._job(request)
        if job is None:
            return self._error(404, "Fine-tune job not found")
        since = int(request.query.get("global_step_from") or 0)
        return Reply(body={"metrics": [m for m in job.metrics
                                       if m["train/global_step"] >= since]})

    def adapter_archive(self) -> bytes:
        files = self.adapter_files or {
            "adapter_config.json": json.dumps({
                "base_model_name_or_path": self.adapter_base, "peft_type": "LORA", "r": 8,
                "lora_alpha": 16, "target_modules": ["q_proj", "v_proj"],
                "task_type": "CAUSAL_LM"}).encode(),
            "adapter_model.safetensors": b"\0" * 64}
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w") as tar:
            for name, data in files.items():
                info = tarfile.TarInfo(f"adapter/{name}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        try:
            import zstandard
        except ImportError:
            return gzip.compress(raw.getvalue())
        return zstandard.ZstdCompressor().compress(raw.getvalue())

    def _download(self, request: Request) -> Reply:
        job = self.jobs.get(request.query.get("ft_id", ""))
        if job is None or job.status != "completed":
            return self._error(400, "Fine-tune job is not completed")
        if request.query.get("checkpoint") != "adapter":
            return self._error(400, "Only the adapter is served by this stand-in")
        return Reply(body=self.adapter_archive(), content_type="application/octet-stream",
                     headers={"Content-Disposition":
                              f'attachment; filename="{job.output_name.split("/")[-1]}.tar.zst"'})

    # -- models and chat -----------------------------------------------------------------------

    def _supported(self, request: Request) -> Reply:
        if request.query.get("product") not in (None, "PRODUCT_FINE_TUNING"):
            return Reply(body={"data": [], "next_cursor": None})
        stamp = _stamp(self.now)
        data = [{"id": f"sm-{i}", "name": name, "baseModel": "", "baseModelId": "",
                 "capabilities": ["CAPABILITY_CHAT"], "createdAt": stamp,
                 "deploymentProfiles": [], "displayName": name.split("/")[-1],
                 "displayType": "chat", "inputModalities": ["MODALITY_TEXT"],
                 "outputModalities": ["MODALITY_TEXT"],
                 "products": ["PRODUCT_FINE_TUNING", "PRODUCT_DEDICATED"],
                 "publisher": name.split("/")[0], "status": status, "updatedAt": stamp,
                 "contextLength": str(ctx)}
                for i, (name, status, ctx) in enumerate(TUNABLE)]
        # Two pages, so the SDK's cursor is followed.
        after = request.query.get("after")
        page, cursor = (data[2:], None) if after == "page-2" else (data[:2], "page-2")
        return Reply(body={"data": page, "next_cursor": cursor})

    def _chat(self, request: Request) -> Reply:
        body = request.json()
        self.chat_requests.append(body)
        model = body.get("model", "")
        if model not in self.deployed:
            return self._error(400, f"Unable to access non-serverless model {model}. Please "
                               "visit https://api.together.ai/models to create and start a new "
                               "dedicated endpoint for the model.")
        question = next((m["content"] for m in reversed(body.get("messages", []))
                         if m.get("role") == "user"), "")
        reply = f"Together отвечает: {question}"
        if not body.get("stream"):
            return Reply(body={"id": "chat-1", "object": "chat.completion", "model": model,
                               "created": int(self.now),
                               "choices": [{"index": 0, "finish_reason": "stop",
                                            "message": {"role": "assistant", "content": reply}}]})
        words = reply.split(" ")
        chunks = [{"id": "chat-1", "object": "chat.completion.chunk", "model": model,
                   "created": int(self.now),
                   "choices": [{"index": 0, "delta": {"content": w if i == 0 else " " + w},
                                "finish_reason": None}]} for i, w in enumerate(words)]
        chunks.append({"id": "chat-1", "object": "chat.completion.chunk", "model": model,
                       "created": int(self.now),
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        return Reply(stream=sse(chunks, delay=self.chat_delay), content_type="text/event-stream")
