"""Entry point of the frozen app: the same ``main()`` as the ``natasha-studio`` command.

With no arguments it opens the window; with a command (``self-test``, ``project ...``) it
runs that command, as the installed command line does. ``--check-bundle`` runs the bundle's
own diagnostics instead (see bundle_check.py).
"""

from __future__ import annotations

import multiprocessing
import sys

# Diagnostics for a built bundle (packaging/bundle_check.py), used by CI and support.
CHECK_BUNDLE = "--check-bundle"


def _attach_windows_console() -> None:
    # The Windows build is a windowed program, so it has no console of its own. When it is
    # started from one with a command (CI's self-test, a curious user), reuse that console so
    # output and errors are visible instead of vanishing.
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def _arguments() -> list[str]:
    # Finder on older macOS passes a process serial number ("-psn_0_12345") that is no command.
    return [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]


def run() -> int:
    # Worker processes of a frozen app start this same executable; freeze_support lets them
    # run their task instead of a second copy of the app.
    multiprocessing.freeze_support()
    args = _arguments()
    if args and sys.platform == "win32" and sys.stdout is None:
        _attach_windows_console()
    if args == [CHECK_BUNDLE]:
        from bundle_check import main as check_bundle

        return check_bundle()

    from natasha_studio.cli import main

    return main(args)


if __name__ == "__main__":
    raise SystemExit(run())
