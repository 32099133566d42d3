"""A stateful OpenAI-compatible HTTP server on 127.0.0.1, for the real ``openai`` SDK.

Start it and point a client at it::

    from fakes.openai_server import FakeOpenAI

    with FakeOpenAI() as server:                      # or server = FakeOpenAI().start()
        client = AsyncOpenAI(api_key=server.api_key, base_url=server.base_url)
        stream = await client.chat.completions.create(model="gpt-4.1-mini",
                                                      messages=[...], stream=True)

(``tests/`` is on ``sys.path`` in the test run, so ``fakes`` imports directly.)

It serves files (uploaded, read, deleted), fine_tuning jobs (see ``openai_jobs``: moved by
``server.advance()``, or on every job poll when ``advance_on_poll`` is set), events with
metrics, checkpoints, the result-file CSV, models, and chat completions, plain or streamed as SSE. Replies are
deterministic: ``server.reply_for(model, messages)`` (replaceable) writes them, and
``chat_delay`` slows each streamed chunk for time-to-first-token tests.

Errors: ``server.fail_with("401" | "429_quota" | "429_rate" | "500" | "refuse" | "drop", prefix)``,
or ``server.inject(...)`` for any status and body. A wrong key always gets a real-looking 401.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import time
from collections.abc import Callable, Iterator
from typing import Any

from fakes.http_base import Reply, Request, RoutedServer, sse
from fakes.openai_jobs import FakeFile, FakeJob, JobSimulator

BASE_MODELS = ["gpt-4.1-2025-04-14", "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano-2025-04-14",
               "gpt-4o-mini-2024-07-18", "gpt-4.1-mini"]

ERRORS: dict[str, tuple[int, dict[str, Any], dict[str, str]]] = {
    "401": (401, {"message": "Incorrect API key provided: sk-wr***ng. You can find your API key "
                  "at https://platform.openai.com/account/api-keys.",
                  "type": "invalid_request_error", "param": None, "code": "invalid_api_key"}, {}),
    "429_quota": (429, {"message": "You exceeded your current quota, please check your plan and "
                        "billing details.", "type": "insufficient_quota", "param": None,
                        "code": "insufficient_quota"}, {"x-should-retry": "false"}),
    "429_rate": (429, {"message": "Rate limit reached for requests.", "type": "requests",
                       "param": None, "code": "rate_limit_exceeded"},
                 {"retry-after-ms": "10"}),
    "500": (500, {"message": "The server had an error while processing your request.",
                  "type": "server_error", "param": None, "code": None}, {}),
    "refuse": (403, {"message": "Fine-tuning is not available for your organization.",
                     "type": "invalid_request_error", "param": None,
                     "code": "fine_tuning_not_available"}, {}),
}


class FakeOpenAI(RoutedServer):
    def __init__(self, api_key: str = "sk-test-natasha", *, advance_on_poll: bool = False) -> None:
        super().__init__()
        self.api_key = api_key
        self.advance_on_poll = advance_on_poll
        self.files: dict[str, FakeFile] = {}
        self.jobs: dict[str, FakeJob] = {}
        self.tuned_models: list[str] = []
        self.chat_requests: list[dict[str, Any]] = []
        self.chat_delay = 0.0
        self.sim = JobSimulator(self)
        self._ids = itertools.count(1)
        self.reply_for: Callable[[str, list[dict[str, Any]]], str] = default_reply
        r = self.route
        r("GET", r"/v1/models", self._list_models)
        r("GET", r"/v1/models/(?P<id>.+)", self._get_model)
        r("POST", r"/v1/files", self._create_file)
        r("GET", r"/v1/files", self._list_files)
        r("GET", r"/v1/files/(?P<id>[^/]+)", self._get_file)
        r("GET", r"/v1/files/(?P<id>[^/]+)/content", self._file_content)
        r("DELETE", r"/v1/files/(?P<id>[^/]+)", self._delete_file)
        r("POST", r"/v1/fine_tuning/jobs", self._create_job)
        r("GET", r"/v1/fine_tuning/jobs", self._list_jobs)
        r("GET", r"/v1/fine_tuning/jobs/(?P<id>[^/]+)", self._get_job)
        r("POST", r"/v1/fine_tuning/jobs/(?P<id>[^/]+)/cancel", self._cancel_job)
        r("GET", r"/v1/fine_tuning/jobs/(?P<id>[^/]+)/events", self._list_events)
        r("GET", r"/v1/fine_tuning/jobs/(?P<id>[^/]+)/checkpoints", self._list_checkpoints)
        r("POST", r"/v1/chat/completions", self._chat)
        r("POST", r"/v1/uploads", self._create_upload)
        r("POST", r"/v1/uploads/(?P<id>[^/]+)/parts", self._add_part)
        r("POST", r"/v1/uploads/(?P<id>[^/]+)/complete", self._complete_upload)
        r("POST", r"/v1/uploads/(?P<id>[^/]+)/cancel", self._cancel_upload)
        self.uploads: dict[str, dict[str, Any]] = {}  # the Uploads API: large files in parts

    @property
    def base_url(self) -> str:
        return f"{self.origin}/v1"

    # -- test controls -------------------------------------------------------------------------

    def advance(self, ticks: int = 1) -> None:
        """Move the clock: every job takes ``ticks`` steps through its life."""
        with self.lock:
            self.sim.advance(ticks)

    def fail_with(self, kind: str, prefix: str = "/v1/", *, method: str = "POST",
                  times: int = 1) -> None:
        """Queue a named fault (see ``ERRORS``; "drop" closes the connection unanswered)."""
        if kind == "drop":
            self.inject(method, prefix, drop=True, times=times)
            return
        status, error, headers = ERRORS[kind]
        self.inject(method, prefix, status=status, body={"error": error}, headers=headers,
                    times=times)

    def job(self, job_id: str | None = None) -> FakeJob:
        """A job by id, or the latest one."""
        with self.lock:
            return self.jobs[job_id] if job_id else list(self.jobs.values())[-1]

    def add_file(self, filename: str, purpose: str, content: bytes) -> FakeFile:
        fake = FakeFile(f"file-{next(self._ids):06d}", filename, purpose, content, self.sim.now)
        self.files[fake.id] = fake
        return fake

    # -- plumbing ------------------------------------------------------------------------------

    def dispatch(self, request: Request) -> Reply | None:
        if request.headers.get("authorization") != f"Bearer {self.api_key}":
            with self.lock:
                self.requests.append((request.method, request.path))
            status, error, headers = ERRORS["401"]
            return Reply(status, {"error": error}, dict(headers))
        with self.lock:
            return super().dispatch(request)

    @staticmethod
    def _page(items: list[dict[str, Any]], request: Request) -> dict[str, Any]:
        """A cursor page: ``after`` is the id of the previous page's last item."""
        after = request.query.get("after")
        limit = int(request.query.get("limit") or 20)
        start = 0
        if after:
            ids = [item["id"] for item in items]
            start = ids.index(after) + 1 if after in ids else len(items)
        chunk = items[start:start + limit]
        return {"object": "list", "data": chunk, "has_more": start + limit < len(items)}

    @staticmethod
    def _not_found(what: str, ident: str) -> Reply:
        return Reply(404, {"error": {"message": f"No such {what}: {ident}",
                                     "type": "invalid_request_error", "param": "id",
                                     "code": f"{what}_not_found"}})

    # -- models ----------------------------------------------------------------------------------

    def _all_models(self) -> list[str]:
        return BASE_MODELS + self.tuned_models

    def _model_json(self, name: str) -> dict[str, Any]:
        return {"id": name, "object": "model", "created": 1_700_000_000,
                "owned_by": "natasha-test" if name.startswith("ft:") else "system"}

    def _list_models(self, request: Request) -> Reply:
        return Reply(body={"object": "list", "data": [self._model_json(m) for m in self._all_models()]})

    def _get_model(self, request: Request) -> Reply:
        name = request.match["id"]
        if name not in self._all_models():
            return self._not_found("model", name)
        return Reply(body=self._model_json(name))

    # -- files -----------------------------------------------------------------------------------

    def _create_file(self, request: Request) -> Reply:
        fields = _multipart(request)
        if "file" not in fields:
            return Reply(400, {"error": {"message": "Missing file", "type": "invalid_request_error",
                                         "param": "file", "code": None}})
        filename, content = fields["file"]
        purpose = fields.get("purpose", ("", b""))[1].decode()
        return Reply(body=self.add_file(filename or "upload.jsonl", purpose, content).as_json())

    def _create_upload(self, request: Request) -> Reply:
        body = request.json()
        upload = {"id": f"upload_{next(self._ids):06d}", "object": "upload",
                  "bytes": int(body["bytes"]), "filename": body["filename"],
                  "purpose": body["purpose"], "status": "pending", "created_at": int(self.sim.now),
                  "expires_at": int(self.sim.now) + 3600, "file": None, "_parts": {}}
        self.uploads[upload["id"]] = upload
        return Reply(body=self._public_upload(upload))

    def _add_part(self, request: Request) -> Reply:
        upload = self.uploads.get(request.match["id"])
        if upload is None or upload["status"] != "pending":
            return self._not_found("upload", request.match["id"])
        part_id = f"part_{next(self._ids):06d}"
        upload["_parts"][part_id] = _multipart(request)["data"][1]
        return Reply(body={"id": part_id, "object": "upload.part", "upload_id": upload["id"],
                           "created_at": int(self.sim.now)})

    def _complete_upload(self, request: Request) -> Reply:
        upload = self.uploads.get(request.match["id"])
        if upload is None or upload["status"] != "pending":
            return self._not_found("upload", request.match["id"])
        ids = request.json().get("part_ids") or []
        content = b"".join(upload["_parts"][i] for i in ids if i in upload["_parts"])
        if len(content) != upload["bytes"]:
            return Reply(400, {"error": {"message": f"The parts add up to {len(content)} bytes, "
                                                    f"not {upload['bytes']}.",
                                         "type": "invalid_request_error", "param": "part_ids",
                                         "code": None}})
        upload["status"] = "completed"
        upload["file"] = self.add_file(upload["filename"], upload["purpose"], content).as_json()
        return Reply(body=self._public_upload(upload))

    def _cancel_upload(self, request: Request) -> Reply:
        upload = self.uploads.get(request.match["id"])
        if upload is None:
            return self._not_found("upload", request.match["id"])
        upload["status"] = "cancelled"
        return Reply(body=self._public_upload(upload))

    @staticmethod
    def _public_upload(upload: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in upload.items() if not k.startswith("_")}

    def _list_files(self, request: Request) -> Reply:
        return Reply(body={"object": "list", "data": [f.as_json() for f in self.files.values()],
                           "has_more": False})

    def _get_file(self, request: Request) -> Reply:
        fake = self.files.get(request.match["id"])
        return Reply(body=fake.as_json()) if fake else self._not_found("file", request.match["id"])

    def _delete_file(self, request: Request) -> Reply:
        fake = self.files.pop(request.match["id"], None)
        if fake is None:
            return self._not_found("file", request.match["id"])
        return Reply(body={"id": fake.id, "object": "file", "deleted": True})

    def _file_content(self, request: Request) -> Reply:
        fake = self.files.get(request.match["id"])
        if fake is None:
            return self._not_found("file", request.match["id"])
        return Reply(body=fake.content, content_type="application/octet-stream")

    # -- fine-tuning jobs --------------------------------------------------------------------------

    def _create_job(self, request: Request) -> Reply:
        body = request.json()
        if body.get("training_file") not in self.files:
            return self._not_found("file", str(body.get("training_file")))
        if body.get("model") not in BASE_MODELS and body.get("model") not in self.tuned_models:
            return Reply(400, {"error": {
                "message": f"Model {body.get('model')} is not available for fine-tuning or does not exist.",
                "type": "invalid_request_error", "param": "model", "code": "model_not_available"}})
        job = self.sim.create(f"ftjob-{next(self._ids):010d}natasha", body)
        self.jobs[job.id] = job
        return Reply(body=job.as_json())

    def _list_jobs(self, request: Request) -> Reply:
        items = [j.as_json() for j in reversed(self.jobs.values())]
        return Reply(body=self._page(items, request))

    def _job_or_404(self, request: Request) -> FakeJob | Reply:
        job = self.jobs.get(request.match["id"])
        return job if job else self._not_found("fine_tuning_job", request.match["id"])

    def _get_job(self, request: Request) -> Reply:
        job = self._job_or_404(request)
        if isinstance(job, Reply):
            return job
        if self.advance_on_poll:
            self.sim.advance(1)
        return Reply(body=job.as_json())

    def _cancel_job(self, request: Request) -> Reply:
        job = self._job_or_404(request)
        if isinstance(job, Reply):
            return job
        if job.status in ("succeeded", "failed", "cancelled"):
            return Reply(400, {"error": {"message": f"Job has already {job.status}.",
                                         "type": "invalid_request_error", "param": None,
                                         "code": None}})
        self.sim.cancel(job)
        return Reply(body=job.as_json())

    def _list_events(self, request: Request) -> Reply:
        job = self._job_or_404(request)
        if isinstance(job, Reply):
            return job
        return Reply(body=self._page(list(reversed(job.events)), request))  # newest first

    def _list_checkpoints(self, request: Request) -> Reply:
        job = self._job_or_404(request)
        if isinstance(job, Reply):
            return job
        return Reply(body=self._page(list(reversed(job.checkpoints)), request))

    # -- chat ------------------------------------------------------------------------------------

    def _chat(self, request: Request) -> Reply:
        body = request.json()
        self.chat_requests.append(body)
        model = body.get("model", "")
        if model not in self._all_models():
            return Reply(404, {"error": {"message": f"The model `{model}` does not exist or you "
                                         "do not have access to it.", "type": "invalid_request_error",
                                         "param": None, "code": "model_not_found"}})
        text = self.reply_for(model, body.get("messages") or [])
        created = self.sim.now
        ident = f"chatcmpl-{next(self._ids)}"
        if not body.get("stream"):
            return Reply(body={
                "id": ident, "object": "chat.completion", "created": created, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": text}}],
                "usage": _usage(body, text)})
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        return Reply(stream=self._chunks(ident, created, model, text, body, include_usage),
                     content_type="text/event-stream")

    def _chunks(self, ident: str, created: int, model: str, text: str, body: dict[str, Any],
                include_usage: bool) -> Iterator[bytes]:
        def events():
            base = {"id": ident, "object": "chat.completion.chunk", "created": created,
                    "model": model}
            yield {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""},
                                        "finish_reason": None}]}
            for piece in split_words(text):
                if self.chat_delay:
                    time.sleep(self.chat_delay)
                yield {**base, "choices": [{"index": 0, "delta": {"content": piece},
                                            "finish_reason": None}]}
            yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            if include_usage:
                yield {**base, "choices": [], "usage": _usage(body, text)}
        return sse(events())


def default_reply(model: str, messages: list[dict[str, Any]]) -> str:
    """A deterministic answer that names the model and echoes the last question."""
    last = next((m.get("content") for m in reversed(messages) if m.get("role") == "user"), "")
    return f"Ответ модели {model}: {last}"


def split_words(text: str) -> list[str]:
    """Stream pieces: each word with its following space, like a tokenizer would."""
    pieces, current = [], ""
    for ch in text:
        current += ch
        if ch == " ":
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _usage(body: dict[str, Any], text: str) -> dict[str, int]:
    prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages") or [])
    completion = len(text.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion,
            "total_tokens": prompt + completion}


def _multipart(request: Request) -> dict[str, tuple[str | None, bytes]]:
    """Form fields of a multipart body: name -> (filename, content)."""
    head = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            fields[name] = (part.get_filename(), part.get_payload(decode=True) or b"")
    return fields
