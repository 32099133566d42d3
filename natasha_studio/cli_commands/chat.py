"""The ``chat`` command: ask a model one question and stream its answer to stdout.

The answer goes to stdout as it arrives; the speed figures and errors go to stderr, so the
answer can be piped or saved on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from natasha_studio.core.chat.streaming import ReplyStream, build_messages
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ChatOptions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("chat", help="ask a model a question and stream the answer to stdout")
    p.add_argument("message", help="the question to ask")
    p.add_argument("--provider", choices=("yandex", "openai", "vertex", "compatible", "local"),
                   default=None,
                   help="where the model runs (not needed with --entry)")
    p.add_argument("--model", help="the model's name, e.g. gpt-4.1-mini, ft:gpt-4.1-mini:org::id, "
                   "or for Yandex yandexgpt-lite or gpt://<folder>/yandexgpt-lite/latest@<suffix>; "
                   "for local: the folder of a local job's adapter, or of a merged or "
                   "downloaded model")
    p.add_argument("--base-url", help="the server's address, for compatible servers "
                   "(e.g. http://localhost:11434/v1) or an OpenAI proxy")
    p.add_argument("--chat-url", help="Yandex AI Studio: its OpenAI-compatible chat URL, for a "
                   "proxy (default: NATASHA_STUDIO_YANDEX_CHAT_URL, else "
                   "https://llm.api.cloud.yandex.net/v1)")
    p.add_argument("--system", default=None, help="the system prompt (default: the project's, "
                   "with --project)")
    p.add_argument("--project", help="a .nstudio project: its system prompt and model entries")
    p.add_argument("--entry", help="the name of a model saved in the project (with --project)")
    p.add_argument("--temperature", type=float, default=0.7)
    p.add_argument("--max-tokens", type=int, default=1024)
    p.add_argument("--quiet", action="store_true", help="do not print the speed figures")
    p.set_defaults(func=cmd_chat)


def _resolve(args: argparse.Namespace) -> tuple[dict, str]:
    """The model entry (as the provider registry takes it) and the system prompt."""
    system = args.system
    if args.project:
        from natasha_studio.core.chat.models import list_models
        from natasha_studio.core.store import Project

        with Project.open(args.project) as project:
            if system is None:
                system = project.system_prompt
            if args.entry:
                entry = next((e for e in list_models(project) if e.name == args.entry), None)
                if entry is None:
                    names = ", ".join(e.name for e in list_models(project)) or "—"
                    raise StudioError(
                        translate("Chat", "The project has no model named “{name}”.").format(
                            name=args.entry),
                        translate("Chat", "Saved models: {names}").format(names=names))
                return ({"provider": entry.provider, "model_id": entry.model_id,
                         "base_url": entry.base_url, "settings": entry.settings}, system or "")
    elif args.entry:
        raise StudioError(translate("Chat", "--entry needs --project."))
    if not args.provider or not args.model:
        raise StudioError(translate("Chat", "Say which model to ask: --provider and --model "
                                            "(or --project with --entry)."))
    if args.provider == "local" and not Path(args.model).expanduser().exists():
        raise StudioError(
            translate("Chat", "There is no model folder {path}.").format(path=args.model),
            translate("Chat", "Give the folder of a local job's adapter, or of a merged or "
                              "downloaded model."))
    if args.provider == "compatible" and not args.base_url:
        raise StudioError(translate("Chat", "A compatible server needs --base-url."),
                          translate("Chat", "For example: --base-url http://localhost:11434/v1"))
    from natasha_studio.providers.registry import address_overrides

    # A Yandex entry's base URL is its chat URL (see registry.provider_for_model).
    addresses = address_overrides(args.provider, ("base_url", "chat_url"),
                                  base_url=args.base_url, chat_url=args.chat_url)
    return ({"provider": args.provider, "model_id": args.model,
             "base_url": addresses.get("base_url") or addresses.get("chat_url"),
             "settings": {}}, system or "")


def cmd_chat(args: argparse.Namespace) -> int:
    from natasha_studio.core.chat.streaming import count_tokens
    from natasha_studio.providers.registry import provider_for_model
    from natasha_studio.secrets import secret_store

    if not args.message.strip():
        raise StudioError(translate("Chat", "The message is empty."))
    entry, system = _resolve(args)
    provider = provider_for_model(entry, secret_store())
    messages = build_messages(system, [], args.message)
    stream = ReplyStream(provider, entry["model_id"], messages,
                         ChatOptions(args.temperature, args.max_tokens))
    count_tokens("", entry["model_id"])  # load the tokenizer before the clock starts

    def show(piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()

    async def ask():
        try:
            return await stream.run(show)
        finally:
            # A local model runs in a worker process of its own: stop it with the command.
            aclose = getattr(provider, "aclose", None)
            if aclose is not None:
                await aclose()

    reply = asyncio.run(ask())
    if reply.text and not reply.text.endswith("\n"):
        sys.stdout.write("\n")
        sys.stdout.flush()
    if reply.error:
        print(reply.error, file=sys.stderr)
        return 1
    metrics = reply.metrics
    if not args.quiet and metrics is not None:
        print(translate("Chat", "First token after {ttft:.2f} s; {tokens} tokens at {rate:.0f} "
                                "tokens/s; {total:.1f} s in all.").format(
            ttft=metrics.ttft or 0.0, tokens=metrics.tokens,
            rate=metrics.tokens_per_second or 0.0, total=metrics.duration), file=sys.stderr)
    return 0
