"""Why so few pairs: the extraction report under the pair count, with one-click remedies (a
wider answer window, ticking the account the persona really writes from)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from natasha_studio.core.dataset.why import Explanation


class WhyPanel(QWidget):
    """Shown for none or few pairs: open at once for none, behind a link for few."""

    window_chosen = Signal(int)  # seconds: extract again answering within this window
    tick_chosen = Signal(object)  # an account to tick as the persona's (ids pass 32 bits)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        why = self.tr("Why so few?")
        self.link = QLabel(f"<a href=\"why\">{html.escape(why)}</a>")
        self.link.setToolTip(self.tr("What became of the persona's messages, and what would "
                                     "find more pairs."))
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.options_title = QLabel(self.tr("A wider answer window would find more pairs:"))
        self.options_title.setWordWrap(True)
        self.option_row = QHBoxLayout()
        self.option_row.setContentsMargins(0, 0, 0, 0)
        self.details = QWidget()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.body)
        inner.addWidget(self.options_title)
        inner.addLayout(self.option_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.link)
        layout.addWidget(self.details)
        self.buttons: list[QPushButton] = []
        self.link.linkActivated.connect(self._on_link)
        self.set_explanation(None)

    def set_explanation(self, explanation: Explanation | None) -> None:
        """Show ``explanation`` when the count deserves one; hide everything otherwise."""
        while self.option_row.count():
            widget = self.option_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        if explanation is None or not explanation.worth_showing:
            self.hide()
            return
        items = "".join(f"<li>{html.escape(f.text)}</li>" for f in explanation.findings)
        self.body.setText(f"<ul style=\"margin-top: 0px; margin-bottom: 0px; margin-left: -24px\">"
                          f"{items}</ul>")
        for finding in explanation.findings:
            if finding.tick is not None:
                button = QPushButton(self.tr("Tick \u201c%1\u201d as hers").replace(
                    "%1", finding.tick_name or str(finding.tick)))
                button.clicked.connect(lambda _c=False, i=finding.tick: self.tick_chosen.emit(i))
                self.buttons.append(button)
        for option in explanation.options:
            button = QPushButton(option.text)
            button.setToolTip(self.tr("Extract pairs again, pairing answers written without "
                                      "\u201cReply\u201d that came within this time."))
            button.clicked.connect(lambda _c=False, s=option.seconds: self.window_chosen.emit(s))
            self.buttons.append(button)
        for button in self.buttons:
            self.option_row.addWidget(button)
        self.option_row.addStretch(1)
        self.options_title.setVisible(bool(explanation.options))
        # None found: the report replaces the bare count. A few: one click away.
        none = explanation.pairs == 0
        self.link.setVisible(not none)
        self.details.setVisible(none)
        self.show()

    def _on_link(self, _href: str) -> None:
        self.details.setVisible(not self.details.isVisible())
