"""Building a provider from the saved settings and secrets.

``build_provider(kind)`` gives the provider the Fine-tune tab and the CLI use;
``provider_for_model(...)`` gives the one that chats with a saved model entry (a row of the
``models`` table), and ``provider_for(entry)`` the same for a ``ModelEntry`` of the test
chat. Keys come from the secret store, where environment variables win (OPENAI_API_KEY, OPENAI_BASE_URL, GOOGLE_CLOUD_PROJECT, GOOGLE_APPLICATION_CREDENTIALS,
YC_API_KEY, YC_FOLDER_ID, TOGETHER_API_KEY, TOGETHER_BASE_URL, FIREWORKS_API_KEY,
FIREWORKS_ACCOUNT_ID, FIREWORKS_BASE_URL...).

Endpoints can be overridden for proxies and enterprise gateways: Yandex AI Studio's gRPC
address by ``NATASHA_STUDIO_YANDEX_ENDPOINT`` (``host:port`` over TLS, ``http://host:port`` in
plain text) and its OpenAI-compatible chat URL by ``NATASHA_STUDIO_YANDEX_CHAT_URL``; for one
command, by the options ``address_overrides`` checks (``--base-url``, ``--endpoint``,
``--chat-url``).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Mapping
from typing import Any

from natasha_studio.core.chat.models import ModelEntry
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import Provider
from natasha_studio.providers.catalog import (  # noqa: F401 - re-exported for the UI and CLI
    PROVIDER_KINDS,
    TUNING_PROVIDERS,
    provider_info,
    provider_label,
)
from natasha_studio.secrets import SecretStore, secret_store

# The provider modules import their SDKs (seconds of start-up for openai alone), so they are
# imported when a provider is built, not when the command line or the window starts.

# Where a test or a proxy points google-genai (the SDK reads the same variable itself).
VERTEX_BASE_URL_ENV = "GOOGLE_VERTEX_BASE_URL"


def build_provider(kind: str, secrets: SecretStore | None = None, **overrides: Any) -> Provider:
    """The provider ``kind`` configured from the secret store; ``overrides`` replace settings.

    Overrides: ``api_key``, ``base_url`` (openai, compatible); ``project``, ``location``,
    ``bucket``, ``credentials_file``, ``credentials``, ``base_url`` (vertex); ``api_key``,
    ``folder_id``, ``endpoint``, ``chat_url`` (yandex, plus its timeouts and poll interval);
    ``api_key``, ``base_url`` (together); ``api_key``, ``account_id``, ``base_url``,
    ``chat_url`` (fireworks); ``timeout``, ``poll_interval`` (together, fireworks).
    """
    from natasha_studio.providers.compatible_provider import CompatibleProvider
    from natasha_studio.providers.openai_provider import OpenAIProvider
    from natasha_studio.providers.vertex_provider import VertexProvider

    secrets = secrets or secret_store()
    if kind == "openai":
        return OpenAIProvider(overrides.get("api_key") or secrets.get("openai_api_key"),
                              overrides.get("base_url") or secrets.get("openai_base_url"))
    if kind == "vertex":
        return VertexProvider(
            overrides.get("project") or secrets.get("vertex_project"),
            overrides.get("location") or secrets.get("vertex_location"),
            overrides.get("bucket") or secrets.get("vertex_bucket"),
            credentials_file=overrides.get("credentials_file")
            or secrets.get("vertex_credentials_file"),
            credentials=overrides.get("credentials"),
            base_url=overrides.get("base_url") or os.environ.get(VERTEX_BASE_URL_ENV)
            or secrets.get("vertex_base_url"),
        )
    if kind == "yandex":
        from natasha_studio.providers.yandex_provider import YandexProvider

        tuning = {k: overrides[k] for k in ("timeout", "upload_timeout", "poll_interval",
                                            "retries") if overrides.get(k) is not None}
        return YandexProvider(
            overrides.get("api_key") or secrets.get("yandex_api_key"),
            overrides.get("folder_id") or secrets.get("yandex_folder_id"),
            endpoint=overrides.get("endpoint") or secrets.get("yandex_endpoint"),
            chat_url=overrides.get("chat_url") or secrets.get("yandex_chat_url"), **tuning)
    if kind == "together":
        from natasha_studio.providers.together_provider import TogetherProvider

        return TogetherProvider(overrides.get("api_key") or secrets.get("together_api_key"),
                                overrides.get("base_url") or secrets.get("together_base_url"),
                                **{k: overrides[k] for k in ("timeout", "poll_interval")
                                   if overrides.get(k) is not None})
    if kind == "fireworks":
        from natasha_studio.providers.fireworks_provider import FireworksProvider

        return FireworksProvider(
            overrides.get("api_key") or secrets.get("fireworks_api_key"),
            overrides.get("account_id") or secrets.get("fireworks_account_id"),
            base_url=overrides.get("base_url") or secrets.get("fireworks_base_url"),
            chat_url=overrides.get("chat_url") or secrets.get("fireworks_chat_url"),
            **{k: overrides[k] for k in ("timeout", "poll_interval")
               if overrides.get(k) is not None})
    if kind == "compatible":
        return CompatibleProvider(overrides.get("base_url") or "",
                                  overrides.get("api_key") or secrets.get("compatible_api_key"))
    if kind == "local":
        # Imported here: the local provider's module pulls in nothing heavy, but keeps the
        # torch stack out of processes that never train locally.
        from natasha_studio.local.provider import LocalProvider

        return LocalProvider(device=overrides.get("device") or "auto")
    raise StudioError(translate("Providers", "Unknown provider “{name}”.").format(name=kind))


# The secrets without which a provider is not set up (Vertex AI may sign in with gcloud's
# credentials, so its project is enough).
REQUIRED_SECRETS = {"yandex": ("yandex_api_key", "yandex_folder_id"),
                    "vertex": ("vertex_project",), "together": ("together_api_key",),
                    "fireworks": ("fireworks_api_key", "fireworks_account_id"),
                    "openai": ("openai_api_key",)}


def configured_providers(secrets: SecretStore | None = None) -> list[str]:
    """The cloud providers whose settings the curator has filled in (keys, account, project),
    whether or not they were tested."""
    secrets = secrets or secret_store()
    return [kind for kind, names in REQUIRED_SECRETS.items()
            if all(secrets.get(name) for name in names)]


# The address options of the command line (and their Advanced fields in the window), and the
# providers each one reaches: for proxies and enterprise gateways.
ADDRESS_OPTIONS = {"base_url": ("openai", "vertex", "together", "fireworks", "compatible"),
                   "endpoint": ("yandex",), "chat_url": ("yandex", "fireworks")}


def address_overrides(kind: str, offered: tuple[str, ...] = tuple(ADDRESS_OPTIONS),
                      **addresses: str | None) -> dict[str, str]:
    """The ``build_provider`` overrides for the addresses given (``base_url``, ``endpoint``,
    ``chat_url``); an address the provider ``kind`` has no use for is refused in plain words,
    rather than silently ignored while the data goes to the usual address. ``offered``: the
    address options of the command, named in the refusal's hint."""
    overrides: dict[str, str] = {}
    for name, value in addresses.items():
        if not value:
            continue
        option = "--" + name.replace("_", "-")
        if kind not in ADDRESS_OPTIONS.get(name, ()):
            usable = [f"--{n.replace('_', '-')}" for n, kinds in ADDRESS_OPTIONS.items()
                      if kind in kinds and n in offered]
            raise StudioError(
                translate("Providers", "{option} does not apply to {provider}.").format(
                    option=option, provider=provider_label(kind)),
                translate("Providers", "{provider} takes its address with {options}.").format(
                    provider=provider_label(kind), options=", ".join(usable)) if usable else
                translate("Providers", "{provider} takes no address here.").format(
                    provider=provider_label(kind)))
        overrides[name] = value.strip()
    return overrides


