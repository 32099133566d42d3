"""The main window: welcome screen or the five tabs, menus, and a status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from natasha_studio import APP_NAME, __version__
from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import count_pairs
from natasha_studio.core.store import PROJECT_SUFFIX, Project
from natasha_studio.operations.changes import Changes
from natasha_studio.paths import app_paths
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.guide import DISMISSED_KEY, FlowGuide
from natasha_studio.ui.notifications import Notifier
from natasha_studio.ui.recovery import RecoveryOffer
from natasha_studio.ui.settings_dialog import SettingsDialog
from natasha_studio.ui.welcome import NewProjectDialog, WelcomePage

# (key, module, class) of each tab, in the order of the flow.
TABS = [
    ("sources", "natasha_studio.ui.sources.tab", "SourcesTab"),
    ("pairs", "natasha_studio.ui.pairs.tab", "PairsTab"),
    ("statistics", "natasha_studio.ui.statistics.tab", "StatisticsTab"),
    ("finetune", "natasha_studio.ui.finetune.tab", "FinetuneTab"),
    ("testchat", "natasha_studio.ui.testchat.tab", "TestChatTab"),
]


class MainWindow(QMainWindow):
    settings_changed = Signal(bool, bool)  # language changed, theme changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._source_counts: tuple[int, int] | None = None  # chats, messages
        # Pair edits come in bursts (a review session, a bulk change and its views): the
        # status bar counts pairs once per burst, not once per signal.
        self._pairs_recount = QTimer(self)
        self._pairs_recount.setSingleShot(True)
        self._pairs_recount.setInterval(400)
        self._pairs_recount.timeout.connect(lambda: self._update_project_label(sources=False))
        self._pairs_recount.timeout.connect(self._refresh_guide)
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 820)
        self.setAcceptDrops(True)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.welcome = WelcomePage()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # The tabs are built when the first project opens: the welcome screen needs none of
        # them, and their modules pull in the SDKs and pandas (seconds of start-up).
        self.tab_widgets: dict[str, QWidget] = {}
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self._build_tabs_page())

        self._build_menus()
        self._build_status_bar()
        self.notifier = Notifier(ctx, self)
        self._connect()
        self._restore_geometry()
        self._on_project_changed(ctx.project)

    # -- construction ------------------------------------------------------------------------

    def _tab_titles(self) -> list[str]:
        return [self.tr("Sources"), self.tr("Pairs"), self.tr("Statistics"), self.tr("Fine-tune"),
                self.tr("Test chat")]

    def _build_tabs_page(self) -> QWidget:
        """The tab bar, the first-run guide under it, then the pages.

        QTabWidget puts nothing between its bar and its pages, so its own bar is hidden and a
        twin bar above the guide stands in for it (kept in step both ways)."""
        self.tabs.tabBar().hide()
        self.tab_bar = QTabBar()
        self.tab_bar.setDocumentMode(True)
        self.tab_bar.setExpanding(False)
        self.tab_bar.currentChanged.connect(self.tabs.setCurrentIndex)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.guide = FlowGuide()
        self.guide.step_requested.connect(self.show_tab)
        self.guide.dismissed.connect(self._on_guide_dismissed)
        self.tabs_page = QWidget()
        layout = QVBoxLayout(self.tabs_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tab_bar)
        layout.addWidget(self.guide)
        layout.addWidget(self.tabs, 1)
        return self.tabs_page

    def ensure_tabs(self) -> None:
        """Build the tabs (once) and put each tab's own actions where a curator looks for them."""
        if self.tab_widgets:
            return
        menus = {"pairs": self.edit_menu, "statistics": self.dataset_menu,
                 "finetune": self.settings_menu, "testchat": self.settings_menu}
        for key, title in zip((t[0] for t in TABS), self._tab_titles(), strict=True):
            widget = self._create_tab(key)
            self.tab_widgets[key] = widget
            self.tabs.addTab(widget, title)
            self.tab_bar.addTab(title)
            for action in _menu_actions(widget):
                menus.get(key, self.edit_menu).addAction(action)
        self.edit_menu.menuAction().setVisible(bool(self.edit_menu.actions()))

    def _create_tab(self, key: str) -> QWidget:
        _, module_name, class_name = next(t for t in TABS if t[0] == key)
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls(self.ctx)

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New project…"), self.new_project,
                     QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("&Open project…"), self.open_project_dialog,
                     QKeySequence.StandardKey.Open)
        self._action(file_menu, self.tr("Open the &demo project"), self.open_demo)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("&Import Telegram export…"),
                                          self.import_export, "Ctrl+I")
        file_menu.addSeparator()
        self.close_action = self._action(file_menu, self.tr("&Close project"), self.close_project,
                                         QKeySequence.StandardKey.Close)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, self.tr("&Quit"), self.close,
                                   QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        for index, title in enumerate(self._tab_titles()):
            # triggered(bool) passes "checked" first: without the placeholder, it became the index.
            self._action(self.view_menu, title,
                         lambda _checked=False, i=index: self.tabs.setCurrentIndex(i),
                         f"Ctrl+{index + 1}")
        self.dataset_menu = bar.addMenu(self.tr("&Dataset"))
        self.extract_action = self._action(self.dataset_menu, self.tr("&Find pairs again"),
                                           self.extract_again)
        self.dataset_menu.addSeparator()
        settings_menu = bar.addMenu(self.tr("&Settings"))
        prefs = self._action(settings_menu, self.tr("&Preferences…"), self.open_settings,
                             QKeySequence.StandardKey.Preferences)
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings_menu.addSeparator()
        self.settings_menu = settings_menu
        self.edit_menu.menuAction().setVisible(False)  # filled by the tabs

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(help_menu, self.tr("&Keyboard shortcuts"),
                                             self.show_shortcuts, "F1")
        self._action(help_menu, self.tr("&Getting started"), self.show_getting_started)
        self.guide_action = self._action(help_menu, self.tr("Show the &steps under the tabs"),
                                         self._on_guide_toggled)
        self.guide_action.setCheckable(True)
        self._action(help_menu, self.tr("Open the &log folder"), self.open_log_folder)
        help_menu.addSeparator()
        about = self._action(help_menu, self.tr("&About Natasha Studio"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.project_label = QLabel()
        status.addWidget(self.project_label, 1)
        self.task_label = QLabel()
        self.task_progress = QProgressBar()
        self.task_progress.setMaximumWidth(180)
        self.task_progress.setTextVisible(False)
        self.task_cancel = QToolButton()
        self.task_cancel.setText(self.tr("Cancel"))
        self.task_cancel.setToolTip(self.tr("Cancel the background work"))
        self.task_cancel.clicked.connect(self._on_cancel_tasks)
        for widget in (self.task_label, self.task_progress, self.task_cancel):
            status.addPermanentWidget(widget)
        self._on_tasks_changed()

    def _connect(self) -> None:
        self.welcome.new_requested.connect(self.new_project)
        self.welcome.open_requested.connect(self.open_project_dialog)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_requested.connect(self.open_project)
        self.ctx.project_changed.connect(self._on_project_changed)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.status_message.connect(self._on_status_message)
        self.ctx.navigate.connect(self._on_navigate)
        self.ctx.tasks.tasks_changed.connect(self._on_tasks_changed)
        self.ctx.tasks.progress.connect(self._on_task_progress)
        self.ctx.tasks.task_failed.connect(self._on_task_failed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.sources:
            self._update_project_label()
        if changes.sources or changes.snapshots or changes.jobs or changes.models:
            self._refresh_guide()
        if changes.any_pairs:
            self._pairs_recount.start()

    # -- projects ----------------------------------------------------------------------------

    def new_project(self) -> bool:
        """Ask for a persona and a file, and open the new project; False if none was made."""
        folder = self.ctx.settings.data_folder
        dialog = NewProjectDialog(folder, self)
        if dialog.exec() != NewProjectDialog.DialogCode.Accepted:
            return False
        persona, prompt, path = dialog.values()
        try:
            project = Project.create(path, persona, prompt)
        except StudioError as exc:
            show_error(self, self.tr("The project was not created"), exc)
            return False
        self._set_project(project)
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a project"), str(self.ctx.settings.data_folder),
            self.tr("Natasha Studio projects (*.nstudio);;Telegram export (result.json, *.json);;"
                    "All files (*)"))
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path) -> bool:
        if Path(path).suffix.lower() == ".json" and Path(path).is_file():
            # A Telegram export opened as if it were a project: offer what was meant.
            self._offer_import([Path(path)])
            return False
        try:
            project = Project.open(path)
        except StudioError as exc:
            show_error(self, self.tr("The project could not be opened"), exc)
            if not Path(path).exists():
                self.ctx.settings.remove_recent(path)
                self._refresh_recent()
            return False
        if project.damaged:
            project = RecoveryOffer(self).handle(project)
            if project is None:
                return False
        self._set_project(project)
        return True

    def _offer_import(self, paths: list[Path]) -> None:
        choice = self.ask_export_action(paths[0])
        if choice == "import" and self.ctx.project is not None:
            self.import_paths([str(p) for p in paths])
        elif choice == "new" and self.new_project():
            self.import_paths([str(p) for p in paths])

    def ask_export_action(self, path: Path) -> str | None:
        """"new", "import" (into the open project) or None, asked of the curator."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Open a project"), self.tr(
            "“{name}” is not a Natasha Studio project. If it is a Telegram export "
            "(result.json), its chats can be imported.").format(name=path.name), parent=self)
        new = box.addButton(self.tr("New project from this export…"),
                            QMessageBox.ButtonRole.AcceptRole)
        into = None
        if self.ctx.project is not None:
            into = box.addButton(self.tr("Import into “{persona}”").format(
                persona=self.ctx.project.persona_name), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(into or new)
        box.exec()
        clicked = box.clickedButton()
        if clicked is new:
            return "new"
        if into is not None and clicked is into:
            return "import"
        return None

    def open_demo(self) -> None:
        from natasha_studio.operations.demo import create_demo_project

        folder = self.ctx.settings.data_folder
        folder.mkdir(parents=True, exist_ok=True)
        name = self.tr("Demo")
        path = _free_path(folder / (name + PROJECT_SUFFIX))

        def build() -> Path:
            create_demo_project(path).close()
            return path

        self.ctx.tasks.run_in_thread(
            "demo", build, title=self.tr("Preparing the demo project"),
            on_done=lambda p: self.open_project(p))

    def import_export(self) -> None:
        """File → Import: choose export files (or a folder) for the Sources tab to import."""
        if self.ctx.project is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose Telegram export files"), "",
            self.tr("Telegram export (result.json, *.json);;All files (*)"))
        if files:
            self.import_paths(files)

    def import_paths(self, paths: list[str]) -> None:
        self.ensure_tabs()
        sources = self.tab_widgets["sources"]
        self.tabs.setCurrentWidget(sources)
        sources.import_paths(paths)

    def extract_again(self) -> None:
        if self.ctx.project is not None:
            self.ensure_tabs()
            sources = self.tab_widgets["sources"]
            self.tabs.setCurrentWidget(sources)
            sources.start_extraction()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        """A dropped project opens; dropped exports are imported into the open project."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        projects = [p for p in paths if p.endswith(PROJECT_SUFFIX)]
        if projects:
            event.acceptProposedAction()
            self.open_project(Path(projects[0]))
        elif paths and self.ctx.project is not None:
            event.acceptProposedAction()
            self.import_paths(paths)
        elif paths:
            # Exports dropped on the welcome screen: a project is needed for them first.
            event.acceptProposedAction()
            self._offer_import([Path(p) for p in paths])

    def close_project(self) -> None:
        if self.ctx.project is not None:
            self.ctx.set_project(None)

    def _set_project(self, project: Project) -> None:
        self.ctx.settings.add_recent(project.path)
        self.ctx.settings.last_project = project.path
        self.ctx.set_project(project)

    def _on_project_changed(self, project: Project | None) -> None:
        if project is not None:
            self.ensure_tabs()
        self.stack.setCurrentWidget(self.tabs_page if project is not None else self.welcome)
        for action in (self.close_action, self.import_action, self.extract_action):
            action.setEnabled(project is not None)
        # The tabs' own actions (approve, undo, find and replace…) need a project to act on,
        # and so do View's tabs: on the welcome screen there is no tab to show.
        self.edit_menu.setEnabled(project is not None)
        self.view_menu.setEnabled(project is not None)
        if project is None:
            self.setWindowTitle(APP_NAME)
            self.ctx.settings.last_project = None
        else:
            self.setWindowTitle(f"{project.persona_name} — {project.path.name} — {APP_NAME}")
        self._refresh_recent()
        self._update_project_label()
        self._refresh_guide()

    def _refresh_recent(self) -> None:
        recent = self.ctx.settings.recent_projects
        self.welcome.set_recent(recent)
        self.recent_menu.clear()
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(recent))

    def _update_project_label(self, sources: bool = True) -> None:
        """Counts in the status bar. Chats and messages are counted again only when sources
        change: counting a large message table on every pair edit would stall the window."""
        project = self.ctx.project
        if project is None:
            self.project_label.setText(self.tr("No project open"))
            self._source_counts = None
            return
        if sources or self._source_counts is None:
            counts = project.counts()
            self._source_counts = (counts["chats"], counts["messages"])
            pairs = counts["pairs"]
        else:
            pairs = count_pairs(project)
        chats, messages = self._source_counts
        self.project_label.setText(self.tr("{persona} · {chats} · {messages} · {pairs}").format(
            persona=project.persona_name,
            chats=self.tr("%n chats", "", chats),
            messages=self.tr("%n messages", "", messages),
            pairs=self.tr("%n pairs", "", pairs),
        ))

    # -- first-run guide ---------------------------------------------------------------------

    def guide_dismissed(self) -> bool:
        return str(self.ctx.settings.value(DISMISSED_KEY, False)).lower() in ("true", "1")

    def _refresh_guide(self) -> None:
        dismissed = self.guide_dismissed()
        shown = self.ctx.project is not None and not dismissed
        self.guide.setVisible(shown)
        self.guide_action.setChecked(not dismissed)
        if shown:
            self.guide.refresh(self.ctx.project, self._current_tab_key())

    def _current_tab_key(self) -> str:
        current = self.tabs.currentWidget()
        return next((k for k, w in self.tab_widgets.items() if w is current), "")

    def _on_tab_changed(self, index: int) -> None:
        self.tab_bar.setCurrentIndex(index)
        # Changing tabs changes nothing in the project: only the bold step moves.
        self.guide.set_current_tab(self._current_tab_key())

    def _on_guide_dismissed(self) -> None:
        self.ctx.settings.set_value(DISMISSED_KEY, True)
        self._refresh_guide()
        self.statusBar().showMessage(self.tr("The steps are hidden; Help → Show the steps under "
                                             "the tabs brings them back."), 8000)

    def _on_guide_toggled(self) -> None:
        self.ctx.settings.set_value(DISMISSED_KEY, not self.guide_action.isChecked())
        self._refresh_guide()

    def show_tab(self, key: str) -> None:
        """Show the tab called ``key`` ("sources", "pairs"…), if the tabs are built."""
        widget = self.tab_widgets.get(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    # -- tasks -------------------------------------------------------------------------------

    def _on_tasks_changed(self) -> None:
        running = self.ctx.tasks.running()
        for widget in (self.task_label, self.task_progress, self.task_cancel):
            widget.setVisible(bool(running))
        if not running:
            return
        first = running[0]
        text = first.title if len(running) == 1 else self.tr("{title} and {n} more").format(
            title=first.title, n=len(running) - 1)
        self.task_label.setText(text)
        done, total = first.progress
        self.task_progress.setRange(0, total if total > 0 else 0)
        if total > 0:
            self.task_progress.setValue(min(done, total))

    def _on_task_progress(self, name: str, done: int, total: int, detail: str) -> None:
        running = self.ctx.tasks.running()
        if running and running[0].name == name:
            self.task_progress.setRange(0, total if total > 0 else 0)
            if total > 0:
                self.task_progress.setValue(min(done, total))
            if detail:
                self.task_label.setText(f"{running[0].title}: {detail}")

    def _on_cancel_tasks(self) -> None:
        for info in self.ctx.tasks.running():
            self.ctx.tasks.cancel(info.name)

    def _on_task_failed(self, title: str, message: str) -> None:
        show_error(self, title, message)

    def _on_status_message(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

    def _on_navigate(self, key: str, argument: object) -> None:
        """Show a tab; a tab with ``navigate_to(argument)`` also shows what was asked for
        (the Pairs tab: a list of pair ids)."""
        widget = self.tab_widgets.get(key)
        if widget is None:
            return
        self.tabs.setCurrentWidget(widget)
        navigate_to = getattr(widget, "navigate_to", None)
        if argument is not None and callable(navigate_to):
            navigate_to(argument)

    # -- dialogs -----------------------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx.settings, self.ctx.secrets, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.settings_changed.emit(dialog.language_changed, dialog.theme_changed)

    def show_shortcuts(self) -> None:
        from natasha_studio.ui.pairs.shortcuts import ShortcutsDialog, menu_shortcuts

        ShortcutsDialog(self, window_keys=menu_shortcuts(self.menuBar())).exec()

    def show_getting_started(self) -> None:
        from natasha_studio.ui.help_page import GettingStartedDialog

        GettingStartedDialog(self).exec()

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(app_paths().log_dir)))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Natasha Studio"), self.tr(
            "<h3>Natasha Studio {version}</h3>"
            "<p>Build a persona's fine-tuning dataset from Telegram conversations, curate it, "
            "tune a model and test it.</p>").format(version=__version__))

    # -- window state ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry, state = self.ctx.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        self.ctx.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_geometry()
        super().closeEvent(event)


def _menu_actions(widget: QWidget) -> list[QAction]:
    getter = getattr(widget, "menu_actions", None)
    return list(getter()) if callable(getter) else []


def _free_path(path: Path) -> Path:
    candidate, n = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} {n}{path.suffix}")
        n += 1
    return candidate
