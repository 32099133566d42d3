"""The ``pairs`` command: list the pairs a filter matches, and change their status in bulk.

The filters mean what the Pairs tab's filter bar means (both use ``core.curation.filters``).
A bulk status change is recorded so that ``--undo`` reverts it as one operation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from natasha_studio.cli_commands.statuses import CHOICES, parse_status
from natasha_studio.cli_commands.statuses import shown as status_label
from natasha_studio.core.curation import filters
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.curation.reasons import reason_text, stored_reasons
from natasha_studio.core.dataset.quality_learning import (
    MIN_DECISIONS,
    MIN_EACH,
    learn_from_decisions,
)
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project
from natasha_studio.operations import curation


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "pairs", help="list pairs that match filters; optionally set their status in bulk",
        description="List the pairs that match (the same filters as the Pairs tab). With "
        "--set-status, give all of them that status in one operation that --undo reverts.")
    p.add_argument("project", help="the .nstudio project file")
    p.add_argument("--status", action="append", type=parse_status, metavar="STATUS",
                   help="only pairs with this status: " + ", ".join(CHOICES)
                   + " (repeat for several)")
    p.add_argument("--chat", help="only pairs from chats whose name contains this text")
    p.add_argument("--topic", help="only pairs with this topic")
    p.add_argument("--min-quality", type=float, help="only pairs with at least this quality")
    p.add_argument("--max-quality", type=float, help="only pairs with at most this quality")
    p.add_argument("--origin", action="append",
                   choices=["reply", "implicit", "comment", "manual", "model"],
                   help="only pairs found this way (repeat for several)")
    edited = p.add_mutually_exclusive_group()
    edited.add_argument("--edited", dest="edited", action="store_true", default=None,
                        help="only pairs edited by hand")
    edited.add_argument("--unedited", dest="edited", action="store_false",
                        help="only pairs not edited")
    p.add_argument("--search", default="",
                   help="words that must start words of the question or answer")
    p.add_argument("--regex", action="store_true", help="--search is a regular expression")
    p.add_argument("--deleted", action="store_true", help="list deleted pairs instead")
    p.add_argument("--sort", default="date", choices=filters.SORT_KEYS)
    p.add_argument("--limit", type=int, default=0, help="print at most this many pairs")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--learn", action="store_true",
                   help="fit the quality score on the approved and rejected pairs (once there"
                   " are enough) and score every pair again; sorting by quality then puts the"
                   " pairs most likely to be approved first")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--set-status", type=parse_status, metavar="STATUS",
                        help="give every matching pair this status (undo with --undo)")
    action.add_argument("--undo", action="store_true",
                        help="revert the last bulk change made with --set-status")
    p.set_defaults(func=cmd_pairs)


def _filter(project: Project, args: argparse.Namespace) -> PairFilter:
    chat_ids: tuple[int, ...] = ()
    if args.chat:
        chat_ids = tuple(filters.chats_by_name(project, args.chat))
        if not chat_ids:
            raise StudioError(
                translate("Cli", "No chat is called \u201c{name}\u201d.").format(name=args.chat),
                translate("Cli", "Check the name: the chats are listed on the Sources tab."))
    return PairFilter(
        statuses=tuple(args.status or ()), chat_ids=chat_ids,
        topic=args.topic, min_quality=args.min_quality, max_quality=args.max_quality,
        origins=tuple(args.origin or ()), edited=args.edited, search=args.search,
        regex=args.regex, deleted=args.deleted)


def _learn(project: Project, as_json: bool) -> None:
    learned = learn_from_decisions(project)
    if as_json:
        return
    if learned.fitted:
        print(translate("Cli", "The quality score learned from {approved} approved and {rejected}"
                               " rejected pairs; {count} pairs scored again.").format(
            approved=learned.approved, rejected=learned.rejected, count=learned.rescored))
    else:
        print(translate("Cli", "Too few decisions to learn from ({approved} approved, {rejected}"
                               " rejected; {needed} in all with {each} of each are needed): the"
                               " default score is used; {count} pairs scored again.").format(
            approved=learned.approved, rejected=learned.rejected, needed=MIN_DECISIONS,
            each=MIN_EACH, count=learned.rescored))


def _date(ts: int | None) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%d %H:%M") if ts else ""


def cmd_pairs(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        if args.undo:
            undone, _ = curation.undo_recorded(project)
            if undone is None:
                print(translate("Cli", "There is no bulk change to undo."))
            else:
                print(translate("Cli", "Undone: {what} ({count} pairs).").format(
                    what=undone["description"], count=undone["pair_count"]))
            return 0
        if args.learn:
            _learn(project, args.json)
        flt = _filter(project, args)
        ids = filters.matching_ids(project, flt, sort=args.sort)
        if args.set_status:
            status = args.set_status
            description = translate("Cli", "set status \u201c{status}\u201d").format(
                status=status_label(status))
            previous, _ = curation.set_status_recorded(project, ids, status, description)
            if args.json:
                print(json.dumps({"matched": len(ids), "changed": len(previous),
                                  "status": status_label(status)}, ensure_ascii=False))
            else:
                print(translate("Cli", "{matched} pairs match; {changed} changed to "
                                       "\u201c{status}\u201d. Undo with --undo.").format(
                    matched=len(ids), changed=len(previous), status=status_label(status)))
            return 0
        shown = ids[:args.limit] if args.limit > 0 else ids
        rows = filters.summaries(project, shown)
        reasons = stored_reasons(project, shown)
        if args.json:
            out = [{"id": r.id, "status": status_label(r.status), "chat": r.chat, "date": _date(r.date),
                    "topics": [t for t in r.topics.split(", ") if t], "quality": r.quality,
                    "reasons": [reason_text(c) for c in reasons.get(r.id, [])],
                    "reason_codes": reasons.get(r.id, []),
                    "origin": r.origin, "edited": r.edited, "question": r.question,
                    "answer": r.answer} for r in (rows[i] for i in shown)]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return 0
        for pid in shown:
            r = rows[pid]
            quality = f"{r.quality:.2f}" if r.quality is not None else "  - "
            question = " ".join(r.question.split())[:70]
            answer = " ".join(r.answer.split())[:70]
            print(f"#{r.id:<7} {status_label(r.status):<10} {quality}  {r.chat[:20]:<20}  {question}  \u2192  "
                  f"{answer}")
            if reasons.get(pid):
                print(" " * 20 + "; ".join(reason_text(c) for c in reasons[pid]))
        print(translate("Cli", "{n} pairs match.").format(n=len(ids)))
    return 0
