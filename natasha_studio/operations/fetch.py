"""Fetching chats from a logged-in Telegram account into the project.

The Telegram panel calls ``fetch_chats``, then finds pairs again as after an import
(``extraction.extract_in_thread``, under the same task name, so one runs at a time). A fetch
stopped or cut off keeps what it stored: the next one goes on from there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.telegram.live.dialogs import ChatInfo
from natasha_studio.telegram.live.fetch import Fetcher, FetchProgress, FetchSummary

# What a fetch stopped half-way may have changed: some messages may be in.
PARTLY_FETCHED = Changes(sources=True)


async def fetch_chats(project: Project, client: Any, chats: list[ChatInfo], *,
                      takeout: bool = False,
                      on_progress: Callable[[FetchProgress], None] | None = None,
                      ) -> tuple[FetchSummary, Changes]:
    """Fetch the new messages of ``chats`` (a channel's discussion group included by the
    caller, see ``expand_selection``) through the Telethon ``client``."""
    summary = await Fetcher(project, client, chats, takeout=takeout,
                            on_progress=on_progress).run()
    return summary, Changes(sources=summary.total_added > 0,
                            counts={"messages": summary.total_added})
