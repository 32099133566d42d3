"""Dataset commands: import exports (then extract pairs) and show dataset statistics."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from natasha_studio.core.dataset.records import CHANNEL_SHIFT, bare_id, marked_id
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import TranslationContext, translate
from natasha_studio.core.store import Project

Cli = TranslationContext("Cli")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="import Telegram Desktop exports, then extract pairs",
        description="Import Telegram Desktop exports, then extract pairs. Exit code 0: every "
        "file and message imported; 3: some files failed or some messages were skipped (the "
        "rest was imported); 1: nothing could be imported, and nothing was changed.")
    p.add_argument("project", help="the .nstudio project (created if it does not exist)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="result.json files or export folders")
    p.add_argument("--persona-id", action="append", default=[], metavar="ID",
                   help="the persona's id: user123, channel123 or a number (repeatable)")
    p.add_argument("--persona-name", metavar="NAME",
                   help="pick as persona every participant shown under this name; "
                        "also names the persona of a new project")
    p.add_argument("--answer-window", type=_window_seconds, metavar="SECONDS",
                   help="also pair answers written without Reply that follow a member's "
                        "message within this time (kept for later runs; 600 at first)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "participants", help="list the chats' senders with their ids (for --persona-id)",
        description="List every sender: the id to give to --persona-id, the name, how many "
        "messages they wrote and how many of those reply to another message.")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_participants)

    p = sub.add_parser("stats", help="show messages, pairs, topics and more of a project")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_stats)


def parse_persona_id(text: str) -> int:
    """An id as the export writes it (user1, channel1, chat1) or as Telegram's number."""
    text = text.strip()
    value = marked_id(text)
    if value is None and text.startswith("user") and text[4:].isalnum():
        # A non-numeric id such as userLT, numbered as the import numbers it.
        from natasha_studio.telegram.export.convert import text_sender_id

        value = text_sender_id(text)
    if value is None:
        raise StudioError(
            translate("Cli", "\"{value}\" is not a Telegram id.").format(value=text),
            translate("Cli", "Write it as the export does (user123, channel123) or as a number."))
    return value


def cmd_import(args: argparse.Namespace) -> int:
    from natasha_studio.core import storage, writer
    from natasha_studio.core.dataset.settings import persona_ids, set_persona_ids
    from natasha_studio.operations.extraction import import_then_extract

    ids = [parse_persona_id(v) for v in args.persona_id]
    path = Path(args.project)
    created = not path.exists()
    if created:
        project = Project.create(path, args.persona_name or translate("Cli", "Persona"))
    else:
        project = Project.open(path)
        if project.damaged or not storage.writable(path):
            # Nothing can be written: said once here, not again under every file named.
            project.close()
            raise (storage.damaged_error(path) if project.damaged
                   else storage.read_only_error(path))

    def prepare(project: Project, report) -> None:
        # Between the import and the extraction: the persona may be named by the import.
        if args.persona_name:
            ids.extend(_named(project, args.persona_name))
        if ids:
            set_persona_ids(project, [*persona_ids(project), *ids])
        if persona_ids(project):
            _set_answer_window(project, args.answer_window)

    def waiting(claim: writer.Claim) -> None:
        print(writer.waiting_message(project.path), file=sys.stderr, flush=True)

    with project:
        try:
            outcome = import_then_extract(project, args.paths, prepare=prepare,
                                          always_extract=True, wait_s=writer.WAIT_S,
                                          on_wait=waiting)
        except StudioError:
            # Refused (an unknown --persona-name): a project made for this import goes again,
            # so that the corrected command makes it anew, named after the right persona.
            if created:
                project.close()
                _remove_project(project.path)
            raise
        report, result = outcome.report, outcome.extraction
        _print_report(report)
        if report.outcome == "failed":
            # Refused: nothing changes, persona options included; a project made for this
            # import goes again.
            if created:
                project.close()
                _remove_project(project.path)
            return IMPORT_FAILED
        if created:
            print(translate("Cli", "Created project {path}.").format(path=project.path))
        files = len(report.files) - len(report.errors)
        print(Cli.tr("Imported %n new messages", None, report.added)
              + Cli.tr(" from %n files", None, files) + Cli.tr(" (%n chats).", None, report.chats))
        if result is None:
            print(translate("Cli", "No persona chosen yet: give --persona-id or --persona-name "
                            "to extract pairs."), file=sys.stderr)
        else:
            print(Cli.tr("%n pairs ({replies} from replies, {implicit} by proximity); "
                         "{new} new, {stale} no longer found but kept.", None, result.total).format(
                replies=result.from_replies, implicit=result.by_proximity,
                new=result.new, stale=result.stale))
            _print_why(project)
    return IMPORT_COMPLETE if report.outcome == "complete" else IMPORT_PARTIAL


# Exit codes of ``import``: scripts can tell a complete import from one that left something out.
IMPORT_COMPLETE, IMPORT_FAILED, IMPORT_PARTIAL = 0, 1, 3


