"""The launch panel's pre-flight: the worker-thread bodies and the one-line verdict.

The worker bodies open their own connection to the project, as every worker thread does. The
verdict's words keep the launch panel's translation context, where they were first written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from natasha_studio.core import export
from natasha_studio.core.export.prices import cost_figure
from natasha_studio.core.i18n import number
from natasha_studio.core.jobs.local import local_preflight
from natasha_studio.core.store import Project
from natasha_studio.operations import snapshots
from natasha_studio.operations.changes import Changes

ERROR_STYLE = "color: #c62828; font-weight: 600;"
READY_STYLE = "color: #2e7d32; font-weight: 600;"


def run_preflight(path: str, snapshot_id: int, provider: str, model: str, epochs: int | None,
                  progress: Any = None) -> export.Preflight:
    """Worker-thread body: export the snapshot for ``provider`` and check it."""
    project = Project.open(path)
    try:
        if provider == "local":
            return local_preflight(project, snapshot_id, model, progress=progress)
        return export.preflight(project, snapshot_id, provider, model, epochs=epochs,
                                progress=progress)
    finally:
        project.close()


def freeze_approved(path: str) -> tuple[export.Snapshot, bool, Changes]:
    """Worker-thread body: a snapshot of the approved pairs (an identical one is reused)."""
    project = Project.open(path)
    try:
        return snapshots.freeze_or_reuse(project)
    finally:
        project.close()


def verdict(pre: export.Preflight) -> tuple[str, str]:
    """The check's result in one sentence, and its style: refused, or ready and at what cost."""
    report = pre.report
    if not pre.ok:
        return (QCoreApplication.translate(
            "LaunchPanel", "✖ The provider would reject this dataset: fix the errors below, "
                           "then check again."), ERROR_STYLE)
    if pre.provider == "local":
        return (QCoreApplication.translate(
            "LaunchPanel", "✔ Ready: {n} examples, about {tokens} tokens; training here "
                           "costs nothing.").format(
            n=number(report.n_examples), tokens=number(report.total_tokens)), READY_STYLE)
    cost = report.cost
    if cost and cost.training_free:
        return (QCoreApplication.translate(
            "LaunchPanel", "✔ Ready: {n} examples, about {tokens} tokens; training is free "
                           "during Preview.").format(
            n=number(report.n_examples), tokens=number(report.total_tokens)), READY_STYLE)
    if cost and cost.cost is not None:
        price = QCoreApplication.translate("LaunchPanel", "≈ {cost} {currency}").format(
            cost=cost_figure(cost.cost), currency=cost.currency)
    else:
        price = QCoreApplication.translate("LaunchPanel", "price unknown")
    return (QCoreApplication.translate(
        "LaunchPanel", "✔ Ready: {n} examples, {tokens} billed tokens, {price}.").format(
        n=number(report.n_examples), tokens=number(cost.billed_tokens if cost else 0),
        price=price), READY_STYLE)
