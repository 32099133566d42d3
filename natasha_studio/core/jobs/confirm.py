"""What a curator confirms before a fine-tune sends anything, and launches refused by date.

``launch_summary`` builds the lines of the confirmation once, so the window's dialog and the
command line show the same facts: provider, base model, examples, tokens, estimated cost and
time, who receives the data and in which country, and leftover personal data.
``tuning_refusal`` says why a provider takes no new fine-tune today (OpenAI from 2027-01-06).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import TranslationContext, number, translate
from natasha_studio.core.provider import ProviderInfo

# Counted text of the "Confirm" context: lupdate reads "Confirm.tr(text, None, n)" as a plural.
Confirm = TranslationContext("Confirm")

# Where curators can tune instead when a provider stops taking jobs (named in the refusal).
ALTERNATIVES = ("Yandex AI Studio", "Vertex AI")


def current_date() -> dt.date:
    """Today on this computer (one place, so a test can set the day)."""
    return dt.date.today()


def tuning_refusal(info: ProviderInfo, today: dt.date | None = None) -> StudioError | None:
    """Why ``info``'s provider refuses a new fine-tune on ``today`` (default: today), or None."""
    if not info.tuning_ends:
        return None
    ends = dt.date.fromisoformat(info.tuning_ends)
    if (today or current_date()) < ends:
        return None
    return StudioError(
        translate("Confirm", "{provider} no longer accepts new fine-tuning jobs: it stopped on "
                             "{date}.").format(provider=info.label, date=ends.isoformat()),
        translate("Confirm", "Tune with {first}, {second} or local training on this computer "
                             "instead. Chatting with models you already tuned on {provider} "
                             "still works.").format(first=ALTERNATIVES[0], second=ALTERNATIVES[1],
                                                    provider=info.label))


@dataclass
class LaunchSummary:
    """The confirmation's facts: ``rows`` of (label, value) and ``warnings`` to stand out."""

    rows: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    question: str = ""

    def lines(self) -> list[str]:
        """Plain-text lines, labels aligned (the command line prints these)."""
        width = max((len(label) for label, _ in self.rows), default=0)
        out = [f"{label.ljust(width)}  {value}" for label, value in self.rows]
        out.extend(f"⚠ {warning}" for warning in self.warnings)
        return out


def _duration(kind: str) -> str:
    if kind == "yandex":
        return translate("Confirm", "from an hour to a day (Yandex's own estimate)")
    if kind == "local":
        return translate("Confirm", "minutes to an hour with a graphics card for a small model; "
                                    "hours on the processor alone")
    return translate("Confirm", "usually 30 minutes to a few hours, most of it waiting in the "
                                "provider's queue")


def _open_model_rows(kind: str) -> list[tuple[str, str]]:
    """What the open-model clouds do beyond the estimate: Together's own price check, and
    what chatting with the tuned model costs afterwards."""
    if kind == "together":
        return [(translate("Confirm", "Price check:"), translate(
                    "Confirm", "Together AI prices the job once the file is uploaded; if your "
                               "balance cannot cover it, nothing starts and the file is deleted")),
                (translate("Confirm", "Chat after:"), translate(
                    "Confirm", "free on this computer with the downloaded adapter, or on a "
                               "Together AI endpoint billed per minute"))]
    if kind == "fireworks":
        return [(translate("Confirm", "Chat after:"), translate(
            "Confirm", "needs a deployment at Fireworks AI, billed per second of GPU time; "
                       "you are asked before one is made"))]
    return []


def _cost(info: ProviderInfo, report: Any) -> str:
    if info.cost_model == "free":
        return translate("Confirm", "training is not billed during Preview; chatting with the "
                                    "tuned model is billed like the base model")
    if info.cost_model == "hardware":
        return translate("Confirm", "nothing: it runs on your own computer")
    # Here, not at the top: the export package loads numpy and tiktoken, and the window's
    # job notifications import this module before any tab needs them.
    from natasha_studio.core.export.prices import cost_figure

    cost = getattr(report, "cost", None)
    if cost is None or cost.cost is None:
        return translate("Confirm", "unknown (no published price for this model)")
    return translate("Confirm", "≈ {cost} {currency} for {tokens} billed tokens").format(
        cost=cost_figure(cost.cost), currency=cost.currency,
        tokens=number(cost.billed_tokens))


def launch_summary(info: ProviderInfo, preflight: Any, *, label: str, country: str,
                   keep_uploaded_data: bool = False) -> LaunchSummary:
    """The confirmation for launching ``preflight`` (a passed ``export.Preflight``) on ``info``.

    ``label`` is the provider's name and ``country`` its country in words, as the catalog of
    providers gives them (the core knows no back end).
    """
    report = preflight.report
    summary = LaunchSummary()
    rows = summary.rows
    rows.append((translate("Confirm", "Provider:"), label))
    rows.append((translate("Confirm", "Base model:"), preflight.model))
    examples = number(report.n_examples)
    validation = getattr(report, "validation", None)
    if validation is not None and validation.n_examples:
        examples = translate("Confirm", "{train} for training, {valid} for validation").format(
            train=number(report.n_examples), valid=number(validation.n_examples))
    rows.append((translate("Confirm", "Examples:"), examples))
    rows.append((translate("Confirm", "Tokens:"), translate(
        "Confirm", "about {tokens} in the training file").format(
            tokens=number(report.total_tokens))))
    rows.append((translate("Confirm", "Estimated cost:"), _cost(info, report)))
    rows.append((translate("Confirm", "Estimated time:"), _duration(info.kind)))
    rows.extend(_open_model_rows(info.kind))
    if info.company:
        where = translate("Confirm", "{company}, {country}").format(company=info.company,
                                                                    country=country)
        kept = (translate("Confirm", "kept there after the job ends, as you chose")
                if keep_uploaded_data else
                translate("Confirm", "deleted from there when the job ends"))
        rows.append((translate("Confirm", "Data goes to:"), where))
        rows.append((translate("Confirm", "Uploaded file:"), kept))
        summary.question = translate("Confirm", "Send the dataset to {company} and start "
                                                "training?").format(company=info.company)
    else:
        rows.append((translate("Confirm", "Data goes to:"), translate(
            "Confirm", "nowhere: it stays on this computer")))
        summary.question = translate("Confirm", "Start training on this computer?")
    privacy = getattr(preflight, "privacy", None) or {}
    count = int(privacy.get("pairs") or 0)
    if count:
        text = Confirm.tr("%n pair(s) still contain members' personal data (names, phone "
                          "numbers, addresses).", None, count)
        summary.warnings.append(text)
    return summary