def provider_for_model(entry: Mapping[str, Any], secrets: SecretStore | None = None) -> Provider:
    """The provider that chats with a model entry (a ``models`` row or a dict like one).

    For a compatible server the entry's ``base_url`` is used, and its key is read from the
    secret named in the entry's settings (``api_key_secret``), else the per-server
    ``compatible_api_key:<base url>``, else ``compatible_api_key``.
    """
    from natasha_studio.providers.compatible_provider import CompatibleProvider

    secrets = secrets or secret_store()
    kind = entry["provider"]
    raw = entry["settings"] if "settings" in entry.keys() else None
    settings = json.loads(raw) if isinstance(raw, str) and raw else dict(raw or {})
    base_url = entry["base_url"] if "base_url" in entry.keys() else None
    if kind == "compatible":
        # The test chat keeps each server's key under "compatible_api_key:<base url>".
        names = [settings.get("api_key_secret"),
                 f"compatible_api_key:{(base_url or '').rstrip('/')}", "compatible_api_key"]
        key = next((v for v in (secrets.get(n) for n in names if n) if v), None)
        return CompatibleProvider(base_url or "", key)
    if kind in ("yandex", "fireworks"):
        # A Yandex or Fireworks model entry's base URL is the chat endpoint it was saved with.
        return build_provider(kind, secrets, **({"chat_url": base_url} if base_url else {}))
    overrides = {"base_url": base_url} if base_url else {}
    return build_provider(kind, secrets, **overrides)


# One local provider per event loop: it keeps each local model loaded in its worker process
# between replies, where a provider per reply would load the model for every answer.
_local: dict[str, Any] = {}


def _shared_local_provider(make: Any) -> Any:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return make()
    if _local.get("loop") is not loop or "provider" not in _local:
        _local.update(loop=loop, provider=make())
    return _local["provider"]


def local_models_open() -> bool:
    """Whether a local provider (and maybe a model in its worker) is kept for this loop."""
    return "provider" in _local


async def close_local_models() -> None:
    """Stop the worker processes holding local models (when the project closes, say)."""
    provider = _local.pop("provider", None)
    _local.pop("loop", None)
    if provider is not None:
        await provider.aclose()


def provider_for(entry: ModelEntry, secrets: Any, *, api_key: str | None = None) -> Provider:
    """The provider that serves ``entry`` (the one place the test chat builds providers).

    The account settings come from the secret store; a compatible server's key is the one
    saved under ``api_key_name(base_url)``, unless ``api_key`` is given (a key typed in a form
    and not saved yet). Local models share one provider, which keeps them loaded.
    The demo project's models are recordings: they are refused here, before any network.
    """
    if entry.settings.get("demo"):
        raise StudioError(
            translate("Providers", "“{name}” is a model of the demo project: its answers were "
                      "recorded in advance, and it cannot answer new questions.").format(
                name=entry.name),
            translate("Providers", "To chat with a real model, set up a provider in Settings "
                      "and add its model in the models list."))
    if entry.provider == "local":
        return _shared_local_provider(lambda: build_provider("local", secrets))
    if api_key is not None and entry.provider == "compatible":
        return build_provider("compatible", secrets, base_url=entry.base_url or "",
                              api_key=api_key)
    return provider_for_model(
        {"provider": entry.provider, "base_url": entry.base_url, "settings": entry.settings},
        secrets)
