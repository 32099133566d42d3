"""A Vertex AI stand-in for ``google-genai`` (vertexai=True), plus Google's OAuth token endpoint.

Start it and point the real SDK at it::

    from fakes.vertex_server import FakeVertex

    with FakeVertex() as server:
        client = genai.Client(vertexai=True, project=server.project, location=server.location,
                              credentials=server.credentials(),
                              http_options=types.HttpOptions(base_url=server.base_url))
        async for chunk in await client.aio.models.generate_content_stream(
                model="gemini-2.5-flash", contents="Привет"): ...

``server.service_account_file(path)`` writes a service-account JSON with a fresh RSA key whose
``token_uri`` is this server, so the real google-auth JWT flow runs over loopback;
``user_credentials_file(path)`` writes "gcloud auth application-default login" user
credentials (a refresh token this server honours); ``credentials()`` is the quicker
bearer-token route. Serves tuningJobs create/get/list/cancel
(moved by ``advance()``, or on every get with ``advance_on_poll``) and generateContent /
streamGenerateContent (SSE) for base models and tuned endpoints. Inject errors with
``inject(method, path_prefix, status=..., body=...)``.
"""

from __future__ import annotations

import base64
import itertools
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fakes.http_base import Reply, Request, RoutedServer, sse
from fakes.openai_server import default_reply, split_words

STATIC_TOKEN = "fake-vertex-token"
_PREFIX = r"/v1[a-z0-9]*/projects/(?P<project>[^/]+)/locations/(?P<location>[^/]+)"


def _b64url(data: bytes) -> bytes:
    return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))


