"""Which process owns a launch in progress, and whether it still runs.

A launch is recorded before its upload starts, with the process doing it. When another window
or command opens the project, a launch still 'preparing' or 'uploading' is abandoned only if
that process is gone: a process id alone could have been reused by now, so its start time is
kept beside it where the system tells it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any


def _start_time(pid: int) -> str | None:
    """An opaque mark of when process ``pid`` started, or None where it cannot be read."""
    if sys.platform.startswith("linux"):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return None
        # Field 22 (start time in clock ticks) counts from after the command name, which may
        # itself hold spaces and parentheses.
        fields = stat.rsplit(")", 1)[-1].split()
        return fields[19] if len(fields) > 19 else None
    if sys.platform == "win32":
        return _windows_start_time(pid)
    return None


def _windows_start_time(pid: int) -> str | None:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return None
        exit_code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(exit_code)) and \
                exit_code.value != 259:  # STILL_ACTIVE
            return None
        return f"{times[0].dwHighDateTime}:{times[0].dwLowDateTime}"
    finally:
        kernel32.CloseHandle(handle)


def _pid_exists(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_start_time(pid) is not None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    except OSError:
        return False
    return True


def this_process() -> dict[str, Any]:
    """The owner record of the current process."""
    pid = os.getpid()
    return {"pid": pid, "started": _start_time(pid)}


def owner_alive(owner: Any) -> bool:
    """Whether the process an owner record names still runs (the same process, not a reuse)."""
    if not isinstance(owner, dict) or not isinstance(owner.get("pid"), int):
        return False
    pid = owner["pid"]
    if not _pid_exists(pid):
        return False
    started = owner.get("started")
    if started is None:
        return True
    now = _start_time(pid)
    return now is None or now == started
