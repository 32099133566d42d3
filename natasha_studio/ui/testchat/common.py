"""Pieces the test-chat views share: the model picker, metrics text, the answer pane."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QTextBrowser, QWidget

from natasha_studio.core.chat.models import ModelEntry, list_models
from natasha_studio.core.chat.streaming import ReplyMetrics
from natasha_studio.core.i18n import TranslationContext, number
from natasha_studio.core.store import Project

# Plurals: lupdate reads "TestChat.tr(text, None, n)" as a counted entry of this context.
TestChat = TranslationContext("TestChat")


def kind_label(entry: ModelEntry) -> str:
    if entry.kind == "tuned":
        return QCoreApplication.translate("TestChat", "tuned")
    if entry.kind == "base":
        return QCoreApplication.translate("TestChat", "base")
    return QCoreApplication.translate("TestChat", "server")


def format_metrics(metrics: ReplyMetrics | None) -> str:
    """"First token 0.4 s · 38 tokens/s · 120 tokens" (the parts that are known)."""
    if metrics is None:
        return ""
    parts = []
    if metrics.ttft is not None:
        parts.append(QCoreApplication.translate("TestChat", "first token {s} s").format(
            s=number(metrics.ttft, 2)))
    if metrics.tokens_per_second is not None:
        parts.append(QCoreApplication.translate("TestChat", "{rate} tokens/s").format(
            rate=number(metrics.tokens_per_second)))
    if metrics.tokens:
        parts.append(TestChat.tr("%n tokens", None, metrics.tokens))
    parts.append(QCoreApplication.translate("TestChat", "{s} s in all").format(
        s=number(metrics.duration, 1)))
    return " · ".join(parts)


class ModelCombo(QComboBox):
    """Chooses one of the project's model entries; ``current_entry()`` gives it."""

    entry_changed = Signal(object)  # ModelEntry | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[ModelEntry] = []
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.currentIndexChanged.connect(lambda _i: self.entry_changed.emit(self.current_entry()))

    def reload(self, project: Project | None, keep_id: int | None = None) -> None:
        keep = keep_id if keep_id is not None else self.current_id()
        self.blockSignals(True)
        self.clear()
        self._entries = list_models(project) if project is not None else []
        if not self._entries:
            self.addItem(QCoreApplication.translate(
                "TestChat", "No models yet: add one with “Models…”"), None)
        for entry in self._entries:
            self.addItem(f"{entry.name}  ·  {kind_label(entry)}", entry.id)
            self.setItemData(self.count() - 1, f"{entry.provider}: {entry.model_id}",
                             Qt.ItemDataRole.ToolTipRole)
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self.entry_changed.emit(self.current_entry())

    def current_id(self) -> int | None:
        return self.currentData()

    def current_entry(self) -> ModelEntry | None:
        return next((e for e in self._entries if e.id == self.currentData()), None)

    def entries(self) -> list[ModelEntry]:
        return list(self._entries)

    def select(self, model_entry_id: int | None) -> bool:
        index = self.findData(model_entry_id)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class Transcript(QTextBrowser):
    """A conversation shown as blocks; the last answer can grow piece by piece."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText(QCoreApplication.translate("TestChat", "Answers appear here."))

    def add_block(self, who: str, text: str, *, muted: bool = False, error: bool = False) -> None:
        colour = "#c0392b" if error else ("#8a8797" if muted else "")
        style = f' style="color:{colour}"' if colour else ""
        body = html.escape(text).replace("\n", "<br>")
        self.append(f"<p{style}><b>{html.escape(who)}</b><br>{body}</p>")
        self.moveCursor(QTextCursor.MoveOperation.End)

    def start_answer(self, who: str) -> None:
        self.append(f"<p><b>{html.escape(who)}</b><br></p>")
        self.moveCursor(QTextCursor.MoveOperation.End)

    def add_piece(self, piece: str) -> None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(piece)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def add_note(self, text: str, *, error: bool = False) -> None:
        colour = "#c0392b" if error else "#8a8797"
        self.append(f'<p style="color:{colour}"><i>{html.escape(text)}</i></p>')
        self.moveCursor(QTextCursor.MoveOperation.End)


class MetricsLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "muted")
        self.setWordWrap(True)

    def show_metrics(self, metrics: ReplyMetrics | None) -> None:
        self.setText(format_metrics(metrics))
