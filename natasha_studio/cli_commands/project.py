"""Project commands: new, info, recover, self-test."""

from __future__ import annotations

import argparse
import json

from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a new project file")
    p.add_argument("project", help="path of the .nstudio file to create")
    p.add_argument("--persona", required=True, help="the persona's name, e.g. Наташа")
    p.add_argument("--system-prompt", default="", help="the system prompt for training")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="show a project's persona, schema version and counts")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser(
        "recover", help="copy what can be read from a damaged project into a new file",
        description="Copy every row that can still be read from a damaged project into a new "
        "project file. The damaged file is not changed.")
    p.add_argument("project", help="the damaged .nstudio file")
    p.add_argument("--out", required=True, help="the new .nstudio file to create")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("self-test", help="open the real window offscreen and visit every tab")
    p.set_defaults(func=cmd_self_test)


def cmd_new(args: argparse.Namespace) -> int:
    with Project.create(args.project, args.persona, args.system_prompt) as project:
        print(translate("Cli", "Created project {path} for {persona}.").format(
            path=project.path, persona=project.persona_name))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        info = project.info()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(translate("Cli", "Project: {path}").format(path=info["path"]))
    print(translate("Cli", "Persona: {name}").format(name=info["persona"]))
    print(translate("Cli", "Schema version: {version}").format(version=info["schema_version"]))
    counts = info["counts"]
    print(translate("Cli", "Chats: {n}").format(n=counts["chats"]))
    print(translate("Cli", "Participants: {n}").format(n=counts["participants"]))
    print(translate("Cli", "Messages: {n}").format(n=counts["messages"]))
    print(translate("Cli", "Pairs: {n}").format(n=counts["pairs"]))
    print(translate("Cli", "Snapshots: {n}").format(n=counts["snapshots"]))
    print(translate("Cli", "Fine-tune jobs: {n}").format(n=counts["jobs"]))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from natasha_studio.core.recovery import recover_project

    report = recover_project(args.project, args.out)
    print(translate("Cli", "Recovered into {path}: {pairs} pairs, {messages} messages.").format(
        path=report.path, pairs=report.copied.get("pairs", 0),
        messages=report.copied.get("messages", 0)))
    if report.total_lost:
        print(translate("Cli", "Some rows could not be read and are missing from the new file "
                        "(about {n}).").format(n=report.total_lost))
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from natasha_studio.selftest import run_self_test

    return run_self_test()
