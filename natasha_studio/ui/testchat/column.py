"""One column of the side-by-side chat: a model, its settings, its own conversation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core.chat.models import ModelEntry
from natasha_studio.core.chat.sessions import ColumnConfig
from natasha_studio.core.chat.streaming import Reply
from natasha_studio.core.store import Project
from natasha_studio.ui.finetune.tuned_chat import has_adapter_to_bring, needs_deployment
from natasha_studio.ui.testchat.common import MetricsLabel, ModelCombo, Transcript


class ChatColumn(QFrame):
    """A model's side of the conversation.

    ``history`` holds the (role, text) turns this column's model has seen, so each column
    continues its own conversation; failed answers are shown but left out of it.
    """

    config_changed = Signal()
    remove_requested = Signal(object)  # self
    save_requested = Signal(object)  # self: save the last answer as a training pair
    deploy_requested = Signal(object)  # the ModelEntry of a Fireworks model to deploy
    adapter_requested = Signal(object)  # self: answer with the Together job's adapter here

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.history: list[tuple[str, str]] = []
        self.last_reply: Reply | None = None
        self.busy = False
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.model_combo = ModelCombo()
        self.settings_button = QToolButton()
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setCheckable(True)
        self.settings_button.setToolTip(self.tr("System prompt, temperature and answer length "
                                                "for this column"))
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this column"))

        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setPlaceholderText(self.tr("No system prompt"))
        self.system_prompt.setMaximumHeight(90)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(0.7)
        self.temperature.setToolTip(self.tr("Lower: steadier answers. Higher: more varied ones."))
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(16, 32768)
        self.max_tokens.setSingleStep(128)
        self.max_tokens.setValue(1024)
        self.max_tokens.setToolTip(self.tr("The longest answer the model may write, in tokens."))
        self.settings_panel = QWidget()
        form = QFormLayout(self.settings_panel)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("System prompt"), self.system_prompt)
        self.system_prompt.setToolTip(glossary.tooltip("system_prompt"))
        self.max_tokens.setToolTip(glossary.tooltip("tokens"))
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow(self.tr("Max tokens"), self.max_tokens)
        self.settings_panel.setVisible(False)

        self.transcript = Transcript()
        self.metrics = MetricsLabel()
        self.save_button = QPushButton(self.tr("Save as training pair…"))
        self.save_button.setToolTip(self.tr("Correct the last answer to what the persona would "
                                            "say and add it to the dataset."))
        self.save_button.setEnabled(False)
        # A model tuned at Fireworks AI answers only once deployed: offered when it failed.
        self.deploy_button = QPushButton(self.tr("Deploy at Fireworks AI…"))
        self.deploy_button.setToolTip(self.tr("Make a deployment for this model; what it costs "
                                              "is said first."))
        self.deploy_button.setVisible(False)
        # A model tuned at Together AI answers there only on a paid endpoint: its adapter can
        # answer on this computer instead.
        self.adapter_button = QPushButton(self.tr("Answer on this computer"))
        self.adapter_button.setToolTip(self.tr("Download the model's LoRA adapter and chat with "
                                               "it here, for free (local training must be "
                                               "installed)."))
        self.adapter_button.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.model_combo, 1)
        top.addWidget(self.settings_button)
        top.addWidget(self.remove_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.metrics, 1)
        bottom.addWidget(self.deploy_button)
        bottom.addWidget(self.adapter_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.settings_panel)
        layout.addWidget(self.transcript, 1)
        layout.addLayout(bottom)

        self.settings_button.toggled.connect(self.settings_panel.setVisible)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self))
        self.deploy_button.clicked.connect(lambda: self.deploy_requested.emit(self.entry()))
        self.adapter_button.clicked.connect(lambda: self.adapter_requested.emit(self))
        self.model_combo.entry_changed.connect(lambda _e: self._hide_offers())
        self.model_combo.entry_changed.connect(lambda _e: self.config_changed.emit())
        self.system_prompt.textChanged.connect(self.config_changed.emit)
        self.temperature.valueChanged.connect(lambda _v: self.config_changed.emit())
        self.max_tokens.valueChanged.connect(lambda _v: self.config_changed.emit())

    # -- settings ------------------------------------------------------------------------------

    def entry(self) -> ModelEntry | None:
        return self.model_combo.current_entry()

    def config(self) -> ColumnConfig:
        return ColumnConfig(self.model_combo.current_id(), self.system_prompt.toPlainText(),
                            round(self.temperature.value(), 2), self.max_tokens.value())

    def apply_config(self, config: ColumnConfig) -> None:
        for widget in (self.model_combo, self.system_prompt, self.temperature, self.max_tokens):
            widget.blockSignals(True)
        self.model_combo.select(config.model_id)
        self.system_prompt.setPlainText(config.system_prompt)
        self.temperature.setValue(config.temperature)
        self.max_tokens.setValue(config.max_tokens)
        for widget in (self.model_combo, self.system_prompt, self.temperature, self.max_tokens):
            widget.blockSignals(False)

    def reload_models(self, project: Project | None) -> None:
        self.model_combo.reload(project)

    def set_removable(self, removable: bool) -> None:
        self.remove_button.setEnabled(removable)

    # -- conversation --------------------------------------------------------------------------

    def model_label(self) -> str:
        entry = self.entry()
        return entry.name if entry else self.tr("Model")

    def clear(self) -> None:
        self.history.clear()
        self.last_reply = None
        self.transcript.clear()
        self.metrics.clear()
        self.save_button.setEnabled(False)
        self._hide_offers()

    def show_question(self, text: str) -> None:
        self.transcript.add_block(self.tr("You"), text, muted=True)

    def begin_answer(self) -> None:
        self.busy = True
        self.save_button.setEnabled(False)
        self.metrics.setText(self.tr("Waiting for the first token…"))
        self.transcript.start_answer(self.model_label())

    def add_piece(self, piece: str) -> None:
        self.transcript.add_piece(piece)

    def end_answer(self, question: str, reply: Reply) -> None:
        """Show how the answer ended and add it to this column's conversation."""
        self.busy = False
        self.last_reply = reply
        self.metrics.show_metrics(reply.metrics)
        if reply.stopped:
            self.transcript.add_note(self.tr("Stopped."))
        if reply.error:
            self.transcript.add_note(reply.error, error=True)
        self.deploy_button.setVisible(bool(reply.error) and needs_deployment(self.entry()))
        self.adapter_button.setVisible(bool(reply.error) and has_adapter_to_bring(self.entry()))
        self.history.append(("user", question))
        if reply.text.strip() and not reply.error:
            self.history.append(("assistant", reply.text))
        self.save_button.setEnabled(bool(reply.text.strip()))

    def _hide_offers(self) -> None:
        self.deploy_button.setVisible(False)
        self.adapter_button.setVisible(False)

    def show_stored(self, role: str, text: str, *, error: str | None = None) -> None:
        """Replay a stored message when a session is reopened."""
        if role == "user":
            self.show_question(text)
            self.history.append(("user", text))
            return
        if text:
            self.transcript.add_block(self.model_label(), text)
        if error:
            self.transcript.add_note(error, error=True)
        elif text.strip():
            self.history.append(("assistant", text))
            self.last_reply = Reply(text=text)
            self.save_button.setEnabled(True)
