"""Writing files in the Telegram Desktop export layout (for the demo, fixtures and benchmarks).

The writer streams: messages are written as they come, so exports of millions of messages
can be generated without holding them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson


def message(
    msg_id: int,
    date: int,
    sender: str | None,
    sender_id: str | None,
    text: str | list[Any] = "",
    *,
    reply_to: int | None = None,
    unixtime: bool = True,
    iso: bool = True,
    entities: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """A raw export message as Telegram Desktop writes it (2022+ layout by default).

    ``unixtime``/``iso``/``entities`` switch the fields older generations lacked.
    """
    raw: dict[str, Any] = {"id": msg_id, "type": "message"}
    if iso:
        raw["date"] = dt.datetime.fromtimestamp(date, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    if unixtime:
        raw["date_unixtime"] = str(date)
    raw["from"] = sender
    raw["from_id"] = sender_id
    if reply_to is not None:
        raw["reply_to_message_id"] = reply_to
    raw.update(extra)
    raw["text"] = text
    if entities:
        parts = [text] if isinstance(text, str) else text
        raw["text_entities"] = [
            {"type": "plain", "text": p} if isinstance(p, str) else p for p in parts if p != ""
        ]
    return raw


def service(msg_id: int, date: int, actor: str, actor_id: str, action: str,
            **extra: Any) -> dict[str, Any]:
    """A raw service message (``topic_created`` takes ``title=``)."""
    raw = {"id": msg_id, "type": "service",
           "date": dt.datetime.fromtimestamp(date, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S"),
           "date_unixtime": str(date), "actor": actor, "actor_id": actor_id, "action": action}
    raw.update(extra)
    raw["text"] = ""
    raw["text_entities"] = []
    return raw


def write_export(path: Path | str, name: str, chat_type: str, chat_id: int,
                 messages: Iterable[dict[str, Any]], *, compact: bool = False) -> Path:
    """Write a single-chat ``result.json``; ``compact`` writes it on one line (minified)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    head = {"name": name, "type": chat_type, "id": chat_id}
    with path.open("wb") as fh:
        if compact:
            fh.write(orjson.dumps(head)[:-1] + b',"messages":[')
            for i, raw in enumerate(messages):
                fh.write((b"," if i else b"") + orjson.dumps(raw))
            fh.write(b"]}")
            return path
        fh.write(b"{\n" + b"".join(b" " + orjson.dumps(k) + b": " + orjson.dumps(v) + b",\n"
                                  for k, v in head.items()) + b' "messages": [\n')
        for i, raw in enumerate(messages):
            body = orjson.dumps(raw, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")
            fh.write((b",\n  " if i else b"  ") + body)
        fh.write(b"\n ]\n}\n")
    return path
