"""A stateful stand-in for Yandex AI Studio on 127.0.0.1, for the real ``yandex-ai-studio-sdk``.

It is a real ``grpc.server`` whose servicers are built on the stubs ``yandexcloud`` ships
(DatasetService, TuningService, OperationService), plus an HTTP server for what Yandex serves
over HTTP: the presigned dataset upload (PUT, bytes counted) and the OpenAI-compatible
``/v1/chat/completions`` (SSE streaming). Point the SDK at it through its public settings::

    with FakeYandex() as server:
        sdk = AsyncAIStudio(folder_id=server.folder_id, auth=server.api_key, endpoint=None,
                            service_map=server.service_map, verify=False)

Like the real service it checks the ``Authorization: Api-Key <key>`` metadata and the folder
id of every request. Modes: ``bad key`` is just another key; ``tuning_access=False`` refuses
tuning with PERMISSION_DENIED (tuning is a Preview on request); ``refuse_dataset`` makes
validation fail with Yandex-like errors; ``fail_at_step`` fails the job; a job moves one step
per ``advance()`` or, with ``advance_on_poll``, on every OperationService.Get.
"""

from __future__ import annotations

import itertools
import threading
import time
from concurrent import futures
from dataclasses import dataclass, field
from typing import Any

import grpc
from google.protobuf import any_pb2, timestamp_pb2
from google.rpc import status_pb2
from yandex.cloud.ai.dataset.v1 import dataset_pb2, dataset_service_pb2, dataset_service_pb2_grpc
from yandex.cloud.ai.tuning.v1 import tuning_service_pb2, tuning_service_pb2_grpc, tuning_task_pb2
from yandex.cloud.operation import operation_pb2, operation_service_pb2_grpc

from fakes.http_base import Reply, Request, RoutedServer, sse

Task = tuning_task_pb2.TuningTask
BASE_MODEL = "yandexgpt-lite"
DEFAULT_ERRORS = [
    ("Invalid JSON", "Line is not a valid JSON object", [3]),
    ("Missing field", "Field 'response' is required", [5, 7]),
]


@dataclass
class FakeDataset:
    id: str
    name: str
    task_type: str
    upload_format: str
    status: int = dataset_pb2.DatasetInfo.DRAFT
    expected_size: int = 0
    content: bytes = b""
    rows: int = 0


@dataclass
class FakeTuning:
    task_id: str
    operation_id: str
    base_model_uri: str
    train_ids: list[str]
    validation_ids: list[str]
    params: Any  # TextToTextCompletionTuningParams as sent
    name: str = ""
    status: int = Task.CREATED
    current_step: int = 0
    total_steps: int = 0
    target_model_uri: str = ""
    error: str = ""
    cancelled: bool = False

    @property
    def done(self) -> bool:
        return self.status in (Task.COMPLETED, Task.FAILED, Task.CANCELED)


@dataclass
class FakeOperation:
    id: str
    kind: str  # "validate" | "tune"
    target: str  # dataset id or tuning task id
    polls: int = 0
    done: bool = False
    error: tuple[int, str] | None = None
    response: Any = None
    metadata: Any = None
    created: float = field(default_factory=time.time)


def _pack(message: Any) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)
    return packed


