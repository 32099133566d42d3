"""What each back end can do, without importing its SDK.

The launch form, the set-up pages and the confirmation read these; the provider classes carry
the same ``ProviderInfo`` as their ``info``. Importing this module costs nothing: the SDKs are
imported only when a provider is built (``registry.build_provider``).
"""

from __future__ import annotations

from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ProviderInfo
from natasha_studio.providers.errors import OPENAI_TUNING_END

# Providers that can fine-tune, in the order the tab offers them: Yandex AI Studio first, as
# the one most curators (in Russia) can pay for; Vertex AI next; then the clouds that tune open
# models (Qwen, Llama, Kimi) whose adapters can come home.
TUNING_PROVIDERS = ("yandex", "vertex", "together", "fireworks", "openai", "local")
PROVIDER_KINDS = ("yandex", "vertex", "together", "fireworks", "openai", "compatible", "local")

YANDEX_CHAT_URL = "https://llm.api.cloud.yandex.net/v1"
TOGETHER_URL = "https://api.together.ai"
FIREWORKS_URL = "https://api.fireworks.ai"
FIREWORKS_CHAT_URL = "https://api.fireworks.ai/inference/v1"

_INFOS = {
    "yandex": ProviderInfo(
        kind="yandex", label="Yandex AI Studio", can_tune=True,
        base_models=("yandexgpt-lite",), data_format="yandex", cost_model="free",
        chat_endpoint="openai", company="Yandex", country="RU",
        tuning_options=("lora_rank", "lora_alpha", "learning_rate", "n_samples", "seed")),
    "vertex": ProviderInfo(
        kind="vertex", label="Vertex AI", can_tune=True,
        base_models=("gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-pro",
                     "gemini-2.0-flash-001"),
        data_format="vertex", cost_model="tokens", chat_endpoint="vertex", company="Google",
        country="US", tuning_options=("epochs", "learning_rate_multiplier", "adapter_size")),
    "openai": ProviderInfo(
        kind="openai", label="OpenAI", can_tune=True,
        base_models=("gpt-4.1-mini-2025-04-14", "gpt-4.1-2025-04-14", "gpt-4.1-nano-2025-04-14",
                     "gpt-4o-mini-2024-07-18"),
        data_format="openai", cost_model="tokens", chat_endpoint="openai", company="OpenAI",
        country="US", tuning_options=("epochs", "learning_rate_multiplier", "batch_size"),
        tuning_ends=OPENAI_TUNING_END),
    # The base models of Together and Fireworks come from their APIs (see model_cache); the one
    # named here is only the suggestion before the first list has been fetched.
    "together": ProviderInfo(
        kind="together", label="Together AI", can_tune=True, base_models=("Qwen/Qwen3-8B",),
        data_format="together", cost_model="tokens", chat_endpoint="openai",
        company="Together AI", country="US",
        tuning_options=("epochs", "learning_rate", "lora_rank", "lora_alpha", "full_training",
                        "seed", "suffix")),
    "fireworks": ProviderInfo(
        kind="fireworks", label="Fireworks AI", can_tune=True,
        base_models=("accounts/fireworks/models/qwen3-8b",), data_format="fireworks",
        cost_model="tokens", chat_endpoint="openai", company="Fireworks AI", country="US",
        tuning_options=("epochs", "learning_rate", "lora_rank", "max_context_length")),
    "compatible": ProviderInfo(
        kind="compatible", label="OpenAI-compatible server", can_tune=False,
        chat_endpoint="openai"),
    "local": ProviderInfo(
        kind="local", label="Local training", can_tune=True, data_format="openai",
        cost_model="hardware", chat_endpoint="local",
        tuning_options=("epochs", "learning_rate", "lora_rank", "lora_alpha")),
}

def provider_info(kind: str) -> ProviderInfo:
    """The capabilities of the provider ``kind`` (an unknown kind can chat, not tune)."""
    return _INFOS.get(kind) or ProviderInfo(kind=kind, label=kind, can_tune=False)


def provider_label(kind: str) -> str:
    """The provider's name as people know it, translated where it is a description."""
    if kind == "compatible":
        return translate("Providers", "OpenAI-compatible server")
    if kind == "local":
        return translate("Providers", "Local training")
    return provider_info(kind).label


def country_name(code: str) -> str:
    """The country a provider keeps data in, in words."""
    if code == "RU":
        return translate("Providers", "Russia")
    if code == "US":
        return translate("Providers", "the USA")
    return code
