"""Local model commands: merge an adapter into a full model; the worker of the frozen app."""

from __future__ import annotations

import argparse

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("local-merge",
                       help="fold a local LoRA adapter into its base model, as a full model folder")
    p.add_argument("adapter", help="the adapter folder of a local job")
    p.add_argument("out", help="the folder to write the merged model to")
    p.add_argument("--base-model", help="the base model, if not the one the adapter names")
    p.set_defaults(func=cmd_merge)

    # The frozen app has no "python -m": the training and chat workers start through this.
    p = sub.add_parser("local-worker")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_worker)


def cmd_merge(args: argparse.Namespace) -> int:
    from natasha_studio.local import INSTALL_COMMAND, missing_packages

    if missing_packages():
        raise StudioError(translate("LocalCli", "Local training is not installed."),
                          translate("LocalCli", "Install it with: {command}").format(
                              command=INSTALL_COMMAND))
    from natasha_studio.local.generation import merge_adapter

    try:
        out = merge_adapter(args.adapter, args.out, args.base_model)
    except OSError as exc:
        raise StudioError(translate("LocalCli", "The adapter or its base model cannot be read: "
                                                "{detail}").format(detail=exc)) from exc
    print(translate("LocalCli", "The merged model is in {path}.").format(path=out))
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from natasha_studio.local.worker import main

    return main(args.args)
