"""pytest fixtures for the fake servers; import them into a test module::

    from fakes.fixtures import gcs_emulator, openai_server, vertex_server  # noqa: F401
"""

from __future__ import annotations

import socket

import pytest

from fakes.openai_server import FakeOpenAI
from fakes.vertex_server import FakeVertex

GCS_BUCKET = "natasha-tuning"


@pytest.fixture
def openai_server():
    """A fresh fake OpenAI server; ``.base_url`` and ``.api_key`` configure a client."""
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def vertex_server():
    """A fresh Vertex AI stand-in; ``.credentials()`` or ``.service_account_file(path)``."""
    with FakeVertex() as server:
        yield server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gcs_emulator(monkeypatch):
    """gcp-storage-emulator in this process, with the bucket ``GCS_BUCKET``; yields its URL."""
    from gcp_storage_emulator.server import create_server

    port = free_port()
    server = create_server("127.0.0.1", port, in_memory=True, default_bucket=GCS_BUCKET)
    server.start()
    url = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", url)
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture
def cell(record_property):
    """Records a cell of the network-fault table (``scripts/fault_matrix.py`` prints it): the
    fault, the provider, what the curator saw and the job's final state."""
    def record(fault: str, provider: str, saw: str, state: str) -> None:
        record_property("fault", fault)
        record_property("provider", provider)
        record_property("saw", " ".join(str(saw).split()))
        record_property("state", state)
    return record

