"""The filter bar over the pairs table; emits a ``PairFilter`` whenever a choice changes."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.curation import filters
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.dataset.messages import chat_names
from natasha_studio.core.store import Project

SEARCH_DELAY_MS = 150  # a pause in typing, so a burst of keys runs one query


class PairFilterBar(QWidget):
    changed = Signal(object)  # PairFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.only_ids: tuple[int, ...] | None = None  # pairs another tab sent us to
        self._chat_counts: dict[int, int] | None = None
        self.status = QComboBox()
        for text, value in ((self.tr("Any status"), ()), (self.tr("New"), ("new",)),
                            (self.tr("Approved"), ("approved",)),
                            (self.tr("Rejected"), ("rejected",)),
                            (self.tr("Needs work"), ("needs_work",)),
                            (self.tr("Not yet decided"), ("new", "needs_work"))):
            self.status.addItem(text, value)
        self.chat = QComboBox()
        self.chat.setMinimumContentsLength(14)
        self.chat.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.topic = QComboBox()
        self.topic.setMinimumContentsLength(10)
        self.topic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.origin = QComboBox()
        for text, value in ((self.tr("Any pairing"), ()),
                            (self.tr("Direct replies"), ("reply",)),
                            (self.tr("Paired by time"), ("implicit",)),
                            (self.tr("Channel comments"), ("comment",)),
                            (self.tr("Added by hand"), ("manual", "model"))):
            self.origin.addItem(text, value)
        self.edited = QComboBox()
        for text, value in ((self.tr("Edited or not"), None), (self.tr("Edited"), True),
                            (self.tr("Not edited"), False)):
            self.edited.addItem(text, value)
        self.min_quality = QDoubleSpinBox()
        self.max_quality = QDoubleSpinBox()
        for spin in (self.min_quality, self.max_quality):
            spin.setDecimals(2)
            spin.setSingleStep(0.05)
            spin.setRange(0.0, 1.0)
        self.min_quality.setToolTip(self.tr("Lowest quality shown"))
        self.max_quality.setToolTip(self.tr("Highest quality shown"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search questions and answers\u2026"))
        self.regex = QCheckBox(self.tr("Regular expression"))
        self.deleted = QCheckBox(self.tr("Deleted pairs"))
        self.deleted.setToolTip(self.tr("Show the deleted pairs, to restore them"))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#b91c1c")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.hint_label = QLabel()
        self.hint_label.setProperty("role", "muted")
        self.hint_label.hide()

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        for combo in (self.status, self.chat, self.topic, self.origin, self.edited):
            combo.currentIndexChanged.connect(self._emit)
        for spin in (self.min_quality, self.max_quality):
            spin.valueChanged.connect(lambda _v: self._timer.start())
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._emit)
        self.regex.toggled.connect(self._emit)
        self.deleted.toggled.connect(self._emit)

        # The search row has room to spare, so "deleted" and "clear" sit there: the choices
        # row then fits a 1200-pixel window in Russian too.
        row1 = QHBoxLayout()
        row1.addWidget(self.search, 3)
        row1.addWidget(self.regex)
        row1.addWidget(self.hint_label)
        row1.addWidget(self.count_label, 1)
        row1.addWidget(self.deleted)
        row1.addWidget(self.clear_button)
        row2 = QHBoxLayout()
        for w in (self.status, self.chat, self.topic, self.origin, self.edited):
            row2.addWidget(w)
        row2.addWidget(QLabel(self.tr("Quality")))
        row2.addWidget(self.min_quality)
        row2.addWidget(QLabel("\u2013"))
        row2.addWidget(self.max_quality)
        row2.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.error_label)

    def load_choices(self, project: Project | None,
                     chat_counts: dict[int, int] | None = None) -> None:
        """Fill chats, topics and the quality range from the project (keeps the filter).

        ``chat_counts`` (live pairs per chat) comes from the table's worker, since counting
        a large project takes a while; until it is known, every chat is listed without one.
        """
        if chat_counts is not None:
            self._chat_counts = chat_counts
        elif project is None:
            self._chat_counts = None
        self._quiet = True
        try:
            chat, topic = self.chat.currentData(), self.topic.currentData()
            self.chat.clear()
            self.chat.addItem(self.tr("All chats"), None)
            self.topic.clear()
            self.topic.addItem(self.tr("Any topic"), None)
            if project is not None:
                counts = self._chat_counts
                for chat_id, name in chat_names(project):
                    if counts is None:
                        self.chat.addItem(name or str(chat_id), chat_id)
                    elif counts.get(chat_id):
                        self.chat.addItem(f"{name or chat_id} ({counts[chat_id]})", chat_id)
                for name in filters.topic_choices(project):
                    self.topic.addItem(name, name)
                low, high = filters.quality_bounds(project)
            else:
                low, high = 0.0, 1.0
            for spin in (self.min_quality, self.max_quality):
                spin.setRange(low, high)
            if self.max_quality.value() == 0 or self.max_quality.value() > high:
                self.max_quality.setValue(high)
            self.chat.setCurrentIndex(max(0, self.chat.findData(chat)))
            self.topic.setCurrentIndex(max(0, self.topic.findData(topic)))
        finally:
            self._quiet = False

    def current(self) -> PairFilter:
        low, high = self.min_quality.value(), self.max_quality.value()
        chat = self.chat.currentData()
        return PairFilter(
            statuses=tuple(self.status.currentData() or ()),
            chat_ids=(chat,) if chat is not None else (),
            topic=self.topic.currentData(),
            min_quality=low if low > self.min_quality.minimum() else None,
            max_quality=high if high < self.max_quality.maximum() else None,
            origins=tuple(self.origin.currentData() or ()),
            edited=self.edited.currentData(),
            search=self.search.text(),
            regex=self.regex.isChecked(),
            deleted=self.deleted.isChecked(),
            pair_ids=self.only_ids,
        )

    def show_only(self, pair_ids: list[int]) -> None:
        """Narrow the table to these pairs (sent from another tab); "Clear filters" undoes it."""
        self.only_ids = tuple(int(i) for i in pair_ids)
        self._emit()  # the tab's handler resets the hint line: set it after
        self.show_hint(self.tr("Showing the %n pair(s) you were sent here for. "
                               "“Clear filters” shows all pairs again.", "", len(self.only_ids)))

    def clear(self) -> None:
        self.only_ids = None
        self.show_hint("")
        self._quiet = True
        try:
            for combo in (self.status, self.chat, self.topic, self.origin, self.edited):
                combo.setCurrentIndex(0)
            self.min_quality.setValue(self.min_quality.minimum())
            self.max_quality.setValue(self.max_quality.maximum())
            self.search.clear()
            self.regex.setChecked(False)
            self.deleted.setChecked(False)
        finally:
            self._quiet = False
        self._emit()

    def show_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count_label.setText(self.tr("%n pairs", "", total))
        else:
            self.count_label.setText(self.tr("%n pairs match", "", shown) + " "
                                     + self.tr("of %n", "", total))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def show_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    def _emit(self) -> None:
        if self._quiet:
            return  # choices being refilled: a pending search keeps its timer
        self._timer.stop()
        self.changed.emit(self.current())
