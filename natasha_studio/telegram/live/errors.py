"""Telethon errors a person can meet, as plain sentences with what to do next.

Every call into Telethon from this package goes through ``explain``: the UI and the CLI only
ever see a ``TelegramError`` (a ``StudioError``), whose ``kind`` lets them react (show the
login screen again, count down a wait) without knowing Telethon's exception classes.
"""

from __future__ import annotations

import asyncio

from telethon import errors

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate


class TelegramError(StudioError):
    """A Telegram failure explained for the user.

    ``kind`` is one of: phone_invalid, phone_banned, phone_unregistered, code_invalid,
    code_expired, password_invalid, flood, takeout_delay, session_dead, api_invalid,
    no_access, connection, unknown. ``seconds`` is the wait Telegram asks for (flood,
    takeout_delay), else 0.
    """

    def __init__(self, kind: str, message: str, hint: str = "", seconds: int = 0) -> None:
        super().__init__(message, hint)
        self.kind = kind
        self.seconds = seconds


class SessionDeadError(TelegramError):
    """The saved login no longer works (revoked, logged out elsewhere, used from two places)."""


def format_wait(seconds: int) -> str:
    """A wait in words: '45 s', '12 min', '3 h 5 min'."""
    seconds = max(0, int(seconds))
    if seconds < 90:
        return translate("TelegramErrors", "{n} s").format(n=seconds)
    minutes = (seconds + 59) // 60
    if minutes < 120:
        return translate("TelegramErrors", "{n} min").format(n=minutes)
    hours, minutes = divmod(minutes, 60)
    return translate("TelegramErrors", "{h} h {m} min").format(h=hours, m=minutes)


def explain(exc: BaseException) -> TelegramError:
    """Turn a Telethon (or network) exception into a ``TelegramError`` in plain words."""
    if isinstance(exc, TelegramError):
        return exc
    login_again = translate("TelegramErrors", "Log in to Telegram again in the Sources tab.")
    if isinstance(exc, errors.PhoneNumberInvalidError):
        return TelegramError(
            "phone_invalid",
            translate("TelegramErrors", "Telegram does not recognise this phone number."),
            translate("TelegramErrors",
                      "Type the number in international form, with the country code: +7 912 345-67-89."))
    if isinstance(exc, errors.PhoneNumberBannedError):
        return TelegramError(
            "phone_banned",
            translate("TelegramErrors", "Telegram has blocked this phone number."),
            translate("TelegramErrors",
                      "Log in with another account, or write to Telegram support (recover@telegram.org)."))
    if isinstance(exc, errors.PhoneNumberUnoccupiedError):
        return TelegramError(
            "phone_unregistered",
            translate("TelegramErrors", "There is no Telegram account with this phone number."),
            translate("TelegramErrors",
                      "Create the account in the Telegram app first, then log in here."))
    if isinstance(exc, errors.PhoneCodeInvalidError | errors.PhoneCodeEmptyError):
        return TelegramError(
            "code_invalid",
            translate("TelegramErrors", "The code is wrong."),
            translate("TelegramErrors", "Check the code Telegram sent you and type it again."))
    if isinstance(exc, errors.PhoneCodeExpiredError | errors.PhoneCodeHashEmptyError):
        return TelegramError(
            "code_expired",
            translate("TelegramErrors", "The code has expired."),
            translate("TelegramErrors",
                      "Press \"Send the code again\". A code shared in any chat stops working at once: "
                      "never forward it."))
    if isinstance(exc, errors.PasswordHashInvalidError):
        return TelegramError(
            "password_invalid",
            translate("TelegramErrors", "The cloud password is wrong."),
            translate("TelegramErrors",
                      "This is the two-step verification password you set in Telegram's settings, "
                      "not the code. Type it again."))
    if isinstance(exc, errors.TakeoutInitDelayError):
        return TelegramError(
            "takeout_delay",
            translate("TelegramErrors", "Telegram asks you to confirm the data export in your Telegram app."),
            translate("TelegramErrors",
                      "Open Telegram on your phone, allow the export request in the service "
                      "notifications, then fetch again. Otherwise Telegram allows it in {wait}.").format(
                wait=format_wait(exc.seconds)),
            seconds=int(exc.seconds))
    if isinstance(exc, errors.FloodError | errors.PhoneNumberFloodError | errors.PhonePasswordFloodError):
        seconds = int(getattr(exc, "seconds", 0) or 0)
        if seconds:
            message = translate("TelegramErrors",
                                "Telegram asks to wait {wait} before trying again.").format(
                wait=format_wait(seconds))
        else:
            message = translate("TelegramErrors", "Too many attempts: Telegram asks to wait before trying again.")
        return TelegramError(
            "flood", message,
            translate("TelegramErrors", "This limit protects the account; it lifts by itself."),
            seconds=seconds)
    if isinstance(exc, errors.AuthKeyUnregisteredError | errors.SessionRevokedError
                  | errors.SessionExpiredError | errors.UserDeactivatedError):
        return SessionDeadError(
            "session_dead",
            translate("TelegramErrors",
                      "The Telegram login has ended: it was closed from another device or has expired."),
            login_again)
    if isinstance(exc, errors.AuthKeyDuplicatedError):
        return SessionDeadError(
            "session_dead",
            translate("TelegramErrors",
                      "Telegram closed this login because it was used from two places at once."),
            login_again)
    if isinstance(exc, errors.ApiIdInvalidError | errors.ApiIdPublishedFloodError):
        return TelegramError(
            "api_invalid",
            translate("TelegramErrors", "Telegram does not accept this API id and hash."),
            translate("TelegramErrors",
                      "Copy both from my.telegram.org → API development tools, exactly as shown there."))
    if isinstance(exc, errors.ChannelPrivateError | errors.ChannelBannedError
                  | errors.ChatAdminRequiredError | errors.ChannelInvalidError):
        return TelegramError(
            "no_access",
            translate("TelegramErrors", "This account can no longer read that chat."),
            translate("TelegramErrors", "It may be private, or you were removed from it. Untick it."))
    if isinstance(exc, ConnectionError | OSError | asyncio.TimeoutError | errors.ServerError
                  | errors.TimedOutError):
        return TelegramError(
            "connection",
            translate("TelegramErrors", "Cannot reach Telegram."),
            translate("TelegramErrors",
                      "Check the internet connection and try again. Nothing fetched so far is lost."))
    if isinstance(exc, errors.RPCError):
        return TelegramError(
            "unknown",
            translate("TelegramErrors", "Telegram refused the request ({code}).").format(
                code=getattr(exc, "message", type(exc).__name__)),
            translate("TelegramErrors", "Try again later."))
    return TelegramError(
        "unknown",
        translate("TelegramErrors", "Something went wrong while talking to Telegram: {reason}").format(
            reason=exc or type(exc).__name__))
