"""The Sources tab: bring conversations in (export files, Telegram account), pick the persona,
see how many pairs come out, tune extraction and the topic lexicon.

Import and extraction run in a worker thread with its own connection to the project file;
this tab only reads the results when they are done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.dataset.messages import chats_with_message_counts, has_messages
from natasha_studio.core.dataset.participants import list_participants
from natasha_studio.core.dataset.pipeline import ExtractionReport, pair_counts
from natasha_studio.core.dataset.settings import ExtractionSettings, persona_ids, set_persona_ids
from natasha_studio.core.dataset.topics import retag_pairs
from natasha_studio.core.dataset.why import Explanation, explain_last_run
from natasha_studio.core.i18n import number
from natasha_studio.core.store import Project
from natasha_studio.operations import EXTRACT_TASK
from natasha_studio.operations import extraction as extraction_ops
from natasha_studio.operations.changes import Changes
from natasha_studio.telegram.export.importer import ImportReport
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.sources.extraction import ExtractionPanel
from natasha_studio.ui.sources.lexicon import LexiconDialog
from natasha_studio.ui.sources.persona import PersonaPicker
from natasha_studio.ui.telegram.panel import TelegramPanel
from natasha_studio.ui.widgets.empty_state import EmptyState

IMPORT_TASK = "sources.import"   # an import, then pairs (operations.import_then_extract)
RETAG_TASK = "sources.retag"
WHY_TASK = "sources.why"


def _why_job(project_path: Path, progress) -> Explanation:
    project = Project.open(project_path)
    try:
        return explain_last_run(project, progress)
    finally:
        project.close()


def _retag_job(project_path: Path, progress) -> int:
    project = Project.open(project_path)
    try:
        return retag_pairs(project, progress)
    finally:
        project.close()


class _ImportArea(QWidget):
    """Buttons, drop hint, progress and the list of imported chats."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files_button = QPushButton(self.tr("Import export files…"))
        self.files_button.setProperty("primary", True)
        self.folder_button = QPushButton(self.tr("Import a folder…"))
        hint = QLabel(self.tr("In Telegram Desktop: chat menu → Export chat history → format "
                              "\"Machine-readable JSON\". Then choose its result.json here, or drag "
                              "the file or folder onto this window."))
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.chats = QTableWidget(0, 3)
        self.chats.setHorizontalHeaderLabels([self.tr("Chat"), self.tr("Kind"), self.tr("Messages")])
        self.chats.verticalHeader().hide()
        self.chats.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chats.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.chats, 1)

    def kind_label(self, chat_type: str) -> str:
        labels = {
            "personal_chat": self.tr("personal chat"), "bot_chat": self.tr("bot"),
            "private_group": self.tr("group"), "private_supergroup": self.tr("group"),
            "public_supergroup": self.tr("public group"), "private_channel": self.tr("channel"),
            "public_channel": self.tr("public channel"), "saved_messages": self.tr("saved messages"),
        }
        return labels.get(chat_type, chat_type)

    def set_chats(self, rows) -> None:
        self.chats.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self.chats.setItem(i, 0, QTableWidgetItem(row["name"] or str(row["id"])))
            kind = self.kind_label(row["type"]) + (self.tr(", forum") if row["is_forum"] else "")
            self.chats.setItem(i, 1, QTableWidgetItem(kind))
            count = QTableWidgetItem(number(row['messages']))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.chats.setItem(i, 2, count)


class SourcesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAcceptDrops(True)
        self.empty = EmptyState(self.tr("No project open"),
                                self.tr("Create or open a project, or open the demo project, "
                                        "to bring in Telegram conversations."))
        self.import_area = _ImportArea()
        self.sources = QTabWidget()
        self.sources.addTab(self.import_area, self.tr("Export files"))
        self.sources.addTab(self._telegram_panel(), self.tr("Telegram account"))
        self.persona = PersonaPicker()
        self.extraction = ExtractionPanel()
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.persona)
        lower.addWidget(self.extraction)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        self._sized = False
        main = self._main = QSplitter(Qt.Orientation.Vertical)
        main.addWidget(self.sources)
        main.addWidget(lower)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)

        self._persona_timer = QTimer(self)
        self._persona_timer.setSingleShot(True)
        self._persona_timer.setInterval(700)  # several ticks in a row make one extraction
        self._connect()
        self._on_project_changed(ctx.project)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if not self._sized and event.size().height() > 200:
            # First layout: the persona list gets most of the room (the sources panels ask
            # for more than they need); later the curator's own splitter position stays.
            self._sized = True
            height = event.size().height()
            self._main.setSizes([int(height * 0.4), int(height * 0.6)])

    def _telegram_panel(self) -> QWidget:
        self.telegram_panel = TelegramPanel(self.ctx)
        # Scrolls rather than forcing its full height onto the persona list below.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.telegram_panel)
        return scroll

    def _connect(self) -> None:
        self.ctx.project_changed.connect(self._on_project_changed)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.tasks.progress.connect(self._on_progress)
        self.ctx.tasks.tasks_changed.connect(self._on_tasks_changed)
        self.import_area.files_button.clicked.connect(self._on_choose_files)
        self.import_area.folder_button.clicked.connect(self._on_choose_folder)
        self.import_area.cancel_button.clicked.connect(self._on_cancel)
        self.persona.persona_changed.connect(self._on_persona_changed)
        self._persona_timer.timeout.connect(self.start_extraction)
        self.extraction.run_requested.connect(self.start_extraction)
        self.extraction.settings_changed.connect(self._on_settings_changed)
        self.extraction.lexicon_requested.connect(self._on_lexicon)
        self.extraction.why.window_chosen.connect(self._on_window_chosen)
        self.extraction.why.tick_chosen.connect(self._on_tick_chosen)

    # -- state -------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.sources:
            self.refresh()

    def _on_project_changed(self, project: Project | None) -> None:
        self.stack.setCurrentIndex(0 if project is None else 1)
        if project is not None:
            self.extraction.set_settings(ExtractionSettings.load(project))
            self.refresh()

    def refresh(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        self.import_area.set_chats(chats_with_message_counts(project))
        self.persona.set_participants(list_participants(project))
        self._refresh_counts()

    def _refresh_counts(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        stored = has_messages(project)
        counts = pair_counts(project)
        has_persona = bool(persona_ids(project))
        self.extraction.set_counts(counts, has_persona, stored)
        self.extraction.set_explanation(None, -1)
        self._on_tasks_changed()
        # An extraction on its way brings its own report; else read (or count) the last one.
        if has_persona and has_messages and not self._busy() \
                and not self._persona_timer.isActive():
            extracted = counts["reply"] + counts["comment"] + counts["implicit"]
            self.ctx.tasks.run_in_thread(
                WHY_TASK, _why_job, project.path, with_progress=True, owner=project,
                title=self.tr("Looking into the pair count"),
                on_done=lambda explanation: self._on_why_done(explanation, extracted))

    def _on_why_done(self, explanation: Explanation, extracted: int) -> None:
        if self.ctx.project is not None and not self._busy():
            self.extraction.set_explanation(explanation, extracted)

    def _busy(self) -> bool:
        return any(self.ctx.tasks.is_running(n) for n in (IMPORT_TASK, EXTRACT_TASK, RETAG_TASK))

    def _on_tasks_changed(self) -> None:
        busy = self._busy()
        for widget in (self.import_area.files_button, self.import_area.folder_button):
            widget.setEnabled(not busy)
        if busy:
            self.extraction.set_busy(True)
        self.import_area.progress.setVisible(busy)
        self.import_area.cancel_button.setVisible(busy)

    def _on_progress(self, name: str, done: int, total: int, detail: str) -> None:
        if name not in (IMPORT_TASK, EXTRACT_TASK, RETAG_TASK) or (total == 0 and done == 0):
            return
        bar = self.import_area.progress
        bar.setRange(0, 1000 if total else 0)
        bar.setValue(int(1000 * done / total) if total else 0)
        what = {IMPORT_TASK: self.tr("Importing %1"), EXTRACT_TASK: self.tr("Finding pairs in %1"),
                RETAG_TASK: self.tr("Tagging topics")}[name]
        bar.setFormat(what.replace("%1", detail) + "  %p%")

    # -- import ------------------------------------------------------------------------------

    def _on_choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose Telegram export files"), "",
            self.tr("Telegram export (*.json);;All files (*)"))
        if files:
            self.import_paths(files)

    def _on_choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose an export folder"))
        if folder:
            self.import_paths([folder])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.ctx.project is not None and event.mimeData().hasUrls() and not self._busy():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        project = self.ctx.project
        if project is None:
            return
        self.ctx.tasks.cancel(EXTRACT_TASK)
        self.ctx.tasks.cancel(WHY_TASK)
        self.ctx.tasks.run_in_thread(
            IMPORT_TASK, extraction_ops.import_in_thread, project.path, list(paths),
            with_progress=True, title=self.tr("Importing Telegram exports"), owner=project,
            on_done=self._on_import_done)

    def _on_import_done(self, outcome: extraction_ops.ImportOutcome) -> None:
        report = outcome.report
        self.ctx.apply(outcome.changes | Changes(sources=True))
        self.ctx.show_status(self.tr("Imported %n new message(s).", "", report.added))
        skipped = self._skipped_lines(report)
        if report.errors:
            text = "\n\n".join([*(str(f.error) for f in report.errors), *skipped])
            show_error(self, self.tr("Some files were not imported"), text)
        elif skipped:
            show_error(self, self.tr("Some messages were skipped"), "\n".join(skipped))

    def _skipped_lines(self, report: ImportReport) -> list[str]:
        """What was left out of files that were imported, file by file, and why."""
        lines = []
        for entry in report.files:
            no_id = sum(c.no_id for c in entry.chats)
            unreadable = sum(c.unreadable for c in entry.chats)
            if no_id:
                lines.append(self.tr("%1: skipped %n messages without an id.", "", no_id)
                             .replace("%1", entry.path.name))
            if unreadable:
                lines.append(self.tr("%1: skipped %n non-message elements.", "",
                                     unreadable).replace("%1", entry.path.name))
        return lines

    def _on_cancel(self) -> None:
        for name in (IMPORT_TASK, EXTRACT_TASK, RETAG_TASK):
            self.ctx.tasks.cancel(name)

    # -- persona and extraction ------------------------------------------------------------

    def _on_persona_changed(self, ids: list[int]) -> None:
        project = self.ctx.project
        if project is None:
            return
        set_persona_ids(project, ids)
        if ids:
            self._persona_timer.start()
        self._refresh_counts()

    def _on_settings_changed(self, _unused=None) -> None:
        project = self.ctx.project
        if project is not None:
            self.extraction.settings(ExtractionSettings.load(project)).save(project)

    def start_extraction(self) -> None:
        project = self.ctx.project
        if project is None or not persona_ids(project) or self.ctx.tasks.is_running(IMPORT_TASK):
            return
        self.ctx.tasks.cancel(WHY_TASK)  # the run brings a fresh report
        self.ctx.tasks.run_in_thread(
            EXTRACT_TASK, extraction_ops.extract_in_thread, project.path, with_progress=True,
            title=self.tr("Finding pairs"), owner=project, on_done=self._on_extract_done)

    def _on_extract_done(self, result: tuple[ExtractionReport, Changes]) -> None:
        report, changes = result
        self._refresh_counts()
        self.ctx.apply(changes)
        message = self.tr("%n pair(s) found", "", report.total)
        if report.stale:
            message += self.tr("; %n no longer found but kept for your edits", "", report.stale)
        self.ctx.show_status(message)

    def _on_window_chosen(self, seconds: int) -> None:
        project = self.ctx.project
        if project is None:
            return
        settings = ExtractionSettings.load(project)
        settings.implicit, settings.implicit_window_s = True, seconds
        settings.save(project)
        self.extraction.set_settings(settings)
        self.start_extraction()

    def _on_tick_chosen(self, peer_id: int) -> None:
        project = self.ctx.project
        if project is None:
            return
        ids = sorted({*persona_ids(project), peer_id})
        set_persona_ids(project, ids)
        self.persona.set_participants(list_participants(project))
        self.start_extraction()
        self._refresh_counts()

    def _on_lexicon(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        dialog = LexiconDialog(project, self)
        dialog.exec()
        if dialog.changed:
            self.ctx.tasks.run_in_thread(
                RETAG_TASK, _retag_job, project.path, with_progress=True,
                title=self.tr("Tagging topics"), owner=project,
                on_done=lambda _n: self.ctx.apply(Changes(pairs=None)))
