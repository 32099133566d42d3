"""Export a snapshot to files, and the pre-flight check before a fine-tune."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from natasha_studio.core.export.formats import (
    FORMAT_SUFFIX,
    check_format,
    is_exchange,
    write_examples,
)
from natasha_studio.core.export.messages import issue_text
from natasha_studio.core.export.prices import cost_figure
from natasha_studio.core.export.provenance import (
    ExportFields,
    check_internal,
    export_privacy_report,
    internal_warning,
)
from natasha_studio.core.export.snapshots import (
    Progress,
    get_snapshot,
    record_export,
    snapshot_examples,
)
from natasha_studio.core.export.speakers import (
    check_speakers,
    separate_speakers,
    speakers_setting,
)
from natasha_studio.core.export.target import check_output_path
from natasha_studio.core.export.validation import ValidationReport, validate_file
from natasha_studio.core.i18n import TranslationContext, number, translate
from natasha_studio.core.store import Project

EXPORT_SPLITS = ("train", "validation", "heldout", "all")

Validation = TranslationContext("Validation")  # for counted text (see core.i18n)


def export_snapshot(
    project: Project,
    snapshot_id: int,
    fmt: str,
    out_path: Path | str,
    split: str = "train",
    *,
    final_answer_only: bool = False,
    internal: bool = False,
    speakers: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write one part of a snapshot ("train", "validation", "heldout" or "all") in ``fmt``.

    The export is recorded in the project (file, format, part, SHA-256), so the file can be
    traced back to its snapshot. Members are named by pseudonymous ids and links are left out
    (see ``provenance``); ``internal`` keeps real names and links in a CSV or JSON file for the
    curator's own use, never for training. ``speakers`` ("labels" or "context"; the
    project's setting when None) says how a question merging several members is written
    (see ``speakers``). Returns the path written.
    """
    check_format(fmt)
    check_internal(fmt, internal)
    if split not in EXPORT_SPLITS:
        raise ValueError(split)
    check_output_path(out_path, project.path)
    speakers = check_speakers(speakers) if speakers else speakers_setting(project)
    snapshot = get_snapshot(project, snapshot_id)
    if progress:
        progress(0, 0, translate("Export", "Writing {name}\u2026").format(name=Path(out_path).name))
    fields = ExportFields(project, internal=internal)
    examples = fields.prepare(separate_speakers(
        project, snapshot_examples(project, snapshot.id, None if split == "all" else split),
        speakers, snapshot.system_prompt))
    provenance = {
        **({"internal": internal_warning()} if internal else {}),
        "snapshot": {
            "id": snapshot.id, "name": snapshot.name, "note": fields.text(snapshot.note),
            "created_at": snapshot.created_at, "content_hash": snapshot.content_hash,
            "settings": snapshot.settings, "pair_count": snapshot.pair_count,
        },
        "split": split,
        "project": project.path.name,
    }
    out_path = Path(out_path)
    count, sha = write_examples(examples, fmt, out_path, snapshot.system_prompt,
                                final_answer_only=final_answer_only, provenance=provenance,
                                project_path=project.path)
    record_export(project, snapshot.id, fmt, split, str(out_path), count, sha,
                  {"final_answer_only": final_answer_only, "internal": internal,
                   "speakers": speakers})
    if progress:
        progress(1, 1, "")
    return out_path


@dataclass
class Preflight:
    """The files prepared for a fine-tune and their validation report."""

    snapshot_id: int
    provider: str
    model: str
    train_path: Path
    validation_path: Path | None
    report: ValidationReport
    privacy: dict[str, Any] = field(default_factory=dict)
    temporary_dir: Path | None = None  # the private folder preflight made for the files

    @property
    def ok(self) -> bool:
        return self.report.ok

    def discard(self) -> None:
        """Remove the training files once checked or uploaded (only a folder preflight made
        itself: a folder the caller named is the caller's)."""
        if self.temporary_dir is not None:
            shutil.rmtree(self.temporary_dir, ignore_errors=True)
            self.temporary_dir = None


# Training files of a check live in a private folder (mkdtemp: readable by this user only)
# under this prefix; folders of checks cut short (a killed app) are swept on the next check.
PREFLIGHT_PREFIX = "natasha-studio-training-"
_STALE_S = 24 * 3600


def private_training_folder() -> Path:
    """A new private folder for training files (old ones of killed checks are swept)."""
    now = time.time()
    for old in Path(tempfile.gettempdir()).glob(PREFLIGHT_PREFIX + "*"):
        try:
            st = old.lstat()  # a link is never followed: only real folders of this user go
            if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() \
                    and now - st.st_mtime > _STALE_S:
                shutil.rmtree(old, ignore_errors=True)
        except (OSError, AttributeError):
            continue  # os.getuid does not exist on Windows: nothing is swept there
    return Path(tempfile.mkdtemp(prefix=PREFLIGHT_PREFIX))


