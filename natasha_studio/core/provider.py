"""The one protocol every fine-tune and chat back end implements; the core and the UI know only this.

A provider uploads a snapshot's training file, starts a fine-tuning job, polls it (status,
events, metrics), cancels it, lists models, and streams a chat reply. What it can do is told by
its ``info`` (``ProviderInfo``): whether it tunes, which base models, which data format, how it
bills, where the data goes. Back ends live in ``natasha_studio.providers`` and
``natasha_studio.local``; the core never imports them (a test enforces it), so functions of the
core that need a provider take one, or a factory, as an argument.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from natasha_studio.core.errors import StudioError

# Job states common to every provider (each provider maps its own onto these).
JOB_STATES = ("preparing", "uploading", "validating", "queued", "running", "succeeded",
              "failed", "cancelling", "cancelled")
FINAL_STATES = frozenset({"succeeded", "failed", "cancelled"})


class ProviderUnavailable(StudioError):
    """The provider could not be reached or failed on its side: trying again later may work.

    ``retry_after`` is the pause the provider asked for (HTTP Retry-After), in seconds, if any.
    """

    def __init__(self, message: str, hint: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after


# How a provider bills a fine-tune: per training token, not at all (a preview), or on the
# curator's own hardware; chat endpoints: OpenAI-compatible HTTP, Vertex AI's, a local worker.
COST_MODELS = ("tokens", "free", "hardware")
CHAT_ENDPOINTS = ("openai", "vertex", "local")


@dataclass(frozen=True)
class ProviderInfo:
    """What a provider can do, for the launch form, the confirmation and the set-up pages."""

    kind: str
    label: str  # the service's name as people know it
    can_tune: bool
    base_models: tuple[str, ...] = ()  # tunable base models, the suggested one first
    data_format: str | None = None  # the export format of its training file
    cost_model: str = "tokens"  # one of COST_MODELS
    chat_endpoint: str = "openai"  # one of CHAT_ENDPOINTS
    company: str = ""  # who receives the training data ("" for this computer)
    country: str = ""
    tuning_options: tuple[str, ...] = ()  # hyper-parameter names the provider accepts
    # The first day the provider takes no new fine-tuning jobs (ISO date), "" if none is known.
    tuning_ends: str = ""

    @property
    def default_model(self) -> str:
        return self.base_models[0] if self.base_models else ""


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


def option_given(value: Any) -> bool:
    """Whether a tuning option was set: unset, empty and "auto" leave it to the provider."""
    return value not in (None, "", "auto")


ProgressCallback = Callable[[int, int], None]  # bytes sent, total bytes


@runtime_checkable
class Provider(Protocol):
    name: str  # "openai" | "vertex" | "yandex" | "compatible" | "local"
    can_tune: bool
    info: ProviderInfo

    async def test_connection(self) -> str:
        """A short description of what answered (raises StudioError in plain words)."""

    async def list_models(self) -> list[str]: ...

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        """Upload the files and create the job; returns its first status (with remote_id)."""

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        """The job's current status; ``state`` is the provider's resume data (cursors...)."""

    async def cancel_job(self, remote_id: str) -> JobStatus: ...

    async def delete_training_data(self, state: dict[str, Any]) -> list[str]:
        """Delete the training files this job uploaded to the provider; returns what went.

        ``state`` is the job's saved resume data (where ``start_job`` noted the uploads).
        Something already gone counts as deleted; nothing uploaded returns an empty list.
        """

    def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                    options: ChatOptions) -> AsyncIterator[str]:
        """Yield the reply's text as it arrives."""
