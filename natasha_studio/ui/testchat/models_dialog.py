"""The models manager: the project's named models, and any OpenAI-compatible server.

A compatible server is a base URL, an API key (kept in the OS keyring, never in the project)
and the model's name; "Check" asks the server for its models so a typo shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio import local
from natasha_studio.core.chat.local_models import adapter_base_model, adapter_folder, local_entry
from natasha_studio.core.chat.models import (
    ModelEntry,
    add_model,
    api_key_name,
    delete_model,
    list_models,
    sync_job_models,
    update_model,
)
from natasha_studio.core.chat.streaming import error_message
from natasha_studio.core.errors import StudioError
from natasha_studio.operations.changes import Changes
from natasha_studio.providers.registry import provider_for
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.testchat.common import kind_label

# Addresses people most often mean; the field stays free text.
SERVER_PRESETS = [
    ("Ollama", "http://localhost:11434/v1"),
    ("LM Studio", "http://localhost:1234/v1"),
    ("vLLM", "http://localhost:8000/v1"),
    ("Moonshot (Kimi)", "https://api.moonshot.ai/v1"),
]


class ModelsDialog(QDialog):
    """Add, change, check and delete model entries."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Models"))
        self.resize(820, 460)
        self._editing: ModelEntry | None = None

        self.list = QListWidget()
        # Room between entries; long ones wrap instead of scrolling sideways.
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(260)
        add_button = QPushButton(self.tr("New model"))
        jobs_button = QPushButton(self.tr("Add models of finished jobs"))
        jobs_button.setToolTip(self.tr("Every tuned model of this project's jobs, with the base "
                                       "model it was tuned from"))
        self.delete_button = QPushButton(self.tr("Delete"))
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(add_button)
        left.addWidget(jobs_button)
        left.addWidget(self.delete_button)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Наташа v2, or Llama on my laptop"))
        self.provider = QComboBox()
        self.provider.addItem(self.tr("OpenAI-compatible server (Ollama, LM Studio, vLLM, Kimi…)"),
                              "compatible")
        self.provider.addItem("OpenAI", "openai")
        self.provider.addItem("Vertex AI (Google)", "vertex")
        # The clouds set up under Fine-tune → Providers… (their keys come from there).
        for label, kind in (("Yandex AI Studio", "yandex"), ("Together AI", "together"),
                            ("Fireworks AI", "fireworks")):
            self.provider.addItem(label, kind)
        self.provider.addItem(self.tr("Local model (this computer)"), "local")
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Fill in a known server…"), "")
        for label, url in SERVER_PRESETS:
            self.preset.addItem(f"{label} — {url}", url)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("http://localhost:11434/v1")
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("Leave empty if the server needs no key"))
        self.model_id = QLineEdit()
        self.model_id.setPlaceholderText(self.tr("The model's name on the server, e.g. llama3.1"))
        self.local_base = QLineEdit()
        self.local_base.setPlaceholderText(self.tr("A model folder, or an id such as "
                                                   "Qwen/Qwen2.5-0.5B-Instruct"))
        self.local_adapter = QLineEdit()
        self.local_adapter.setPlaceholderText(self.tr("Optional: a LoRA adapter folder"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Ask the server which models it has"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("primary", True)
        close = QPushButton(self.tr("Close"))

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Provider"), self.provider)
        form.addRow("", self.preset)
        form.addRow(self.tr("Server address"), self.base_url)
        form.addRow(self.tr("API key"), self.api_key)
        form.addRow(self.tr("Model"), self.model_id)
        form.addRow(self.tr("Base model"), self._with_browse(
            self.local_base, self.tr("Choose the base model's folder")))
        form.addRow(self.tr("Adapter"), self._with_browse(
            self.local_adapter, self.tr("Choose the adapter's folder")))
        self._form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.note)
        right.addWidget(self.status)
        right.addStretch(1)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        self.list.currentItemChanged.connect(lambda _c, _p: self._on_select())
        add_button.clicked.connect(self.new_entry)
        jobs_button.clicked.connect(self._on_sync_jobs)
        self.delete_button.clicked.connect(self._on_delete)
        self.provider.currentIndexChanged.connect(lambda _i: self._update_fields())
        self.preset.activated.connect(self._on_preset)
        self.check_button.clicked.connect(self._on_check)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.accept)
        self._reload()
        self.new_entry()

    def _with_browse(self, edit: QLineEdit, title: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(lambda: self._browse(edit, title))
        layout.addWidget(edit, 1)
        layout.addWidget(button)
        return row

    def choose_folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self, title)

    def _browse(self, edit: QLineEdit, title: str) -> None:
        folder = self.choose_folder(title)
        if folder:
            edit.setText(folder)

    # -- list ----------------------------------------------------------------------------------

    def _reload(self, select_id: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for entry in list_models(self.ctx.project) if self.ctx.project else []:
            item = QListWidgetItem(f"{entry.name}\n{kind_label(entry)} · {entry.model_id}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(item.text())  # a tuned model's id is longer than the list
            self.list.addItem(item)
            if entry.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(self.list.currentItem() is not None)

    def _on_select(self) -> None:
        item = self.list.currentItem()
        self.delete_button.setEnabled(item is not None)
        if item is None:
            return
        entry: ModelEntry = item.data(Qt.ItemDataRole.UserRole)
        self._editing = entry
        self.name.setText(entry.name)
        self.provider.setCurrentIndex(max(0, self.provider.findData(entry.provider)))
        self.base_url.setText(entry.base_url or "")
        self.api_key.setText(self.ctx.secrets.get(entry.api_key_name) or ""
                             if entry.api_key_name else "")
        self.model_id.setText(entry.model_id)
        base = adapter = ""
        if entry.provider == "local":
            # A tuned model's entry (from "Test in chat") names only the adapter's folder.
            folder = adapter_folder(entry.model_id)
            adapter = entry.settings.get("adapter") or (str(folder) if folder else "")
            base = entry.settings.get("base_model") or (
                adapter_base_model(folder) if folder else entry.model_id)
        self.local_base.setText(base)
        self.local_adapter.setText(adapter)
        self.status.clear()
        self._update_fields()

    def new_entry(self) -> None:
        self._editing = None
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        for field in (self.name, self.base_url, self.api_key, self.model_id, self.local_base,
                      self.local_adapter):
            field.clear()
        self.provider.setCurrentIndex(0)
        self.status.clear()
        self._update_fields()
        self.name.setFocus()

    def _update_fields(self) -> None:
        kind = self.provider.currentData()
        compatible = kind == "compatible"
        is_local = kind == "local"
        for widget in (self.preset, self.base_url, self.api_key):
            self._form.setRowVisible(widget, compatible)
        self._form.setRowVisible(self.model_id, not is_local)
        for edit in (self.local_base, self.local_adapter):
            self._form.setRowVisible(edit.parentWidget(), is_local)
        missing = local.missing_packages() if is_local else []
        self.check_button.setEnabled(not missing)
        self.save_button.setEnabled(not missing)
        if missing:
            self.note.setText(self.tr("Local models are not installed ({names} missing). Add "
                                      "them with: {command}").format(
                names=", ".join(missing), command=local.INSTALL_COMMAND))
        elif is_local:
            self.note.setText(self.tr("Answers come from this computer, in a separate process; "
                                      "the first answer waits while the model loads. With an "
                                      "adapter, the base model it was trained on is used."))
        elif compatible:
            self.note.setText(self.tr("The key is kept in the system's password store, never in "
                                      "the project file."))
        else:
            self.note.setText(self.tr("Uses the account set in Settings → Providers."))

    def _on_preset(self, index: int) -> None:
        url = self.preset.itemData(index)
        if url:
            self.base_url.setText(url)
            if not self.name.text().strip():
                self.name.setText(self.preset.itemText(index).split(" — ")[0])
        self.preset.setCurrentIndex(0)

    # -- actions -------------------------------------------------------------------------------

    def save(self) -> int | None:
        """Save the form as a new entry or over the one being edited; returns its id."""
        project = self.ctx.project
        if project is None:
            return None
        provider = self.provider.currentData()
        base_url = self.base_url.text().strip() if provider == "compatible" else None
        model_id, settings = self.model_id.text(), None
        try:
            if provider == "local":
                model_id, settings = local_entry(self.local_base.text(), self.local_adapter.text())
                if self._editing is not None:
                    kept = {k: v for k, v in self._editing.settings.items()
                            if k not in ("adapter", "base_model")}
                    settings = {**kept, **settings}
            if self._editing is None:
                entry_id = add_model(project, self.name.text(), provider, model_id,
                                     base_url=base_url, settings=settings)
            else:
                entry_id = self._editing.id
                update_model(project, entry_id, name=self.name.text(), provider=provider,
                             model_id=model_id, base_url=base_url, settings=settings)
        except StudioError as exc:
            show_error(self, self.tr("The model was not saved"), exc)
            return None
        if provider == "compatible":
            where = self.ctx.secrets.set(api_key_name(base_url), self.api_key.text().strip())
            if where == "session" and self.api_key.text().strip():
                self.status.setText(self.tr("No password store is available: the key is kept "
                                            "until the app closes."))
        self._reload(entry_id)
        self._on_select()
        self.ctx.apply(Changes(models=True))
        return entry_id

    def _on_delete(self) -> None:
        item = self.list.currentItem()
        if item is None or self.ctx.project is None:
            return
        entry: ModelEntry = item.data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self, self.tr("Delete model"),
            self.tr("Delete “{name}” from the list? Its votes, chats and held-out answers stay, "
                    "under “deleted model”.").format(name=entry.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_model(self.ctx.project, entry.id)
        self._reload()
        self.new_entry()
        self.ctx.apply(Changes(models=True))

    def _on_sync_jobs(self) -> None:
        if self.ctx.project is None:
            return
        added = sync_job_models(self.ctx.project)
        self._reload()
        self.status.setText(self.tr("%n model(s) added.", "", len(added)) if added else
                            self.tr("Every finished job's models are already in the list."))
        if added:
            self.ctx.apply(Changes(models=True))

    def _on_check(self) -> None:
        provider = self.provider.currentData()
        if provider == "local":
            try:
                model_id, _settings = local_entry(self.local_base.text(),
                                                  self.local_adapter.text())
            except StudioError as exc:
                self.status.setText(error_message(exc))
                return
            self.status.setText(self.tr("Checking…"))
            self.ctx.tasks.start("testchat.check_model", self._check_local(model_id),
                                 title=self.tr("Checking the model"), owner=self)
            return
        entry = ModelEntry(0, self.name.text() or "?", provider, self.model_id.text().strip(),
                           base_url=self.base_url.text().strip() or None)
        # A compatible server is checked with the key typed in the form, saved or not.
        key = self.api_key.text().strip() if provider == "compatible" else None
        self.status.setText(self.tr("Checking…"))
        self.ctx.tasks.start("testchat.check_model", self._check(entry, key),
                             title=self.tr("Checking the model"), owner=self)

    async def _check_local(self, model_id: str) -> None:
        try:
            provider = provider_for(ModelEntry(0, "?", "local", model_id), self.ctx.secrets)
            found = await provider.test_connection()
        except Exception as exc:  # reported in this dialog, in words
            self.status.setText(error_message(exc))
            return
        self.status.setText(self.tr("Ready: {found}").format(found=found))

    async def _check(self, entry: ModelEntry, key: str | None) -> None:
        try:
            provider = provider_for(entry, self.ctx.secrets, api_key=key)
            models = await provider.list_models()
        except Exception as exc:  # every failure is reported in this dialog, in words
            self.status.setText(error_message(exc))
            return
        if entry.model_id and models and entry.model_id not in models:
            self.status.setText(self.tr("The server answered, but has no model named “{model}”. "
                                        "It has: {models}").format(
                model=entry.model_id, models=", ".join(models[:12])))
        else:
            self.status.setText(self.tr("The server answered; %n model(s) available.", "",
                                        len(models)))
