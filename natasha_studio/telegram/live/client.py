"""Creating the Telethon client the rest of this package talks through.

Everything else in ``natasha_studio.telegram.live`` takes a *client factory* instead of
building ``TelegramClient`` itself, so that tests hand in a stand-in client that speaks the
same API (and yields the same Telethon objects) without a network.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from typing import Any

from natasha_studio import __version__
from natasha_studio.telegram.live.session import ApiCredentials

# Waits Telegram asks for up to this many seconds are slept through inside Telethon;
# longer ones reach us as FloodWaitError and are shown to the user as a countdown.
FLOOD_SLEEP_THRESHOLD = 30

ClientFactory = Callable[[ApiCredentials, str], Any]


def create_client(creds: ApiCredentials, session: str) -> Any:
    """A real ``TelegramClient`` over a ``StringSession`` (empty string: not logged in).

    Must be called with the app's event loop running (qasync): Telethon binds to it.
    """
    from telethon import TelegramClient
    from telethon.sessions import StringSession

    return TelegramClient(
        StringSession(session or None),
        creds.api_id,
        creds.api_hash,
        flood_sleep_threshold=FLOOD_SLEEP_THRESHOLD,
        device_model="Natasha Studio",
        system_version=f"{platform.system()} {platform.release()}".strip(),
        app_version=__version__,
        connection_retries=3,
        retry_delay=2,
        request_retries=3,
        catch_up=False,
    )
