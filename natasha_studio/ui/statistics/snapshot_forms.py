"""Forms of the Snapshots dialog: freezing a new snapshot, and exporting one to a file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core.export import PairFilter
from natasha_studio.core.export.formats import FORMAT_SUFFIX, JSONL_FORMATS
from natasha_studio.core.export.speakers import DEFAULT_SPEAKERS, speaker_modes_explained
from natasha_studio.core.pairs import STATUSES
from natasha_studio.ui.statistics.texts import status_label


class FreezeDialog(QDialog):
    """Name, note, which pairs, and how to split them."""

    def __init__(self, default_name: str, stats_filter: PairFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Freeze a snapshot"))
        self.setToolTip(glossary.tooltip("snapshot"))
        self._stats_filter = stats_filter
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A snapshot keeps these pairs exactly as they are now. Later edits do not change it, "
            "so a fine-tune can always be traced back to its data."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(default_name)
        form.addRow(self.tr("Name:"), self.name)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What is special about this version (optional)"))
        self.note.setMaximumHeight(70)
        form.addRow(self.tr("Note:"), self.note)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(status_label(status), status)
        self.status.setCurrentIndex(self.status.findData("approved"))
        form.addRow(self.tr("Pairs:"), self.status)
        self.use_filter = QCheckBox(self.tr("Only the chat and topic chosen on the Statistics tab"))
        has_filter = bool(stats_filter.chat_ids or stats_filter.topics)
        self.use_filter.setEnabled(has_filter)
        self.use_filter.setChecked(has_filter)
        form.addRow("", self.use_filter)
        self.validation = QSpinBox()
        self.validation.setRange(0, 50)
        self.validation.setValue(10)
        self.validation.setSuffix(" %")
        self.validation.setToolTip(glossary.tooltip("validation_share"))
        form.addRow(self.tr("Validation share:"), self.validation)
        self.heldout = QSpinBox()
        self.heldout.setRange(0, 10_000)
        self.heldout.setValue(0)
        self.heldout.setToolTip(glossary.tooltip("heldout"))
        form.addRow(self.tr("Held-out questions:"), self.heldout)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.seed.setValue(0)
        self.seed.setToolTip(glossary.tooltip("split_seed"))
        form.addRow(self.tr("Split seed:"), self.seed)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Freeze"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def pair_filter(self) -> PairFilter:
        chats, topics = (), ()
        if self.use_filter.isChecked():
            chats, topics = tuple(self._stats_filter.chat_ids), tuple(self._stats_filter.topics)
        return PairFilter(statuses=(self.status.currentData(),), chat_ids=chats, topics=topics)

    def values(self) -> dict:
        return {
            "name": self.name.text().strip(),
            "note": self.note.toPlainText().strip(),
            "pair_filter": self.pair_filter(),
            "validation_split": self.validation.value() / 100,
            "heldout": self.heldout.value(),
            "seed": self.seed.value(),
        }

    def _on_accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Give the snapshot a name."))
            self.error.show()
            return
        self.accept()


class ExportDialog(QDialog):
    """Format, part, option, and the file to write."""

    def __init__(self, snapshot_name: str, parent: QWidget | None = None, *,
                 speakers: str = DEFAULT_SPEAKERS) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export \u201c{name}\u201d").format(name=snapshot_name))
        self._snapshot_name = snapshot_name
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format = QComboBox()
        for key, label in (
            ("vertex", self.tr("Vertex AI (Gemini) JSONL")),
            ("openai", self.tr("OpenAI chat JSONL")),
            ("yandex", self.tr("Yandex AI Studio JSONL (request and response)")),
            ("hf", self.tr("Hugging Face messages JSONL (TRL, Unsloth, LLaMA-Factory)")),
            ("csv", self.tr("CSV table (Excel, LibreOffice)")),
            ("json", self.tr("JSON with every detail")),
        ):
            self.format.addItem(label, key)
        form.addRow(self.tr("Format:"), self.format)
        self.part = QComboBox()
        for key, label in (("train", self.tr("Training part")), ("validation", self.tr("Validation part")),
                           ("heldout", self.tr("Held-out questions")), ("all", self.tr("Everything"))):
            self.part.addItem(label, key)
        form.addRow(self.tr("Pairs:"), self.part)
        self.final_only = QCheckBox(self.tr("Train only the last answer of multi-turn pairs"))
        self.final_only.setToolTip(self.tr("Earlier answers in the conversation stay as context "
                                           "but are not learned (OpenAI \u201cweight: 0\u201d)."))
        form.addRow("", self.final_only)
        # A question that merges two members' messages: how the model is told they are two.
        explained = speaker_modes_explained()
        self.speakers = QComboBox()
        self.speakers.addItem(self.tr("Label each member (Участник 1, Участник 2)"), "labels")
        self.speakers.addItem(self.tr("Keep only the last member's words; the rest as context"),
                              "context")
        for index in range(self.speakers.count()):
            self.speakers.setItemData(index, explained[self.speakers.itemData(index)],
                                      Qt.ItemDataRole.ToolTipRole)
        self.speakers.setCurrentIndex(max(0, self.speakers.findData(speakers)))
        self.speakers_help = QLabel()
        self.speakers_help.setWordWrap(True)
        self.speakers_help.setProperty("role", "muted")
        self.speakers.currentIndexChanged.connect(
            lambda: self.speakers_help.setText(explained[self.speakers.currentData()]))
        self.speakers_help.setText(explained[self.speakers.currentData()])
        form.addRow(self.tr("Several members in one question:"), self.speakers)
        form.addRow("", self.speakers_help)
        self.internal = QCheckBox(self.tr("Internal copy with real names and links (never for "
                                          "training)"))
        self.internal.setToolTip(self.tr(
            "Members are named by stable pseudonyms in every export. An internal copy keeps "
            "their real names and links to their messages, for your own reading: keep it to "
            "yourself and never upload it. Only for CSV and JSON."))
        form.addRow("", self.internal)
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose\u2026"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("File:"), path_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.path.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self._on_format_changed()
        self.ok_button.setEnabled(False)

    def _default_name(self) -> str:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in self._snapshot_name)
        return f"{safe}-{self.part.currentData()}{FORMAT_SUFFIX[self.format.currentData()]}"

    def _on_format_changed(self) -> None:
        fmt = self.format.currentData()
        self.final_only.setEnabled(fmt == "openai")
        self.internal.setEnabled(fmt not in JSONL_FORMATS)
        if fmt in JSONL_FORMATS:
            self.internal.setChecked(False)
        text = self.path.text().strip()
        if text:
            for suffix in set(FORMAT_SUFFIX.values()):
                if text.endswith(suffix):
                    self.path.setText(text[: -len(suffix)] + FORMAT_SUFFIX[self.format.currentData()])
                    break

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text() or self._default_name())
        if path:
            self.path.setText(path)

    def values(self) -> dict:
        return {"fmt": self.format.currentData(), "split": self.part.currentData(),
                "final_answer_only": self.final_only.isChecked() and self.format.currentData() == "openai",
                "speakers": self.speakers.currentData(),
                "internal": self.internal.isChecked() and self.internal.isEnabled(),
                "out_path": self.path.text().strip()}