def privacy_findings(project: Project, snapshot_id: int,
                     parts: tuple[str, ...] = ("train", "validation"),
                     speakers: str | None = None, *, exchanges_only: bool = True
                     ) -> dict[str, Any]:
    """Personal data that the files of these parts of a snapshot would carry: training files
    (``exchanges_only``, the default) or CSV and JSON, which keep every pair.

    Returns ``{"pairs": n, "counts": {kind: n}, "pair_ids": [...], "summary": text}``. It
    reads what the files hold: the snapshot's frozen texts, written as the export writes them
    (speakers, pseudonymous fields), not the pairs' current text, so a snapshot frozen before
    a redaction is not reported clean. Pairs whose frozen text is still their current one take
    their findings from the scan cache; only the others are read by the detector.
    """
    from natasha_studio.core.privacy.scan import iter_findings, refresh_scan

    snapshot = get_snapshot(project, snapshot_id)
    speakers = check_speakers(speakers) if speakers else speakers_setting(project)
    frozen = snapshot_examples(project, snapshot.id, list(parts))
    written = {e.pair_id: e for e in ExportFields(project).prepare(
        separate_speakers(project, frozen, speakers, snapshot.system_prompt))
        if is_exchange(e) or not exchanges_only}
    frozen = [e for e in frozen if e.pair_id in written]
    ids = [e.pair_id for e in frozen]
    refresh_scan(project, ids)
    cached = dict(iter_findings(project, ids))
    current = current_texts(project, ids)
    known = {e.pair_id: cached[e.pair_id] for e in frozen
             if e.pair_id in cached and not written[e.pair_id].system_prompt
             and [t.get("text") or "" for t in e.turns] == current.get(e.pair_id)}
    report = export_privacy_report(project, list(written.values()), internal=False, known=known)
    report.pairs_checked = len(written)
    return {
        "pairs": int(report.pairs_with_findings),
        "counts": dict(report.counts),
        "pair_ids": list(report.pair_ids),
        "summary": report.summary(),
    }


def current_texts(project: Project, pair_ids: list[int]) -> dict[int, list[str]]:
    """The turn texts the pairs hold now (the curator's edit where there is one)."""
    out: dict[int, list[str]] = {}
    for start in range(0, len(pair_ids), 900):
        part = pair_ids[start:start + 900]
        for pid, turns in project.conn.execute(
                "SELECT id, coalesce(turns, turns_original) FROM pairs"
                f" WHERE id IN ({','.join('?' * len(part))})", part):
            out[pid] = [t.get("text") or "" for t in orjson.loads(turns or "[]")]
    return out


def preflight(
    project: Project,
    snapshot_id: int,
    provider: str,
    model: str | None = None,
    *,
    epochs: int | None = None,
    out_dir: Path | str | None = None,
    final_answer_only: bool = False,
    check_privacy: bool = True,
    progress: Progress | None = None,
) -> Preflight:
    """Export a snapshot's train and validation parts for ``provider`` and validate them.

    ``provider`` is "openai", "vertex", "yandex", "together" or "fireworks" (it is also the
    file format). The files go to
    ``out_dir`` (a new temporary folder by default) and can be uploaded as they are. Leftover
    personal data found by the privacy checker is added to the report as a warning.
    """
    snapshot = get_snapshot(project, snapshot_id)
    temporary = None if out_dir else private_training_folder()
    folder = Path(out_dir) if out_dir else temporary
    try:
        return _preflight(project, snapshot, provider, model, folder, temporary, epochs=epochs,
                          final_answer_only=final_answer_only, check_privacy=check_privacy,
                          progress=progress)
    except BaseException:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        raise


def _preflight(project: Project, snapshot, provider: str, model: str | None, folder: Path,
               temporary: Path | None, *, epochs: int | None, final_answer_only: bool,
               check_privacy: bool, progress: Progress | None) -> Preflight:
    stem = f"snapshot-{snapshot.id}"
    suffix = FORMAT_SUFFIX[provider]
    train = export_snapshot(project, snapshot.id, provider, folder / f"{stem}-train{suffix}",
                            "train", final_answer_only=final_answer_only, progress=progress)
    validation = None
    if snapshot.split_counts.get("validation"):
        validation = export_snapshot(project, snapshot.id, provider,
                                     folder / f"{stem}-validation{suffix}", "validation",
                                     final_answer_only=final_answer_only)
    if progress:
        progress(0, 0, translate("Export", "Checking the files\u2026"))
    report = validate_file(train, provider, model, validation_path=validation, epochs=epochs)
    if validation is None and snapshot.split_counts.get("train", 0) >= 50:
        report.add("validation_empty", error=False)
    privacy: dict[str, Any] = {}
    if check_privacy:
        privacy = privacy_findings(project, snapshot.id)
        if privacy.get("pairs"):
            report.add("personal_data", privacy["pairs"], error=False)
    return Preflight(snapshot.id, provider, report.model, train, validation, report, privacy,
                     temporary)


