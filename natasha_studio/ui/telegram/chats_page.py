"""The signed-in screen: the account, the chat chooser, and the fetch with its progress."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.telegram.live.errors import format_wait
from natasha_studio.telegram.live.fetch import FetchProgress
from natasha_studio.ui.telegram.chat_model import ChatFilterModel, ChatTableModel, ProgressDelegate
from natasha_studio.ui.telegram.login_pages import _error_label


class ChatsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.account = QLabel()
        self.account.setProperty("role", "heading")
        self.refresh = QPushButton(self.tr("Refresh the list"))
        self.log_out = QPushButton(self.tr("Log out"))
        top.addWidget(self.account, 1)
        top.addWidget(self.refresh)
        top.addWidget(self.log_out)
        intro = QLabel(self.tr(
            "Tick the channels and groups to bring in. A channel's comments come from its "
            "discussion group, which is fetched with it. The first fetch brings the whole "
            "history; later ones only what is new, and an interrupted fetch goes on where it stopped."))
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")

        tools = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search chats by name or @username"))
        self.search.setClearButtonEnabled(True)
        self.select_shown = QPushButton(self.tr("Tick all shown"))
        self.select_none = QPushButton(self.tr("Untick all"))
        tools.addWidget(self.search, 1)
        tools.addWidget(self.select_shown)
        tools.addWidget(self.select_none)

        self.model = ChatTableModel(self)
        self.proxy = ChatFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setItemDelegateForColumn(5, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(5, 200)
        self.loading = QLabel()
        self.loading.setProperty("role", "muted")

        self.takeout = QCheckBox(self.tr("Use a data-export session for big histories"))
        self.takeout.setToolTip(self.tr(
            "Telegram lets a data-export (\"takeout\") session read faster, with fewer waits. "
            "Telegram will ask you to allow it in your Telegram app: open the service "
            "notifications there and press Allow, then fetch again."))
        takeout_note = QLabel(self.tr(
            "Telegram asks you to confirm it in your Telegram app (a message from \"Telegram\")."))
        takeout_note.setProperty("role", "muted")
        takeout_note.setWordWrap(True)

        self.overall = QProgressBar()
        self.overall.setTextVisible(True)
        self.overall.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = _error_label()
        actions = QHBoxLayout()
        self.chosen = QLabel()
        self.fetch = QPushButton(self.tr("Fetch"))
        self.fetch.setProperty("primary", True)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.hide()
        actions.addWidget(self.chosen, 1)
        actions.addWidget(self.cancel)
        actions.addWidget(self.fetch)

        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.loading)
        layout.addWidget(self.takeout)
        layout.addWidget(takeout_note)
        layout.addWidget(self.overall)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(actions)

        self.search.textChanged.connect(self.proxy.set_search)
        self.select_shown.clicked.connect(self._tick_shown)
        self.select_none.clicked.connect(lambda: self.model.set_checked({c.id for c in self.model.chats}, False))
        self.model.selection_changed.connect(self._on_selection_changed)
        self._on_selection_changed()

    def _tick_shown(self) -> None:
        ids = {self.model.chats[self.proxy.mapToSource(self.proxy.index(r, 0)).row()].id
               for r in range(self.proxy.rowCount())}
        self.model.set_checked(ids, True)

    def _on_selection_changed(self) -> None:
        n = len(self.model.checked)
        self.chosen.setText(self.tr("%n chats chosen", "", n))
        self.fetch.setEnabled(n > 0 and not self.cancel.isVisible())

    def set_running(self, running: bool) -> None:
        self.cancel.setVisible(running)
        self.overall.setVisible(running or self.overall.value() > 0)
        self.takeout.setEnabled(not running)
        self.refresh.setEnabled(not running)
        self.log_out.setEnabled(not running)
        self._on_selection_changed()

    def show_progress(self, progress: FetchProgress) -> None:
        self.model.set_progress(progress.chats)
        total = max(progress.total, 1)
        self.overall.setRange(0, total)
        self.overall.setValue(min(progress.done, total))
        locale = QLocale()
        self.overall.setFormat(self.tr("{done} of {total} messages").format(
            done=locale.toString(progress.done), total=locale.toString(progress.total)))
        current = progress.chat(progress.current) if progress.current is not None else None
        parts = []
        if current is not None:
            parts.append(self.tr("Fetching “{name}”.").format(name=current.name))
        if progress.wait_left:
            parts.append(self.tr("Telegram asked to wait: going on by itself in {wait}.").format(
                wait=format_wait(progress.wait_left)))
        elif progress.eta_seconds is not None and current is not None:
            parts.append(self.tr("About {wait} left.").format(wait=format_wait(int(progress.eta_seconds))))
        self.status.setText(" ".join(parts))
