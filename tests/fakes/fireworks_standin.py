"""A stateful stand-in for Fireworks AI's REST API on 127.0.0.1, for the real ``fireworks-ai``
SDK (paths and shapes read from fireworks-ai 1.2's source; with a base URL given the SDK builds
every path on it).

    with FakeFireworks() as server:
        client = AsyncFireworks(api_key=server.api_key, account_id=server.account_id,
                                base_url=server.origin)

Served: datasets (create, ``:upload`` multipart, get, list, delete), models (the public
``fireworks`` account's catalogue with ``tunable`` flags, Kimi K2 among them, and the account's
tuned models), ``supervisedFineTuningJobs`` (create, get, list, ``:cancel``), deployments
(create, list) and the OpenAI-compatible ``/inference/v1/chat/completions``, which answers a
tuned model only as ``model#deployment``.

A job moves one step per ``advance()`` (or per poll with ``advance_on_poll``): CREATING,
VALIDATING, RUNNING at 25, 50, 75 and 100 %, COMPLETED. Knobs: ``refuse_dataset``,
``kimi_tunable``, ``fail_at_percent``, and ``inject`` for any fault.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
from dataclasses import dataclass, field
from typing import Any

from fakes.http_base import Reply, Request, RoutedServer, sse

PUBLIC = [
    ("qwen3-8b", True), ("llama-v3p1-8b-instruct", True), ("kimi-k2-instruct", True),
    ("deepseek-v3", False), ("qwen3-235b-a22b", False),
]
ACCOUNT = r"/v1/accounts/(?P<account>[^/]+)"


@dataclass
class FireworksJob:
    id: str
    account: str
    body: dict[str, Any]
    state: str = "JOB_STATE_CREATING"
    percent: int = 0
    epoch: int = 0
    message: str = ""
    output: str = ""

    def as_json(self) -> dict[str, Any]:
        data = {"name": f"accounts/{self.account}/supervisedFineTuningJobs/{self.id}",
                "dataset": self.body["dataset"], "baseModel": self.body.get("baseModel"),
                "displayName": self.body.get("displayName"), "state": self.state,
                "epochs": self.body.get("epochs"), "loraRank": self.body.get("loraRank"),
                "learningRate": self.body.get("learningRate"),
                "outputModel": self.output or self.body.get("outputModel"),
                "evaluationDataset": self.body.get("evaluationDataset"),
                "createTime": "2026-12-07T10:00:00Z",
                "jobProgress": {"percent": self.percent, "epoch": self.epoch}}
        if self.message:
            data["status"] = {"code": "INTERNAL", "message": self.message}
        return data


@dataclass
class FakeDataset:
    id: str
    account: str
    body: dict[str, Any]
    content: bytes = b""
    state: str = "UPLOADING"
    status: dict[str, Any] = field(default_factory=lambda: {"code": "OK", "message": ""})

    def as_json(self) -> dict[str, Any]:
        return {"name": f"accounts/{self.account}/datasets/{self.id}", "state": self.state,
                "exampleCount": self.body.get("exampleCount"), "format": self.body.get("format"),
                "displayName": self.body.get("displayName"), "userUploaded": {},
                "status": self.status}


class FakeFireworks(RoutedServer):
    def __init__(self, api_key: str = "fw_test_natasha", account_id: str = "natasha-club", *,
                 advance_on_poll: bool = False) -> None:
        super().__init__()
        self.api_key = api_key
        self.account_id = account_id
        self.advance_on_poll = advance_on_poll
        self.refuse_dataset = False
        self.kimi_tunable = True
        self.fail_at_percent: int | None = None
        self.datasets: dict[str, FakeDataset] = {}
        self.jobs: dict[str, FireworksJob] = {}
        self.deployments: dict[str, dict[str, Any]] = {}
        self.tuned: list[str] = []
        self.chat_requests: list[dict[str, Any]] = []
        self.chat_delay = 0.0  # seconds before each streamed chunk (a slow or cut stream)
        self._ids = itertools.count(1)
        r = self.route
        r("GET", ACCOUNT + r"/datasets", self._list_datasets)
        r("POST", ACCOUNT + r"/datasets", self._create_dataset)
        r("POST", ACCOUNT + r"/datasets/(?P<id>[^/:]+):upload", self._upload)
        r("GET", ACCOUNT + r"/datasets/(?P<id>[^/:]+)", self._get_dataset)
        r("DELETE", ACCOUNT + r"/datasets/(?P<id>[^/:]+)", self._delete_dataset)
        r("GET", ACCOUNT + r"/models", self._list_models)
        r("POST", ACCOUNT + r"/supervisedFineTuningJobs", self._create_job)
        r("GET", ACCOUNT + r"/supervisedFineTuningJobs", self._list_jobs)
        r("GET", ACCOUNT + r"/supervisedFineTuningJobs/(?P<id>[^/:]+)", self._get_job)
        r("POST", ACCOUNT + r"/supervisedFineTuningJobs/(?P<id>[^/:]+):cancel", self._cancel)
        r("GET", ACCOUNT + r"/deployments", self._list_deployments)
        r("POST", ACCOUNT + r"/deployments", self._create_deployment)
        r("POST", r"/inference/v1/chat/completions", self._chat)

    @property
    def chat_url(self) -> str:
        return f"{self.origin}/inference/v1"

    # -- test controls -------------------------------------------------------------------------

    def job(self, job_id: str | None = None) -> FireworksJob:
        with self.lock:
            return self.jobs[job_id] if job_id else list(self.jobs.values())[-1]

    def advance(self, ticks: int = 1) -> None:
        with self.lock:
            for _ in range(ticks):
                for job in self.jobs.values():
                    self._tick(job)

    def _tick(self, job: FireworksJob) -> None:
        if job.state == "JOB_STATE_CREATING":
            job.state = "JOB_STATE_VALIDATING"
        elif job.state == "JOB_STATE_VALIDATING":
            job.state = "JOB_STATE_RUNNING"
        elif job.state == "JOB_STATE_RUNNING":
            job.percent += 25
            job.epoch = max(1, job.percent * int(job.body.get("epochs") or 1) // 100)
            if self.fail_at_percent and job.percent >= self.fail_at_percent:
                job.state = "JOB_STATE_FAILED"
                job.message = "Training diverged: loss is NaN at step 12."
            elif job.percent >= 100:
                job.state = "JOB_STATE_COMPLETED"
                job.output = f"accounts/{job.account}/models/{job.body['outputModel']}"
                self.tuned.append(job.output)
        elif job.state == "JOB_STATE_CANCELLING":
            job.state = "JOB_STATE_CANCELLED"

    # -- plumbing ------------------------------------------------------------------------------

    def dispatch(self, request: Request) -> Reply | None:
        if request.headers.get("authorization") != f"Bearer {self.api_key}":
            with self.lock:
                self.requests.append((request.method, request.path))
            return Reply(401, {"error": {"object": "error", "type": "unauthorized",
                                         "message": "The API key you provided is invalid."}})
        if request.path.startswith("/v1/accounts/"):
            account = request.path.split("/")[3]
            if account not in (self.account_id, "fireworks"):
                with self.lock:
                    self.requests.append((request.method, request.path))
                return Reply(403, {"code": 7, "message": f"permission denied for account "
                                                         f"{account}"})
        with self.lock:
            return super().dispatch(request)

    @staticmethod
    def _error(status: int, message: str, code: int = 3) -> Reply:
        return Reply(status, {"code": code, "message": message})

    # -- datasets ------------------------------------------------------------------------------

    def _list_datasets(self, request: Request) -> Reply:
        return Reply(body={"datasets": [d.as_json() for d in self.datasets.values()],
                           "nextPageToken": "", "totalSize": len(self.datasets)})

    def _create_dataset(self, request: Request) -> Reply:
        body = request.json()
        dataset_id = body.get("datasetId", "")
        if dataset_id in self.datasets:
            return self._error(409, f"dataset {dataset_id} already exists", 6)
        dataset = FakeDataset(dataset_id, request.match["account"], body.get("dataset") or {})
        self.datasets[dataset_id] = dataset
        return Reply(body=dataset.as_json())

    def _upload(self, request: Request) -> Reply:
        dataset = self.datasets.get(request.match["id"])
        if dataset is None:
            return self._error(404, "dataset not found", 5)
        raw = (b"Content-Type: " + request.headers["content-type"].encode() + b"\r\n\r\n"
               + request.body)
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
        for part in message.iter_parts():
            if part.get_param("name", header="content-disposition") == "file":
                dataset.content = part.get_payload(decode=True)
        if self.refuse_dataset:
            dataset.status = {"code": "INVALID_ARGUMENT",
                              "message": "line 2: 'messages' must be a list"}
        else:
            dataset.state = "READY"
        return Reply(body={"filenameToSignedUrls": {}})

    def _get_dataset(self, request: Request) -> Reply:
        dataset = self.datasets.get(request.match["id"])
        if dataset is None:
            return self._error(404, "dataset not found", 5)
        return Reply(body=dataset.as_json())

    def _delete_dataset(self, request: Request) -> Reply:
        if self.datasets.pop(request.match["id"], None) is None:
            return self._error(404, "dataset not found", 5)
        return Reply(body={})

    # -- models and jobs -----------------------------------------------------------------------

    def _public_models(self) -> list[dict[str, Any]]:
        return [{"name": f"accounts/fireworks/models/{name}", "displayName": name,
                 "kind": "HF_BASE_MODEL", "state": "READY", "public": True,
                 "tunable": self.kimi_tunable if name.startswith("kimi") else tunable,
                 "supportsLora": True} for name, tunable in PUBLIC]

    def _list_models(self, request: Request) -> Reply:
        if request.match["account"] == "fireworks":
            models = self._public_models()
        else:
            models = [{"name": name, "kind": "HF_PEFT_ADDON", "state": "READY"}
                      for name in self.tuned]
        # Two pages, so the SDK's page token is followed.
        token = request.query.get("pageToken")
        page, after = (models[3:], "") if token == "page-2" else (models[:3], "page-2")
        if len(models) <= 3:
            page, after = models, ""
        return Reply(body={"models": page, "nextPageToken": after, "totalSize": len(models)})

    def _create_job(self, request: Request) -> Reply:
        body = request.json()
        account = request.match["account"]
        dataset_id = body.get("dataset", "").rsplit("/", 1)[-1]
        if dataset_id not in self.datasets or self.datasets[dataset_id].state != "READY":
            return self._error(400, f"dataset {body.get('dataset')} is not ready")
        tunable = {m["name"] for m in self._public_models() if m["tunable"]}
        if body.get("baseModel") not in tunable:
            return self._error(400, f"model {body.get('baseModel')} is not supported for "
                                    "fine-tuning")
        job = FireworksJob(f"sftj-{next(self._ids):06d}", account, body)
        self.jobs[job.id] = job
        return Reply(body=job.as_json())

    def _list_jobs(self, request: Request) -> Reply:
        return Reply(body={"supervisedFineTuningJobs": [j.as_json() for j in self.jobs.values()],
                           "nextPageToken": ""})

    def _get_job(self, request: Request) -> Reply:
        job = self.jobs.get(request.match["id"])
        if job is None:
            return self._error(404, "job not found", 5)
        if self.advance_on_poll:
            self._tick(job)
        return Reply(body=job.as_json())

    def _cancel(self, request: Request) -> Reply:
        job = self.jobs.get(request.match["id"])
        if job is None:
            return self._error(404, "job not found", 5)
        if job.state in ("JOB_STATE_COMPLETED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED"):
            return self._error(400, f"job is already {job.state}", 9)
        job.state = "JOB_STATE_CANCELLING"
        return Reply(body={})

    def _list_deployments(self, request: Request) -> Reply:
        return Reply(body={"deployments": list(self.deployments.values()), "nextPageToken": ""})

    def _create_deployment(self, request: Request) -> Reply:
        body = request.json()
        deployment_id = request.query.get("deploymentId") or f"dep-{next(self._ids)}"
        name = f"accounts/{request.match['account']}/deployments/{deployment_id}"
        deployment = {**body, "name": name, "state": "READY", "replicaCount": 0}
        self.deployments[name] = deployment
        return Reply(body=deployment)

    def _chat(self, request: Request) -> Reply:
        body = request.json()
        self.chat_requests.append(body)
        model = body.get("model", "")
        base, _, deployment = model.partition("#")
        served = (base.startswith("accounts/fireworks/") and not deployment) or (
            deployment in self.deployments and self.deployments[deployment]["baseModel"] == base)
        if not served:
            return Reply(404, {"error": {"object": "error", "type": "invalid_request_error",
                                         "message": "Model not found, inaccessible, and/or not "
                                                    "deployed"}})
        question = next((m["content"] for m in reversed(body.get("messages", []))
                         if m.get("role") == "user"), "")
        words = f"Fireworks отвечает: {question}".split(" ")
        chunks = [{"id": "c1", "object": "chat.completion.chunk", "model": model, "created": 1,
                   "choices": [{"index": 0, "delta": {"content": w if i == 0 else " " + w},
                                "finish_reason": None}]} for i, w in enumerate(words)]
        chunks.append({"id": "c1", "object": "chat.completion.chunk", "model": model,
                       "created": 1,
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        return Reply(stream=sse(chunks, delay=self.chat_delay), content_type="text/event-stream")
