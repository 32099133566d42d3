"""A stand-in for Telethon's ``TelegramClient``, at the API boundary the app uses.

It speaks the same methods (connect, send_code_request, sign_in, qr_login, iter_dialogs,
iter_messages, get_messages, takeout, raw requests through ``__call__``) and hands back real
Telethon objects: ``telethon.tl.types`` messages, users, channels, ``Dialog``, ``SentCode``,
``TotalList``... Errors are real Telethon errors, built the way Telethon builds them from an
RPC answer (``rpc_message_to_error``). A ``StandInTelegram`` holds the "server side": the
account, its chats and histories, and faults to inject (a flood wait or a dropped connection
after N messages of an iteration).
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from telethon import errors, helpers, utils
from telethon._updates import EntityCache
from telethon.tl import functions, types
from telethon.tl.custom.dialog import Dialog

BASE_DATE = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def rpc_error(code: int, message: str, request: Any = None) -> Exception:
    """A Telethon exception exactly as Telethon makes it from Telegram's RPC error."""
    return errors.rpc_message_to_error(types.RpcError(code, message), request)


def flood_wait(seconds: int) -> Exception:
    return rpc_error(420, f"FLOOD_WAIT_{seconds}")


@dataclass
class Fault:
    after: int                # messages yielded in the iteration before it strikes
    error: BaseException


@dataclass
class StandInTelegram:
    """The server side the stand-in clients talk to."""

    me: types.User = field(default_factory=lambda: types.User(
        id=500, first_name="Ольга", last_name="Куратор", username="olga_cur", phone="79120000000",
        access_hash=5005, is_self=True))
    phone: str = "+79120000000"
    code: str = "12345"
    password: str | None = None
    password_hint: str = ""
    banned_phones: set[str] = field(default_factory=set)
    code_expired: bool = False
    qr_ttl: float = 30.0
    takeout_delay: int = 0                     # >0: InitTakeout asks the user to confirm
    offline: bool = False
    users: dict[int, types.User] = field(default_factory=dict)
    chats: dict[int, Any] = field(default_factory=dict)        # marked id -> Channel / Chat
    history: dict[int, list[Any]] = field(default_factory=dict)
    full: dict[int, dict[str, Any]] = field(default_factory=dict)
    topics: dict[int, dict[int, str]] = field(default_factory=dict)
    faults: dict[int, list[Fault]] = field(default_factory=dict)
    sessions: set[str] = field(default_factory=set)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.users[self.me.id] = self.me
        self.qr_scanned = asyncio.Event() if _loop_running() else None

    # -- building the world --------------------------------------------------------------------

    def add_user(self, user_id: int, first: str, last: str | None = None,
                 username: str | None = None, deleted: bool = False) -> types.User:
        user = types.User(id=user_id, first_name=None if deleted else first,
                          last_name=None if deleted else last, username=username,
                          access_hash=user_id * 7, deleted=deleted or None)
        self.users[user_id] = user
        return user

    def add_channel(self, channel_id: int, title: str, *, megagroup: bool = False,
                    forum: bool = False, username: str | None = None, members: int = 0,
                    linked: int | None = None, in_dialogs: bool = True) -> types.Channel:
        channel = types.Channel(
            id=channel_id, title=title, photo=types.ChatPhotoEmpty(), date=BASE_DATE,
            broadcast=not megagroup or None, megagroup=megagroup or None, forum=forum or None,
            username=username, access_hash=channel_id * 11, participants_count=None,
        )
        marked = utils.get_peer_id(channel)
        self.chats[marked] = channel
        self.history.setdefault(marked, [])
        self.full[marked] = {"members": members, "linked": linked, "in_dialogs": in_dialogs}
        return channel

    def add_group(self, chat_id: int, title: str, members: int = 3) -> types.Chat:
        chat = types.Chat(id=chat_id, title=title, photo=types.ChatPhotoEmpty(),
                          participants_count=members, date=BASE_DATE, version=1)
        self.chats[-chat_id] = chat
        self.history.setdefault(-chat_id, [])
        self.full[-chat_id] = {"members": members, "linked": None, "in_dialogs": True}
        return chat

    def add_message(self, chat: int, msg_id: int, text: str, *, sender: int | None = None,
                    reply_to: int | None = None, top_id: int | None = None, topic: int | None = None,
                    minutes: float | None = None, post: bool = False, author: str | None = None,
                    entities: list[Any] | None = None, media: Any = None, edit_minutes: float | None = None,
                    fwd_from: Any = None, grouped_id: int | None = None) -> types.Message:
        """A message in ``chat`` (marked id). ``topic``: it sits in that forum topic."""
        reply_header = None
        if topic is not None:
            reply_header = types.MessageReplyHeader(
                forum_topic=True, reply_to_msg_id=reply_to or topic,
                reply_to_top_id=topic if reply_to else None)
        elif reply_to is not None:
            reply_header = types.MessageReplyHeader(reply_to_msg_id=reply_to, reply_to_top_id=top_id)
        date = BASE_DATE + dt.timedelta(minutes=msg_id if minutes is None else minutes)
        message = types.Message(
            id=msg_id, peer_id=utils.get_peer(chat), date=date, message=text,
            from_id=utils.get_peer(sender) if sender else None,
            post=post or None, reply_to=reply_header, entities=entities, media=media,
            post_author=author, fwd_from=fwd_from, grouped_id=grouped_id,
            edit_date=date + dt.timedelta(minutes=edit_minutes) if edit_minutes else None,
        )
        self._insert(chat, message)
        return message

    def add_service(self, chat: int, msg_id: int, action: Any, *, sender: int | None = None,
                    minutes: float | None = None) -> types.MessageService:
        date = BASE_DATE + dt.timedelta(minutes=msg_id if minutes is None else minutes)
        message = types.MessageService(
            id=msg_id, peer_id=utils.get_peer(chat), date=date, action=action,
            from_id=utils.get_peer(sender) if sender else None)
        self._insert(chat, message)
        return message

    def _insert(self, chat: int, message: Any) -> None:
        items = self.history.setdefault(chat, [])
        items.append(message)
        items.sort(key=lambda m: m.id)

    def inject(self, chat: int, after: int, error: BaseException) -> None:
        """The next iteration over ``chat`` raises ``error`` after ``after`` messages."""
        self.faults.setdefault(chat, []).append(Fault(after, error))

    def revoke_all(self) -> None:
        """Every saved login ends (as after "Terminate all other sessions")."""
        self.sessions.clear()

    def scan_qr(self) -> None:
        self.qr_scanned.set()

    def client(self, creds: Any, session: str) -> StandInClient:
        """A client factory, as ``natasha_studio.telegram.live.client.create_client``."""
        if self.qr_scanned is None:
            self.qr_scanned = asyncio.Event()
        return StandInClient(self, creds, session)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _Session:
    def __init__(self, value: str) -> None:
        self.value = value
        self.takeout_id: int | None = None

    def save(self) -> str:
        return self.value


