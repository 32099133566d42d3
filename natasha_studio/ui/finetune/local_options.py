"""The launch panel's rows for training on this computer: base model, LoRA, device, 4-bit.

When the ``[local]`` extra is missing, a single row says so and shows the command that adds
it. What the computer can train on (CUDA, Apple MPS, bitsandbytes) is asked once, in a worker
thread that starts a short Python process, so torch never loads into the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from natasha_studio import local
from natasha_studio.core import glossary
from natasha_studio.core.jobs.local import SUGGESTED_MODELS, normalize_base_model
from natasha_studio.local.config import DEFAULT_TARGET_MODULES
from natasha_studio.local.device import probe_device
from natasha_studio.ui.context import AppContext

LORA_RANKS = (4, 8, 16, 32, 64)
DEVICES = ("auto", "cuda", "mps", "cpu")


class HelpLabel(QLabel):
    """A wrapped label exactly as tall as its lines at its real width.

    A form gives a word-wrapped label the height it needs at a narrower width than it then
    has, so each help text had a blank line or two under it, unevenly. On every resize the
    label fixes its height to what its text needs at the width it got.
    """

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        # Measured with the font the label paints with: QLabel's own heightForWidth answered
        # from a cache made before the theme's style sheet changed the font, up to twice the
        # height needed.
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 2 * max(self.margin(), 0)
        if width <= 0 or not self.text():
            return
        text = self.fontMetrics().boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap | self.alignment().value),
            self.text())
        height = text.height() + margins.top() + margins.bottom() + 2 * max(self.margin(), 0)
        if height != self.maximumHeight():
            self.setFixedHeight(height)


def help_label(text: str = "") -> QLabel:
    """A field's one-line help: muted (the theme's colour, readable in light and dark) and a
    little smaller than the field's text."""
    label = HelpLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setProperty("role", "muted")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def add_help_row(rows: list[QWidget], form: QFormLayout, label: str, field: QWidget,
                 text: str) -> QLabel:
    """Add ``field`` under ``label`` with its help below it; both go into ``rows``, which the
    options' ``show_rows`` shows or hides together. Returns the help label."""
    help_text = help_label(text)
    form.addRow(label, field)
    form.addRow("", help_text)
    rows += [field, help_text]
    return help_text


