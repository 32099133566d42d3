"""Any OpenAI-compatible chat server (Ollama, vLLM, LM Studio, Moonshot...): chat only.

These servers speak OpenAI's chat completions but have no fine-tuning API, so ``can_tune``
is False and the tuning calls say so plainly instead of failing with a 404.
"""

from __future__ import annotations

from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.provider import ChatOptions, JobStatus, ProgressCallback, TuneRequest
from natasha_studio.providers.catalog import provider_info
from natasha_studio.providers.openai_provider import OpenAIProvider

# Local servers ignore the key, but the SDK insists on one.
PLACEHOLDER_KEY = "not-needed"


class CompatibleProvider(OpenAIProvider):
    name = "compatible"
    info = provider_info("compatible")
    can_tune = False

    def __init__(self, base_url: str, api_key: str | None = None, *,
                 label: str = "", **kwargs: Any) -> None:
        if not base_url:
            raise StudioError(
                translate("Providers", "The server address is empty."),
                translate("Providers", "Enter the server's base URL, for example "
                                       "http://localhost:11434/v1 for Ollama."),
            )
        super().__init__(api_key or PLACEHOLDER_KEY, base_url,
                         label=label or translate("Providers", "the server at {url}").format(
                             url=base_url), **kwargs)

    def _chat_limits(self, options: ChatOptions) -> dict[str, Any]:
        # Older local servers know only max_tokens.
        return {"max_tokens": options.max_tokens}

    def _no_tuning(self) -> StudioError:
        return StudioError(
            translate("Providers", "{provider} can chat but cannot fine-tune models.").format(
                provider=self.label),
            translate("Providers", "Choose Vertex AI or OpenAI to fine-tune."),
        )

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        raise self._no_tuning()

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        raise self._no_tuning()

    async def cancel_job(self, remote_id: str) -> JobStatus:
        raise self._no_tuning()
