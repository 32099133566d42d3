"""Names and number formats of the figures, shared by the tab, the report and snapshot compare."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from natasha_studio.core.export.prices import cost_figure
from natasha_studio.core.i18n import TranslationContext, number
from natasha_studio.providers.catalog import provider_label

# Counted text of this module: lupdate reads "StatisticsTexts.tr(text, None, n)" as a plural.
StatisticsTexts = TranslationContext("StatisticsTexts")


def figure_label(key: str) -> str:
    labels = {
        "messages": QCoreApplication.translate("StatisticsTexts", "Messages"),
        "chats": QCoreApplication.translate("StatisticsTexts", "Chats"),
        "participants": QCoreApplication.translate("StatisticsTexts", "Participants"),
        "pairs": QCoreApplication.translate("StatisticsTexts", "Pairs"),
        "train": QCoreApplication.translate("StatisticsTexts", "For training"),
        "validation": QCoreApplication.translate("StatisticsTexts", "For validation"),
        "heldout": QCoreApplication.translate("StatisticsTexts", "Held-out questions"),
        "approved_share": QCoreApplication.translate("StatisticsTexts", "Approved"),
        "edited_share": QCoreApplication.translate("StatisticsTexts", "Edited by hand"),
        "chats_with_pairs": QCoreApplication.translate("StatisticsTexts", "Chats with pairs"),
        "askers": QCoreApplication.translate("StatisticsTexts", "Members who asked"),
        "topics_used": QCoreApplication.translate("StatisticsTexts", "Topics"),
        "question_chars_mean": QCoreApplication.translate("StatisticsTexts", "Question, characters (average)"),
        "question_chars_median": QCoreApplication.translate("StatisticsTexts", "Question, characters (median)"),
        "answer_chars_mean": QCoreApplication.translate("StatisticsTexts", "Answer, characters (average)"),
        "answer_chars_median": QCoreApplication.translate("StatisticsTexts", "Answer, characters (median)"),
        "question_tokens_mean": QCoreApplication.translate("StatisticsTexts", "Question, tokens (average)"),
        "question_tokens_median": QCoreApplication.translate("StatisticsTexts", "Question, tokens (median)"),
        "answer_tokens_mean": QCoreApplication.translate("StatisticsTexts", "Answer, tokens (average)"),
        "answer_tokens_median": QCoreApplication.translate("StatisticsTexts", "Answer, tokens (median)"),
        "date_from": QCoreApplication.translate("StatisticsTexts", "First answer"),
        "date_to": QCoreApplication.translate("StatisticsTexts", "Last answer"),
    }
    return labels.get(key, key)


def status_label(status: str) -> str:
    labels = {
        "new": QCoreApplication.translate("StatisticsTexts", "New"),
        "approved": QCoreApplication.translate("StatisticsTexts", "Approved"),
        "rejected": QCoreApplication.translate("StatisticsTexts", "Rejected"),
        "needs_work": QCoreApplication.translate("StatisticsTexts", "Needs work"),
    }
    return labels.get(status, status)


def format_value(key: str, value: Any) -> str:
    """A figure as people read it: grouped thousands, percentages, one decimal for averages."""
    locale = QLocale()
    if value is None:
        return "\u2014"
    if isinstance(value, str):
        return value
    if key.endswith("_share"):
        return f"{locale.toString(float(value) * 100, 'f', 0)}%"
    if key.endswith("_mean"):
        return locale.toString(float(value), "f", 1)
    if isinstance(value, float) and not value.is_integer():
        return locale.toString(value, "f", 1)
    return locale.toString(int(value))


def format_change(key: str, old: Any, new: Any) -> str:
    """How a figure moved from ``old`` to ``new`` ("+12", "\u22123.5", "+4%"), or "" if it did not."""
    if old == new or old is None or new is None or isinstance(old, str) or isinstance(new, str):
        return "" if old == new else "\u2192"
    delta = float(new) - float(old)
    if abs(delta) < 1e-9:
        return ""
    sign = "+" if delta > 0 else "\u2212"
    if key.endswith("_share"):
        return f"{sign}{abs(delta) * 100:.0f}%"
    if key.endswith("_mean") or not float(delta).is_integer():
        return f"{sign}{number(abs(delta), 1)}"
    return f"{sign}{abs(int(delta))}"


def cost_notes(costs: list) -> list[str]:
    """One note per provider's estimate (``export.CostEstimate``): who, which model, how much."""
    notes = []
    for cost in costs:
        who = QCoreApplication.translate("StatisticsTexts", "{provider}, {model}").format(
            provider=provider_label(cost.provider), model=cost.model.rsplit("/", 1)[-1])
        if cost.training_free:
            notes.append(QCoreApplication.translate(
                "StatisticsTexts", "{who}: training free during Preview.").format(who=who))
        elif cost.cost is not None:
            notes.append(StatisticsTexts.tr(
                "{who}: ≈ {cost} {currency} for %n epoch(s).", None, cost.epochs).format(
                who=who, cost=cost_figure(cost.cost), currency=cost.currency))
    return notes
