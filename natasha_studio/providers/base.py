"""The one protocol every provider implements; the UI knows only this.

A provider prepares a snapshot (formats and uploads it), starts a fine-tuning job, polls it
(status, events, metrics), cancels it, lists models, and streams a chat reply. Providers that
cannot tune (an OpenAI-compatible server) say so through ``can_tune``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

# Job states common to every provider (each provider maps its own onto these).
JOB_STATES = ("preparing", "uploading", "validating", "queued", "running", "succeeded",
              "failed", "cancelling", "cancelled")
FINAL_STATES = frozenset({"succeeded", "failed", "cancelled"})


@dataclass
class ChatMessage:
    role: str  # system | user | assistant
    content: str


@dataclass
class ChatOptions:
    temperature: float = 0.7
    max_tokens: int = 1024


@dataclass
class JobEvent:
    remote_id: str
    at: str  # ISO 8601, UTC
    level: str  # info | warning | error
    message: str
    data: dict[str, Any] | None = None


@dataclass
class JobStatus:
    state: str  # one of JOB_STATES
    remote_id: str
    error: str | None = None
    tuned_model: str | None = None
    events: list[JobEvent] = field(default_factory=list)
    metrics: list[tuple[int, str, float]] = field(default_factory=list)  # (step, name, value)
    estimated_finish: str | None = None
    checkpoints: list[dict[str, Any]] = field(default_factory=list)
    raw_state: str = ""  # the provider's own word for the state
    # Resume data to keep with the job (cursors, uploaded file ids...): the tracker merges it
    # into the job's saved state and hands it back to the next ``poll_job``.
    resume: dict[str, Any] = field(default_factory=dict)


@dataclass
class TuneRequest:
    base_model: str
    train_file: str  # local path of the provider-format JSONL
    validation_file: str | None = None
    display_name: str = ""
    hyperparameters: dict[str, Any] = field(default_factory=dict)  # epochs, lr multiplier...


ProgressCallback = Callable[[int, int], None]  # bytes sent, total bytes


@runtime_checkable
class Provider(Protocol):
    name: str  # "openai" | "vertex" | "compatible" | "local"
    can_tune: bool

    async def test_connection(self) -> str:
        """A short description of what answered (raises StudioError in plain words)."""

    async def list_models(self) -> list[str]: ...

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        """Upload the files and create the job; returns its first status (with remote_id)."""

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        """The job's current status; ``state`` is the provider's resume data (cursors...)."""

    async def cancel_job(self, remote_id: str) -> JobStatus: ...

    def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                    options: ChatOptions) -> AsyncIterator[str]:
        """Yield the reply's text as it arrives."""
