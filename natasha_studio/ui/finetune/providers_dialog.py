"""Provider set-up: one guided page per provider, each with "Test connection".

The list on the left names the providers; the page on the right says what account is needed
and what it costs, gives numbered steps with links to the right console pages, and asks only
for that provider's fields (server addresses under "Advanced"). Values go to the secret store
(the OS keyring); a value set by an environment variable wins and is shown read-only, so
nobody wonders why their typing has no effect.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.chat.models import api_key_name
from natasha_studio.providers.registry import build_provider
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import error_text
from natasha_studio.ui.finetune.setup_pages import Field, SetupPage, setup_pages

OK_COLOUR, ERROR_COLOUR = "#2e7d32", "#c62828"
# The compatible server's address is a setting, not a secret; its key is saved per address,
# where the Test chat looks for it.
COMPATIBLE_URL_SETTING = "finetune/compatible_base_url"


def _rich_label(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label


class ProviderSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 kind: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Set up providers"))
        self.resize(940, 700)
        self.edits: dict[str, QLineEdit] = {}
        self.results: dict[str, QLabel] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        self.advanced_toggles: dict[str, QToolButton] = {}
        self.pages: dict[str, SetupPage] = {}
        self._page_widgets: dict[str, QWidget] = {}
        self._fields: dict[str, list[Field]] = {}
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setFixedWidth(250)
        # Room around each name, and whole names: "Обучение на этом компьютере" was cut.
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.stack = QStackedWidget()
        for page in setup_pages():
            self.pages[page.kind] = page
            self.list.addItem(page.title)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            widget = self._build_page(page)
            scroll.setWidget(widget)
            self._page_widgets[page.kind] = widget
            self.stack.addWidget(scroll)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        body.addWidget(self.list)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
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
        self.show_page(kind or "yandex")

    # -- building ------------------------------------------------------------------------------

    def _build_page(self, page: SetupPage) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        title = QLabel(page.title)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(_rich_label(page.account))
        heading = QLabel(self.tr("How to set it up"))
        heading.setStyleSheet("font-weight: 600; margin-top: 6px;")
        layout.addWidget(heading)
        steps = "".join(f"<li style='margin-bottom: 6px'>{step}</li>" for step in page.steps)
        layout.addWidget(_rich_label(f"<ol style='margin-left: 0'>{steps}</ol>"))
        if page.command:
            row = QHBoxLayout()
            command = QLineEdit(page.command)
            command.setReadOnly(True)
            command.setCursorPosition(0)
            self.edits[f"{page.kind}:command"] = command
            copy = QPushButton(self.tr("Copy"))
            copy.clicked.connect(lambda _=False, text=page.command: self._on_copy(text))
            row.addWidget(command, 1)
            row.addWidget(copy)
            layout.addLayout(row)
        self._fields[page.kind] = [*page.fields, *page.advanced]
        if page.fields:
            form = QFormLayout()
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for spec in page.fields:
                form.addRow(spec.label, self._field_widget(spec))
            layout.addLayout(form)
        if page.advanced:
            toggle = QToolButton()
            toggle.setText(self.tr("Advanced: server addresses"))
            toggle.setCheckable(True)
            toggle.setArrowType(Qt.ArrowType.RightArrow)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            toggle.setAutoRaise(True)
            box = QWidget()
            form = QFormLayout(box)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            note = QLabel(self.tr("Only for a proxy or a company gateway. Leave empty to use "
                                  "the provider's own address."))
            note.setWordWrap(True)
            form.addRow(note)
            for spec in page.advanced:
                form.addRow(spec.label, self._field_widget(spec))
            # Open already when an address is set, so nobody forgets it is there.
            opened = any(self.edits[spec.secret].text() for spec in page.advanced)
            box.setVisible(opened)
            toggle.setChecked(opened)
            toggle.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
            toggle.toggled.connect(lambda on, b=box, t=toggle: self._on_advanced_toggled(b, t, on))
            self.advanced_toggles[page.kind] = toggle
            layout.addWidget(toggle)
            layout.addWidget(box)
        test = QPushButton(page.test_label or self.tr("Test connection"))
        test.clicked.connect(lambda _=False, k=page.kind: self._on_test_clicked(k))
        result = QLabel()
        result.setWordWrap(True)
        result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_buttons[page.kind] = test
        self.results[page.kind] = result
        row = QHBoxLayout()
        row.addWidget(test, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(result, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        return widget

    def _field_widget(self, spec: Field) -> QWidget:
        edit = QLineEdit()
        edit.setPlaceholderText(spec.placeholder)
        if spec.password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edits[spec.secret] = edit
        if spec.secret == "compatible_base_url":
            edit.setText(str(self.ctx.settings.value(COMPATIBLE_URL_SETTING, "") or ""))
            return edit
        if spec.secret == "compatible_api_key":
            url = str(self.ctx.settings.value(COMPATIBLE_URL_SETTING, "") or "")
            edit.setText((self.ctx.secrets.get(api_key_name(url)) or "") if url else "")
            return edit
        value, source = self.ctx.secrets.lookup(spec.secret)
        edit.setText(value or "")
        if source == "env":
            edit.setReadOnly(True)
            edit.setToolTip(self.tr("Set by an environment variable; change it there."))
        if not spec.browse:
            return edit
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda _=False, e=edit: self._on_browse_clicked(e))
        browse.setEnabled(source != "env")
        row.addWidget(browse)
        return holder

    # -- state ---------------------------------------------------------------------------------

    def show_page(self, kind: str) -> None:
        kinds = list(self.pages)
        self.list.setCurrentRow(kinds.index(kind) if kind in kinds else 0)

    def page_widget(self, kind: str) -> QWidget:
        return self._page_widgets[kind]

    def _overrides(self, kind: str) -> dict[str, str]:
        """What is typed now, so "Test connection" tries it before it is saved."""
        return {spec.override: self.edits[spec.secret].text().strip()
                for spec in self._fields[kind] if self.edits[spec.secret].text().strip()}

    def save(self) -> None:
        for kind, specs in self._fields.items():
            for spec in specs:
                edit = self.edits[spec.secret]
                if kind == "compatible" or edit.isReadOnly():
                    continue
                self.ctx.secrets.set(spec.secret, edit.text().strip())
        url = self.edits["compatible_base_url"].text().strip().rstrip("/")
        self.ctx.settings.set_value(COMPATIBLE_URL_SETTING, url)
        if url:
            self.ctx.secrets.set(api_key_name(url), self.edits["compatible_api_key"].text().strip())

    # -- reactions -----------------------------------------------------------------------------

    def _on_save(self) -> None:
        self.save()
        self.accept()

    def _on_copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.ctx.show_status(self.tr("The command is copied: paste it into a terminal."), 5000)

    @staticmethod
    def _on_advanced_toggled(box: QWidget, toggle: QToolButton, on: bool) -> None:
        box.setVisible(on)
        toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _on_browse_clicked(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Google credentials file"), "",
                                              self.tr("JSON file (*.json)"))
        if path:
            edit.setText(path)

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
            except Exception as exc:  # shown on the page, not as a task failure
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
            label.setStyleSheet(f"color: {ERROR_COLOUR};")
        else:
            label.setText(f"✔ {result}")
            label.setStyleSheet(f"color: {OK_COLOUR};")

    def done(self, result: int) -> None:
        self.ctx.tasks.cancel_owner(self)
        super().done(result)
