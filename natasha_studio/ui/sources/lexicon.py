"""The topic lexicon editor: topics and their keywords, then re-tag the pairs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.dataset.topics import delete_topic, list_topics, save_topic
from natasha_studio.core.errors import StudioError
from natasha_studio.core.store import Project
from natasha_studio.ui.errors import show_error


class LexiconDialog(QDialog):
    """Edit topics; ``retag_requested`` is true after closing when the lexicon changed."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.changed = False
        self.setWindowTitle(self.tr("Topics and keywords"))
        self.resize(720, 460)
        self.topics = QListWidget()
        # Room between entries; long ones wrap instead of scrolling sideways.
        self.topics.setSpacing(2)
        self.topics.setWordWrap(True)
        self.topics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Topic name"))
        self.keywords = QPlainTextEdit()
        self.keywords.setPlaceholderText(self.tr("One keyword or phrase per line, in any form: "
                                                 "\"медитация\" also finds \"медитации\"."))
        hint = QLabel(self.tr("A pair gets a topic when its question or answer contains one of the "
                              "topic's words. Words match in every form, so one entry is enough."))
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        self.add_button = QPushButton(self.tr("New topic"))
        self.save_button = QPushButton(self.tr("Save topic"))
        self.save_button.setProperty("primary", True)
        self.delete_button = QPushButton(self.tr("Delete topic"))
        edit = QVBoxLayout()
        edit.addWidget(self.name)
        edit.addWidget(self.keywords, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        edit.addLayout(row)
        left = QVBoxLayout()
        left.addWidget(self.topics, 1)
        left.addWidget(self.add_button)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(edit, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.topics.currentItemChanged.connect(self._on_current_changed)
        self.add_button.clicked.connect(self._on_new)
        self.save_button.clicked.connect(self._on_save)
        self.delete_button.clicked.connect(self._on_delete)
        self._reload()

    def _reload(self, select: int | None = None) -> None:
        self.topics.clear()
        for topic in list_topics(self.project):
            item = QListWidgetItem(topic.name)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, "\n".join(topic.keywords))
            self.topics.addItem(item)
            if topic.id == select:
                self.topics.setCurrentItem(item)
        if self.topics.currentItem() is None and self.topics.count():
            self.topics.setCurrentRow(0)
        if not self.topics.count():
            self._on_new()

    def _current_id(self) -> int | None:
        item = self.topics.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_current_changed(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.name.setText(item.text() if item else "")
        self.keywords.setPlainText(item.data(Qt.ItemDataRole.UserRole + 1) if item else "")
        self.delete_button.setEnabled(item is not None)

    def _on_new(self) -> None:
        self.topics.setCurrentItem(None)
        self.topics.clearSelection()
        self.name.clear()
        self.keywords.clear()
        self.delete_button.setEnabled(False)
        self.name.setFocus()

    def _on_save(self) -> None:
        words = [w for line in self.keywords.toPlainText().splitlines() for w in line.split(",")]
        try:
            topic_id = save_topic(self.project, self.name.text(), words, self._current_id())
        except StudioError as exc:
            show_error(self, self.tr("The topic was not saved"), exc)
            return
        self.changed = True
        self._reload(select=topic_id)

    def _on_delete(self) -> None:
        topic_id = self._current_id()
        if topic_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete topic"),
            self.tr("Delete the topic \"%1\"? Pairs lose this label.").replace(
                "%1", self.topics.currentItem().text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_topic(self.project, topic_id)
        self.changed = True
        self._reload()
