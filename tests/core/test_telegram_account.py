"""Logging in step by step (phone, code, cloud password, QR) against the stand-in client."""

from __future__ import annotations

import asyncio
import os
import stat

import pytest
from fakes.telegram_standin import StandInTelegram, flood_wait, rpc_error

from natasha_studio.secrets import SecretStore
from natasha_studio.telegram.live.account import LoginState, TelegramAccount
from natasha_studio.telegram.live.errors import (
    SessionDeadError,
    TelegramError,
    explain,
    format_wait,
)
from natasha_studio.telegram.live.session import ApiCredentials, SessionStorage, parse_credentials

CREDS = ApiCredentials(1234567, "0123456789abcdef0123456789abcdef")


def run(coro):
    return asyncio.run(coro)


def make(world=None, storage=None):
    world = world or StandInTelegram()
    storage = storage or SessionStorage(SecretStore())
    return world, storage, TelegramAccount(storage, world.client)


def test_phone_code_login_saves_session_in_keyring():
    world, storage, account = make()

    async def flow():
        info = await account.send_code(CREDS, "+7 912 000-00-00")
        assert info.via == "app" and info.length == 5 and info.next_via == "sms"
        assert await account.submit_code("12345") == LoginState.SIGNED_IN

    run(flow())
    assert account.me.name == "Ольга Куратор"
    assert storage.session() in world.sessions
    assert storage.secrets.source("telegram_session") == "keyring"
    assert storage.credentials() == CREDS


def test_wrong_code_then_resend_then_right_code():
    world, storage, account = make()

    async def flow():
        await account.send_code(CREDS, "+79120000000")
        with pytest.raises(TelegramError) as wrong:
            await account.submit_code("11111")
        assert wrong.value.kind == "code_invalid"
        resent = await account.resend_code()
        assert resent.via == "sms"
        return await account.submit_code("12345")

    assert run(flow()) == LoginState.SIGNED_IN


def test_two_step_password_with_hint_and_wrong_password():
    world = StandInTelegram(password="секрет", password_hint="кот")
    _, storage, account = make(world)

    async def flow():
        await account.send_code(CREDS, "+79120000000")
        assert await account.submit_code("12345") == LoginState.PASSWORD_NEEDED
        assert await account.password_hint() == "кот"
        with pytest.raises(TelegramError) as wrong:
            await account.submit_password("не тот")
        assert wrong.value.kind == "password_invalid"
        return await account.submit_password("секрет")

    assert run(flow()) == LoginState.SIGNED_IN
    assert storage.session()


@pytest.mark.parametrize(("phone", "kind"), [("+79990000000", "phone_invalid"), ("12", "phone_invalid")])
def test_invalid_phone(phone, kind):
    _, _, account = make()
    with pytest.raises(TelegramError) as err:
        run(account.send_code(CREDS, phone))
    assert err.value.kind == kind
    assert "+7" in err.value.hint or "+7" in err.value.message


def test_banned_number_and_expired_code():
    world = StandInTelegram(banned_phones={"+79120000000"})
    _, _, account = make(world)
    with pytest.raises(TelegramError) as err:
        run(account.send_code(CREDS, "+79120000000"))
    assert err.value.kind == "phone_banned"

    world = StandInTelegram(code_expired=True)
    _, _, account = make(world)

    async def flow():
        await account.send_code(CREDS, "+79120000000")
        await account.submit_code("12345")

    with pytest.raises(TelegramError) as err:
        run(flow())
    assert err.value.kind == "code_expired"
    assert "again" in err.value.hint


def test_qr_login_refreshes_expired_code_then_asks_password():
    world = StandInTelegram(qr_ttl=0.05, password="pw")
    _, storage, account = make(world)

    async def flow():
        urls = []
        async for qr in account.qr_codes(CREDS):
            urls.append(qr.url)
            if len(urls) == 3:
                world.scan_qr()
        assert account.state == LoginState.PASSWORD_NEEDED
        assert await account.submit_password("pw") == LoginState.SIGNED_IN
        return urls

    urls = run(flow())
    assert len(set(urls)) == 3 and all(u.startswith("tg://login?token=") for u in urls)
    assert storage.session()


def test_restore_and_revoked_session_is_forgotten():
    world, storage, account = make()

    async def login():
        await account.send_code(CREDS, "+79120000000")
        await account.submit_code("12345")
        await account.disconnect()

    run(login())
    again = TelegramAccount(storage, world.client)
    assert run(again.restore()) is True and again.state == LoginState.SIGNED_IN
    run(again.disconnect())

    world.revoke_all()
    third = TelegramAccount(storage, world.client)
    assert run(third.restore()) is False
    assert storage.session() == ""


def test_log_out_ends_session_at_telegram_and_here():
    world, storage, account = make()

    async def flow():
        await account.send_code(CREDS, "+79120000000")
        await account.submit_code("12345")
        session = storage.session()
        await account.log_out()
        return session

    session = run(flow())
    assert session not in world.sessions
    assert storage.session() == "" and account.state == LoginState.SIGNED_OUT
    assert ("log_out", {}) in world.calls


def test_offline_connection_is_plain_words():
    world = StandInTelegram(offline=True)
    _, _, account = make(world)
    with pytest.raises(TelegramError) as err:
        run(account.send_code(CREDS, "+79120000000"))
    assert err.value.kind == "connection"


def test_error_explanations():
    flood = explain(flood_wait(3600))
    assert flood.kind == "flood" and flood.seconds == 3600 and "60 min" in flood.message
    assert isinstance(explain(rpc_error(401, "AUTH_KEY_UNREGISTERED")), SessionDeadError)
    assert isinstance(explain(rpc_error(401, "SESSION_REVOKED")), SessionDeadError)
    dup = explain(rpc_error(406, "AUTH_KEY_DUPLICATED"))
    assert isinstance(dup, SessionDeadError) and "two places" in dup.message
    assert explain(rpc_error(420, "TAKEOUT_INIT_DELAY_600")).kind == "takeout_delay"
    assert explain(rpc_error(400, "PHONE_NUMBER_FLOOD")).kind == "flood"
    assert explain(rpc_error(400, "API_ID_INVALID")).kind == "api_invalid"
    assert explain(rpc_error(400, "CHANNEL_PRIVATE")).kind == "no_access"
    assert format_wait(45) == "45 s" and format_wait(7500) == "2 h 5 min"


def test_credentials_are_checked():
    assert parse_credentials(" 1234567 ", "0123456789ABCDEF0123456789abcdef").api_id == 1234567
    with pytest.raises(TelegramError):
        parse_credentials("abc", "0123456789abcdef0123456789abcdef")
    with pytest.raises(TelegramError):
        parse_credentials("123", "short")


class _NoKeyring(SecretStore):
    @property
    def keyring_available(self) -> bool:
        return False


def test_without_keyring_file_only_with_consent(tmp_path):
    path = tmp_path / "config" / "telegram-login.json"
    storage = SessionStorage(_NoKeyring(), file_path=path)
    assert storage.needs_consent
    assert storage.save_session("1abc") == "memory"
    assert not path.exists()
    assert storage.session() == "1abc"  # this run only

    assert storage.save_credentials(CREDS, file_consent=True) == "file"
    assert storage.save_session("1def") == "file"  # consent given once holds
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    fresh = SessionStorage(_NoKeyring(), file_path=path)
    assert fresh.session() == "1def" and fresh.credentials() == CREDS and fresh.uses_file
    fresh.forget_session()
    assert fresh.session() == "" and fresh.credentials() == CREDS
    fresh.forget_all()
    assert not path.exists()
