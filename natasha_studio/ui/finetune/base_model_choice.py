"""The launch panel's base model row: an editable list of the provider's models, and for the
open-model clouds an "Update the list" button that asks their API again.

The list is the one the provider's API gave last (``providers.model_cache``), else the
catalog's suggestion; the choice is remembered per provider. Fireworks' long resource names
are shown short (``qwen3-8b``), which its provider takes as well.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QToolButton, QWidget

from natasha_studio.providers.model_cache import base_model_choices
from natasha_studio.providers.registry import build_provider
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.finetune.local_options import compact, help_label
from natasha_studio.ui.finetune.open_options import KINDS as OPEN_MODEL_KINDS
from natasha_studio.ui.finetune.open_options import is_kimi, shown_model_name


class BaseModelChoice(QObject):
    """The base model row; ``kind()`` says which provider is chosen now."""

    def __init__(self, ctx: AppContext, kind: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._kind = kind
        self.combo = compact(QComboBox())
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.help = help_label(self._default_help())
        self.refresh_button = QToolButton()
        self.refresh_button.setText(self.tr("Update the list"))
        self.refresh_button.setToolTip(self.tr("Ask the provider which models it tunes today."))
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.row = QWidget()
        row = QHBoxLayout(self.row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.refresh_button)
        self.combo.currentTextChanged.connect(lambda _t: self._show_help())

    def text(self) -> str:
        return self.combo.currentText().strip()

    def reload(self) -> None:
        """Offer the provider's base models: the list its API gave last, else the catalog's."""
        kind = self._kind()
        self.refresh_button.setVisible(kind in OPEN_MODEL_KINDS)
        if kind == "local":
            return
        suggestions = [shown_model_name(kind, m) for m in base_model_choices(kind)]
        text = self.text()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(suggestions)
        saved = str(self.ctx.settings.value(f"finetune/model_{kind}", "") or "")
        self.combo.setCurrentText(shown_model_name(kind, saved) or (
            text if text in suggestions else suggestions[0]))
        self.combo.blockSignals(False)
        self._show_help()

    def _default_help(self) -> str:
        return self.tr("Type any model the provider can tune; the list only suggests.")

    def _show_help(self) -> None:
        if self._kind() == "fireworks" and is_kimi(self.text()):
            self.help.setText(self.tr(
                "Kimi K2 is a very large model: training costs about twenty times as much per "
                "token as a small Qwen, and its deployment needs several GPUs. Try a small "
                "model first."))
        else:
            self.help.setText(self._default_help())

    def _on_refresh_clicked(self) -> None:
        kind = self._kind()
        try:
            provider = build_provider(kind, self.ctx.secrets)
        except Exception as exc:
            self._on_refreshed(kind, exc)
            return
        self.refresh_button.setEnabled(False)

        async def run():
            try:
                return await provider.list_base_models()
            except Exception as exc:  # said under the list, not as a task failure
                return exc
        self.ctx.tasks.start(f"finetune:models:{kind}", run(), owner=self,
                             title=self.tr("Asking which models can be tuned"),
                             on_done=lambda result: self._on_refreshed(kind, result))

    def _on_refreshed(self, kind: str, result: object) -> None:
        self.refresh_button.setEnabled(True)
        if kind != self._kind():
            return
        if isinstance(result, BaseException):
            message = getattr(result, "message", None) or str(result)
            hint = getattr(result, "hint", "") or ""
            self.help.setText(f"✖ {message} {hint}".strip())
            return
        self.reload()
        self.ctx.show_status(self.tr("%n base model(s) can be tuned.", "", len(result)), 5000)
