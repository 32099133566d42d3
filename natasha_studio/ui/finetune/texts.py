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
    words = {
        "preparing": QCoreApplication.translate("Finetune", "Preparing"),
        "uploading": QCoreApplication.translate("Finetune", "Uploading"),
        "validating": QCoreApplication.translate("Finetune", "Checking files"),
        "queued": QCoreApplication.translate("Finetune", "Queued"),
        "running": QCoreApplication.translate("Finetune", "Training"),
        "succeeded": QCoreApplication.translate("Finetune", "Finished"),
        "failed": QCoreApplication.translate("Finetune", "Failed"),
        "cancelling": QCoreApplication.translate("Finetune", "Cancelling"),
        "cancelled": QCoreApplication.translate("Finetune", "Cancelled"),
        "done": QCoreApplication.translate("Finetune", "Done"),
    }
    return words.get(state, state)


def provider_text(kind: str) -> str:
    return {"yandex": "Yandex AI Studio", "vertex": "Vertex AI", "openai": "OpenAI",
            "compatible": QCoreApplication.translate("Finetune", "OpenAI-compatible server"),
            "local": QCoreApplication.translate("Finetune", "Local training")}.get(kind, kind)


def duration_text(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return QCoreApplication.translate("Finetune", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return QCoreApplication.translate("Finetune", "{m} min {s} s").format(m=minutes, s=secs)
    return QCoreApplication.translate("Finetune", "{s} s").format(s=secs)


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
