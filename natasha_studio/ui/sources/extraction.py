"""The pairs count, the extraction settings and the button that runs extraction again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.dataset.settings import ExtractionSettings
from natasha_studio.core.dataset.why import Explanation
from natasha_studio.core.i18n import number
from natasha_studio.ui.sources.why_panel import WhyPanel


class ExtractionPanel(QWidget):
    run_requested = Signal()
    lexicon_requested = Signal()
    settings_changed = Signal(object)  # ExtractionSettings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Pairs"))
        title.setProperty("role", "heading")
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.count.setProperty("role", "heading")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setProperty("role", "muted")
        self.why = WhyPanel()

        self.context = QSpinBox()
        self.context.setRange(0, 30)
        self.context.setToolTip(self.tr("How many earlier messages of a reply thread come with a pair."))
        self.merge = QSpinBox()
        self.merge.setRange(0, 3600)
        self.merge.setSuffix(self.tr(" s"))
        self.merge.setToolTip(self.tr("Messages of one person this close together make one turn."))
        self.implicit = QCheckBox(self.tr("Also pair answers written without \"Reply\""))
        self.window = QSpinBox()
        self.window.setRange(10, 24 * 3600)
        self.window.setSuffix(self.tr(" s"))
        self.window.setToolTip(self.tr("Such an answer must follow the member's message within this time."))
        form = QFormLayout()
        # Numbers of a few digits: boxes as wide as the panel read as text fields.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Thread messages kept as context:"), self.context)
        form.addRow(self.tr("Join one person's messages within:"), self.merge)
        form.addRow(self.implicit)
        form.addRow(self.tr("Answer must follow within:"), self.window)

        self.run_button = QPushButton(self.tr("Extract pairs again"))
        self.run_button.setProperty("primary", True)
        self.lexicon_button = QPushButton(self.tr("Topics and keywords…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.lexicon_button)
        buttons.addStretch(1)
        note = QLabel(self.tr("Extracting again keeps every edit, status and label you made."))
        note.setWordWrap(True)
        note.setProperty("role", "muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.count)
        layout.addWidget(self.detail)
        layout.addWidget(self.why)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addStretch(1)

        self._loading = False
        self.run_button.clicked.connect(self.run_requested)
        self.lexicon_button.clicked.connect(self.lexicon_requested)
        for box in (self.context, self.merge, self.window):
            box.valueChanged.connect(self._on_edited)
        self.implicit.toggled.connect(self._on_edited)

    def set_settings(self, settings: ExtractionSettings) -> None:
        self._loading = True
        self.context.setValue(settings.max_context_turns)
        self.merge.setValue(settings.merge_gap_s)
        self.implicit.setChecked(settings.implicit)
        self.window.setValue(settings.implicit_window_s)
        self.window.setEnabled(settings.implicit)
        self._loading = False

    def settings(self, base: ExtractionSettings) -> ExtractionSettings:
        base.max_context_turns = self.context.value()
        base.merge_gap_s = self.merge.value()
        base.implicit = self.implicit.isChecked()
        base.implicit_window_s = self.window.value()
        return base

    def set_counts(self, counts: dict[str, int], has_persona: bool, has_messages: bool) -> None:
        total = counts["reply"] + counts["comment"] + counts["implicit"]
        self.count.setText(self.tr("%n pair(s) (%1 from replies, %2 by proximity)", "", total)
                           .replace("%1", number(counts['reply'] + counts['comment']))
                           .replace("%2", number(counts['implicit'])))
        if not has_messages:
            self.detail.setText(self.tr("Import a chat first: pairs come from its messages."))
        elif not has_persona:
            self.detail.setText(self.tr("Tick the persona in the list to find her answers."))
        else:
            extra = counts.get("manual", 0) + counts.get("model", 0)
            self.detail.setText(self.tr("Plus %n pair(s) written by hand or saved from the test chat.",
                                        "", extra) if extra else "")
        self.detail.setVisible(bool(self.detail.text()))  # an empty line would leave a gap
        self.run_button.setEnabled(has_persona and has_messages)

    def set_explanation(self, explanation: Explanation | None, extracted: int) -> None:
        """Why the count is low; for no extracted pairs at all, it replaces the bare "0"."""
        self.why.set_explanation(explanation)
        if extracted == 0 and explanation is not None and explanation.worth_showing:
            self.count.setText(self.tr("No pairs found. Why:"))

    def set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)

    def _on_edited(self) -> None:
        self.window.setEnabled(self.implicit.isChecked())
        if not self._loading:
            self.settings_changed.emit(None)
