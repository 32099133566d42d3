"""The launch panel's rows for Together AI and Fireworks AI: epochs, LoRA rank, learning rate,
and Together's full training.

The keys of ``hyperparameters()`` are the ones ``TogetherProvider`` and ``FireworksProvider``
read (``epochs``, ``learning_rate``, ``lora_rank``, ``full_training``); an option left on
"Auto" is not sent, so the provider uses its own value. Full training is Together's only: on
Fireworks its row stays in view, greyed, so the form does not jump when the provider changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from natasha_studio.ui.context import AppContext
from natasha_studio.ui.finetune.local_options import add_help_row

LORA_RANKS = (8, 16, 32, 64)
KINDS = ("together", "fireworks")


def shown_model_name(kind: str, model: str) -> str:
    """A base model as the form shows it: Fireworks' ``accounts/fireworks/models/qwen3-8b`` is
    ``qwen3-8b`` (the provider takes either); other names as the provider gives them."""
    if kind == "fireworks" and model.startswith("accounts/fireworks/models/"):
        return model.rsplit("/", 1)[-1]
    return model


def is_kimi(model: str) -> bool:
    return "kimi" in model.rsplit("/", 1)[-1].lower()


class OpenModelOptions(QObject):
    """The Together AI / Fireworks AI rows of a QFormLayout."""

    epochs_changed = Signal()

    def __init__(self, ctx: AppContext, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[QWidget] = []
        auto = self.tr("Auto")
        self.epochs = QSpinBox()
        self.epochs.setRange(0, 20)
        self.epochs.setSpecialValueText(auto)
        add_help_row(self.rows, form, self.tr("Epochs:"), self.epochs, self.tr(
            "How many times the model reads the whole dataset; the cost grows with each. Auto "
            "is one pass; 2–3 suit a few hundred answers."))
        self.lora_rank = QComboBox()
        self.lora_rank.addItem(auto, None)
        for rank in LORA_RANKS:
            self.lora_rank.addItem(str(rank), rank)
        self.rank_help = add_help_row(self.rows, form, self.tr("LoRA rank:"), self.lora_rank,
                                      self.tr(
            "How much the model may change. Higher copies the persona's manner more closely, "
            "and with few examples may start repeating her answers word for word. Auto (the "
            "provider's 8 or 16) suits most datasets."))
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setDecimals(5)
        self.learning_rate.setRange(0.0, 0.01)
        self.learning_rate.setSingleStep(0.00005)
        self.learning_rate.setSpecialValueText(auto)
        add_help_row(self.rows, form, self.tr("Learning rate:"), self.learning_rate, self.tr(
            "How big each learning step is. Auto lets the provider choose; lower it (say to "
            "0.00005) only if the tuned model answers oddly or repeats itself."))
        self.full_training = QCheckBox(self.tr("Full training instead of LoRA"))
        self.full_help = add_help_row(self.rows, form, "", self.full_training, self.tr(
            "Changes every weight of the model rather than a small adapter: costs several times "
            "more, and gives no adapter to download for chatting on this computer. Together AI "
            "only; leave it off."))
        self.full_training.toggled.connect(self._on_full_toggled)
        self.epochs.valueChanged.connect(lambda _v: self.epochs_changed.emit())
        self._load_saved()

    def show_rows(self, form: QFormLayout, kind: str | None) -> None:
        """Show the rows for ``kind`` ("together" or "fireworks"), or hide them all (None)."""
        for widget in self.rows:
            form.setRowVisible(widget, kind is not None)
        together = kind == "together"
        self.full_training.setEnabled(together)
        self.full_help.setEnabled(together)
        self._on_full_toggled(self.full_training.isChecked())

    def _on_full_toggled(self, _on: bool) -> None:
        lora = not (self.full_training.isChecked() and self.full_training.isEnabled())
        self.lora_rank.setEnabled(lora)
        self.rank_help.setEnabled(lora)

    # -- values --------------------------------------------------------------------------------

    def epochs_value(self) -> int | None:
        return self.epochs.value() or None

    def hyperparameters(self, kind: str) -> dict[str, Any]:
        """The chosen options for ``kind``, "Auto" ones left out."""
        full = kind == "together" and self.full_training.isChecked()
        values: dict[str, Any] = {"epochs": self.epochs_value(),
                                  "learning_rate": self.learning_rate.value() or None,
                                  "lora_rank": None if full else self.lora_rank.currentData()}
        if full:
            values["full_training"] = True
        return {key: value for key, value in values.items() if value is not None}

    def save(self) -> None:
        settings = self.ctx.settings
        settings.set_value("finetune/open_epochs", self.epochs.value())
        settings.set_value("finetune/open_lora_rank", self.lora_rank.currentData() or 0)
        settings.set_value("finetune/open_learning_rate", self.learning_rate.value())
        settings.set_value("finetune/together_full_training", self.full_training.isChecked())

    def _load_saved(self) -> None:
        def saved(key: str, kind: type, default: Any) -> Any:
            try:
                return kind(self.ctx.settings.value(key, default))
            except (TypeError, ValueError):
                return default

        self.epochs.setValue(saved("finetune/open_epochs", int, 0))
        rank = saved("finetune/open_lora_rank", int, 0)
        self.lora_rank.setCurrentIndex(max(0, self.lora_rank.findData(rank)) if rank else 0)
        self.learning_rate.setValue(saved("finetune/open_learning_rate", float, 0.0))
        full = self.ctx.settings.value("finetune/together_full_training", False)
        self.full_training.setChecked(full in (True, "true", "1", 1))
