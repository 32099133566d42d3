"""The launch panel's rows for Yandex AI Studio: LoRA rank and alpha, learning rate, samples, seed.

The keys of ``hyperparameters()`` are the ones ``YandexProvider.start_job`` reads
(``lora_rank``, ``lora_alpha``, ``learning_rate``, ``n_samples``, ``seed``); an option left on
"Auto" is not sent, so Yandex uses its own value. Rank 8 and alpha 16 are the values of
Yandex's own examples, and suit a persona's few hundred answers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from natasha_studio.ui.context import AppContext
from natasha_studio.ui.finetune.local_options import add_help_row

LORA_RANKS = (4, 8, 16, 32)
DEFAULTS: dict[str, Any] = {"lora_rank": 8, "lora_alpha": 16, "learning_rate": 0.0,
                            "n_samples": 0, "seed": 0}
MAX_SEED = 2**31 - 1


class YandexOptions(QObject):
    """The Yandex rows of a QFormLayout; ``rows`` holds each row's field and help for
    showing and hiding them together."""

    def __init__(self, ctx: AppContext, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[QWidget] = []
        auto = self.tr("Auto")

        self.lora_rank = QComboBox()
        self.lora_rank.addItem(auto, None)
        for rank in LORA_RANKS:
            self.lora_rank.addItem(str(rank), rank)
        add_help_row(self.rows, form, self.tr("LoRA rank:"), self.lora_rank, self.tr(
            "How much the model may change. Higher copies the persona's manner more closely, "
            "and with few examples may start repeating her answers word for word. 8 suits most "
            "datasets: leave it as is."))
        self.lora_alpha = QSpinBox()
        self.lora_alpha.setRange(0, 256)
        self.lora_alpha.setSpecialValueText(auto)
        add_help_row(self.rows, form, self.tr("LoRA alpha:"), self.lora_alpha, self.tr(
            "How strongly what was learned shows in the answers; usually twice the rank. Leave "
            "it as is."))
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setDecimals(5)
        self.learning_rate.setRange(0.0, 0.01)
        self.learning_rate.setSingleStep(0.00005)
        self.learning_rate.setSpecialValueText(auto)
        add_help_row(self.rows, form, self.tr("Learning rate:"), self.learning_rate, self.tr(
            "How big each learning step is. Auto lets Yandex choose; lower it (say to 0.0001) "
            "only if the tuned model answers oddly or repeats itself."))
        self.n_samples = QSpinBox()
        self.n_samples.setRange(0, 1_000_000)
        self.n_samples.setSingleStep(100)
        self.n_samples.setSpecialValueText(auto)
        add_help_row(self.rows, form, self.tr("Samples:"), self.n_samples, self.tr(
            "How many examples training goes through in all, repeats included: three times the "
            "number of your examples reads the dataset three times. Auto lets Yandex choose."))
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_SEED)
        self.seed.setSpecialValueText(auto)
        add_help_row(self.rows, form, self.tr("Seed:"), self.seed, self.tr(
            "Any number makes a second launch with the same data come out the same; Auto "
            "gives a slightly different model each time. Leave it as is."))
        self._load_saved()

    def show_rows(self, form: QFormLayout, visible: bool) -> None:
        for widget in self.rows:
            form.setRowVisible(widget, visible)

    # -- values ------------------------------------------------------------------------------

    def hyperparameters(self) -> dict[str, Any]:
        """The chosen options, "Auto" ones left out (Yandex then picks its own)."""
        values = {"lora_rank": self.lora_rank.currentData(),
                  "lora_alpha": self.lora_alpha.value() or None,
                  "learning_rate": self.learning_rate.value() or None,
                  "n_samples": self.n_samples.value() or None,
                  "seed": self.seed.value() or None}
        return {key: value for key, value in values.items() if value is not None}

    def save(self) -> None:
        values = {**{key: 0 for key in DEFAULTS}, **self.hyperparameters()}
        for key, value in values.items():
            self.ctx.settings.set_value(f"finetune/yandex_{key}", value)

    def _load_saved(self) -> None:
        def saved(key: str) -> Any:
            default = DEFAULTS[key]
            value = self.ctx.settings.value(f"finetune/yandex_{key}", default)
            try:
                return type(default)(value)
            except (TypeError, ValueError):
                return default

        rank = saved("lora_rank")
        self.lora_rank.setCurrentIndex(max(0, self.lora_rank.findData(rank)) if rank else 0)
        self.lora_alpha.setValue(saved("lora_alpha"))
        self.learning_rate.setValue(saved("learning_rate"))
        self.n_samples.setValue(saved("n_samples"))
        self.seed.setValue(saved("seed"))
