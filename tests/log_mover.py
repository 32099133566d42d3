"""Waiting for a project's log mover (``core.wal.Checkpointer``) in tests."""

from __future__ import annotations

import time


def until(condition, timeout: float = 10.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; returns the last answer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def moved_after(project, write) -> bool:
    """Do ``write`` and wait until the project's log mover has copied the log since."""
    mover = project._checkpointer
    moves = mover.moves
    write()
    return until(lambda: mover.moves > moves)
