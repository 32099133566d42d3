"""Training prices and the cost estimate of a fine-tune.

Prices live in one data file, ``resources/prices.json``, with the date they were copied from the
providers' pages; the estimate carries that date so the window can say how old it is.

OpenAI's default number of epochs ("auto") follows its data-preparation notebook: 3, raised for
small datasets so that about 100 examples are seen, lowered for large ones so that about 25,000
are. Billed tokens are the tokens of each training example (capped at the model's limit) times
the epochs; validation tokens are free.

A provider entry may carry its own ``currency`` and ``updated`` date (Yandex bills in rubles),
and ``"training_billed": false`` where training costs nothing (Yandex AI Studio while its
tuning is in Preview): the estimate then says so instead of showing a zero price, and gives
what chatting with the tuned model costs (``inference_per_thousand``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import number, translate
from natasha_studio.core.resources import resource

PROVIDERS = ("openai", "vertex", "yandex", "together", "fireworks")
TARGET_EPOCHS = 3
MIN_TARGET_EXAMPLES = 100
MAX_TARGET_EXAMPLES = 25_000
MIN_DEFAULT_EPOCHS = 1
MAX_DEFAULT_EPOCHS = 25


@dataclass(frozen=True)
class PriceTable:
    updated: str
    currency: str
    note: str
    providers: dict[str, dict[str, Any]]

    def provider(self, provider: str) -> dict[str, Any]:
        try:
            return self.providers[provider]
        except KeyError:
            raise StudioError(
                translate("Export", "There are no prices for the provider {provider}.").format(
                    provider=provider)
            ) from None

    def model_entry(self, provider: str, model: str) -> tuple[str, dict[str, Any]] | None:
        """The price entry whose name is the longest prefix of ``model`` (dated names match)."""
        models = self.provider(provider).get("models", {})
        name = _base_model(model)
        best = None
        for key in models:
            if name == key or name.startswith(key + "-") or name.startswith(key + "@"):
                if best is None or len(key) > len(best):
                    best = key
        return (best, models[best]) if best else None


def _base_model(model: str) -> str:
    # "ft:gpt-4.1-mini-2025-04-14:org::abc" trains and bills as its base model.
    if model.startswith("ft:"):
        parts = model.split(":")
        if len(parts) > 1:
            return parts[1]
    if model.startswith("gpt://"):
        # Yandex: "gpt://<folder>/yandexgpt-lite/latest@<suffix>" is a tuned YandexGPT Lite.
        parts = model[len("gpt://"):].split("/")
        return parts[1] if len(parts) > 1 else parts[0]
    return model.rsplit("/", 1)[-1]  # "publishers/google/models/gemini-2.5-flash"


def load_prices(path: Path | None = None) -> PriceTable:
    """Read the price table (``resources/prices.json`` unless ``path`` is given)."""
    return _load_prices(str(path or resource("prices.json")))


@functools.lru_cache(maxsize=4)
def _load_prices(path: str) -> PriceTable:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return PriceTable(
            updated=str(data["updated"]),
            currency=str(data.get("currency", "USD")),
            note=str(data.get("note", "")),
            providers=dict(data["providers"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StudioError(
            translate("Export", "The price table {path} cannot be read: {reason}").format(
                path=path, reason=exc),
            translate("Export", "Reinstall Natasha Studio to restore it."),
        ) from exc


def cost_figure(value: float) -> str:
    """A cost as the reader's language writes it: two decimals, or as many as a cost under a
    cent needs to show (0.002, not 0.00, for a few hundred short pairs on a small model)."""
    decimals = 2
    while 0 < abs(value) < 10 ** -decimals and decimals < 4:
        decimals += 1
    return number(value, decimals)


def default_epochs(n_examples: int) -> int:
    """The number of epochs OpenAI chooses when it is left on "auto"."""
    if n_examples <= 0:
        return TARGET_EPOCHS
    if n_examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        return min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES // n_examples)
    if n_examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        return max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES // n_examples)
    return TARGET_EPOCHS


def resolve_epochs(provider: str, n_examples: int, epochs: int | None,
                   prices: PriceTable | None = None) -> tuple[int, bool]:
    """The epochs to bill, and whether they were chosen automatically."""
    if epochs:
        return int(epochs), False
    table = prices or load_prices()
    default = table.provider(provider).get("default_epochs", "auto")
    if default == "auto":
        return default_epochs(n_examples), True
    return int(default), True


def token_limit(provider: str, model: str, prices: PriceTable | None = None) -> int | None:
    """The most tokens one training example may hold for ``model``, where known."""
    entry = (prices or load_prices()).model_entry(provider, model)
    return int(entry[1]["max_example_tokens"]) if entry and entry[1].get("max_example_tokens") else None


@dataclass
class CostEstimate:
    """What a fine-tune would cost; ``cost`` is None when the model has no known price."""

    provider: str
    model: str
    price_model: str | None
    price_per_million: float | None
    currency: str
    prices_date: str
    epochs: int
    epochs_auto: bool
    training_tokens: int
    billed_tokens: int
    cost: float | None
    training_free: bool = False
    inference_per_thousand: float | None = None
    source: str = ""

    def summary(self) -> str:
        """The training cost in a few words: "≈ 1.23 USD", "free during Preview", "unknown"."""
        if self.training_free:
            return translate("Export", "free during Preview")
        if self.cost is None:
            return translate("Export", "unknown (no published price for this model)")
        return translate("Export", "\u2248 {cost} {currency}").format(
            cost=cost_figure(self.cost), currency=self.currency)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["summary"] = self.summary()
        return data


def estimate_cost(
    provider: str,
    model: str,
    example_tokens: Sequence[int],
    *,
    epochs: int | None = None,
    prices: PriceTable | None = None,
) -> CostEstimate:
    """Estimate the training cost of a file whose examples have ``example_tokens`` tokens each.

    ``epochs`` None means the provider's default (OpenAI's "auto" rule, Vertex's table value).
    """
    table = prices or load_prices()
    info = table.provider(provider)
    n_epochs, auto = resolve_epochs(provider, len(example_tokens), epochs, table)
    entry = table.model_entry(provider, model)
    limit = int(entry[1].get("max_example_tokens") or 0) if entry else 0
    free = info.get("training_billed", True) is False
    per_epoch = sum(min(limit, t) if limit else t for t in example_tokens)
    billed = 0 if free else per_epoch * n_epochs
    price = float(entry[1]["training_per_million"]) if entry else None
    if free:
        price = 0.0
    inference = entry[1].get("inference_per_thousand") if entry else None
    return CostEstimate(
        provider=provider,
        model=model,
        price_model=entry[0] if entry else None,
        price_per_million=price,
        currency=str(info.get("currency", table.currency)),
        prices_date=str(info.get("updated", table.updated)),
        epochs=n_epochs,
        epochs_auto=auto,
        training_tokens=int(sum(example_tokens)),
        billed_tokens=int(billed),
        cost=round(billed / 1_000_000 * price, 4) if price is not None else None,
        training_free=free,
        inference_per_thousand=float(inference) if inference is not None else None,
        source=str(info.get("source", "")),
    )
