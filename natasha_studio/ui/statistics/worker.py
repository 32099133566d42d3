"""The Statistics tab's work in a worker thread (pandas and tiktoken; no widgets here)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from natasha_studio.core.export import PairFilter, estimate_cost, load_prices
from natasha_studio.core.export.tokens import TokenCounter
from natasha_studio.core.jobs.confirm import tuning_refusal
from natasha_studio.core.stats import compute_statistics, filter_choices
from natasha_studio.core.store import Project
from natasha_studio.providers.catalog import TUNING_PROVIDERS, provider_info
from natasha_studio.providers.registry import configured_providers
from natasha_studio.secrets import secret_store


def cost_providers(priced: Iterable[str]) -> list[str]:
    """The providers whose training cost the page estimates: those the curator has set up
    (in the Fine-tune tab's order), or, before any is, every one that still takes jobs."""
    priced = set(priced)
    open_now = [kind for kind in TUNING_PROVIDERS if kind in priced
                and tuning_refusal(provider_info(kind)) is None]
    chosen = [kind for kind in open_now if kind in configured_providers(secret_store())]
    return chosen or open_now


def compute_in_thread(path: str, filter_data: dict[str, Any]) -> dict[str, Any]:
    """Worker-thread job: statistics, filter choices and cost estimates for the page."""
    project = Project.open(path)
    try:
        stats = compute_statistics(project, PairFilter.from_dict(filter_data))
        choices = filter_choices(project)
        costs = []
        if not stats.empty:
            prices = load_prices()
            f = stats.figures
            prompt_tokens = 0
            if project.system_prompt:
                prompt_tokens = TokenCounter().count(project.system_prompt)
            # An estimate from the average pair: system prompt, question, answer and the
            # chat format's per-message overhead; the pre-flight check counts exactly.
            per_example = int(prompt_tokens + f["question_tokens_mean"] + f["answer_tokens_mean"] + 12)
            for provider in cost_providers(prices.providers):
                model = prices.provider(provider).get("default_model", "")
                costs.append(estimate_cost(provider, model, [per_example] * f["pairs"], prices=prices))
        return {"stats": stats, "choices": choices, "costs": costs}
    finally:
        project.close()
