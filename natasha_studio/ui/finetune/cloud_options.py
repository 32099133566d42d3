"""The launch panel's rows for Vertex AI and OpenAI: epochs, learning rate ×, batch, adapter.

Each option left on "Auto" is not sent, so the provider picks its own value. Batch size is
OpenAI's option and adapter size Vertex AI's: the other provider's row stays in view, greyed,
so the form does not jump when the provider changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from natasha_studio.ui.finetune.local_options import add_help_row

ADAPTER_SIZES = (1, 2, 4, 8, 16)


class CloudOptions(QObject):
    """The Vertex AI / OpenAI rows of a QFormLayout."""

    epochs_changed = Signal()

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[QWidget] = []
        self.epochs = QSpinBox()
        self.epochs.setRange(0, 50)
        self.epochs.setSpecialValueText(self.tr("Auto"))
        self.epochs_help = add_help_row(self.rows, form, self.tr("Epochs:"), self.epochs, self.tr(
            "How many times the model reads the whole dataset. Auto lets the provider choose; "
            "3–4 suits most datasets."))
        self.lr = QDoubleSpinBox()
        self.lr.setRange(0.0, 10.0)
        self.lr.setSingleStep(0.1)
        self.lr.setDecimals(2)
        self.lr.setSpecialValueText(self.tr("Auto"))
        self.lr_help = add_help_row(self.rows, form, self.tr("Learning rate ×:"), self.lr, self.tr(
            "Lower it if the loss jumps around; raise it if the model barely changes."))
        self.batch = QSpinBox()
        self.batch.setRange(0, 256)
        self.batch.setSpecialValueText(self.tr("Auto"))
        self.batch_help = add_help_row(self.rows, form, self.tr("Batch size:"), self.batch, self.tr(
            "Examples per training step (OpenAI only)."))
        self.adapter = QComboBox()
        self.adapter.addItem(self.tr("Auto"), None)
        for size in ADAPTER_SIZES:
            self.adapter.addItem(str(size), size)
        self.adapter_help = add_help_row(self.rows, form, self.tr("Adapter size:"), self.adapter, self.tr(
            "Larger adapters learn more, and overfit sooner (Vertex AI only)."))
        self.epochs.valueChanged.connect(lambda _v: self.epochs_changed.emit())

    def show_rows(self, form: QFormLayout, kind: str | None) -> None:
        """Show the rows for ``kind`` ("vertex" or "openai"), or hide them all (None)."""
        for widget in self.rows:
            form.setRowVisible(widget, kind is not None)
        openai = kind == "openai"
        for widget in (self.batch, self.batch_help):
            widget.setEnabled(openai)
        for widget in (self.adapter, self.adapter_help):
            widget.setEnabled(not openai)

    def epochs_value(self) -> int | None:
        return self.epochs.value() or None

    def hyperparameters(self, kind: str) -> dict[str, Any]:
        """The chosen options for ``kind``, "Auto" ones left out."""
        values: dict[str, Any] = {"epochs": self.epochs_value(),
                                  "learning_rate_multiplier": self.lr.value() or None}
        if kind == "openai":
            values["batch_size"] = self.batch.value() or None
        else:
            values["adapter_size"] = self.adapter.currentData()
        return {key: value for key, value in values.items() if value is not None}
