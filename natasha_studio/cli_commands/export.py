"""Export and validation commands: export, validate, snapshots."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from natasha_studio.cli_commands.statuses import CHOICES as STATUS_CHOICES
from natasha_studio.cli_commands.statuses import parse_status, shown
from natasha_studio.core import export
from natasha_studio.core.export.snapshots import record_export
from natasha_studio.core.export.speakers import (
    SPEAKER_MODES,
    separate_speakers,
    speakers_setting,
)
from natasha_studio.core.export.target import check_output_paths
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project
from natasha_studio.operations import snapshots


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="freeze pairs into a snapshot and write a training file",
        description="Export pairs as a training file. Without --snapshot, the pairs chosen by "
        "--status are frozen into a snapshot (an identical earlier snapshot is reused); with "
        "--snapshot NAME, that snapshot is exported, or created under that name.")
    p.add_argument("project", help="the .nstudio project file")
    p.add_argument("--format", required=True, choices=export.FORMATS)
    p.add_argument("--out", required=True, type=Path, help="the file to write")
    p.add_argument("--status", action="append", type=parse_status, metavar="STATUS",
                   help="pairs with this status: " + ", ".join(STATUS_CHOICES)
                   + " (repeatable; default: approved)")
    p.add_argument("--validation-split", type=float, default=None,
                   help="share of pairs kept for validation, e.g. 0.1 "
                   "(default: 0.1 with --validation-out, else 0)")
    p.add_argument("--validation-out", type=Path, help="write the validation part to this file")
    p.add_argument("--heldout", type=int, default=0,
                   help="number of golden questions kept out of training and validation")
    p.add_argument("--heldout-out", type=Path, help="write the held-out questions to this file")
    p.add_argument("--seed", type=int, default=0, help="seed of the train/validation split")
    p.add_argument("--snapshot", help="the snapshot to export (created if it does not exist)")
    p.add_argument("--note", default="", help="a note for a new snapshot")
    p.add_argument("--final-answer-only", action="store_true",
                   help="OpenAI: train only the last answer of multi-turn pairs (weight 0 on earlier ones)")
    p.add_argument("--internal", action="store_true",
                   help="CSV or JSON only: keep members' real names, ids and links, for your own "
                   "reading; never for training (by default members get pseudonymous ids)")
    p.add_argument("--speakers", choices=SPEAKER_MODES,
                   help="how a question that merges several members' messages is written: "
                   "labels (the default: «Участник 1: …», «Участник 2: …», never names) or "
                   "context (the question keeps the last member's words, the others' go to the "
                   "instructions as context); without it, the project's setting")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "validate", help="check a training file before a fine-tune: format, tokens, cost",
        description="Check a training file for OpenAI, Vertex AI, Yandex AI Studio, Together AI "
        "or Fireworks AI (--format names which). Exits with 1 when the provider would reject it.")
    p.add_argument("file", type=Path)
    p.add_argument("--format", required=True, choices=export.validation.VALIDATION_FORMATS)
    p.add_argument("--model", help="the base model (default: the provider's usual one)")
    p.add_argument("--validation-file", type=Path, help="the validation file to check with it")
    p.add_argument("--epochs", type=int, help="epochs for the cost estimate (default: automatic)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("snapshots", help="list a project's snapshots")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_snapshots)


def _snapshot_for(project: Project, args: argparse.Namespace) -> tuple[export.Snapshot, bool]:
    split = args.validation_split
    if split is None:
        split = 0.1 if args.validation_out else 0.0
    pair_filter = export.PairFilter(statuses=tuple(args.status or ("approved",)))
    if args.snapshot:
        existing = export.find_snapshot(project, args.snapshot)
        if existing is not None:
            return existing, False
        snapshot, _changes = snapshots.freeze(project, args.snapshot, args.note,
                                              pair_filter=pair_filter, validation_split=split,
                                              heldout=args.heldout, seed=args.seed)
        return snapshot, True
    snapshot, created, _changes = snapshots.freeze_or_reuse(
        project, None, args.note, pair_filter=pair_filter, validation_split=split,
        heldout=args.heldout, seed=args.seed)
    return snapshot, created


def cmd_export(args: argparse.Namespace) -> int:
    # Every target is checked before the project is touched: a refused export freezes no
    # snapshot and writes nothing.
    targets = [args.out, args.validation_out, args.heldout_out]
    check_output_paths([t for t in targets if t], args.project)
    export.check_internal(args.format, args.internal)
    with Project.open(args.project) as project:
        snapshot, created = _snapshot_for(project, args)
        if args.internal:
            print(export.internal_warning())
        print((translate("ExportCli", "Froze snapshot \u201c{name}\u201d: {n} pairs (hash {hash}).") if created
               else translate("ExportCli", "Using snapshot \u201c{name}\u201d: {n} pairs (hash {hash}).")).format(
            name=snapshot.name, n=snapshot.pair_count, hash=snapshot.content_hash[:12]))
        # --out gets the training part; without --validation-out the validation part stays in it
        # (CSV and JSON take every part, with a split column). Held-out questions never do.
        if args.validation_out:
            main_parts = ["train"]
        elif args.format in ("csv", "json") and not args.heldout_out:
            main_parts = ["train", "validation", "heldout"]
        else:
            main_parts = ["train", "validation"]
        outputs = [(args.out, main_parts)]
        if args.validation_out:
            outputs.append((args.validation_out, ["validation"]))
        if args.heldout_out:
            outputs.append((args.heldout_out, ["heldout"]))
        for path, parts in outputs:
            n = _export_parts(project, snapshot, args, path, parts)
            print(translate("ExportCli", "Wrote {path}: {n} pairs ({parts}).").format(
                path=path, n=n, parts=" + ".join(parts)))
        if not args.internal:
            _say_what_the_files_leak(project, snapshot, args,
                                     tuple(dict.fromkeys(p for _, ps in outputs for p in ps)))
        if args.format in export.validation.VALIDATION_FORMATS:
            report = export.validate_file(args.out, args.format)
            if report.ok:
                print(translate("ExportCli", "The file passes validation; run \u201cvalidate\u201d for tokens and cost."))
            else:
                for issue in report.errors:
                    print(f"  \u2716 {issue.message}")
    return 0


def _export_parts(project: Project, snapshot: export.Snapshot, args: argparse.Namespace,
                  path: Path, parts: list[str]) -> int:
    if len(parts) in (1, 3):
        snapshots.export_file(project, snapshot.id, args.format, path,
                              parts[0] if len(parts) == 1 else "all",
                              final_answer_only=args.final_answer_only, internal=args.internal,
                              speakers=args.speakers)
        # What was written: pairs that are not real exchanges stay out of training files.
        return int(export.snapshot_exports(project, snapshot.id)[0]["example_count"])
    speakers = args.speakers or speakers_setting(project)
    examples = export.ExportFields(project, internal=args.internal).prepare(separate_speakers(
        project, export.snapshot_examples(project, snapshot.id, parts), speakers,
        snapshot.system_prompt))
    count, sha = export.write_examples(examples, args.format, path, snapshot.system_prompt,
                                       final_answer_only=args.final_answer_only,
                                       project_path=project.path)
    record_export(project, snapshot.id, args.format, "+".join(parts), str(path), count, sha,
                  {"final_answer_only": args.final_answer_only, "internal": args.internal,
                   "speakers": speakers})
    return count


def _say_what_the_files_leak(project: Project, snapshot: export.Snapshot,
                             args: argparse.Namespace, parts: tuple[str, ...]) -> None:
    """The privacy check of what was just written (the frozen texts, as the files hold them)."""
    privacy = export.privacy_findings(project, snapshot.id, parts, args.speakers,
                                      exchanges_only=args.format not in ("csv", "json"))
    if privacy["pairs"]:
        print(privacy["summary"])
        print(translate("ExportCli", "The files just written hold it. Replace it with: "
                                     "natasha-studio privacy {path} --redact, then export "
                                     "again.").format(path=args.project))


def cmd_validate(args: argparse.Namespace) -> int:
    report = export.validate_file(args.file, args.format, args.model,
                                  validation_path=args.validation_file, epochs=args.epochs)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(export.report_lines(report)))
    return 0 if report.ok else 1


def _shown_settings(settings: dict) -> dict:
    """A snapshot's settings with its statuses spelt as the command line prints them."""
    chosen = (settings or {}).get("filter")
    if not isinstance(chosen, dict) or not chosen.get("statuses"):
        return settings
    return {**settings, "filter": {**chosen, "statuses": [shown(v) for v in chosen["statuses"]]}}


def cmd_snapshots(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        snapshots = export.list_snapshots(project)
    if args.json:
        print(json.dumps([
            {"id": s.id, "name": s.name, "note": s.note, "created_at": s.created_at,
             "pairs": s.pair_count, "splits": s.split_counts, "content_hash": s.content_hash,
             "settings": _shown_settings(s.settings)} for s in snapshots],
            ensure_ascii=False, indent=2))
        return 0
    if not snapshots:
        print(translate("ExportCli", "No snapshots yet."))
        return 0
    for s in snapshots:
        print(translate("ExportCli", "{name} \u2014 {n} pairs (train {train}, validation {valid}, held out "
                        "{held}), {date}, hash {hash}").format(
            name=s.name, n=s.pair_count, train=s.split_counts.get("train", 0),
            valid=s.split_counts.get("validation", 0), held=s.split_counts.get("heldout", 0),
            date=s.created_at[:16].replace("T", " "), hash=s.content_hash[:12]))
        if s.note:
            print(f"    {s.note}")
    return 0

