"""Uploading a dataset file to Cloud Storage, resumably, with progress.

google-cloud-storage has no progress callback, so the file is wrapped in a reader that
reports how much the library has read. Files up to 8 MiB go in one request, retried whole
after a dropped connection; larger ones go in a resumable session of 1 MiB chunks, where only
the lost chunk is sent again. Runs in a worker thread: the library is synchronous.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from google.api_core.retry import Retry

CHUNK_SIZE = 1024 * 1024  # a multiple of 256 KiB, as the resumable protocol requires


def _transient(exc: BaseException) -> bool:
    import requests
    from google.api_core import exceptions as core_exc

    return isinstance(exc, ConnectionError | requests.ConnectionError | requests.Timeout
                      | core_exc.TooManyRequests | core_exc.InternalServerError
                      | core_exc.BadGateway | core_exc.ServiceUnavailable
                      | core_exc.GatewayTimeout)


# Uploads go to a fresh object name, so repeating a request cannot overwrite anything else.
UPLOAD_RETRY = Retry(predicate=_transient, initial=0.2, maximum=10.0, multiplier=2.0,
                     timeout=300.0)


class ProgressReader(io.RawIOBase):
    """A read-only file that calls ``report(bytes_read, total)`` as it is read."""

    def __init__(self, fh: Any, total: int, report: Callable[[int, int], None] | None) -> None:
        self._fh = fh
        self._total = total
        self._report = report

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size)
        if self._report is not None:
            self._report(min(self._fh.tell(), self._total), self._total)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def storage_client(project: str | None, credentials: Any) -> Any:
    """A storage client; with STORAGE_EMULATOR_HOST set the emulator needs no credentials."""
    from google.cloud import storage

    if os.environ.get("STORAGE_EMULATOR_HOST"):
        return storage.Client(project=project or "emulator")
    return storage.Client(project=project, credentials=credentials)


def upload_file(client: Any, bucket: str, object_name: str, path: Path,
                report: Callable[[int, int], None] | None = None) -> str:
    """Upload ``path`` to ``gs://bucket/object_name``; returns the gs:// URI."""
    path = Path(path)
    total = path.stat().st_size
    blob = client.bucket(bucket).blob(object_name, chunk_size=CHUNK_SIZE)
    with path.open("rb") as fh:
        blob.upload_from_file(ProgressReader(fh, total, report), size=total, rewind=True,
                              content_type="application/jsonl", retry=UPLOAD_RETRY)
    if report is not None:
        report(total, total)
    return f"gs://{bucket}/{object_name}"
