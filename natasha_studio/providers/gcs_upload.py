"""Uploading a dataset file to Cloud Storage: resumable, with progress by bytes sent.

The file goes in a resumable session (Cloud Storage's own protocol): chunks of
``CHUNK_SIZE`` bytes, each acknowledged by the server before progress moves on, so the
percentage counts bytes the bucket has, not bytes read from disk. After a dropped connection
the server is asked how much it holds and the upload goes on from there; a run of failures
longer than the policy allows ends the launch with a plain message, and setting ``cancelled``
stops it between chunks. Runs in a worker thread: the libraries are synchronous.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from google.api_core.retry import Retry

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ProviderUnavailable
from natasha_studio.core.retry import DEFAULT_POLICY, RetryPolicy, retry_after_seconds

CHUNK_SIZE = 1024 * 1024  # a multiple of 256 KiB, as the resumable protocol requires
# Answers worth another try: the server was busy or failed on its side.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


def _transient(exc: BaseException) -> bool:
    import requests
    from google.api_core import exceptions as core_exc

    return isinstance(exc, ConnectionError | requests.ConnectionError | requests.Timeout
                      | core_exc.TooManyRequests | core_exc.InternalServerError
                      | core_exc.BadGateway | core_exc.ServiceUnavailable
                      | core_exc.GatewayTimeout)


# Opening the session: a fresh object name, so repeating the request overwrites nothing.
SESSION_RETRY = Retry(predicate=_transient, initial=0.5, maximum=8.0, multiplier=2.0,
                      timeout=60.0)


class UploadCancelled(StudioError):
    """The curator stopped the launch while the file was uploading."""


def storage_client(project: str | None, credentials: Any) -> Any:
    """A storage client; with STORAGE_EMULATOR_HOST set the emulator needs no credentials."""
    from google.cloud import storage

    if os.environ.get("STORAGE_EMULATOR_HOST"):
        return storage.Client(project=project or "emulator")
    return storage.Client(project=project, credentials=credentials)


def upload_file(client: Any, bucket: str, object_name: str, path: Path,
                report: Callable[[int, int], None] | None = None, *,
                cancelled: threading.Event | None = None,
                policy: RetryPolicy = DEFAULT_POLICY, chunk_size: int | None = None) -> str:
    """Upload ``path`` to ``gs://bucket/object_name``; returns the gs:// URI.

    ``report(bytes_sent, total)`` is called as the server acknowledges each chunk.
    """
    path = Path(path)
    total = path.stat().st_size
    blob = client.bucket(bucket).blob(object_name)
    session = blob.create_resumable_upload_session(
        content_type="application/jsonl", size=total,
        timeout=(policy.connect_timeout, policy.read_timeout), retry=SESSION_RETRY)
    _Upload(session, path, total, report, cancelled, policy,
            chunk_size or CHUNK_SIZE).run()
    return f"gs://{bucket}/{object_name}"


class _Upload:
    def __init__(self, url: str, path: Path, total: int,
                 report: Callable[[int, int], None] | None, cancelled: threading.Event | None,
                 policy: RetryPolicy, chunk_size: int) -> None:
        import requests

        self.url = url
        self.path = path
        self.total = total
        self.report = report
        self.cancelled = cancelled
        self.policy = policy
        self.chunk_size = chunk_size
        self.http = requests.Session()
        self.timeout = (policy.connect_timeout, policy.upload_timeout)

    def run(self) -> None:
        import requests

        offset, failures = 0, 0
        with self.path.open("rb") as fh, self.http:
            while True:
                self._check_cancelled()
                try:
                    if failures:  # after a failure, ask what the server already holds
                        done, offset = self._ask_offset()
                    else:
                        fh.seek(offset)
                        done, offset = self._send(offset, fh.read(self.chunk_size))
                except requests.RequestException as exc:
                    failures = self._failed(failures, None, _plain_reason(exc))
                    continue
                except _RetryableAnswer as answer:
                    failures = self._failed(failures, answer.retry_after, answer.reason)
                    continue
                failures = 0
                if self.report is not None:
                    self.report(offset, self.total)
                if done:
                    return

    def _check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled.is_set():
            raise UploadCancelled(translate("Providers", "The upload was stopped."))

    def _send(self, offset: int, data: bytes) -> tuple[bool, int]:
        last = offset + len(data) - 1
        span = f"bytes {offset}-{last}/{self.total}" if data else f"bytes */{self.total}"
        response = self.http.put(self.url, data=data, headers={"Content-Range": span},
                                 timeout=self.timeout)
        return self._outcome(response)

    def _ask_offset(self) -> tuple[bool, int]:
        response = self.http.put(self.url, data=b"",
                                 headers={"Content-Range": f"bytes */{self.total}"},
                                 timeout=(self.policy.connect_timeout, self.policy.read_timeout))
        return self._outcome(response)

    def _outcome(self, response: Any) -> tuple[bool, int]:
        """(finished, bytes the server holds) from an answer of the upload session."""
        if response.status_code in (200, 201):
            return True, self.total
        if response.status_code == 308:
            held = response.headers.get("Range", "")  # "bytes=0-1048575", none when nothing
            return False, int(held.rsplit("-", 1)[1]) + 1 if "-" in held else 0
        if response.status_code in RETRY_STATUSES:
            raise _RetryableAnswer(retry_after_seconds(response.headers.get("Retry-After")),
                                   f"HTTP {response.status_code}")
        raise StudioError(
            translate("Providers", "Cloud Storage refused the upload: {reason}").format(
                reason=_message(response)),
            translate("Providers", "Launch again; if it keeps failing, check the bucket's "
                                   "permissions in the Google Cloud console."))

    def _failed(self, failures: int, retry_after: float | None, reason: str) -> int:
        failures += 1
        if failures >= self.policy.upload_attempts:
            raise ProviderUnavailable(
                translate("Providers", "The upload to Cloud Storage failed {n} times in a row "
                                       "({reason}).").format(n=failures, reason=reason),
                translate("Providers", "Check the internet connection and launch again. "
                                       "Nothing was started at the provider."))
        pause = self.policy.call_delay(failures - 1, retry_after)
        end = time.monotonic() + pause
        while time.monotonic() < end:  # a cancel is noticed during the pause too
            self._check_cancelled()
            time.sleep(min(0.2, max(0.0, end - time.monotonic())))
        return failures


class _RetryableAnswer(Exception):
    def __init__(self, retry_after: float | None, reason: str) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.reason = reason


def _plain_reason(exc: Exception) -> str:
    """What went wrong with a request, in the curator's words (not the exception's class)."""
    import requests

    if isinstance(exc, requests.Timeout):
        return translate("Providers", "Cloud Storage did not answer in time")
    if isinstance(exc, requests.ConnectionError):
        return translate("Providers", "no connection to Cloud Storage")
    return translate("Providers", "the connection to Cloud Storage failed")


def _message(response: Any) -> str:
    try:
        return str(response.json()["error"]["message"])
    except Exception:
        return f"HTTP {response.status_code}"