class FakeYandex:
    """The gRPC and HTTP halves of the stand-in, started and stopped together."""

    def __init__(self, api_key: str = "AQVN-test-natasha", folder_id: str = "b1gnatasha", *,
                 total_steps: int = 4, advance_on_poll: bool = False) -> None:
        self.api_key = api_key
        self.folder_id = folder_id
        self.total_steps = total_steps
        self.advance_on_poll = advance_on_poll
        self.tuning_access = True
        self.refuse_dataset = False
        self.validation_errors = list(DEFAULT_ERRORS)
        self.fail_at_step: int | None = None
        self.fail_message = "Training failed: the loss diverged."
        self.lock = threading.RLock()
        self.datasets: dict[str, FakeDataset] = {}
        self.tunings: dict[str, FakeTuning] = {}
        self.operations: dict[str, FakeOperation] = {}
        self.calls: list[str] = []  # gRPC method names, in order
        self.auth_seen: list[str] = []
        self.uploaded_bytes = 0
        self.datasets_seen: dict[str, bytes] = {}  # what was uploaded, kept after a delete
        self.chat_requests: list[dict[str, Any]] = []
        self.chat_delay = 0.0  # seconds before each streamed chunk (a slow or cut stream)
        # Faults of the gRPC half: the next calls end with (code, details); see fail_next().
        self.grpc_faults: list[list[Any]] = []
        self._ids = itertools.count(1)
        self.http = RoutedServer()
        self.http.route("PUT", r"/upload/(?P<id>[^/]+)", self._put_upload)
        self.http.route("POST", r"/v1/chat/completions", self._chat)
        self._grpc: grpc.Server | None = None
        self.grpc_port = 0

    # -- set-up ------------------------------------------------------------------------------

    def start(self) -> FakeYandex:
        self.http.start()
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
        dataset_service_pb2_grpc.add_DatasetServiceServicer_to_server(_Datasets(self), server)
        tuning_service_pb2_grpc.add_TuningServiceServicer_to_server(_Tuning(self), server)
        operation_service_pb2_grpc.add_OperationServiceServicer_to_server(_Operations(self),
                                                                          server)
        self.grpc_port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        self._grpc = server
        return self

    def stop(self) -> None:
        if self._grpc is not None:
            self._grpc.stop(grace=None)
            self._grpc = None
        self.http.stop()

    def __enter__(self) -> FakeYandex:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.grpc_port}"

    @property
    def chat_url(self) -> str:
        return f"{self.http.origin}/v1"

    @property
    def service_map(self) -> dict[str, str]:
        return {"ai-foundation-models": self.endpoint, "http_completions": self.chat_url + "/"}

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):06d}"

    def base_uri(self, model: str = BASE_MODEL) -> str:
        return f"gpt://{self.folder_id}/{model}/latest"

    def tuning(self, task_id: str | None = None) -> FakeTuning:
        with self.lock:
            return self.tunings[task_id] if task_id else list(self.tunings.values())[-1]

    def advance(self, ticks: int = 1) -> None:
        """Move every unfinished tuning task ``ticks`` steps on."""
        with self.lock:
            for _ in range(ticks):
                for task in self.tunings.values():
                    self._step(task)

    def fail_next(self, code: grpc.StatusCode, details: str, times: int = 1) -> None:
        """The next ``times`` gRPC calls end with ``code`` (RESOURCE_EXHAUSTED is Yandex's 429,
        INTERNAL or UNAVAILABLE its 5xx)."""
        with self.lock:
            self.grpc_faults.append([code, details, times])

    # -- the checks the real service makes -----------------------------------------------------

    def check(self, context: grpc.ServicerContext, method: str, folder_id: str | None = None) -> None:
        metadata = dict(context.invocation_metadata())
        auth = metadata.get("authorization", "")
        with self.lock:
            self.calls.append(method)
            self.auth_seen.append(auth)
            fault = self.grpc_faults[0] if self.grpc_faults else None
            if fault is not None:
                fault[2] -= 1
                if fault[2] <= 0:
                    self.grpc_faults.pop(0)
        if fault is not None:
            context.abort(fault[0], fault[1])
        if auth != f"Api-Key {self.api_key}":
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "The API key is invalid")
        if folder_id is not None and folder_id != self.folder_id:
            context.abort(grpc.StatusCode.PERMISSION_DENIED,
                          f"Permission to [resource-manager.folder {folder_id}] denied")

    # -- the job's life ------------------------------------------------------------------------

    def _step(self, task: FakeTuning) -> None:
        if task.done:
            return
        if task.status == Task.CREATED:
            task.status = Task.PENDING
            return
        if task.status == Task.PENDING:
            task.status = Task.IN_PROGRESS
            task.total_steps = self.total_steps
            return
        task.current_step += 1
        if self.fail_at_step is not None and task.current_step >= self.fail_at_step:
            task.status, task.error = Task.FAILED, self.fail_message
        elif task.current_step >= task.total_steps:
            task.status = Task.COMPLETED
            task.target_model_uri = f"{self.base_uri()}@{task.task_id[-6:]}natasha"

    def operation_proto(self, op: FakeOperation) -> operation_pb2.Operation:
        if op.kind == "tune":
            task = self.tunings[op.target]
            op.metadata = tuning_service_pb2.TuningMetadata(
                tuning_task_id=task.task_id, status=task.status,
                current_step=task.current_step, total_steps=task.total_steps)
            op.done = task.done
            if task.status == Task.COMPLETED:
                op.response = tuning_service_pb2.TuningResponse(
                    tuning_task_id=task.task_id, status=task.status,
                    target_model_uri=task.target_model_uri)
            elif task.status == Task.CANCELED:
                op.error = (grpc.StatusCode.CANCELLED.value[0], "Operation cancelled")
            elif task.status == Task.FAILED:
                op.error = (grpc.StatusCode.INTERNAL.value[0], task.error)
        proto = operation_pb2.Operation(id=op.id, description=op.kind, done=op.done,
                                        created_by="ajeserviceaccount",
                                        created_at=timestamp_pb2.Timestamp(seconds=int(op.created)))
        if op.metadata is not None:
            proto.metadata.CopyFrom(_pack(op.metadata))
        if op.error is not None:
            proto.error.CopyFrom(status_pb2.Status(code=op.error[0], message=op.error[1]))
        elif op.done and op.response is not None:
            proto.response.CopyFrom(_pack(op.response))
        return proto

    def task_proto(self, task: FakeTuning) -> tuning_task_pb2.TuningTask:
        return Task(task_id=task.task_id, operation_id=task.operation_id, status=task.status,
                    folder_id=self.folder_id, created_by="ajeserviceaccount",
                    source_model_uri=task.base_model_uri, name=task.name,
                    target_model_uri=task.target_model_uri)

    # -- HTTP ----------------------------------------------------------------------------------

    def _put_upload(self, request: Request) -> Reply:
        with self.lock:
            dataset = self.datasets.get(request.match["id"])
            if dataset is None:
                return Reply(404, "<Error><Code>NoSuchUpload</Code></Error>",
                             content_type="application/xml")
            dataset.content += request.body
            self.datasets_seen[dataset.id] = dataset.content
            dataset.rows = dataset.content.count(b"\n")
            self.uploaded_bytes += len(request.body)
        # A presigned S3 URL needs no Authorization header; the SDK sends none.
        return Reply(200, b"", headers={"ETag": '"d41d8cd98f00b204e9800998ecf8427e"'})

    def _chat(self, request: Request) -> Reply:
        auth = request.headers.get("authorization", "")
        if auth != f"Api-Key {self.api_key}":
            return Reply(401, {"error": {"message": "Unknown api key", "type": "unauthorized",
                                         "code": 401}})
        folder = request.headers.get("openai-project") or request.headers.get("x-folder-id")
        body = request.json()
        model = str(body.get("model", ""))
        with self.lock:
            self.chat_requests.append({"headers": dict(request.headers), **body})
            known = {self.base_uri()} | {t.target_model_uri for t in self.tunings.values()
                                        if t.target_model_uri}
        if folder != self.folder_id or not model.startswith(f"gpt://{self.folder_id}/"):
            return Reply(403, {"error": {"message": "Permission denied", "type": "forbidden",
                                         "code": 403}})
        if model not in known:
            return Reply(404, {"error": {"message": f"Model {model} not found",
                                         "type": "not_found", "code": 404}})
        question = next((m.get("content", "") for m in reversed(body.get("messages", []))
                         if m.get("role") == "user"), "")
        words = f"Наташа отвечает: {question}".split(" ")
        created = int(time.time())
        ident = self.new_id("chatcmpl-")

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {"id": ident, "object": "chat.completion.chunk", "created": created,
                    "model": model, "choices": [{"index": 0, "delta": delta,
                                                 "finish_reason": finish}]}

        events = [chunk({"role": "assistant", "content": ""})]
        events += [chunk({"content": (" " if i else "") + word}) for i, word in enumerate(words)]
        events.append(chunk({}, "stop"))
        if not body.get("stream"):
            return Reply(body={"id": ident, "object": "chat.completion", "created": created,
                               "model": model, "choices": [{
                                   "index": 0, "finish_reason": "stop",
                                   "message": {"role": "assistant", "content": " ".join(words)}}]})
        return Reply(stream=sse(events, delay=self.chat_delay),
                     content_type="text/event-stream")


