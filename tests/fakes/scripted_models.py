"""Per-model scripts for the OpenAI-compatible stand-in: each model answers from its own table.

    server = FakeOpenAI().start()
    serve_scripts(server, {"persona-like": {"Как дышать?": "Дорогая, ..."}, ...})

A model's table maps the member's question (the last user message) to the reply; a question
missing from it gets ``fallback``. A model may instead be a function of the messages (a judge,
say). Models named here are added to the server's list, so the SDK finds them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Script = Mapping[str, str] | Callable[[list[dict[str, Any]]], str]


def last_question(messages: list[dict[str, Any]]) -> str:
    return next((str(m.get("content") or "") for m in reversed(messages)
                 if m.get("role") == "user"), "")


def serve_scripts(server, scripts: Mapping[str, Script], fallback: str = "Не знаю.") -> None:
    """Make ``server`` answer each model in ``scripts`` from its script."""
    previous = server.reply_for

    def reply_for(model: str, messages: list[dict[str, Any]]) -> str:
        script = scripts.get(model)
        if script is None:
            return previous(model, messages)
        if callable(script):
            return script(messages)
        return script.get(last_question(messages).strip(), fallback)

    server.reply_for = reply_for
    for name in scripts:
        if name not in server.tuned_models:
            server.tuned_models.append(name)
