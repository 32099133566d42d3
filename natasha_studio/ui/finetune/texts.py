"""Words for job states and providers, and the status-bar line when a job ends."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from natasha_studio.core.jobs.records import state_label

STATE_COLOURS = {"succeeded": "#2e7d32", "failed": "#c62828", "cancelled": "#757575",
                 "cancelling": "#757575", "running": "#1565c0"}
# The stages of the timeline, in order; the last one shows how the job ended.
TIMELINE = ("uploading", "validating", "queued", "running", "done")


def state_text(state: str) -> str:
    return state_label(state)


def provider_text(kind: str) -> str:
    return {"yandex": "Yandex AI Studio", "vertex": "Vertex AI", "openai": "OpenAI",
            "together": "Together AI", "fireworks": "Fireworks AI",
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
    """The status-bar line when a followed job ends, with the model's name or the error.

    The desktop notification and the taskbar flash come from the window's
    ``ui.notifications.Notifier``, which sees the same end through ``ctx.changed``: a second
    tray icon here showed every ending twice.
    """

    def __init__(self, show_status) -> None:
        self._show_status = show_status
        self.sent: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> None:
        self.sent.append((title, message))
        self._show_status(f"{title}: {message}", 10000)
