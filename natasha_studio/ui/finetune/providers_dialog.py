"""Provider settings: keys and Google Cloud details, each provider with "Test connection".

Values go to the secret store (the OS keyring); a value set by an environment variable wins
and is shown read-only, so nobody wonders why their typing has no effect.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.providers.registry import build_provider
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import error_text

# provider -> [(secret name, label, is password)]
FIELDS = {
    "vertex": [("vertex_project", "project"), ("vertex_location", "location"),
               ("vertex_bucket", "bucket"), ("vertex_credentials_file", "credentials")],
    "openai": [("openai_api_key", "key"), ("openai_base_url", "base_url")],
    "local": [],  # nothing to set: "Test" says what this computer can train on
}


class ProviderSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Fine-tune providers"))
        self.resize(620, 640)
        self.edits: dict[str, QLineEdit] = {}
        self.results: dict[str, QLabel] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        labels = {
            "project": self.tr("Project id:"), "location": self.tr("Region:"),
            "bucket": self.tr("Cloud Storage bucket:"),
            "credentials": self.tr("Service-account key file:"),
            "key": self.tr("API key:"), "base_url": self.tr("Server address (optional):"),
        }
        placeholders = {
            "vertex_project": "my-project-123456", "vertex_location": "europe-west4",
            "vertex_bucket": "my-tuning-data",
            "vertex_credentials_file": self.tr("empty: use “gcloud auth application-default "
                                               "login”"),
            "openai_api_key": "sk-…", "openai_base_url": "https://api.openai.com/v1",
        }
        intros = {
            "vertex": self.tr("Vertex AI tunes Gemini models in your Google Cloud project. The "
                              "dataset is uploaded to a Cloud Storage bucket first."),
            "openai": self.tr("OpenAI tunes GPT models while it still accepts fine-tuning jobs "
                              "(new jobs end on 6 January 2027)."),
        }
        intros["local"] = self.tr("Local training tunes an open model (Qwen, Llama, Gemma…) on "
                                  "this computer with LoRA. It needs the optional [local] "
                                  "packages and, to be fast, an NVIDIA or Apple graphics card.")
        for kind, title in (("vertex", "Vertex AI"), ("openai", "OpenAI"),
                            ("local", self.tr("Local training (this computer)"))):
            box = QGroupBox(title)
            form = QFormLayout(box)
            intro = QLabel(intros[kind])
            intro.setWordWrap(True)
            form.addRow(intro)
            for name, label_key in FIELDS[kind]:
                edit = QLineEdit()
                edit.setPlaceholderText(placeholders[name])
                value, source = ctx.secrets.lookup(name)
                edit.setText(value or "")
                if name == "openai_api_key":
                    edit.setEchoMode(QLineEdit.EchoMode.Password)
                if source == "env":
                    edit.setReadOnly(True)
                    edit.setToolTip(self.tr("Set by an environment variable; change it there."))
                self.edits[name] = edit
                if name == "vertex_credentials_file":
                    row = QHBoxLayout()
                    row.addWidget(edit, 1)
                    browse = QPushButton(self.tr("Choose…"))
                    browse.clicked.connect(self._on_browse_clicked)
                    browse.setEnabled(source != "env")
                    row.addWidget(browse)
                    form.addRow(labels[label_key], row)
                else:
                    form.addRow(labels[label_key], edit)
            test = QPushButton(self.tr("Check this computer") if kind == "local" else
                               self.tr("Test connection"))
            test.clicked.connect(lambda _=False, k=kind: self._on_test_clicked(k))
            result = QLabel()
            result.setWordWrap(True)
            self.test_buttons[kind] = test
            self.results[kind] = result
            form.addRow(test, result)
            layout.addWidget(box)
        self.storage_note = QLabel()
        self.storage_note.setWordWrap(True)
        if not ctx.secrets.keyring_available:
            self.storage_note.setText(self.tr("No system keyring is available: these values "
                                              "are kept for this session only."))
        layout.addWidget(self.storage_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _overrides(self, kind: str) -> dict[str, str]:
        """What is typed now, so "Test connection" tries it before it is saved."""
        keys = {"vertex_project": "project", "vertex_location": "location",
                "vertex_bucket": "bucket", "vertex_credentials_file": "credentials_file",
                "openai_api_key": "api_key", "openai_base_url": "base_url"}
        return {keys[name]: self.edits[name].text().strip()
                for name, _ in FIELDS[kind] if self.edits[name].text().strip()}

    def save(self) -> None:
        for name, edit in self.edits.items():
            if not edit.isReadOnly():
                self.ctx.secrets.set(name, edit.text().strip())

    def _on_save(self) -> None:
        self.save()
        self.accept()

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Service-account key file"), "",
                                              self.tr("JSON key (*.json)"))
        if path:
            self.edits["vertex_credentials_file"].setText(path)

    def _on_test_clicked(self, kind: str) -> None:
        label = self.results[kind]
        label.setStyleSheet("")
        label.setText(self.tr("Connecting…"))
        self.test_buttons[kind].setEnabled(False)
        try:
            provider = build_provider(kind, self.ctx.secrets, **self._overrides(kind))
        except Exception as exc:
            self._on_tested(kind, exc)
            return

        async def run():
            try:
                return await provider.test_connection()
            except Exception as exc:  # shown in the dialog, not as a task failure
                return exc
        self.ctx.tasks.start(f"finetune:test:{kind}", run(), owner=self,
                             title=self.tr("Testing the connection"),
                             on_done=lambda result: self._on_tested(kind, result))

    def _on_tested(self, kind: str, result: object) -> None:
        self.test_buttons[kind].setEnabled(True)
        label = self.results[kind]
        if isinstance(result, BaseException):
            message, hint = error_text(result)
            label.setText(f"✖ {message} {hint}".strip())
            label.setStyleSheet("color: #c62828;")
        else:
            label.setText(f"✔ {result}")
            label.setStyleSheet("color: #2e7d32;")

    def done(self, result: int) -> None:
        self.ctx.tasks.cancel_owner(self)
        super().done(result)