def compact(combo: QComboBox, characters: int = 12) -> QComboBox:
    """A combo box that may be narrower than its longest item, so the form never scrolls
    sideways."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


class LocalOptions(QObject):
    """The local rows of a QFormLayout; ``rows`` are (label, field, help) for showing/hiding."""

    model_changed = Signal()

    def __init__(self, ctx: AppContext, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.device_info: dict[str, Any] | None = None
        self.rows: list[QWidget] = []  # the field widget of every row, for setRowVisible

        # Not installed: what is missing and the one command that adds it.
        self.missing_box = QWidget()
        box = QVBoxLayout(self.missing_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("font-weight: 600;")
        box.addWidget(self.missing_label)
        command_row = QHBoxLayout()
        self.command = QLineEdit(local.INSTALL_COMMAND)
        self.command.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the command to paste it into a terminal."))
        self.copy_button.clicked.connect(self._copy_command)
        command_row.addWidget(self.command, 1)
        command_row.addWidget(self.copy_button)
        box.addLayout(command_row)
        box.addWidget(help_label(self.tr(
            "Run it in the terminal of the Python environment the app runs in, then restart the "
            "app. It downloads PyTorch and the training libraries (a few gigabytes).")))
        form.addRow(self.missing_box)

        self.model = compact(QComboBox())
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model.addItems(SUGGESTED_MODELS)
        self.model.lineEdit().setPlaceholderText(self.tr("A model folder or a Hugging Face id"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setToolTip(self.tr("Choose a folder that holds a Hugging Face model "
                                              "(config.json and weights)."))
        self.browse_button.clicked.connect(self._browse)
        model_row = QWidget()
        row = QHBoxLayout(model_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.model, 1)
        row.addWidget(self.browse_button)
        add_help_row(self.rows, form, self.tr("Base model:"), model_row, self.tr(
            "A folder with a Hugging Face model, or a model id: it is downloaded once, with "
            "progress in the job's events. Instruct models of 0.5–3 billion parameters fit "
            "most graphics cards."))

        self.epochs = QSpinBox()
        self.epochs.setRange(1, 50)
        self.epochs.setToolTip(glossary.tooltip("epochs"))
        add_help_row(self.rows, form, self.tr("Epochs:"), self.epochs, self.tr(
            "How many times the model reads the whole dataset; 2–3 suits most datasets."))
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setDecimals(5)
        self.learning_rate.setRange(0.00001, 0.01)
        self.learning_rate.setSingleStep(0.00005)
        add_help_row(self.rows, form, self.tr("Learning rate:"), self.learning_rate, self.tr(
            "The size of each learning step; 0.0002 suits LoRA. Lower it if the loss jumps "
            "around."))
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 128)
        add_help_row(self.rows, form, self.tr("Batch size:"), self.batch_size, self.tr(
            "Examples per step. Lower it first when the model does not fit in memory."))
        self.max_length = QSpinBox()
        self.max_length.setRange(128, 16384)
        self.max_length.setSingleStep(128)
        self.max_length.setSuffix(self.tr(" tokens"))
        add_help_row(self.rows, form, self.tr("Maximum length:"), self.max_length, self.tr(
            "Longer examples lose their oldest turns first; the persona's answer always stays."))
        self.lora_r = QComboBox()
        for rank in LORA_RANKS:
            self.lora_r.addItem(str(rank), rank)
        self.lora_r.setToolTip(glossary.tooltip("lora"))
        add_help_row(self.rows, form, self.tr("LoRA rank:"), self.lora_r, self.tr(
            "The adapter's size: a larger one learns more, needs more memory and overfits "
            "sooner."))
        self.lora_alpha = QSpinBox()
        self.lora_alpha.setRange(1, 512)
        add_help_row(self.rows, form, self.tr("LoRA alpha:"), self.lora_alpha, self.tr(
            "How strongly the adapter acts; usually twice the rank."))
        self.lora_dropout = QDoubleSpinBox()
        self.lora_dropout.setDecimals(2)
        self.lora_dropout.setRange(0.0, 0.5)
        self.lora_dropout.setSingleStep(0.05)
        add_help_row(self.rows, form, self.tr("LoRA dropout:"), self.lora_dropout, self.tr(
            "Switches off a random share of the adapter at each step, against overfitting."))
        self.target_modules = QLineEdit()
        self.target_modules.setPlaceholderText(", ".join(DEFAULT_TARGET_MODULES))
        add_help_row(self.rows, form, self.tr("Target modules:"), self.target_modules, self.tr(
            "The model's layers that get an adapter, by name. Empty: every attention and MLP "
            "projection, which fits Llama, Qwen, Mistral and Gemma."))
        self.device = QComboBox()
        for kind, text in zip(DEVICES, (self.tr("Automatic"), self.tr("CUDA (NVIDIA GPU)"),
                                        self.tr("Apple MPS (Apple silicon)"), self.tr("CPU")),
                              strict=True):
            self.device.addItem(text, kind)
        self.device_help = add_help_row(self.rows, form, self.tr("Device:"), self.device, "")
        self.four_bit = QCheckBox(self.tr("Load the model in 4 bits"))
        self.four_bit_help = add_help_row(self.rows, form, self.tr("Memory:"), self.four_bit, "")
        self.device.currentIndexChanged.connect(self._update_device_help)
        self.model.currentTextChanged.connect(lambda _t: self.model_changed.emit())
        self._load_saved()
        self._update_device_help()

    # -- state -------------------------------------------------------------------------------------

    @property
    def missing(self) -> list[str]:
        return local.missing_packages()

    def show_rows(self, form: QFormLayout, visible: bool) -> None:
        """Show the local rows (or, without the extra, the install row) or hide them all."""
        missing = self.missing
        form.setRowVisible(self.missing_box, visible and bool(missing))
        for widget in self.rows:
            form.setRowVisible(widget, visible and not missing)
        if missing:
            self.missing_label.setText(self.tr(
                "Local training is not installed: {names} missing. Add it with this "
                "command:").format(names=", ".join(missing)))
        elif visible and self.device_info is None:
            self.start_probe()

    def base_model(self) -> str:
        return normalize_base_model(self.model.currentText())

    def hyperparameters(self) -> dict[str, Any]:
        modules = [m.strip() for m in self.target_modules.text().split(",") if m.strip()]
        values: dict[str, Any] = {
            "epochs": self.epochs.value(), "learning_rate": self.learning_rate.value(),
            "batch_size": self.batch_size.value(), "max_length": self.max_length.value(),
            "lora_r": self.lora_r.currentData(), "lora_alpha": self.lora_alpha.value(),
            "lora_dropout": self.lora_dropout.value(), "device": self.device.currentData(),
        }
        if modules:
            values["target_modules"] = modules
        if self.four_bit.isEnabled() and self.four_bit.isChecked():
            values["load_in_4bit"] = True
        return values

    def save(self) -> None:
        settings = self.ctx.settings
        settings.set_value("finetune/model_local", self.model.currentText().strip())
        for key, value in self.hyperparameters().items():
            if key != "target_modules":
                settings.set_value(f"finetune/local_{key}", value)
        settings.set_value("finetune/local_target_modules", self.target_modules.text().strip())

    def _load_saved(self) -> None:
        settings = self.ctx.settings

        def saved(key: str, default: Any) -> Any:
            value = settings.value(f"finetune/local_{key}", default)
            try:
                return type(default)(value)
            except (TypeError, ValueError):
                return default
        self.model.setCurrentText(str(settings.value("finetune/model_local", "") or "")
                                  or SUGGESTED_MODELS[0])
        self.epochs.setValue(saved("epochs", 2))
        self.learning_rate.setValue(saved("learning_rate", 0.0002))
        self.batch_size.setValue(saved("batch_size", 4))
        self.max_length.setValue(saved("max_length", 1024))
        self.lora_r.setCurrentIndex(max(0, self.lora_r.findData(saved("lora_r", 16))))
        self.lora_alpha.setValue(saved("lora_alpha", 32))
        self.lora_dropout.setValue(saved("lora_dropout", 0.05))
        self.target_modules.setText(str(settings.value("finetune/local_target_modules", "") or ""))
        self.device.setCurrentIndex(max(0, self.device.findData(saved("device", "auto"))))

    # -- the device ---------------------------------------------------------------------------------

    def start_probe(self) -> None:
        self.device_info = {}
        self.ctx.tasks.run_in_thread("finetune:probe-device", probe_device, owner=self,
                                     title=self.tr("Checking what this computer can train on"),
                                     on_done=self.set_device_info)
        self._update_device_help()

    def set_device_info(self, info: dict[str, Any]) -> None:
        self.device_info = info
        self._update_device_help()

    def _update_device_help(self) -> None:
        info = self.device_info
        kind = self.device.currentData()
        if not info:
            found = self.tr("Checking what this computer can train on…")
        elif info.get("cuda"):
            found = self.tr("This computer trains on its NVIDIA GPU ({name}).").format(
                name=info.get("cuda_name") or "CUDA")
        elif info.get("mps"):
            found = self.tr("This computer trains on its Apple GPU (MPS).")
        elif info.get("torch"):
            found = self.tr("No GPU found: training would run on the CPU.")
        else:
            found = self.tr("PyTorch did not start: {detail}").format(
                detail=info.get("error", ""))
        cpu = kind == "cpu" or (kind == "auto" and info and not info.get("cuda")
                                and not info.get("mps"))
        warning = (" " + self.tr("⚠ The CPU is slow: expect hours even for a small model.")
                   if cpu else "")
        self.device_help.setText(found + warning)
        four_bit = bool(info and info.get("four_bit")) and kind in ("auto", "cuda")
        self.four_bit.setEnabled(four_bit)
        if four_bit:
            self.four_bit_help.setText(self.tr("Uses about a quarter of the memory, so larger "
                                               "models fit; a little less precise."))
        elif not info:
            self.four_bit_help.setText(self.tr("Checking whether 4-bit loading is available…"))
        else:
            self.four_bit.setChecked(False)
            self.four_bit_help.setText(self.tr("Not available here: it needs an NVIDIA GPU (CUDA) "
                                               "and the bitsandbytes package."))

    # -- actions ------------------------------------------------------------------------------------

    def _copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command.text())
        self.ctx.show_status(self.tr("Command copied."))

    def choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.parent_widget,
                                                self.tr("Choose the base model's folder"))

    def _browse(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.model.setCurrentText(folder)
