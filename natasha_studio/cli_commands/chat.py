"""The ``chat`` command: ask a model one question and stream its answer to stdout.

The answer goes to stdout as it arrives; the speed figures and errors go to stderr, so the
answer can be piped or saved on its own.

A model tuned at Fireworks AI answers only on a dedicated deployment, billed per GPU-second
while it runs: ``--deploy`` makes one (scaling to zero after five idle minutes) once the
curator has read its cost and agreed, or at once with ``--yes``.
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
    p.add_argument("--provider", choices=("yandex", "openai", "vertex", "together", "fireworks",
                                          "compatible", "local"),
                   default=None,
                   help="where the model runs (not needed with --entry)")
    p.add_argument("--model", help="the model's name, e.g. gpt-4.1-mini, ft:gpt-4.1-mini:org::id, "
                   "or for Yandex yandexgpt-lite or gpt://<folder>/yandexgpt-lite/latest@<suffix>; "
                   "for Together Qwen/Qwen3-8B or a tuned model's name; for Fireworks "
                   "accounts/<account>/models/<name>; "
                   "for local: the folder of a local job's adapter, or of a merged or "
                   "downloaded model")
    p.add_argument("--base-url", help="the server's address, for compatible servers "
                   "(e.g. http://localhost:11434/v1) or an OpenAI proxy")
    p.add_argument("--chat-url", help="Yandex AI Studio or Fireworks AI: the OpenAI-compatible "
                   "chat URL, for a proxy (default: NATASHA_STUDIO_YANDEX_CHAT_URL, else "
                   "https://llm.api.cloud.yandex.net/v1; NATASHA_STUDIO_FIREWORKS_CHAT_URL, "
                   "else https://api.fireworks.ai/inference/v1)")
    p.add_argument("--deploy", action="store_true", help="Fireworks AI: deploy the tuned model "
                   "first if it has no deployment (billed per GPU-second while it runs; scales "
                   "to zero after five idle minutes); asks before, unless --yes")
    p.add_argument("--yes", action="store_true", help="with --deploy: deploy without asking")
    p.add_argument("--system", default=None, help="the system prompt (default: the project's, "
                   "with --project)")
    p.add_argument("--project", help="a .nstudio project: its system prompt and model entries")
    p.add_argument("--entry", help="the name of a model saved in the project (with --project)")
    p.add_argument("--temperature", type=float, default=0.7)
    p.add_argument("--max-tokens", type=int, default=1024)
    p.add_argument("--quiet", action="store_true", help="do not print the speed figures")
    p.set_defaults(func=cmd_chat)


def _resolve(args: argparse.Namespace) -> tuple[dict, str]:
    """The model entry (as the provider registry takes it) and the system prompt; an entry
    with ``overrides`` is built from the secret store with those addresses."""
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

    addresses = address_overrides(args.provider, ("base_url", "chat_url"),
                                  base_url=args.base_url, chat_url=args.chat_url)
    if args.provider == "fireworks":
        # Fireworks has two addresses (its API, for the deployment, and its chat).
        return ({"provider": "fireworks", "model_id": args.model, "base_url": None,
                 "settings": {}, "overrides": addresses}, system or "")
    # A Yandex entry's base URL is its chat URL (see registry.provider_for_model).
    return ({"provider": args.provider, "model_id": args.model,
             "base_url": addresses.get("base_url") or addresses.get("chat_url"),
             "settings": {}}, system or "")


def _agreed(args: argparse.Namespace, cost: str) -> bool:
    """Say what a deployment costs, and ask (unless --yes)."""
    print(cost, file=sys.stderr)
    if args.yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        print(translate("Chat", "Nothing was deployed: a deployment needs a confirmation. Add "
                                "--yes to deploy without asking."), file=sys.stderr)
        return False
    answer = input(translate("Chat", "Deploy the model? [y/N] "))
    # "д" (да) as well, for a Russian keyboard layout.
    if answer.strip().lower() in ("y", "yes", "д", "да"):
        return True
    print(translate("Chat", "Nothing was deployed."), file=sys.stderr)
    return False


async def _deployment_ready(args: argparse.Namespace, provider, model: str) -> bool:
    """A tuned Fireworks model has a deployment, made here with --deploy once agreed; False
    where the curator declined."""
    from natasha_studio.providers.fireworks_provider import deployment_cost_text, short_name

    if not provider.is_tuned(model) or "#" in model:
        return True  # Fireworks' own models answer without a deployment
    if await provider.deployment_for(model) is not None:
        return True
    if not args.deploy:
        raise StudioError(
            translate("Chat", "{model} has no deployment at Fireworks AI yet, so it cannot "
                              "answer.").format(model=short_name(model)),
            deployment_cost_text() + " " + translate(
                "Chat", "Add --deploy to make one (you are asked first)."))
    if not _agreed(args, deployment_cost_text()):
        return False
    name = await provider.create_deployment(model)
    print(translate("Chat", "Deployed as {name}. The first answer may take a few minutes while "
                            "the model loads.").format(name=name), file=sys.stderr)
    return True


def cmd_chat(args: argparse.Namespace) -> int:
    from natasha_studio.core.chat.streaming import count_tokens
    from natasha_studio.providers.registry import provider_for_model
    from natasha_studio.secrets import secret_store

    if not args.message.strip():
        raise StudioError(translate("Chat", "The message is empty."))
    entry, system = _resolve(args)
    if args.deploy and entry["provider"] != "fireworks":
        raise StudioError(translate("Chat", "--deploy is for models tuned at Fireworks AI."))
    if entry["provider"] == "fireworks":
        from natasha_studio.providers.registry import build_provider

        provider = build_provider("fireworks", secret_store(), **entry.get("overrides", {}))
        if entry.get("base_url"):  # a saved entry's chat address
            provider = provider_for_model(entry, secret_store())
        if not asyncio.run(_deployment_ready(args, provider, entry["model_id"])):
            return 1
    else:
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