class FakeVertex(RoutedServer):
    def __init__(self, project: str = "natasha-test", location: str = "europe-west4", *,
                 advance_on_poll: bool = False, running_ticks: int = 3) -> None:
        super().__init__()
        self.project = project
        self.location = location
        self.advance_on_poll = advance_on_poll
        self.running_ticks = running_ticks
        self.jobs: dict[str, dict[str, Any]] = {}  # job name -> TuningJob JSON
        self._ticks: dict[str, int] = {}
        self.endpoints: set[str] = set()
        self.tokens = {STATIC_TOKEN}
        self._public_keys: dict[str, Any] = {}  # private_key_id -> RSA public key
        self._refresh_tokens: set[str] = set()  # of user credentials files written here
        self.chat_requests: list[dict[str, Any]] = []
        self.chat_delay = 0.0
        self.fail_next_job: str | None = None  # the next created job fails with this message
        self.reply_for = default_reply
        self._ids = itertools.count(1001)
        self.now = 1_767_225_600.0
        r = self.route
        r("POST", r"/token", self._token)
        r("POST", _PREFIX + r"/tuningJobs", self._create_job)
        r("GET", _PREFIX + r"/tuningJobs", self._list_jobs)
        r("GET", _PREFIX + r"/tuningJobs/(?P<id>[^/:]+)", self._get_job)
        r("POST", _PREFIX + r"/tuningJobs/(?P<id>[^/:]+):cancel", self._cancel_job)
        r("POST", _PREFIX + r"/(?P<model>.+):(?P<verb>streamGenerateContent|generateContent)",
          self._generate)

    @property
    def base_url(self) -> str:
        return f"{self.origin}/"

    # -- credentials -----------------------------------------------------------------------------

    def credentials(self):
        """Bearer credentials this server accepts (no key file needed)."""
        from google.oauth2.credentials import Credentials

        return Credentials(token=STATIC_TOKEN)

    def service_account_file(self, path: Path, email: str = "tuner@natasha-test.iam.gserviceaccount.com") -> Path:
        """Write a service-account key file whose token_uri is this server."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        key_id = f"key{next(self._ids)}"
        self._public_keys[key_id] = key.public_key()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
        info = {"type": "service_account", "project_id": self.project,
                "private_key_id": key_id, "private_key": pem, "client_email": email,
                "client_id": "1234567890", "token_uri": f"{self.origin}/token",
                "auth_uri": f"{self.origin}/auth"}
        path = Path(path)
        path.write_text(json.dumps(info), encoding="utf-8")
        return path

    def user_credentials_file(self, path: Path) -> Path:
        """Write user credentials as "gcloud auth application-default login" does, with a
        refresh token this server honours at its token_uri."""
        refresh = f"1//fake-refresh-{next(self._ids)}"
        self._refresh_tokens.add(refresh)
        info = {"type": "authorized_user", "client_id": "764086051850.apps.googleusercontent.com",
                "client_secret": "fake-secret", "refresh_token": refresh,
                "token_uri": f"{self.origin}/token", "quota_project_id": self.project}
        path = Path(path)
        path.write_text(json.dumps(info), encoding="utf-8")
        return path

    def _token(self, request: Request) -> Reply:
        form = {k: v[-1] for k, v in parse_qs(request.body.decode()).items()}
        if form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self._refresh_tokens:
                return Reply(400, {"error": "invalid_grant",
                                   "error_description": "Token has been expired or revoked."})
            token = f"ya29.user-{next(self._ids)}"
            self.tokens.add(token)
            return Reply(body={"access_token": token, "expires_in": 3600, "token_type": "Bearer",
                               "scope": form.get("scope", "")})
        assertion = form.get("assertion", "")
        try:
            header_b64, payload_b64, signature_b64 = assertion.encode().split(b".")
            header = json.loads(_b64url(header_b64))
            public = self._public_keys[header["kid"]]
            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.asymmetric import padding

            public.verify(_b64url(signature_b64), header_b64 + b"." + payload_b64,
                          padding.PKCS1v15(), hashes.SHA256())
        except Exception:
            return Reply(400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."})
        token = f"ya29.fake-{next(self._ids)}"
        self.tokens.add(token)
        return Reply(body={"access_token": token, "expires_in": 3600, "token_type": "Bearer"})

    def dispatch(self, request: Request) -> Reply | None:
        if request.path != "/token":
            auth = request.headers.get("authorization", "")
            if auth.removeprefix("Bearer ") not in self.tokens:
                with self.lock:
                    self.requests.append((request.method, request.path))
                return Reply(401, {"error": {"code": 401, "status": "UNAUTHENTICATED",
                                             "message": "Request had invalid authentication credentials."}})
        with self.lock:
            return super().dispatch(request)

    # -- tuning jobs -------------------------------------------------------------------------------

    def _stamp(self) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(self.now))

    def advance(self, ticks: int = 1) -> None:
        with self.lock:
            for _ in range(ticks):
                self.now += 60
                for name in list(self.jobs):
                    self._tick(name)

    def job(self, name: str | None = None) -> dict[str, Any]:
        with self.lock:
            return self.jobs[name] if name else list(self.jobs.values())[-1]

    def _tick(self, name: str) -> None:
        job = self.jobs[name]
        state = job["state"]
        if state in ("JOB_STATE_PENDING", "JOB_STATE_QUEUED"):
            job["state"] = "JOB_STATE_RUNNING"
            job["startTime"] = self._stamp()
            job["tuningDataStats"] = {"supervisedTuningDataStats": {
                "tuningDatasetExampleCount": "12", "totalTuningCharacterCount": "4800",
                "tuningStepCount": "6"}}
        elif state == "JOB_STATE_RUNNING":
            self._ticks[name] += 1
            if job.get("_fail") and self._ticks[name] >= 2:
                job["state"] = "JOB_STATE_FAILED"
                job["error"] = {"code": 3, "message": job.pop("_fail")}
                job["endTime"] = self._stamp()
            elif self._ticks[name] >= self.running_ticks:
                number = next(self._ids)
                endpoint = f"projects/{self.project}/locations/{self.location}/endpoints/{number}"
                job["state"] = "JOB_STATE_SUCCEEDED"
                job["endTime"] = self._stamp()
                job["tunedModel"] = {
                    "model": f"projects/{self.project}/locations/{self.location}/models/{number}@1",
                    "endpoint": endpoint}
                self.endpoints.add(endpoint)
        elif state == "JOB_STATE_CANCELLING":
            job["state"] = "JOB_STATE_CANCELLED"
            job["endTime"] = self._stamp()
        job["updateTime"] = self._stamp()

    def _create_job(self, request: Request) -> Reply:
        body = request.json()
        spec = body.get("supervisedTuningSpec") or {}
        uri = spec.get("trainingDatasetUri", "")
        if not uri.startswith("gs://"):
            return Reply(400, {"error": {"code": 400, "status": "INVALID_ARGUMENT",
                                         "message": f"Training dataset uri {uri!r} must be a gs:// URI."}})
        name = (f"projects/{self.project}/locations/{request.match['location']}/tuningJobs/"
                f"{next(self._ids)}")
        job = {"name": name, "state": "JOB_STATE_PENDING", "createTime": self._stamp(),
               "updateTime": self._stamp(), "baseModel": body.get("baseModel"),
               "tunedModelDisplayName": body.get("tunedModelDisplayName", ""),
               "supervisedTuningSpec": spec}
        if self.fail_next_job:
            job["_fail"] = self.fail_next_job
            self.fail_next_job = None
        self.jobs[name] = job
        self._ticks[name] = 0
        return Reply(body=self._public(job))

    @staticmethod
    def _public(job: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in job.items() if not k.startswith("_")}

    def _find(self, request: Request) -> dict[str, Any] | None:
        for name, job in self.jobs.items():
            if name.endswith(f"/tuningJobs/{request.match['id']}"):
                return job
        return None

    def _missing(self) -> Reply:
        return Reply(404, {"error": {"code": 404, "status": "NOT_FOUND",
                                     "message": "The tuning job does not exist."}})

    def _get_job(self, request: Request) -> Reply:
        job = self._find(request)
        if job is None:
            return self._missing()
        if self.advance_on_poll:
            self.now += 60
            self._tick(job["name"])
        return Reply(body=self._public(job))

    def _list_jobs(self, request: Request) -> Reply:
        return Reply(body={"tuningJobs": [self._public(j) for j in reversed(self.jobs.values())]})

    def _cancel_job(self, request: Request) -> Reply:
        job = self._find(request)
        if job is None:
            return self._missing()
        if job["state"] in ("JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED"):
            return Reply(400, {"error": {"code": 400, "status": "FAILED_PRECONDITION",
                                         "message": "The tuning job has already ended."}})
        job["state"] = "JOB_STATE_CANCELLING"
        return Reply(body={})

    # -- generation --------------------------------------------------------------------------------

    def _generate(self, request: Request) -> Reply:
        model = request.match["model"]
        body = request.json()
        self.chat_requests.append({"model": model, **body})
        known = (model.startswith("publishers/google/models/gemini") or model in self.endpoints)
        if not known:
            return Reply(404, {"error": {"code": 404, "status": "NOT_FOUND",
                                         "message": f"Publisher model or endpoint `{model}` was not found."}})
        messages = [{"role": "user" if c.get("role", "user") == "user" else "assistant",
                     "content": "".join(p.get("text", "") for p in c.get("parts", []))}
                    for c in body.get("contents", [])]
        text = self.reply_for(model.rsplit("/", 1)[-1], messages)
        usage = {"promptTokenCount": 5, "candidatesTokenCount": len(text.split()),
                 "totalTokenCount": 5 + len(text.split())}
        if request.match["verb"] == "generateContent":
            return Reply(body={"candidates": [{"content": {"role": "model", "parts": [{"text": text}]},
                                               "finishReason": "STOP"}],
                               "usageMetadata": usage})
        pieces = split_words(text)

        def chunks():
            for i, piece in enumerate(pieces):
                candidate = {"content": {"role": "model", "parts": [{"text": piece}]}}
                if i == len(pieces) - 1:
                    candidate["finishReason"] = "STOP"
                yield {"candidates": [candidate], "usageMetadata": usage}
        return Reply(stream=sse(chunks(), done=False, separator="\r\n\r\n", delay=self.chat_delay),
                     content_type="text/event-stream")
