"""One retry policy for every provider: how long each call may take and how long to wait.

Connection errors, timeouts, 429 (honouring Retry-After) and 5xx are worth another try; the
providers turn them into ``ProviderUnavailable`` (see ``natasha_studio.providers.errors``),
everything else is a ``StudioError`` that says what to fix and is not retried.

Two layers use the same numbers. Inside one call the SDKs' own retry options (openai
``max_retries``, google-genai ``HttpRetryOptions``, google-cloud-storage ``Retry``) ride out
a blip of a few seconds. Around the calls, a job's tracker keeps asking for as long as the
job is followed, with a growing, jittered pause that it reports to the curator.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import email.utils
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from natasha_studio.core.provider import ProviderUnavailable

T = TypeVar("T")

# Longest pause a server's Retry-After may impose: a wrong header must not park a job for a day.
MAX_RETRY_AFTER = 600.0


@dataclass(frozen=True)
class RetryPolicy:
    """Timeouts and backoff shared by every provider call (seconds)."""

    connect_timeout: float = 10.0
    read_timeout: float = 60.0  # between two bytes of an answer; also a whole small request
    upload_timeout: float = 120.0  # one upload chunk
    first_token_timeout: float = 30.0  # a chat reply's first text
    # Within one call: quick tries so a brief blip does not reach the curator.
    call_attempts: int = 3
    call_first_delay: float = 1.0
    call_max_delay: float = 8.0
    # Around calls (tracking, uploads): a pause that grows to max_delay.
    first_delay: float = 5.0
    max_delay: float = 300.0
    multiplier: float = 2.0
    jitter: float = 0.2  # the pause varies by ± this fraction, so clients do not sync up
    upload_attempts: int = 8  # tries of one upload chunk before the launch is given up

    def delay(self, attempt: int, retry_after: float | None = None, *,
              rng: Callable[[], float] = random.random) -> float:
        """The pause before try ``attempt + 1`` (``attempt`` counts failures from 0).

        A server's Retry-After wins when it asks for longer than the backoff would wait.
        """
        base = min(self.max_delay, self.first_delay * self.multiplier ** max(0, attempt))
        base *= 1.0 + self.jitter * (2.0 * rng() - 1.0)
        if retry_after is not None and retry_after > 0:
            base = max(base, min(retry_after, MAX_RETRY_AFTER))
        return max(0.0, base)

    def call_delay(self, attempt: int, retry_after: float | None = None, *,
                   rng: Callable[[], float] = random.random) -> float:
        """The pause before resending within one operation (an upload chunk or part): short,
        since the curator is watching a progress bar that does not move meanwhile."""
        quick = dataclasses.replace(self, first_delay=self.call_first_delay,
                                    max_delay=self.call_max_delay)
        return quick.delay(attempt, retry_after, rng=rng)


DEFAULT_POLICY = RetryPolicy()


async def send_again_while_unavailable(send: Callable[[], Awaitable[T]],
                                       policy: RetryPolicy = DEFAULT_POLICY) -> T:
    """Await ``send()`` (one upload: a file, or a part of one) again while it fails with
    ``ProviderUnavailable`` (a dropped connection, a timeout, 429, 5xx), after the policy's
    short pauses; after ``policy.upload_attempts`` tries in all its error goes on. Other
    errors go on at once: sending the same thing again cannot fix them."""
    failures = 0
    while True:
        try:
            return await send()
        except ProviderUnavailable as exc:
            failures += 1
            if failures >= policy.upload_attempts:
                raise
            await asyncio.sleep(policy.call_delay(failures - 1, exc.retry_after))


def retry_after_seconds(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds from an HTTP ``Retry-After`` value (a number or a date), or None."""
    if not value:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())
