"""The ``privacy`` command: find members' personal data in the pairs, pseudonymise it, undo.

    natasha-studio privacy PROJECT [--json]               what was found, per kind and per pair
    natasha-studio privacy PROJECT --redact [--fake-names] replace it, as one undoable step
    natasha-studio privacy PROJECT --undo                 put back the last redaction
    natasha-studio privacy PROJECT --audit                what was replaced, when (no values)
    natasha-studio privacy PROJECT --not-personal WORD    never flag or replace WORD again
    natasha-studio privacy PROJECT --personal-again WORD  take that back
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from natasha_studio.core.i18n import TranslationContext, translate
from natasha_studio.core.privacy import (
    KINDS,
    AllowListChange,
    audit_log,
    kind_label,
    load_settings,
    report_from,
    scan_pairs,
)
from natasha_studio.core.store import Project
from natasha_studio.operations import privacy

Privacy = TranslationContext("Privacy")  # plurals that lupdate records with their forms
_SHOWN_PAIRS = 30


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "privacy", help="find personal data of community members in the pairs; pseudonymise it",
        description="Scan every pair for members' names, usernames, phones, e-mails, profile "
        "links, card numbers and addresses, and report counts per kind and per pair. With "
        "--redact, replace them with placeholders or fake names in one step that --undo reverts.")
    p.add_argument("project", help="the .nstudio project file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--kinds", nargs="+", choices=KINDS, metavar="KIND",
                   help="only these kinds (default: the project's privacy settings); "
                   "one or more of: " + ", ".join(KINDS))
    action = p.add_mutually_exclusive_group()
    action.add_argument("--redact", action="store_true",
                        help="replace the personal data found in every pair (undo with --undo)")
    action.add_argument("--undo", action="store_true", help="undo the last redaction")
    action.add_argument("--audit", action="store_true",
                        help="list redactions: when, how many of each kind (never the values)")
    action.add_argument("--not-personal", metavar="WORD",
                        help="mark WORD (a goddess, a brand, a place everyone knows) as not "
                        "personal: it is no longer highlighted or replaced, in any form")
    action.add_argument("--personal-again", metavar="WORD",
                        help="take back --not-personal WORD: it is found and replaced again")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--placeholders", dest="mode", action="store_const", const="placeholders",
                      help="replace with placeholders such as [ИМЯ_1], [ТЕЛЕФОН] (default)")
    mode.add_argument("--fake-names", dest="mode", action="store_const", const="fake_names",
                      help="replace names with realistic fake names in the same grammatical case")
    p.set_defaults(func=cmd_privacy, mode=None)


def _progress(enabled: bool):
    last = [0.0]

    def report(done: int, total: int, detail: str = "") -> None:
        now = time.monotonic()
        if enabled and total and (now - last[0] > 1 or done == total):
            last[0] = now
            print(translate("Privacy", "Scanning: {done} of {total} pairs").format(
                done=done, total=total), file=sys.stderr)
    return report


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind_label(k)}: {n}" for k, n in counts.items())


def cmd_privacy(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        if args.undo:
            return _undo(project, args)
        if args.audit:
            return _audit(project, args)
        if args.not_personal is not None:
            return _allow(project, args, privacy.mark_not_personal(project, args.not_personal)[0])
        if args.personal_again is not None:
            return _allow(project, args,
                          privacy.mark_personal_again(project, args.personal_again)[0])
        if args.redact:
            return _redact(project, args)
        return _report(project, args)


def _report(project: Project, args: argparse.Namespace) -> int:
    findings = scan_pairs(project, progress=_progress(not args.json))
    report = report_from(findings, args.kinds or load_settings(project).kinds)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(report.summary())
    for pid in report.pair_ids[:_SHOWN_PAIRS]:
        print(translate("Privacy", "  pair #{id}: {counts}").format(
            id=pid, counts=_counts(report.pair_counts[pid])))
    if len(report.pair_ids) > _SHOWN_PAIRS:
        print(translate("Privacy", "  … and {n} more pairs (--json lists all).").format(
            n=len(report.pair_ids) - _SHOWN_PAIRS))
    if not report.clean:
        print(translate("Privacy", "Replace them with: natasha-studio privacy {path} --redact").format(
            path=args.project))
    return 0


def _redact(project: Project, args: argparse.Namespace) -> int:
    mode = args.mode or load_settings(project).mode
    result, _changes = privacy.redact(project, mode=mode, kinds=args.kinds, scope="all",
                                      progress=_progress(not args.json))
    if args.json:
        print(json.dumps({"operation_id": result.operation_id, "mode": mode,
                          "pairs": len(result.pair_ids), "counts": result.counts},
                         ensure_ascii=False, indent=2))
        return 0
    if result.operation_id is None:
        print(translate("Privacy", "Nothing to replace: no personal data found."))
        return 0
    print(Privacy.tr("Replaced in %n pairs", None, len(result.pair_ids))
          + f": {_counts(result.counts)}.")
    print(translate("Privacy", "Undo with: natasha-studio privacy {path} --undo").format(
        path=args.project))
    return 0


def _undo(project: Project, args: argparse.Namespace) -> int:
    result, _changes = privacy.undo_redaction(project)
    if args.json:
        print(json.dumps({"operation_id": result.operation_id, "restored": result.restored,
                          "skipped": result.skipped}, ensure_ascii=False, indent=2))
        return 0
    print(Privacy.tr("Redaction undone: %n pairs restored.", None, len(result.restored)))
    if result.skipped:
        print(translate("Privacy", "Left as they are, edited since the redaction: {ids}").format(
            ids=", ".join(f"#{i}" for i in result.skipped)))
    return 0


def _allow(project: Project, args: argparse.Namespace, change: AllowListChange) -> int:
    if args.json:
        print(json.dumps({"word": change.word, "not_personal": change.not_personal,
                          "changed": change.changed, "entries": list(change.entries),
                          "allow_list": list(load_settings(project).allow_list)},
                         ensure_ascii=False, indent=2))
        return 0
    if change.not_personal and change.changed:
        print(translate("Privacy", "«{word}» is not personal data now: it is no longer "
                                   "highlighted or replaced, in any form.").format(word=change.word))
        print(translate("Privacy", "Take it back with: natasha-studio privacy {path} "
                                   "--personal-again {word}").format(path=args.project,
                                                                     word=change.word))
    elif change.not_personal:
        print(translate("Privacy", "«{word}» was already marked as not personal.").format(
            word=change.word))
    elif change.changed:
        print(translate("Privacy", "«{word}» is treated as possible personal data again: it is "
                                   "highlighted and replaced like before.").format(word=change.word))
    else:
        print(translate("Privacy", "«{word}» was not marked as not personal; nothing changed.")
              .format(word=change.word))
    return 0


def _audit(project: Project, args: argparse.Namespace) -> int:
    entries = audit_log(project)
    if args.json:
        print(json.dumps([e.__dict__ for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print(translate("Privacy", "No redactions yet."))
    for e in entries:
        undone = translate("Privacy", " (undone {at})").format(at=e.undone_at) if e.undone_at else ""
        print(translate("Privacy", "#{id} {at} {mode}, {pairs} pairs: {counts}{undone}").format(
            id=e.operation_id, at=e.at, mode=e.mode, pairs=e.pair_count,
            counts=_counts(e.counts), undone=undone))
    return 0
