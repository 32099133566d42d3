"""Fetching chat histories into the project, incrementally and resumably.

Per chat, messages come oldest first and are stored in chunks, each chunk committed together
with the chat's resume point (``chats.fetch_state``: the highest message id fetched so far).
So a fetch stopped anywhere (cancel, crash, a closed laptop) goes on from the last committed
chunk next time, and a later fetch asks Telegram only for messages newer than that. The
message store ignores messages it already has, so nothing is ever stored twice.

Waits Telegram asks for are slept through inside Telethon when short; longer ones come here
as ``FloodWaitError``: the chunk so far is stored, a countdown is reported every second, and
the chat goes on by itself afterwards. Lost connections are retried a few times.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telethon import errors

from natasha_studio.core.dataset.messages import fetch_state, save_fetch_state, store_messages
from natasha_studio.core.dataset.records import MessageRecord
from natasha_studio.core.store import Project
from natasha_studio.telegram.live.convert import AlbumIds, to_record
from natasha_studio.telegram.live.dialogs import ChatInfo
from natasha_studio.telegram.live.errors import SessionDeadError, TelegramError, explain

log = logging.getLogger(__name__)

CHUNK = 200           # messages per committed chunk (Telegram sends 100 per request)
MAX_RETRIES = 5       # consecutive connection failures before giving up


@dataclass
class FetchState:
    """Where a chat's live fetch stands (kept as JSON in ``chats.fetch_state``)."""

    max_id: int = 0           # the highest message id fetched and stored
    fetched: int = 0          # messages fetched live so far, all runs together
    total: int | None = None  # messages in the chat, as Telegram last said
    complete: bool = False    # the last run reached the newest message

    @classmethod
    def load(cls, project: Project, chat_id: int) -> FetchState:
        data = fetch_state(project, chat_id)
        return cls(int(data.get("max_id") or 0), int(data.get("fetched") or 0),
                   data.get("total"), bool(data.get("complete")))

    def save(self, project: Project, chat_id: int) -> None:
        save_fetch_state(project, chat_id, {"max_id": self.max_id, "fetched": self.fetched,
                                            "total": self.total, "complete": self.complete})


@dataclass
class ChatProgress:
    chat_id: int
    name: str
    fetched: int = 0
    total: int | None = None
    added: int = 0            # new to the project in this run
    status: str = "queued"    # queued | fetching | waiting | done | failed | cancelled
    error: str = ""

    @property
    def remaining(self) -> int:
        if self.status in ("done", "failed", "cancelled"):
            return 0
        return max(0, (self.total or 0) - self.fetched)


@dataclass
class FetchProgress:
    """Everything the UI shows about a running fetch."""

    chats: list[ChatProgress]
    current: int | None = None          # chat id being fetched
    wait_left: int = 0                  # seconds of a Telegram-imposed wait still to go
    eta_seconds: float | None = None    # estimated time left (None: not known yet)
    fetched_this_run: int = 0

    @property
    def done(self) -> int:
        return sum(min(c.fetched, c.total or c.fetched) for c in self.chats)

    @property
    def total(self) -> int:
        return sum(max(c.total or 0, c.fetched) for c in self.chats)

    def chat(self, chat_id: int) -> ChatProgress | None:
        return next((c for c in self.chats if c.chat_id == chat_id), None)


@dataclass
class FetchSummary:
    added: dict[int, int] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


def expand_selection(selected: list[ChatInfo], known: list[ChatInfo]) -> list[ChatInfo]:
    """The chosen chats, each channel followed by its discussion group (for the comments)."""
    by_id = {c.id: c for c in known}
    out: list[ChatInfo] = []
    seen: set[int] = set()
    for chat in selected:
        for item in (chat, by_id.get(chat.linked_chat_id) if chat.linked_chat_id else None):
            if item is not None and item.id not in seen:
                seen.add(item.id)
                out.append(item)
    return out


