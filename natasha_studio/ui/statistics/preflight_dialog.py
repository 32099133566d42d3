"""Checking a snapshot for a provider before spending money: format, tokens, cost, privacy.

The check writes the snapshot's training and validation files for the provider into a
temporary folder and validates them (``core.export.preflight``) in a worker thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import export, glossary
from natasha_studio.core.store import Project
from natasha_studio.ui.context import AppContext


def preflight_in_thread(path: str, snapshot_id: int, provider: str, model: str,
                        epochs: int | None, progress=None) -> dict[str, Any]:
    project = Project.open(path)
    try:
        result = export.preflight(project, snapshot_id, provider, model or None, epochs=epochs,
                                  progress=progress)
        result.discard()  # the check only reads the files: they go as soon as it is done
        return {"ok": result.ok, "lines": export.report_lines(result.report),
                "errors": len(result.report.errors), "warnings": len(result.report.warnings)}
    finally:
        project.close()


class PreflightDialog(QDialog):
    def __init__(self, ctx: AppContext, snapshot: export.Snapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot = snapshot
        self.result: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Check \u201c{name}\u201d before a fine-tune").format(name=snapshot.name))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.provider = QComboBox()
        self.provider.addItem(self.tr("Vertex AI (Gemini)"), "vertex")
        self.provider.addItem(self.tr("OpenAI"), "openai")
        self.provider.addItem(self.tr("Yandex AI Studio (YandexGPT Lite)"), "yandex")
        form.addRow(self.tr("Provider:"), self.provider)
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.setToolTip(self.tr("Any model name the provider accepts; the list shows the "
                                      "ones with a known price."))
        form.addRow(self.tr("Base model:"), self.model)
        self.epochs = QSpinBox()
        self.epochs.setRange(0, 50)
        self.epochs.setSpecialValueText(self.tr("automatic"))
        form.addRow(self.tr("Epochs:"), self.epochs)
        self.epochs.setToolTip(glossary.tooltip("epochs"))
        layout.addLayout(form)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setProperty("primary", True)
        self.check_button.clicked.connect(self.start_check)
        # A button of its own size (a bar across the dialog read as a progress bar).
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.verdict = QLabel()
        self.verdict.setProperty("role", "heading")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.details = QPlainTextEdit()
        self.details.setToolTip(glossary.tooltip("tokens", "o200k_base", "p10_p90", "temp_file"))
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr(
            "The check writes the files the provider would get, validates them, counts tokens "
            "and estimates the cost."))
        layout.addWidget(self.details, 1)
        prices = export.load_prices()
        self.prices_note = QLabel(self.tr("Prices of {date}: check the provider's price page "
                                          "before large runs.").format(date=prices.updated))
        self.prices_note.setProperty("role", "muted")
        layout.addWidget(self.prices_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.provider.currentIndexChanged.connect(self._fill_models)
        self._fill_models()

    def _fill_models(self) -> None:
        provider = self.provider.currentData()
        table = export.load_prices().provider(provider)
        self.model.clear()
        default = table.get("default_model", "")
        names = [default] + [m for m in table.get("models", {}) if m != default]
        self.model.addItems([n for n in names if n])
        # Yandex tunes by a number of samples, not epochs, and does not bill training yet.
        self.epochs.setEnabled(provider != "yandex")

    def start_check(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        self.check_button.setEnabled(False)
        self.verdict.setText(self.tr("Checking\u2026"))
        self.details.clear()
        task = self.ctx.tasks.run_in_thread(
            "statistics:preflight", preflight_in_thread, str(project.path), self.snapshot.id,
            self.provider.currentData(), self.model.currentText().strip(), self.epochs.value() or None,
            title=self.tr("Checking a snapshot"), owner=project, with_progress=True,
            on_done=self._on_checked)
        task.add_done_callback(lambda t: self._on_task_ended(t))

    def _on_task_ended(self, task) -> None:
        self.check_button.setEnabled(True)
        if task.cancelled() or task.exception() is not None:
            self.verdict.setText(self.tr("The check did not finish."))

    def _on_checked(self, result: dict[str, Any]) -> None:
        self.result = result
        if result["ok"]:
            self.verdict.setText(self.tr("\u2714 The provider should accept these files."))
        else:
            self.verdict.setText(self.tr("\u2716 The provider would reject these files: %n errors.", "",
                                         result["errors"]))
        self.details.setPlainText("\n".join(result["lines"]))
