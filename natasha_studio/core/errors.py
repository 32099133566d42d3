"""Errors a person can meet, each with a message in plain words."""

from __future__ import annotations


class StudioError(Exception):
    """An error whose message is written for the user (already translated).

    ``hint`` says what to do next, where there is something to do.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class ProjectError(StudioError):
    """The project file cannot be opened, created or migrated."""


class Cancelled(Exception):
    """Raised inside long work when the user cancelled it."""