class _Datasets(dataset_service_pb2_grpc.DatasetServiceServicer):
    def __init__(self, fake: FakeYandex) -> None:
        self.fake = fake

    def _info(self, ds: FakeDataset) -> dataset_pb2.DatasetInfo:
        return dataset_pb2.DatasetInfo(
            dataset_id=ds.id, folder_id=self.fake.folder_id, name=ds.name, status=ds.status,
            task_type=ds.task_type, rows=ds.rows, size_bytes=len(ds.content))

    def _get(self, context: grpc.ServicerContext, dataset_id: str) -> FakeDataset:
        ds = self.fake.datasets.get(dataset_id)
        if ds is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"Dataset {dataset_id} not found")
        return ds

    def Create(self, request, context):
        self.fake.check(context, "Dataset.Create", request.folder_id)
        with self.fake.lock:
            ds = FakeDataset(self.fake.new_id("fds"), request.name, request.task_type,
                             request.upload_format)
            self.fake.datasets[ds.id] = ds
            return dataset_service_pb2.CreateDatasetResponse(dataset_id=ds.id,
                                                             dataset=self._info(ds))

    def GetUploadDraftUrl(self, request, context):
        self.fake.check(context, "Dataset.GetUploadDraftUrl")
        with self.fake.lock:
            ds = self._get(context, request.dataset_id)
            ds.expected_size = request.size_bytes
        return dataset_service_pb2.GetUploadDraftUrlResponse(
            dataset_id=ds.id, upload_url=f"{self.fake.http.origin}/upload/{ds.id}")

    def Validate(self, request, context):
        self.fake.check(context, "Dataset.Validate")
        fake = self.fake
        with fake.lock:
            ds = self._get(context, request.dataset_id)
            if len(ds.content) != ds.expected_size:
                context.abort(grpc.StatusCode.FAILED_PRECONDITION,
                              "Uploaded size differs from the declared size")
            ds.status = dataset_pb2.DatasetInfo.VALIDATING
            valid = not fake.refuse_dataset
            errors = [] if valid else [
                dataset_pb2.ValidationError(error=e, error_description=d, row_numbers=rows)
                for e, d, rows in fake.validation_errors]
            op = FakeOperation(fake.new_id("fdo"), "validate", ds.id)
            op.metadata = dataset_service_pb2.ValidateDatasetMetadata(
                dataset_id=ds.id, total_rows=ds.rows)
            op.response = dataset_service_pb2.ValidateDatasetResponse(
                dataset_id=ds.id, is_valid=valid, errors=errors)
            fake.operations[op.id] = op
            return fake.operation_proto(op)

    def Describe(self, request, context):
        self.fake.check(context, "Dataset.Describe")
        with self.fake.lock:
            return dataset_service_pb2.DescribeDatasetResponse(
                dataset=self._info(self._get(context, request.dataset_id)))

    def List(self, request, context):
        self.fake.check(context, "Dataset.List", request.folder_id)
        with self.fake.lock:
            return dataset_service_pb2.ListDatasetsResponse(
                datasets=[self._info(ds) for ds in self.fake.datasets.values()])

    def Delete(self, request, context):
        self.fake.check(context, "Dataset.Delete")
        with self.fake.lock:
            self._get(context, request.dataset_id)
            del self.fake.datasets[request.dataset_id]
        return dataset_service_pb2.DeleteDatasetResponse()