class StandInQR:
    """Like ``telethon.tl.custom.QRLogin``."""

    def __init__(self, client: StandInClient) -> None:
        self._client = client
        self._resp: types.auth.LoginToken | None = None

    async def recreate(self) -> None:
        world = self._client.world
        token = f"token-{next(world._counter)}".encode()
        self._resp = types.auth.LoginToken(
            expires=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=world.qr_ttl), token=token)

    @property
    def url(self) -> str:
        return "tg://login?token=" + base64.urlsafe_b64encode(self._resp.token).decode().rstrip("=")

    @property
    def expires(self) -> dt.datetime:
        return self._resp.expires

    async def wait(self, timeout: float | None = None) -> types.User:
        if timeout is None:
            timeout = (self._resp.expires - dt.datetime.now(dt.UTC)).total_seconds()
        world = self._client.world
        await asyncio.wait_for(world.qr_scanned.wait(), timeout=max(0.0, timeout))
        world.qr_scanned.clear()
        if world.password:
            raise rpc_error(401, "SESSION_PASSWORD_NEEDED")
        return self._client._authorize()


class StandInClient:
    """The parts of ``TelegramClient`` the app uses, over a ``StandInTelegram``."""

    def __init__(self, world: StandInTelegram, creds: Any, session: str) -> None:
        self.world = world
        self.api_id = creds.api_id
        self.session = _Session(session or "")
        self._connected = False
        self._authorized = bool(session) and session in world.sessions
        self._phone_code_hash: dict[str, str] = {}
        self._self_id = world.me.id
        self._mb_entity_cache = EntityCache()

    # -- connection ----------------------------------------------------------------------------

    async def connect(self) -> None:
        self.world.calls.append(("connect", {}))
        if self.world.offline:
            raise ConnectionError("Connection to Telegram failed 3 time(s)")
        self._connected = True

    def is_connected(self) -> bool:
        return self._connected

    async def disconnect(self) -> None:
        self._connected = False

    def _check(self, request: Any = None) -> None:
        if not self._connected:
            raise ConnectionError("Cannot send requests while disconnected")
        if self.session.value and self.session.value not in self.world.sessions and self._authorized:
            self._authorized = False
            raise rpc_error(401, "AUTH_KEY_UNREGISTERED", request)

    async def is_user_authorized(self) -> bool:
        if self.world.offline:
            raise ConnectionError("Connection to Telegram failed")
        return self._authorized and self.session.value in self.world.sessions

    async def get_me(self, input_peer: bool = False) -> types.User | None:
        self._check()
        return self.world.me if self._authorized else None

    # -- login ---------------------------------------------------------------------------------

    async def send_code_request(self, phone: str, *, force_sms: bool = False) -> types.auth.SentCode:
        self.world.calls.append(("send_code_request", {"phone": phone}))
        self._check()
        request = functions.auth.SendCodeRequest(phone, self.api_id, "hash", types.CodeSettings())
        if phone in self.world.banned_phones:
            raise rpc_error(400, "PHONE_NUMBER_BANNED", request)
        if phone != self.world.phone:
            raise rpc_error(400, "PHONE_NUMBER_INVALID", request)
        resend = phone in self._phone_code_hash
        self._phone_code_hash[phone] = f"hash-{next(self.world._counter)}"
        kind = types.auth.SentCodeTypeSms(length=5) if resend else types.auth.SentCodeTypeApp(length=5)
        return types.auth.SentCode(type=kind, phone_code_hash=self._phone_code_hash[phone],
                                   next_type=types.auth.CodeTypeSms(), timeout=60)

    async def sign_in(self, phone: str | None = None, code: str | None = None, *,
                      password: str | None = None, **_: Any) -> types.User:
        self.world.calls.append(("sign_in", {"phone": phone, "code": code, "password": bool(password)}))
        self._check()
        if code is not None:
            request = functions.auth.SignInRequest(phone, self._phone_code_hash.get(phone, ""), code)
            if phone not in self._phone_code_hash:
                raise ValueError("You also need to provide a phone_code_hash.")
            if self.world.code_expired:
                self._phone_code_hash.pop(phone, None)
                raise rpc_error(400, "PHONE_CODE_EXPIRED", request)
            if code != self.world.code:
                raise rpc_error(400, "PHONE_CODE_INVALID", request)
            if self.world.password:
                raise rpc_error(401, "SESSION_PASSWORD_NEEDED", request)
            return self._authorize()
        if password is not None:
            if password != self.world.password:
                raise rpc_error(400, "PASSWORD_HASH_INVALID")
            return self._authorize()
        raise ValueError("You must provide a phone and a code the first time")

    def _authorize(self) -> types.User:
        self.session.value = f"1StandInSession{next(self.world._counter)}"
        self.world.sessions.add(self.session.value)
        self._authorized = True
        return self.world.me

    async def qr_login(self, ignored_ids: list[int] | None = None) -> StandInQR:
        self._check()
        qr = StandInQR(self)
        await qr.recreate()
        return qr

    async def log_out(self) -> bool:
        self.world.calls.append(("log_out", {}))
        self._check()
        self.world.sessions.discard(self.session.value)
        self._authorized = False
        self._connected = False
        self.session = None
        return True

    # -- raw requests --------------------------------------------------------------------------

    async def __call__(self, request: Any, ordered: bool = False) -> Any:
        self.world.calls.append((type(request).__name__, {}))
        self._check(request)
        if isinstance(request, functions.account.GetPasswordRequest):
            return types.account.Password(
                new_algo=types.PasswordKdfAlgoUnknown(),
                new_secure_algo=types.SecurePasswordKdfAlgoUnknown(), secure_random=b"",
                has_password=bool(self.world.password), hint=self.world.password_hint or None)
        if isinstance(request, functions.channels.GetFullChannelRequest):
            marked = utils.get_peer_id(request.channel)
            info = self.world.full[marked]
            linked = info["linked"]
            chats = [self.world.chats[marked]]
            if linked:
                chats.append(self.world.chats[utils.get_peer_id(types.PeerChannel(linked))])
            full = types.ChannelFull(
                id=utils.resolve_id(marked)[0], about="", read_inbox_max_id=0, read_outbox_max_id=0,
                unread_count=0, chat_photo=types.PhotoEmpty(id=0),
                notify_settings=types.PeerNotifySettings(), bot_info=[], pts=1,
                participants_count=info["members"], linked_chat_id=linked)
            return types.messages.ChatFull(full_chat=full, chats=chats, users=[])
        if isinstance(request, functions.messages.GetForumTopicsRequest):
            marked = utils.get_peer_id(request.peer)
            topics = [
                types.ForumTopic(
                    id=tid, date=BASE_DATE, peer=utils.get_peer(marked), title=title, icon_color=0,
                    top_message=tid, read_inbox_max_id=0, read_outbox_max_id=0, unread_count=0,
                    unread_mentions_count=0, unread_reactions_count=0, unread_poll_votes_count=0,
                    from_id=types.PeerUser(self.world.me.id), notify_settings=types.PeerNotifySettings())
                for tid, title in self.world.topics.get(marked, {}).items()]
            return types.messages.ForumTopics(count=len(topics), topics=topics, messages=[],
                                              chats=[], users=[], pts=1)
        if isinstance(request, functions.account.InitTakeoutSessionRequest):
            if self.world.takeout_delay:
                raise rpc_error(420, f"TAKEOUT_INIT_DELAY_{self.world.takeout_delay}", request)
            return types.account.Takeout(id=77)
        if isinstance(request, functions.account.FinishTakeoutSessionRequest):
            return True
        raise NotImplementedError(type(request).__name__)

    # -- dialogs and messages ------------------------------------------------------------------

    def _entities(self) -> dict[int, Any]:
        entities = {utils.get_peer_id(u): u for u in self.world.users.values()}
        entities.update(self.world.chats)
        return entities

    async def iter_dialogs(self, limit: int | None = None, *, archived: bool | None = None,
                           **_: Any) -> AsyncIterator[Dialog]:
        self._check()
        if not self._authorized:
            raise rpc_error(401, "AUTH_KEY_UNREGISTERED")
        entities = self._entities()
        for marked in self.world.chats:
            if not self.world.full.get(marked, {}).get("in_dialogs", True):
                continue
            items = self.world.history.get(marked) or []
            top = items[-1] if items else None
            dialog = types.Dialog(
                peer=utils.get_peer(marked), top_message=top.id if top else 0, read_inbox_max_id=0,
                read_outbox_max_id=0, unread_count=0, unread_mentions_count=0,
                unread_reactions_count=0, unread_poll_votes_count=0,
                notify_settings=types.PeerNotifySettings())
            yield Dialog(self, dialog, entities, top)

    async def get_messages(self, entity: Any, limit: int | None = None, **kwargs: Any) -> helpers.TotalList:
        self._check()
        marked = utils.get_peer_id(entity)
        result = helpers.TotalList()
        result.total = len(self.world.history.get(marked, []))
        if limit:
            async for message in self.iter_messages(entity, limit, **kwargs):
                result.append(message)
        return result

    async def iter_messages(self, entity: Any, limit: float | None = None, *, reverse: bool = False,
                            min_id: int = 0, max_id: int = 0, offset_id: int = 0,
                            wait_time: float | None = None, reply_to: int | None = None,
                            **_: Any) -> AsyncIterator[Any]:
        marked = utils.get_peer_id(entity)
        self.world.calls.append(("iter_messages", {"chat": marked, "min_id": min_id,
                                                   "reverse": reverse, "wait_time": wait_time}))
        self._check()
        if marked not in self.world.chats:
            raise rpc_error(400, "CHANNEL_PRIVATE")
        items = [m for m in self.world.history.get(marked, [])
                 if m.id > min_id and (not max_id or m.id < max_id)]
        if not reverse:
            items.reverse()
        fault = self.world.faults[marked].pop(0) if self.world.faults.get(marked) else None
        entities = self._entities()
        for count, message in enumerate(items[: int(limit) if limit else None]):
            if fault is not None and count == fault.after:
                raise fault.error
            # Telethon hands out messages finished with the entities of the same answer.
            message._finish_init(self, entities, None)
            yield message
            await asyncio.sleep(0)
        if fault is not None and fault.after >= len(items):
            raise fault.error

    def takeout(self, finalize: bool = True, **_: Any) -> _StandInTakeout:
        return _StandInTakeout(self)


class _StandInTakeout:
    """Like Telethon's ``_TakeoutClient``: a proxy whose requests carry the takeout id."""

    def __init__(self, client: StandInClient) -> None:
        self._client = client

    async def __aenter__(self) -> _StandInTakeout:
        self._client.world.calls.append(("takeout_start", {}))
        result = await self._client(functions.account.InitTakeoutSessionRequest())
        self._client.session.takeout_id = result.id
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._client(functions.account.FinishTakeoutSessionRequest(success=exc[0] is None))
        self._client.session.takeout_id = None
        self._client.world.calls.append(("takeout_end", {}))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)
