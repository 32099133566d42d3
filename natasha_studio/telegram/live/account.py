"""Logging in to a Telegram account without console prompts, step by step.

``TelegramAccount`` keeps one Telethon client across the steps (Telethon remembers the
``phone_code_hash`` on the client), so the UI can ask for the phone, then the code, then the
cloud password, each in its own screen; or show a QR code and wait for it to be scanned. Every
Telethon failure comes out as a ``TelegramError`` in plain words. A login that Telegram ended
(revoked, duplicated) is forgotten at once, so the next screen is the login screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from telethon import errors, types, utils
from telethon.tl import functions

from natasha_studio.core.i18n import translate
from natasha_studio.telegram.live.client import ClientFactory, create_client
from natasha_studio.telegram.live.errors import SessionDeadError, TelegramError, explain
from natasha_studio.telegram.live.session import ApiCredentials, SessionStorage

log = logging.getLogger(__name__)
T = TypeVar("T")


class LoginState(StrEnum):
    SIGNED_OUT = "signed_out"
    CODE_SENT = "code_sent"
    PASSWORD_NEEDED = "password_needed"
    SIGNED_IN = "signed_in"


@dataclass(frozen=True)
class CodeInfo:
    """Where Telegram sent the login code."""

    phone: str
    via: str                # app | sms | call | email | other
    length: int | None
    next_via: str | None    # what "send again" will use, if Telegram says
    timeout: int | None     # seconds before "send again" is allowed


@dataclass(frozen=True)
class QrCode:
    url: str                # tg://login?token=...: what the QR image encodes
    expires: dt.datetime


@dataclass(frozen=True)
class Me:
    id: int
    name: str
    username: str | None
    phone: str | None


def _code_via(code_type: Any) -> str | None:
    if code_type is None:
        return None
    names = {
        "SentCodeTypeApp": "app", "SentCodeTypeSms": "sms", "SentCodeTypeCall": "call",
        "SentCodeTypeFlashCall": "call", "SentCodeTypeMissedCall": "call",
        "SentCodeTypeEmailCode": "email", "SentCodeTypeSetUpEmailRequired": "email",
        "CodeTypeSms": "sms", "CodeTypeCall": "call", "CodeTypeFlashCall": "call",
        "CodeTypeMissedCall": "call", "CodeTypeFragmentSms": "sms",
    }
    return names.get(type(code_type).__name__, "other")


class TelegramAccount:
    """One Telegram account: its client, where the login stands, and the saved session."""

    def __init__(self, storage: SessionStorage, factory: ClientFactory = create_client) -> None:
        self.storage = storage
        self.factory = factory
        self.client: Any = None
        self.state = LoginState.SIGNED_OUT
        self.me: Me | None = None
        self.code_info: CodeInfo | None = None
        self.file_consent = False  # the user agreed to a private file (no keyring)
        self._creds: ApiCredentials | None = None

    # -- plumbing ------------------------------------------------------------------------------

    async def _call(self, awaitable: Awaitable[T]) -> T:
        """Await a Telethon call; failures become ``TelegramError`` (a dead login is forgotten)."""
        try:
            return await awaitable
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            error = explain(exc)
            if isinstance(error, SessionDeadError):
                await self._drop_login()
            raise error from exc

    async def _client_for(self, creds: ApiCredentials) -> Any:
        if self.client is not None and self._creds == creds:
            if not self.client.is_connected():
                await self._call(self.client.connect())
            return self.client
        await self.disconnect()
        self._creds = creds
        self.client = self.factory(creds, self.storage.session())
        await self._call(self.client.connect())
        return self.client

    async def _drop_login(self) -> None:
        self.storage.forget_session()
        self.state = LoginState.SIGNED_OUT
        self.me = None
        client, self.client = self.client, None
        if client is not None:
            with contextlib.suppress(Exception):
                await client.disconnect()

    async def _signed_in(self, user: Any) -> LoginState:
        self.state = LoginState.SIGNED_IN
        self.code_info = None
        if user is None or not isinstance(user, types.User):
            user = await self._call(self.client.get_me())
        self.me = Me(user.id, utils.get_display_name(user), user.username, user.phone)
        self.storage.save_session(self.client.session.save(), file_consent=self.file_consent)
        return self.state

    # -- the steps -----------------------------------------------------------------------------

    async def restore(self) -> bool:
        """Reconnect with the saved login; True when it still works."""
        creds = self.storage.credentials()
        if creds is None or not self.storage.session():
            return False
        client = await self._client_for(creds)
        if not await self._call(client.is_user_authorized()):
            await self._drop_login()
            return False
        await self._signed_in(None)
        return True

    async def send_code(self, creds: ApiCredentials, phone: str) -> CodeInfo:
        """Ask Telegram to send a login code to ``phone``."""
        digits = "".join(c for c in phone if c.isdigit())
        if len(digits) < 7:
            raise TelegramError(
                "phone_invalid",
                translate("TelegramLogin", "Type the phone number with the country code, like +7 912 345-67-89."))
        self.storage.save_credentials(creds, file_consent=self.file_consent)
        client = await self._client_for(creds)
        if await self._call(client.is_user_authorized()):
            return await self._already_in()
        sent = await self._call(client.send_code_request("+" + digits))
        return self._remember_code("+" + digits, sent)

    async def _already_in(self) -> CodeInfo:
        await self._signed_in(None)
        raise TelegramError("already_signed_in",
                            translate("TelegramLogin", "You are already logged in to Telegram."))

    def _remember_code(self, phone: str, sent: Any) -> CodeInfo:
        code_type = getattr(sent, "type", None)
        self.code_info = CodeInfo(
            phone=phone,
            via=_code_via(code_type) or "other",
            length=getattr(code_type, "length", None),
            next_via=_code_via(getattr(sent, "next_type", None)),
            timeout=getattr(sent, "timeout", None),
        )
        self.state = LoginState.CODE_SENT
        return self.code_info

    async def resend_code(self) -> CodeInfo:
        """Send the code again (Telegram may switch to SMS or a call)."""
        if self.code_info is None or self.client is None:
            raise TelegramError("code_expired",
                                translate("TelegramLogin", "Type the phone number first."))
        sent = await self._call(self.client.send_code_request(self.code_info.phone))
        return self._remember_code(self.code_info.phone, sent)

    async def submit_code(self, code: str) -> LoginState:
        """Sign in with the code; returns SIGNED_IN, or PASSWORD_NEEDED under two-step verification."""
        code = "".join(c for c in code if c.isdigit())
        if not code:
            raise TelegramError("code_invalid", translate("TelegramLogin", "Type the code Telegram sent you."))
        if self.code_info is None or self.client is None:
            raise TelegramError("code_expired",
                                translate("TelegramLogin", "Type the phone number first."))
        try:
            user = await self.client.sign_in(self.code_info.phone, code)
        except errors.SessionPasswordNeededError:
            self.state = LoginState.PASSWORD_NEEDED
            return self.state
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            raise explain(exc) from exc
        return await self._signed_in(user)

    async def password_hint(self) -> str:
        """The hint the user gave for the cloud password ('' when none or unknown)."""
        if self.client is None:
            return ""
        try:
            pwd = await self.client(functions.account.GetPasswordRequest())
        except Exception as exc:  # the hint is a courtesy: never block the login for it
            log.info("password hint unavailable: %s", type(exc).__name__)
            return ""
        return getattr(pwd, "hint", None) or ""

    async def submit_password(self, password: str) -> LoginState:
        """Finish a two-step-verification login with the cloud password."""
        if not password:
            raise TelegramError("password_invalid",
                                translate("TelegramLogin", "Type your cloud password."))
        if self.client is None:
            raise TelegramError("code_expired", translate("TelegramLogin", "Start the login again."))
        user = await self._call(self.client.sign_in(password=password))
        return await self._signed_in(user)

    async def qr_codes(self, creds: ApiCredentials) -> AsyncIterator[QrCode]:
        """QR login: yields a code to show, then a fresh one each time it expires.

        Ends when the code was scanned: ``state`` is then SIGNED_IN, or PASSWORD_NEEDED for an
        account with two-step verification.
        """
        self.storage.save_credentials(creds, file_consent=self.file_consent)
        client = await self._client_for(creds)
        if await self._call(client.is_user_authorized()):
            await self._signed_in(None)
            return
        qr = await self._call(client.qr_login())
        while True:
            yield QrCode(qr.url, qr.expires)
            try:
                user = await qr.wait()
            except TimeoutError:
                await self._call(qr.recreate())
                continue
            except errors.SessionPasswordNeededError:
                self.state = LoginState.PASSWORD_NEEDED
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                raise explain(exc) from exc
            await self._signed_in(user)
            return

    async def log_out(self) -> None:
        """Log out at Telegram (ends the login there too) and forget it here."""
        client = self.client
        if client is None and self.storage.session() and self.storage.credentials():
            with contextlib.suppress(TelegramError):
                client = await self._client_for(self.storage.credentials())
        if client is not None:
            try:
                await client.log_out()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # logged out here regardless; Telegram may be unreachable
                log.info("log_out at Telegram failed: %s", type(exc).__name__)
        self.client = None
        await self._drop_login()

    async def disconnect(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            with contextlib.suppress(Exception):
                await client.disconnect()

    def dead(self) -> None:
        """Called when a fetch found the login dead: forget it (no network needed)."""
        self.storage.forget_session()
        self.state = LoginState.SIGNED_OUT
        self.me = None
        self.client = None
