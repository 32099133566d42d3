"""Snapshots, export formats, pre-flight validation and cost estimates.

The API other parts of the app use (all functions take an open ``Project`` where they need one,
run in the calling thread, and raise ``StudioError`` with a plain-words message)::

    from natasha_studio.core import export

    # Freeze the approved pairs (or any PairFilter's result), split train/validation/held-out.
    snap = export.create_snapshot(project, "v1", "first try",
                                  pair_filter=export.PairFilter(statuses=("approved",)),
                                  validation_split=0.1, heldout=20, seed=0)
    snap.id, snap.content_hash, snap.split_counts      # {"train": .., "validation": .., "heldout": ..}
    export.list_snapshots(project); export.get_snapshot(project, "v1" or 3)
    snap, created = export.freeze_or_reuse(project)   # reuse a snapshot of identical content
    export.snapshot_examples(project, snap.id, "heldout")   # golden questions for the test chat

    # Write a file ("openai" | "vertex" | "yandex" | "hf" | "csv" | "json"; part "train" |
    # "validation" | "heldout" | "all"); recorded in the project with the file's SHA-256.
    export.export_snapshot(project, snap.id, "vertex", path, split="train")
    # Members are named by stable pseudonymous ids, links left out (core/export/provenance.py);
    # internal=True keeps real names in a CSV/JSON copy for reading, never for training.
    export.export_privacy_report(project, examples, internal=False)   # what a file would leak

    # Before a fine-tune: write the train/validation files for the provider and validate them.
    pre = export.preflight(project, snap.id, "vertex", "gemini-2.5-flash", epochs=None)
    # ("yandex", "yandexgpt-lite"): Yandex's limits; pre.report.cost.summary() says
    # "free during Preview" where training is not billed.
    pre.ok, pre.train_path, pre.validation_path, pre.report.errors, pre.report.cost.cost
    export.report_lines(pre.report)                   # the report in plain words

    # Validate any file; estimate a cost from token counts.
    export.validate_file(path, "openai", "gpt-4.1-mini-2025-04-14", validation_path=None)
    export.estimate_cost("openai", "gpt-4.1-mini", [512, 800, ...], epochs=None)
    export.load_prices().updated                      # the date of the price table

Long operations accept ``progress(done, total, detail)`` (TaskRegistry's callback).
"""

from natasha_studio.core.export.formats import FORMATS, write_examples
from natasha_studio.core.export.operations import (
    EXPORT_SPLITS,
    Preflight,
    export_snapshot,
    preflight,
    privacy_findings,
    report_lines,
)
from natasha_studio.core.export.prices import (
    CostEstimate,
    PriceTable,
    default_epochs,
    estimate_cost,
    load_prices,
    token_limit,
)
from natasha_studio.core.export.provenance import (
    ExportFields,
    check_internal,
    export_privacy_report,
    internal_warning,
)
from natasha_studio.core.export.selection import Example, PairFilter, select_examples
from natasha_studio.core.export.snapshots import (
    Snapshot,
    content_hash,
    create_snapshot,
    delete_snapshot,
    find_snapshot,
    freeze_or_reuse,
    get_snapshot,
    list_snapshots,
    set_snapshot_note,
    snapshot_examples,
    snapshot_exports,
    verify_snapshot,
)
from natasha_studio.core.export.split import assign_splits
from natasha_studio.core.export.tokens import TokenCounter, encoding_for_model
from natasha_studio.core.export.validation import Issue, ValidationReport, validate_file

__all__ = [
    "EXPORT_SPLITS", "FORMATS", "CostEstimate", "Example", "ExportFields", "check_internal",
    "export_privacy_report", "internal_warning", "Issue", "PairFilter", "Preflight",
    "PriceTable", "Snapshot", "TokenCounter", "ValidationReport", "assign_splits", "content_hash",
    "create_snapshot", "default_epochs", "delete_snapshot", "encoding_for_model", "estimate_cost",
    "export_snapshot", "find_snapshot", "freeze_or_reuse", "get_snapshot", "list_snapshots", "load_prices",
    "preflight", "privacy_findings", "report_lines", "select_examples", "set_snapshot_note",
    "snapshot_examples", "snapshot_exports", "token_limit", "validate_file", "verify_snapshot",
    "write_examples",
]
