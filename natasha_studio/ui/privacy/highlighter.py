"""Highlights of personal data in a text document (QTextEdit / QPlainTextEdit).

Spans are absolute character offsets into the document; as the curator types, spans after the
edit move with the text and a span the edit touches is dropped (it is no longer what was found).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

# Warm colours for people and contacts, cooler ones for places and organisations; all light
# enough for dark text, and drawn with an underline so they read in the dark theme too.
KIND_COLORS = {
    "person": "#ffe08a", "username": "#ffd0a0", "phone": "#ffb8b8", "email": "#ffb8d8",
    "link": "#e8c8ff", "card": "#ff9f9f", "address": "#c8e6ff", "place": "#d4f0d0",
    "organisation": "#e0e0e0", "custom": "#ffc8a0",
}


def kind_color(kind: str) -> QColor:
    return QColor(KIND_COLORS.get(kind, "#ffe08a"))


class PrivacyHighlighter(QSyntaxHighlighter):
    """Colours ``(start, end, kind)`` spans of ``document``."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[tuple[int, int, str]] = []
        document.contentsChange.connect(self._on_contents_change)

    def spans(self) -> list[tuple[int, int, str]]:
        return list(self._spans)

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = sorted(spans)
        self.rehighlight()

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if not self._spans or (removed == 0 and added == 0):
            return
        delta = added - removed
        moved = []
        for start, end, kind in self._spans:
            if end <= position:
                moved.append((start, end, kind))
            elif start >= position + removed:
                moved.append((start + delta, end + delta, kind))
            # else: the edit touched the span, which no longer holds what was found
        self._spans = moved

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        for start, end, kind in self._spans:
            if end <= block_start or start >= block_end:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(kind_color(kind))
            fmt.setForeground(QColor("#202020"))
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(kind_color(kind).darker(160))
            s = max(start, block_start) - block_start
            fmt_end = min(end, block_end) - block_start
            self.setFormat(s, fmt_end - s, fmt)
