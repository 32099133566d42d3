"""Small dialogs of the Test chat tab: correcting an answer into a pair, picking a saved chat."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.chat.corrections import save_corrected_answer
from natasha_studio.core.chat.sessions import delete_session, list_sessions, rename_session
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage
from natasha_studio.core.store import Project
from natasha_studio.ui.errors import show_error


class CorrectionDialog(QDialog):
    """Shows the member's question and the model's answer; the curator edits and saves it."""

    def __init__(self, project: Project, conversation: Sequence[ChatMessage], answer: str,
                 model_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.conversation = list(conversation)
        self.original = answer
        self.model_name = model_name
        self.pair_id: int | None = None
        self.setWindowTitle(self.tr("Save as a training pair"))
        self.resize(640, 480)
        question = next((m.content for m in reversed(self.conversation) if m.role == "user"), "")
        intro = QLabel(self.tr("Correct the answer of {model} until it is what the persona would "
                               "say. It is added to the dataset as a new pair, marked as written "
                               "by the curator.").format(model=model_name))
        intro.setWordWrap(True)
        self.question = QPlainTextEdit(question)
        self.question.setReadOnly(True)
        self.question.setMaximumHeight(110)
        self.answer = QPlainTextEdit(answer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Question")))
        layout.addWidget(self.question)
        layout.addWidget(QLabel(self.tr("Answer")))
        layout.addWidget(self.answer, 1)
        layout.addWidget(buttons)

    def _on_save(self) -> None:
        try:
            self.pair_id = save_corrected_answer(
                self.project, self.conversation, self.answer.toPlainText(),
                model_name=self.model_name, original_answer=self.original)
        except StudioError as exc:
            show_error(self, self.tr("The pair was not saved"), exc)
            return
        self.accept()


class SessionsDialog(QDialog):
    """The saved side-by-side chats: open, rename or delete one."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Saved chats"))
        self.resize(520, 420)
        self.list = QListWidget()
        # Room between entries; long ones wrap instead of scrolling sideways.
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(self.tr("No saved chats yet. Every chat is kept as you go; it "
                                    "appears here after the first question."))
        self.empty.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setProperty("primary", True)
        rename = QPushButton(self.tr("Rename…"))
        delete = QPushButton(self.tr("Delete"))
        close = QPushButton(self.tr("Close"))
        row = QHBoxLayout()
        for button in (rename, delete):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.open_button.clicked.connect(self._on_open)
        self.list.itemDoubleClicked.connect(lambda _i: self._on_open())
        rename.clicked.connect(self._on_rename)
        delete.clicked.connect(self._on_delete)
        close.clicked.connect(self.reject)
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        for info in list_sessions(self.project):
            item = QListWidgetItem(self.tr("{title} — %n message(s), {date}", "", info.message_count)
                                   .format(title=info.title, date=info.updated_at[:16].replace("T", " ")))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, info.title)
            self.list.addItem(item)
        has = self.list.count() > 0
        self.empty.setVisible(not has)
        self.open_button.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)

    def _current(self) -> QListWidgetItem | None:
        return self.list.currentItem()

    def _on_open(self) -> None:
        item = self._current()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()

    def _on_rename(self) -> None:
        item = self._current()
        if item is None:
            return
        title, ok = QInputDialog.getText(self, self.tr("Rename chat"), self.tr("Name"),
                                         text=item.data(Qt.ItemDataRole.UserRole + 1))
        if ok:
            try:
                rename_session(self.project, item.data(Qt.ItemDataRole.UserRole), title)
            except StudioError as exc:
                show_error(self, self.tr("The chat was not renamed"), exc)
            self._reload()

    def _on_delete(self) -> None:
        item = self._current()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete chat"),
            self.tr("Delete “{title}” and its messages? Votes and training pairs made from it "
                    "stay.").format(title=item.data(Qt.ItemDataRole.UserRole + 1)))
        if answer == QMessageBox.StandardButton.Yes:
            delete_session(self.project, item.data(Qt.ItemDataRole.UserRole))
            self._reload()
