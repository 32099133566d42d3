"""The first screen: create a project, open one, or open the demo; recent projects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core.store import PROJECT_SUFFIX
from natasha_studio.paths import resource


class WelcomePage(QWidget):
    """Shown when no project is open."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)

        center = QHBoxLayout()
        outer.addLayout(center)
        center.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        center.addLayout(column, 0)
        center.addStretch(1)

        header = QHBoxLayout()
        icon = QLabel()
        icon_path = resource("icons", "natasha-studio-256.png")
        if icon_path.exists():
            icon.setPixmap(QIcon(str(icon_path)).pixmap(QSize(72, 72)))
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        title = QLabel(self.tr("Natasha Studio"))
        title.setProperty("role", "title")
        subtitle = QLabel(self.tr(
            "Turn a Telegram community's conversations into a fine-tuning dataset in the "
            "persona's voice, tune a model on it, and check that it sounds like her."))
        subtitle.setWordWrap(True)
        subtitle.setProperty("role", "subtitle")
        subtitle.setMaximumWidth(560)
        titles.addWidget(title)
        titles.addWidget(subtitle)
        header.addLayout(titles, 1)
        column.addLayout(header)
        column.addSpacing(10)

        self.new_button = self._action_button(
            self.tr("New project…"),
            self.tr("Start a dataset for a persona: give her name and a system prompt."),
            primary=True)
        self.open_button = self._action_button(
            self.tr("Open project…"), self.tr("Continue with a .nstudio file."))
        self.demo_button = self._action_button(
            self.tr("Open the demo project"),
            self.tr("A fictional community chat, ready to explore every tab without a Telegram "
                    "account."))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        for button in (self.new_button, self.open_button, self.demo_button):
            column.addWidget(button)

        column.addSpacing(12)
        recent_title = QLabel(self.tr("Recent projects"))
        recent_title.setProperty("role", "heading")
        column.addWidget(recent_title)
        self.recent_list = QListWidget()
        self.recent_list.setMinimumHeight(120)
        self.recent_list.setMaximumHeight(220)
        # One click opens, as on the cards beside it (double clicks opened only once anyway).
        self.recent_list.setStyleSheet("QListWidget { activate-on-singleclick: 1; }")
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        self.recent_empty = QLabel(self.tr("No recent projects yet."))
        self.recent_empty.setProperty("role", "muted")
        column.addWidget(self.recent_list)
        column.addWidget(self.recent_empty)
        outer.addStretch(2)

    def _action_button(self, title: str, description: str, primary: bool = False) -> QPushButton:
        button = QPushButton()
        button.setMinimumWidth(560)
        button.setMinimumHeight(76)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        inner = QVBoxLayout(button)
        inner.setContentsMargins(18, 10, 18, 10)
        inner.setSpacing(2)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600; font-size: 12pt; background: transparent;"
                              + (" color: white;" if primary else ""))
        body = QLabel(description)
        body.setWordWrap(True)
        body.setStyleSheet("background: transparent;" + (" color: #ece8ff;" if primary else ""))
        for label in (heading, body):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner.addWidget(label)
        button.setAccessibleName(title)
        button.setToolTip(description)
        if primary:
            button.setProperty("primary", True)
        return button

    def set_recent(self, paths: list[Path]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            if not path.exists():
                item.setText(self.tr("{name}    —    file not found").format(name=path.stem))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self.recent_empty.setVisible(not paths)

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))


class NewProjectDialog(QDialog):
    """Persona name, system prompt and where to save the project file."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project"))
        self.setMinimumWidth(620)
        self._folder = folder
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A project is one file that holds everything: sources, pairs, your edits, "
            "snapshots and fine-tune jobs. You can copy it to another computer."))
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout.addWidget(intro)

        form = QFormLayout()
        self.persona = QLineEdit()
        self.persona.setPlaceholderText(self.tr("e.g. Наташа"))
        self.prompt = QPlainTextEdit()
        self.prompt.setPlaceholderText(self.tr(
            "Who the model should be, e.g. “You are Наташа, the host of a community about …”"))
        self.prompt.setMinimumHeight(120)
        self.prompt.setToolTip(glossary.tooltip("system_prompt"))
        self.location = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Persona name:"), self.persona)
        form.addRow(self.tr("System prompt:"), self.prompt)
        form.addRow(self.tr("Project file:"), row)
        layout.addLayout(form)
        hint = QLabel(self.tr("You can change the system prompt later."))
        hint.setProperty("role", "muted")
        layout.addWidget(hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.persona.textChanged.connect(self._on_persona_changed)
        self._location_touched = False
        self.location.textEdited.connect(lambda _: setattr(self, "_location_touched", True))
        self._on_persona_changed("")

    def _on_persona_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))
        if not self._location_touched:
            name = _safe_file_name(text.strip()) or self.tr("dataset")
            self.location.setText(str(self._folder / f"{name}{PROJECT_SUFFIX}"))

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the project as"), self.location.text(),
            self.tr("Natasha Studio projects (*.nstudio)"))
        if path:
            self._location_touched = True
            self.location.setText(path)

    def values(self) -> tuple[str, str, Path]:
        return self.persona.text().strip(), self.prompt.toPlainText().strip(), Path(
            self.location.text().strip())


def _safe_file_name(text: str) -> str:
    bad = '<>:"/\\|?*'
    return "".join("_" if c in bad or ord(c) < 32 else c for c in text).strip(". ")