def _print_report(report) -> None:
    """Per file: what was imported, what was skipped and why, or why the file failed."""
    for entry in report.files:
        if entry.error is not None:
            print(translate("Cli", "{file}: not imported.").format(file=entry.path.name),
                  file=sys.stderr)
            print("  " + str(entry.error).replace("\n", "\n  "), file=sys.stderr)
            continue
        for chat in entry.chats:
            print(translate("Cli", "{file}: {chat}: {added} new of {seen} messages").format(
                file=entry.path.name, chat=chat.name or chat.chat_id, added=chat.added,
                seen=chat.seen))
            if chat.no_id:
                print("  " + Cli.tr("Skipped %n messages without an id.", None, chat.no_id))
            if chat.unreadable:
                print("  " + Cli.tr("Skipped %n non-message elements.", None,
                                    chat.unreadable))


def _remove_project(path: Path) -> None:
    for name in (path.name, *(path.name + s for s in ("-wal", "-shm", "-journal"))):
        (path.parent / name).unlink(missing_ok=True)


def _window_seconds(text: str) -> int:
    value = int(text) if text.strip().isdigit() else 0
    if value < 10:
        raise argparse.ArgumentTypeError(translate(
            "Cli", "give a number of seconds, at least 10 (3600 is an hour)"))
    return value


def _set_answer_window(project: Project, seconds: int | None) -> None:
    from natasha_studio.core.dataset.settings import ExtractionSettings

    if seconds is None:
        return
    settings = ExtractionSettings.load(project)
    settings.implicit, settings.implicit_window_s = True, seconds
    settings.save(project)


def _print_why(project: Project) -> None:
    """For none or few pairs, what became of the persona's messages (from the run just made)."""
    from natasha_studio.core.dataset.why import explain_last_run, plain_lines

    for line in plain_lines(explain_last_run(project)):
        print(line)


def _named(project: Project, name: str) -> list[int]:
    """Participants shown under ``name``; an unknown name is an error naming the closest ones."""
    from natasha_studio.core.dataset.participants import participant_names

    wanted = name.strip().casefold()
    rows = participant_names(project)
    named = [r[0] for r in rows if (r[1] or "").strip().casefold() == wanted]
    if named:
        return named
    names = sorted({(r[1] or "").strip() for r in rows} - {""})
    close = difflib.get_close_matches(name.strip(), names, n=3, cutoff=0.5) or \
        [n for n in names if wanted in n.casefold()][:3]
    hint = (translate("Cli", "Did you mean: {names}?").format(
        names=", ".join(f"\u201c{n}\u201d" for n in close)) if close
        else translate("Cli", "List the senders with: natasha-studio participants {project}").format(
            project=project.path))
    raise StudioError(
        translate("Cli", "Nobody in the chats is named \u201c{name}\u201d.").format(name=name),
        hint)


def display_id(peer_id: int) -> str:
    """A sender's id as the export writes it and --persona-id reads it."""
    if peer_id >= 0:
        return f"user{peer_id}"
    return f"channel{bare_id(peer_id)}" if peer_id <= -CHANNEL_SHIFT else f"chat{-peer_id}"


def cmd_participants(args: argparse.Namespace) -> int:
    from natasha_studio.core.dataset.participants import sender_counts
    from natasha_studio.core.dataset.settings import persona_ids

    with Project.open(args.project) as project:
        persona = set(persona_ids(project))
        rows = sender_counts(project)
    out = [{"id": display_id(r[0]), "name": r[1], "messages": r[2], "replies": r[3],
            "persona": r[0] in persona} for r in rows]
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not out:
        print(translate("Cli", "No messages imported yet."))
        return 0
    for item in out:
        mark = " *" if item["persona"] else ""
        print((Cli.tr("{id}  {name}{mark}: %n messages", None, item["messages"])
               + Cli.tr(", %n replies", None, item["replies"])).format(
            mark=mark, id=item["id"], name=item["name"]))
    if persona:
        print(translate("Cli", "* the persona"))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from natasha_studio.cli_commands.statuses import shown
    from natasha_studio.core.dataset.participants import dataset_stats

    with Project.open(args.project) as project:
        stats = dataset_stats(project)
    stats["pairs_by_status"] = {shown(k): v for k, v in stats["pairs_by_status"].items()}
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    print(translate("Cli", "Messages: {n}").format(n=stats["messages"]))
    print(translate("Cli", "Chats: {n}").format(n=stats["chats"]))
    print(translate("Cli", "Participants: {n}").format(n=stats["participants"]))
    print(translate("Cli", "Pairs: {n}").format(n=stats["pairs"]))
    for status, n in sorted(stats["pairs_by_status"].items()):
        print(f"  {status}: {n}")
    print(translate("Cli", "Average answer length: {n} characters").format(n=stats["avg_answer_chars"]))
    print(translate("Cli", "Pairs by chat:"))
    for chat in stats["pairs_by_chat"]:
        print(f"  {chat['name'] or chat['chat_id']}: {chat['pairs']}")
    print(translate("Cli", "Topics:"))
    for name, n in stats["topics"].items():
        print(f"  {name}: {n}")
    return 0
