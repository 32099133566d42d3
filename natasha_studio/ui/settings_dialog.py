"""Settings: language, theme, data folder, and the keys and credentials of each service."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.secrets import SECRETS, SecretStore
from natasha_studio.settings import AppSettings


@dataclass
class _SecretField:
    name: str
    edit: QLineEdit
    origin: QLabel
    initial: str


class SettingsDialog(QDialog):
    """Changes take effect when the dialog is accepted; ``language_changed`` tells the caller."""

    def __init__(self, settings: AppSettings, secrets: SecretStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.secrets = secrets
        self.language_changed = False
        self.theme_changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._general_page(), self.tr("General"))
        self.tabs.addTab(self._keys_page(), self.tr("Keys and accounts"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- pages -------------------------------------------------------------------------------

    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "system")
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.theme = QComboBox()
        self.theme.addItem(self.tr("As the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.settings.theme)))
        self.data_folder = QLineEdit(str(self.settings.data_folder))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Folder for new projects:"), row)
        return page

    def _keys_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if not self.secrets.keyring_available:
            warning = QLabel(self.tr(
                "This computer has no password storage (keyring) that Natasha Studio can use. "
                "Keys you enter are kept only until you close the app, and never written to "
                "disk; you will be asked for them again next time."))
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b4561b;")
            layout.addWidget(warning)
        else:
            note = QLabel(self.tr(
                "Keys are kept in your system's password storage, never in project files. "
                "Environment variables, where set, take precedence."))
            note.setWordWrap(True)
            note.setProperty("role", "muted")
            layout.addWidget(note)
        self._fields: list[_SecretField] = []

        openai = QGroupBox(self.tr("OpenAI"))
        form = QFormLayout(openai)
        self._secret_row(form, "openai_api_key", self.tr("API key:"), password=True,
                         placeholder="sk-…")
        self._secret_row(form, "openai_base_url", self.tr("Base URL (optional):"),
                         placeholder="https://api.openai.com/v1")
        layout.addWidget(openai)

        vertex = QGroupBox(self.tr("Google Vertex AI"))
        form = QFormLayout(vertex)
        self._secret_row(form, "vertex_project", self.tr("Project ID:"),
                         placeholder="my-project-123")
        self._secret_row(form, "vertex_location", self.tr("Region:"), placeholder="us-central1")
        self._secret_row(form, "vertex_bucket", self.tr("Cloud Storage bucket:"),
                         placeholder="my-tuning-data")
        pick = QPushButton(self.tr("Choose…"))
        creds = self._secret_row(form, "vertex_credentials_file",
                                 self.tr("Service-account key file:"),
                                 placeholder=self.tr("empty: Application Default Credentials"),
                                 extra=pick)
        pick.clicked.connect(lambda: self._on_pick_credentials(creds))
        layout.addWidget(vertex)

        telegram = QGroupBox(self.tr("Telegram"))
        form = QFormLayout(telegram)
        self._secret_row(form, "telegram_api_id", self.tr("API id:"), placeholder="1234567")
        self._secret_row(form, "telegram_api_hash", self.tr("API hash:"), password=True)
        layout.addWidget(telegram)

        compatible = QGroupBox(self.tr("OpenAI-compatible server"))
        form = QFormLayout(compatible)
        self._secret_row(form, "compatible_api_key", self.tr("API key:"), password=True,
                         placeholder=self.tr("if the server needs one"))
        layout.addWidget(compatible)
        layout.addStretch(1)
        return page

    def _secret_row(self, form: QFormLayout, name: str, label: str, *, password: bool = False,
                    placeholder: str = "", extra: QWidget | None = None) -> QLineEdit:
        assert name in SECRETS, name
        value, origin = self.secrets.lookup(name)
        edit = QLineEdit(value or "")
        edit.setPlaceholderText(placeholder)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        origin_label = QLabel(self._origin_text(origin))
        origin_label.setProperty("role", "muted")
        if origin == "env":
            edit.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        if extra is not None:
            row.addWidget(extra)
        row.addWidget(origin_label)
        form.addRow(label, row)
        self._fields.append(_SecretField(name, edit, origin_label, value or ""))
        return edit

    def _origin_text(self, origin: str | None) -> str:
        return {
            "env": self.tr("from the environment"),
            "keyring": self.tr("saved"),
            "session": self.tr("this session only"),
        }.get(origin or "", "")

    # -- actions -----------------------------------------------------------------------------

    def _on_browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for new projects"),
                                                  self.data_folder.text())
        if folder:
            self.data_folder.setText(folder)

    def _on_pick_credentials(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Service-account key file"), edit.text(),
            self.tr("JSON key files (*.json)"))
        if path:
            edit.setText(path)

    def accept(self) -> None:
        language = self.language.currentData()
        theme = self.theme.currentData()
        self.language_changed = language != self.settings.language
        self.theme_changed = theme != self.settings.theme
        self.settings.language = language
        self.settings.theme = theme
        if self.data_folder.text().strip():
            self.settings.data_folder = self.data_folder.text().strip()
        for field in self._fields:
            if not field.edit.isEnabled():
                continue  # comes from the environment
            value = field.edit.text().strip()
            if value != field.initial:
                self.secrets.set(field.name, value)
        self.settings.sync()
        super().accept()
