"""One spelling of pair statuses on the command line: ``needs-work`` is printed, and both
``needs-work`` and ``needs_work`` (as stored) are accepted wherever a status is read."""

from __future__ import annotations

import argparse

from natasha_studio.core.pairs import STATUSES

SHOWN = {status: status.replace("_", "-") for status in STATUSES}
CHOICES = tuple(SHOWN.values())


def parse_status(value: str) -> str:
    """An argparse ``type``: the stored status for either spelling."""
    stored = value.strip().lower().replace("-", "_")
    if stored not in STATUSES:
        raise argparse.ArgumentTypeError(
            f"invalid status {value!r} (choose from {', '.join(CHOICES)})")
    return stored


def shown(status: str) -> str:
    """How a stored status is printed."""
    return SHOWN.get(status, status)