class _Tuning(tuning_service_pb2_grpc.TuningServiceServicer):
    def __init__(self, fake: FakeYandex) -> None:
        self.fake = fake

    def _no_access(self, context: grpc.ServicerContext) -> None:
        if not self.fake.tuning_access:
            context.abort(grpc.StatusCode.PERMISSION_DENIED,
                          "Tuning is not available for this folder: request access to the "
                          "Preview in the AI Studio console")

    def _task(self, context: grpc.ServicerContext, task_id: str) -> FakeTuning:
        task = self.fake.tunings.get(task_id)
        if task is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"Tuning task {task_id} not found")
        return task

    def Tune(self, request, context):
        fake = self.fake
        fake.check(context, "Tuning.Tune")
        self._no_access(context)
        folder = request.base_model_uri.removeprefix("gpt://").split("/")[0]
        if folder != fake.folder_id:
            context.abort(grpc.StatusCode.PERMISSION_DENIED,
                          f"Permission to [resource-manager.folder {folder}] denied")
        with fake.lock:
            ids = [d.dataset_id for d in request.train_datasets]
            valid_ids = [d.dataset_id for d in request.validation_datasets]
            for dataset_id in ids + valid_ids:
                ds = fake.datasets.get(dataset_id)
                if ds is None or ds.status != dataset_pb2.DatasetInfo.READY:
                    context.abort(grpc.StatusCode.FAILED_PRECONDITION,
                                  f"Dataset {dataset_id} is not ready")
            task = FakeTuning(fake.new_id("ftnq"), fake.new_id("ftno"), request.base_model_uri,
                              ids, valid_ids, request.text_to_text_completion, request.name)
            fake.tunings[task.task_id] = task
            op = FakeOperation(task.operation_id, "tune", task.task_id)
            fake.operations[op.id] = op
            return fake.operation_proto(op)

    def Describe(self, request, context):
        self.fake.check(context, "Tuning.Describe")
        with self.fake.lock:
            return tuning_service_pb2.DescribeTuningResponse(
                tuning_task=self.fake.task_proto(self._task(context, request.tuning_task_id)))

    def GetOptions(self, request, context):
        self.fake.check(context, "Tuning.GetOptions")
        with self.fake.lock:
            task = self._task(context, request.task_id)
            return tuning_service_pb2.GetOptionsResponse(
                task_id=task.task_id, base_model_uri=task.base_model_uri,
                text_to_text_completion=task.params)

    def List(self, request, context):
        self.fake.check(context, "Tuning.List", request.folder_id)
        self._no_access(context)
        with self.fake.lock:
            # One page: a second request (with the token) gets an empty list, as the SDK expects.
            tasks = [] if request.page_token else list(self.fake.tunings.values())
            return tuning_service_pb2.ListTuningsResponse(
                tuning_tasks=[self.fake.task_proto(t) for t in tasks],
                next_page_token="end" if tasks else "")

    def GetMetricsUrl(self, request, context):
        self.fake.check(context, "Tuning.GetMetricsUrl")
        with self.fake.lock:
            task = self._task(context, request.task_id)
            if task.status == Task.CREATED:
                context.abort(grpc.StatusCode.NOT_FOUND, "No metrics yet")
        return tuning_service_pb2.GetMetricsUrlResponse(
            load_url=f"{self.fake.http.origin}/metrics/{task.task_id}.tfevents")