def report_lines(report: ValidationReport) -> list[str]:
    """The report in plain words, one line each (for the command line and plain-text views)."""
    lines = [translate("Validation", "File: {path}").format(path=report.path),
             translate("Validation", "Format: {format}, model: {model}").format(format=report.format,
                                                                         model=report.model),
             translate("Validation", "Examples: {n}").format(n=number(report.n_examples))]
    if report.errors:
        lines.append(translate("Validation", "Errors (the provider would reject the file):"))
        for issue in report.errors:
            where = translate("Validation", " (lines {lines})").format(
                lines=", ".join(map(str, issue.lines))) if issue.lines else ""
            lines.append(f"  \u2716 {issue.message}{where}")
            if issue.hint:
                lines.append(f"    {issue.hint}")
    if report.warnings:
        lines.append(translate("Validation", "Warnings:"))
        for issue in report.warnings:
            lines.append(f"  ! {issue.message}")
            if issue.hint:
                lines.append(f"    {issue.hint}")
    if not report.errors:
        lines.append(translate("Validation", "\u2714 No errors: the provider should accept the file."))
    if report.format == "yandex":
        label = translate("Validation", "Tokens (estimated with {tokenizer}: YandexGPT's own "
                          "tokenizer is not available offline, so Yandex may count a little "
                          "differently):")
    elif report.format in ("together", "fireworks"):
        label = translate("Validation", "Tokens (estimated with {tokenizer}; the open model's own "
                          "tokenizer counts somewhat differently):")
    elif report.tokens_estimated:
        label = translate("Validation", "Tokens (estimated with {tokenizer}; Gemini counts differently):")
    else:
        label = translate("Validation", "Tokens ({tokenizer}):")
    lines.append(label.format(tokenizer=report.tokenizer))
    for title, dist in (
        (translate("Validation", "messages per example"), report.messages_per_example),
        (translate("Validation", "tokens per example"), report.tokens_per_example),
        (translate("Validation", "answer tokens per example"), report.assistant_tokens_per_example),
    ):
        if dist:
            values = {key: number(getattr(dist, key), 1 if key == "mean" else 0)
                      for key in ("min", "max", "mean", "median", "p10", "p90")}
            lines.append(translate("Validation", "  {title}: min {min}, max {max}, mean {mean}, "
                                   "median {median}, p10 {p10}, p90 {p90}").format(
                title=title, **values))
    lines.append(translate("Validation", "  total tokens in the file: {n}").format(
        n=number(report.total_tokens)))
    if report.request_token_limit or report.response_token_limit:
        lines.append(translate("Validation", "  limits: request {request}, answer {response}, "
                               "both together {total}; over them: {n}").format(
            request=number(report.request_token_limit or 0),
            response=number(report.response_token_limit or 0),
            total=number(report.token_limit or 0), n=number(report.n_over_limit)))
    elif report.token_limit:
        lines.append(translate("Validation", "  limit per example: {limit}; over it: {n}").format(
            limit=number(report.token_limit), n=number(report.n_over_limit)))
    cost = report.cost
    if cost and cost.training_free:
        lines.append(translate("Validation", "Training cost: free during Preview (Yandex does not "
                               "bill tuning yet; prices of {date}).").format(date=cost.prices_date))
        if cost.inference_per_thousand is not None:
            lines.append(translate("Validation", "Chatting with the tuned model is billed like the "
                                   "base model: {price} {currency} per 1,000 tokens.").format(
                price=number(cost.inference_per_thousand, 2), currency=cost.currency))
    elif cost:
        epochs = (translate("Validation", "{n} (chosen automatically)").format(n=cost.epochs)
                  if cost.epochs_auto else str(cost.epochs))
        lines.append(translate("Validation", "Epochs: {epochs}; billed tokens: {billed}").format(
            epochs=epochs, billed=number(cost.billed_tokens)))
        if cost.cost is not None:
            lines.append(translate("Validation", "Estimated cost: \u2248 {cost} {currency} "
                           "({price} per 1M tokens for {model}; prices of {date})").format(
                cost=cost_figure(cost.cost), currency=cost.currency,
                price=number(cost.price_per_million, 2),
                model=cost.price_model, date=cost.prices_date))
        else:
            lines.append(translate("Validation", "No price is known for {model} (prices of {date}).").format(
                model=cost.model, date=cost.prices_date))
    if report.validation is not None:
        lines.append(Validation.tr("Validation file: {path}, %n examples", None,
                                   report.validation.n_examples).format(
            path=report.validation.path))
        for issue in report.validation.errors:
            lines.append(f"  \u2716 {issue_text(issue.code, issue.count)}")
    return lines
