"""Streaming one reply from a provider and measuring it: time to first token, tokens per second.

A reply that fails or is stopped keeps what arrived: the error becomes a sentence in the
result rather than an exception, so one failing model never disturbs the others answering
beside it.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ChatMessage, ChatOptions
from natasha_studio.core.retry import DEFAULT_POLICY

# Word pieces and single punctuation marks: close to how BPE tokenisers cut Russian and
# English text (a long word is several tokens). An estimate, shown as such in the UI.
_PIECE = re.compile(r"\w{1,6}|[^\w\s]", re.UNICODE)


def estimate_tokens(text: str) -> int:
    """An estimate of the number of tokens in ``text`` that needs no tokenizer files."""
    return len(_PIECE.findall(text))


def count_tokens(text: str, model: str | None = None) -> int:
    """Tokens in ``text`` with the model's tiktoken encoding (bundled files), else an estimate.

    Non-OpenAI models (Gemini, local models) have other tokenizers, so their figure is an
    approximation either way; it is still a fair yardstick for comparing speeds.
    """
    try:
        from natasha_studio.core.export.tokens import encoding_for_model

        return len(encoding_for_model(model).encode_ordinary(text))
    except Exception:  # missing tokenizer files must not break a reply
        return estimate_tokens(text)


@dataclass
class ReplyMetrics:
    ttft: float | None = None  # seconds from sending to the first text
    duration: float = 0.0  # seconds from sending to the end
    tokens: int = 0  # counted with tiktoken (exact for OpenAI models only)
    tokens_per_second: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ttft": self.ttft, "duration": self.duration, "tokens": self.tokens,
                "tokens_per_second": self.tokens_per_second}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ReplyMetrics:
        data = data or {}
        return cls(ttft=data.get("ttft"), duration=data.get("duration") or 0.0,
                   tokens=data.get("tokens") or 0,
                   tokens_per_second=data.get("tokens_per_second"))


@dataclass
class Reply:
    text: str = ""
    metrics: ReplyMetrics | None = None
    error: str | None = None  # a sentence for the curator
    stopped: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.stopped


def error_message(exc: BaseException) -> str:
    """A plain-words sentence for an exception raised while a model answered."""
    if isinstance(exc, StudioError):
        return str(exc)
    if isinstance(exc, (ConnectionError, OSError, TimeoutError)):
        return translate("Chat", "The server could not be reached: {reason}").format(reason=exc)
    return translate("Chat", "The model did not answer: {reason}").format(
        reason=str(exc) or type(exc).__name__)


class NoAnswer(StudioError):
    """The server sent nothing for too long: before the first text, or in the middle."""


def no_answer(seconds: float, started: bool) -> NoAnswer:
    if started:
        return NoAnswer(
            translate("Chat", "The model stopped answering: nothing came for {seconds:.0f} s.")
            .format(seconds=seconds),
            translate("Chat", "The connection may have dropped. Ask again."))
    return NoAnswer(
        translate("Chat", "The model did not start answering within {seconds:.0f} s.").format(
            seconds=seconds),
        translate("Chat", "The server may be unreachable or overloaded. Check the connection "
                          "and ask again."))


class ReplyStream:
    """One reply being streamed; ``reply`` holds what has arrived so far.

    A cloud model that sends no text within ``first_token_timeout`` seconds, or stalls for
    ``gap_timeout`` in the middle, ends the reply with a plain message instead of waiting for
    ever. Local models get no first-token limit: loading one can take minutes.
    """

    def __init__(self, provider: Any, model: str, messages: Sequence[ChatMessage],
                 options: ChatOptions, clock: Callable[[], float] = time.perf_counter, *,
                 first_token_timeout: float | None = DEFAULT_POLICY.first_token_timeout,
                 gap_timeout: float | None = DEFAULT_POLICY.read_timeout) -> None:
        local = getattr(provider, "name", "") == "local"
        self.first_token_timeout = None if local else first_token_timeout
        self.gap_timeout = None if local else gap_timeout
        self.provider = provider
        self.model = model
        self.messages = list(messages)
        self.options = options
        self.reply = Reply()
        self._clock = clock
        self._start = 0.0
        self._first: float | None = None

    async def run(self, on_text: Callable[[str], None] | None = None) -> Reply:
        """Stream the reply, calling ``on_text(piece)`` as text arrives.

        Returns the reply, with ``error`` set when the provider failed. If the task is
        cancelled (Stop), the reply is marked stopped, keeps its text, and the cancellation
        goes on to the caller.
        """
        self._start = self._clock()
        parts: list[str] = []
        try:
            async for piece in self._pieces():
                if not piece:
                    continue
                if self._first is None:
                    self._first = self._clock()
                parts.append(piece)
                self.reply.text = "".join(parts)
                if on_text is not None:
                    on_text(piece)
        except asyncio.CancelledError:
            self.reply.stopped = True
            self._finish()
            raise
        except Exception as exc:  # any failure becomes a sentence in this column
            self.reply.error = error_message(exc)
        self._finish()
        if self.reply.error is None and not self.reply.text.strip():
            self.reply.error = translate("Chat", "The model sent an empty answer.")
        return self.reply

    async def _pieces(self) -> Any:
        """The provider's stream, with the first-token and the between-pieces limits."""
        stream = self.provider.stream_chat(self.model, self.messages, self.options)
        try:
            while True:
                limit = self.first_token_timeout if self._first is None else self.gap_timeout
                try:
                    # asyncio.timeout, not wait_for: the stream must stay in this task (the
                    # SDKs' connection scopes break when another task resumes them).
                    async with asyncio.timeout(limit):
                        piece = await anext(stream)
                except StopAsyncIteration:
                    return
                except TimeoutError:
                    raise no_answer(limit or 0.0, self._first is not None) from None
                yield piece
        finally:
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                try:
                    await aclose()
                except Exception:  # a broken stream must not hide why it was closed
                    pass

    def _finish(self) -> None:
        end = self._clock()
        tokens = count_tokens(self.reply.text, self.model)
        ttft = None if self._first is None else self._first - self._start
        generating = end - (self._first if self._first is not None else self._start)
        rate = tokens / generating if tokens and generating > 1e-6 else None
        self.reply.metrics = ReplyMetrics(ttft=ttft, duration=end - self._start, tokens=tokens,
                                          tokens_per_second=rate)


def build_messages(system_prompt: str, history: Sequence[tuple[str, str]],
                   user_text: str | None = None) -> list[ChatMessage]:
    """The messages to send: the system prompt, the history (role, text), the new question."""
    messages = [ChatMessage("system", system_prompt)] if system_prompt.strip() else []
    messages += [ChatMessage(role, text) for role, text in history if text]
    if user_text is not None:
        messages.append(ChatMessage("user", user_text))
    return messages