class _Operations(operation_service_pb2_grpc.OperationServiceServicer):
    def __init__(self, fake: FakeYandex) -> None:
        self.fake = fake

    def _op(self, context: grpc.ServicerContext, operation_id: str) -> FakeOperation:
        op = self.fake.operations.get(operation_id)
        if op is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"Operation {operation_id} not found")
        return op

    def Get(self, request, context):
        fake = self.fake
        fake.check(context, "Operation.Get")
        with fake.lock:
            op = self._op(context, request.operation_id)
            op.polls += 1
            if op.kind == "validate" and not op.done:
                op.done = True
                ds = fake.datasets[op.target]
                ds.status = (dataset_pb2.DatasetInfo.READY if op.response.is_valid
                             else dataset_pb2.DatasetInfo.INVALID)
            elif op.kind == "tune" and fake.advance_on_poll:
                fake._step(fake.tunings[op.target])
            return fake.operation_proto(op)

    def Cancel(self, request, context):
        fake = self.fake
        fake.check(context, "Operation.Cancel")
        with fake.lock:
            op = self._op(context, request.operation_id)
            if op.kind == "tune":
                task = fake.tunings[op.target]
                if task.done:
                    context.abort(grpc.StatusCode.FAILED_PRECONDITION,
                                  "Operation is already done")
                task.status, task.cancelled = Task.CANCELED, True
            return fake.operation_proto(op)
