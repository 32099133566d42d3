"""Words for job states and providers, and the desktop notification when a job ends."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

STATE_COLOURS = {"succeeded": "#2e7d32", "failed": "#c62828", "cancelled": "#757575",
                 "cancelling": "#757575", "running": "#1565c0"}
# The stages of the timeline, in order; the last one shows how the job ended.
TIMELINE = ("uploading", "validating", "queued", "running", "done")


def state_text(state: str) -> str:
    t = QCoreApplication.translate
    words = {
        "preparing": t("Finetune", "Preparing"),
        "uploading": t("Finetune", "Uploading"),
        "validating": t("Finetune", "Checking files"),
        "queued": t("Finetune", "Queued"),
        "running": t("Finetune", "Training"),
        "succeeded": t("Finetune", "Finished"),
        "failed": t("Finetune", "Failed"),
        "cancelling": t("Finetune", "Cancelling"),
        "cancelled": t("Finetune", "Cancelled"),
        "done": t("Finetune", "Done"),
    }
    return words.get(state, state)


def provider_text(kind: str) -> str:
    t = QCoreApplication.translate
    return {"vertex": "Vertex AI", "openai": "OpenAI",
            "compatible": t("Finetune", "OpenAI-compatible server"),
            "local": t("Finetune", "Local training")}.get(kind, kind)


def duration_text(seconds: float) -> str:
    t = QCoreApplication.translate
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return t("Finetune", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return t("Finetune", "{m} min {s} s").format(m=minutes, s=secs)
    return t("Finetune", "{s} s").format(s=secs)


class Notifier:
    """Desktop notifications through the system tray, or the status bar where there is none."""

    def __init__(self, show_status) -> None:
        self._show_status = show_status
        self._tray: QSystemTrayIcon | None = None
        self.sent: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> None:
        self.sent.append((title, message))
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self._tray is None:
                icon = QApplication.windowIcon()
                self._tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon())
            self._tray.show()
            self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 10000)
        self._show_status(f"{title}: {message}", 10000)
