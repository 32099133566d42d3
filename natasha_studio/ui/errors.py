"""Showing errors to people: a message in plain words, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from natasha_studio.core.errors import StudioError


def error_text(error: BaseException | str) -> tuple[str, str]:
    """The main message and the hint (what to do) of an error."""
    if isinstance(error, StudioError):
        return error.message, error.hint
    return str(error), ""


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    message, hint = error_text(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                      QMessageBox.StandardButton.Ok, parent)
    if hint:
        box.setInformativeText(hint)
    box.exec()
