"""The command line: the same core operations as the window, without one.

``natasha-studio`` with no arguments opens the window. Each command group lives in
``natasha_studio/cli_commands/<name>.py`` and registers its sub-commands in ``register``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence

from natasha_studio import __version__
from natasha_studio.core.errors import StudioError

# Modules under natasha_studio.cli_commands, each with register(subparsers).
COMMAND_MODULES = [
    "project",
    "pairs",
    "export",
    "dataset",
    "finetune",
    "jobs",
    "chat",
    "fidelity",
    "local",
    "privacy",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="natasha-studio",
        description="Natasha Studio: build, curate and test a persona fine-tuning dataset "
        "from Telegram conversations. With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"Natasha Studio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"natasha_studio.cli_commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (len(argv) == 1 and argv[0].endswith(".nstudio")):
        # No command, or a project file (a double-click on it): open the window.
        from natasha_studio.app import main as run_app

        return run_app([sys.argv[0], *argv])
    from natasha_studio.i18n import install_cli_translation

    install_cli_translation()
    _utf8_output()
    from natasha_studio.core.export.tokens import ensure_offline_encodings

    ensure_offline_encodings()
    from natasha_studio.core import writer

    # A project another window or command writes to: say once what this waits for.
    writer.set_wait_notice(lambda text: print(text, file=sys.stderr, flush=True))
    from natasha_studio.core import storage

    # A damaged project still serves commands that only read it: say so before their output
    # (once: a command that then tries to write fails with these same words).
    told: set[str] = set()

    def tell_damaged(text: str) -> None:
        if text not in told:
            told.add(text)
            print(text, file=sys.stderr, flush=True)

    storage.set_damage_notice(tell_damaged)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
        return code
    except StudioError as exc:
        if str(exc) not in told:
            print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`jobs | head`): stop quietly, and keep Python's final flush
        # of stdout from raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (sqlite3.Error, OSError) as exc:
        # A full disk, a read-only or locked project met mid-command: plain words, no traceback.
        from natasha_studio.core.storage import storage_error

        print(str(storage_error(exc, getattr(args, "project", None))), file=sys.stderr)
        return 1


def _utf8_output() -> None:
    # Russian text must print on Windows consoles that default to a legacy code page.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


if __name__ == "__main__":
    raise SystemExit(main())
