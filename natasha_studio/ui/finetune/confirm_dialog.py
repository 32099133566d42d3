"""The last question before a fine-tune sends the dataset anywhere.

It shows the facts ``core.jobs.confirm.launch_summary`` gathers (the command line prints the
same): what is tuned, what it costs, where the data goes, and leftover personal data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.jobs.confirm import LaunchSummary

WARNING_COLOUR = "#c62828"


class LaunchConfirmDialog(QDialog):
    def __init__(self, summary: LaunchSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Launch the fine-tune?"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for label, value in summary.rows:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            title = QLabel(label)
            title.setStyleSheet("font-weight: 600;")
            form.addRow(title, text)
        layout.addLayout(form)
        self.warning_labels: list[QLabel] = []
        for warning in summary.warnings:
            label = QLabel(f"⚠ {warning}")
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: 600;")
            layout.addWidget(label)
            self.warning_labels.append(label)
        if summary.warnings:
            hint = QLabel(self.tr("You can still cancel, redact them on the Pairs tab and "
                                  "freeze a new snapshot."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.question = QLabel(summary.question)
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: 600; margin-top: 8px;")
        layout.addWidget(self.question)
        # Spare height goes below the question, not between the lines of the summary.
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.launch_button = buttons.addButton(self.tr("Launch"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.launch_button.setProperty("primary", True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Enter must not send a dataset by accident: Cancel is the default.
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Wrapped labels size the dialog for a narrow width (tall, with a gap above the
        # buttons): take the height its opening width needs.
        height = self.heightForWidth(self.minimumWidth())
        if height > 0:
            self.resize(self.minimumWidth(), height)

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and the clipboard)."""
        return "\n".join([*self.summary.lines(), self.summary.question])