class Fetcher:
    """Fetch the given chats into ``project`` through a Telethon(-like) ``client``."""

    def __init__(
        self,
        project: Project,
        client: Any,
        chats: list[ChatInfo],
        *,
        takeout: bool = False,
        on_progress: Callable[[FetchProgress], None] | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        chunk: int = CHUNK,
    ) -> None:
        self.project = project
        self.client = client
        self.chats = chats
        self.takeout = takeout
        self.on_progress = on_progress
        self.sleep = sleep
        self.clock = clock
        self.chunk = chunk
        self.progress = FetchProgress([ChatProgress(c.id, c.name, total=c.messages) for c in chats])
        self.summary = FetchSummary()
        self._active_time = 0.0

    def _report(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.progress)

    async def run(self) -> FetchSummary:
        """Fetch every chat; a chat that cannot be read is reported and skipped."""
        if self.takeout:
            try:
                takeout = self.client.takeout(finalize=True, contacts=False, users=True, chats=True,
                                              megagroups=True, channels=True, files=False)
                async with takeout as source:
                    await self._run_all(source, wait_time=0)
            except (TelegramError, asyncio.CancelledError):
                raise
            except Exception as exc:
                raise explain(exc) from exc
        else:
            await self._run_all(self.client, wait_time=None)
        return self.summary

    async def _run_all(self, source: Any, wait_time: float | None) -> None:
        for chat in self.chats:
            progress = self.progress.chat(chat.id)
            try:
                await self._fetch_chat(source, chat, progress, wait_time)
            except asyncio.CancelledError:
                progress.status = "cancelled"
                self._report()
                raise
            except SessionDeadError:
                raise
            except TelegramError as error:
                if error.kind in ("no_access", "unknown"):
                    progress.status, progress.error = "failed", error.message
                    self.summary.failed[chat.id] = error.message
                    self._report()
                    continue
                progress.status, progress.error = "failed", error.message
                self._report()
                raise
        self.progress.current = None
        self._report()

    async def _total(self, source: Any, chat: ChatInfo) -> int | None:
        try:
            result = await source.get_messages(chat.entity, limit=0)
        except errors.FloodError:
            return chat.messages  # only for the progress bar: not worth a wait
        except Exception as exc:
            raise explain(exc) from exc
        return getattr(result, "total", None)

    async def _fetch_chat(self, source: Any, chat: ChatInfo, progress: ChatProgress,
                          wait_time: float | None) -> None:
        record = chat.record()
        state = FetchState.load(self.project, chat.id)
        self.progress.current = chat.id
        progress.status = "fetching"
        progress.fetched = state.fetched
        total = await self._total(source, chat)
        progress.total = state.total = total if total is not None else state.total
        self._report()
        buffer: list[MessageRecord] = []

        def flush() -> None:
            if not buffer:
                return
            with self.project.transaction():
                result = store_messages(self.project, record, buffer)
                state.max_id = max(state.max_id, max(m.id for m in buffer))
                state.fetched += len(buffer)
                state.complete = False
                state.save(self.project, chat.id)
            progress.added += result.added
            progress.fetched = state.fetched
            buffer.clear()

        if state.max_id == 0:
            # First contact: the chat row (and its topics) exist even if nothing comes.
            with self.project.transaction():
                store_messages(self.project, record, [])
                state.save(self.project, chat.id)
        failures = 0
        albums = AlbumIds()
        while True:
            started = self.clock()
            try:
                async for message in source.iter_messages(chat.entity, reverse=True,
                                                          min_id=state.max_id, wait_time=wait_time):
                    converted = to_record(message, chat.id, albums)
                    if converted is None:
                        continue
                    buffer.append(converted)
                    self.progress.fetched_this_run += 1
                    if len(buffer) >= self.chunk:
                        flush()
                        failures = 0
                        self._active_time += self.clock() - started
                        started = self.clock()
                        self._estimate()
                        self._report()
                flush()
                self._active_time += self.clock() - started
                break
            except asyncio.CancelledError:
                flush()  # what came in before the cancel is kept
                raise
            except errors.FloodWaitError as exc:
                flush()
                self._active_time += self.clock() - started
                await self._wait(progress, int(exc.seconds))
            except (ConnectionError, OSError, errors.ServerError, errors.TimedOutError) as exc:
                flush()
                self._active_time += self.clock() - started
                failures += 1
                if failures > MAX_RETRIES:
                    raise explain(exc) from exc
                log.info("connection lost while fetching %s (%s); retry %d", chat.id,
                         type(exc).__name__, failures)
                await self.sleep(min(60, 2 ** failures))
                await self._reconnect()
            except Exception as exc:
                flush()
                raise explain(exc) from exc
        state.complete = True
        if state.total is not None:
            state.total = max(state.total, state.fetched)
        state.save(self.project, chat.id)
        progress.total = state.total
        progress.status = "done"
        self.summary.added[chat.id] = progress.added
        self._estimate()
        self._report()

    async def _wait(self, progress: ChatProgress, seconds: int) -> None:
        """Count a Telegram-imposed wait down, second by second."""
        progress.status = "waiting"
        for left in range(max(1, seconds), 0, -1):
            self.progress.wait_left = left
            self._report()
            await self.sleep(1)
        self.progress.wait_left = 0
        progress.status = "fetching"
        self._report()

    async def _reconnect(self) -> None:
        try:
            if not self.client.is_connected():
                await self.client.connect()
        except (ConnectionError, OSError) as exc:
            log.info("reconnect failed: %s", type(exc).__name__)

    def _estimate(self) -> None:
        remaining = sum(c.remaining for c in self.progress.chats)
        if self.progress.fetched_this_run and self._active_time > 0:
            rate = self.progress.fetched_this_run / self._active_time
            self.progress.eta_seconds = remaining / rate if rate > 0 else None
        elif remaining == 0:
            self.progress.eta_seconds = 0.0
