"""Start-up: the QApplication, translations, theme, the qasync loop and the main window."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QProcess, QSize, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from natasha_studio import APP_ID, APP_NAME, __version__
from natasha_studio.core.errors import StudioError
from natasha_studio.i18n import install_app_translation
from natasha_studio.logs import scrub, setup_logging
from natasha_studio.paths import app_paths, resource
from natasha_studio.settings import AppSettings
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.main_window import MainWindow
from natasha_studio.ui.theme import apply_theme

log = logging.getLogger(__name__)


def create_qapplication(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("natasha-studio")
    app.setWindowIcon(app_icon())
    load_bundled_fonts()
    return app


def load_bundled_fonts() -> list[str]:
    """Fonts shipped with the app (the Linux bundle's colour emoji): members' emoji would
    show as boxes on a desktop without such a font. Returns the families added."""
    families: list[str] = []
    folder = resource("fonts")
    if not folder.is_dir():
        return families
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".ttf", ".otf"):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def app_icon() -> QIcon:
    """The icon at every size drawn for it, so title bars and docks stay sharp."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource("icons", f"natasha-studio-{size}.png")
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


class StudioApp(QObject):
    """Owns the window and reacts to settings that need a restart or a re-style."""

    def __init__(self, app: QApplication, settings: AppSettings) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.translators = install_app_translation(app, settings.effective_language)
        apply_theme(app, settings.theme)
        self.ctx = AppContext(settings)
        self.window = MainWindow(self.ctx)
        self.window.settings_changed.connect(self._on_settings_changed)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # macOS opens a double-clicked project with an event, not a command-line argument.
        if event.type() == QEvent.Type.FileOpen:
            path = Path(event.file())
            if path.suffix == ".nstudio":
                self.window.open_project(path)
                return True
        return super().eventFilter(watched, event)

    def open_initial_project(self, path: Path | None) -> None:
        path = path or self.settings.last_project
        if path is not None and Path(path).exists():
            self.window.open_project(Path(path))

    def _on_settings_changed(self, language_changed: bool, theme_changed: bool) -> None:
        if theme_changed:
            apply_theme(self.app, self.settings.theme)
        if language_changed:
            answer = QMessageBox.question(
                self.window, self.tr("Language"),
                self.tr("The new language is used after a restart. Restart Natasha Studio now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.restart()

    def restart(self) -> None:
        # The open project comes back with the new language: it is named on the command line,
        # since this process writes its settings only after the new one has started.
        args = [a for a in sys.argv[1:] if not a.endswith(".nstudio")]
        if self.ctx.project is not None:
            args.append(str(self.ctx.project.path))
        if not getattr(sys, "frozen", False):
            args = ["-m", "natasha_studio", *[a for a in args if a.endswith(".nstudio")]]
        program = sys.executable
        self.window.close()
        QProcess.startDetached(program, args)
        self.app.quit()

    async def shutdown(self) -> None:
        await self.ctx.tasks.shutdown()
        project = self.ctx.project
        self.ctx.set_project(None)
        if project is not None:
            self.settings.last_project = project.path
        self.settings.sync()


def install_excepthook() -> None:
    """Unexpected errors: written to the log, shown as a message, and the app goes on."""

    def handle(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unhandled exception\n%s", scrub(text))
        if QApplication.instance() is None:
            return
        if isinstance(exc, StudioError):
            QMessageBox.warning(None, APP_NAME, str(exc))
            return
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, QApplication.translate(
            "App", "Something went wrong. Your work is saved in the project file."))
        box.setInformativeText(QApplication.translate(
            "App", "The details were written to the log: {path}").format(
                path=app_paths().log_file))
        box.setDetailedText(scrub(f"{exc_type.__name__}: {exc}"))
        box.exec()

    sys.excepthook = handle
    threading.excepthook = lambda args: log.error(
        "unhandled exception in thread %s\n%s", args.thread.name if args.thread else "?",
        scrub("".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                 args.exc_traceback))))


def main(argv: list[str] | None = None) -> int:
    """Open the window (optionally with a project file) and run until it closes."""
    from natasha_studio.tasks import StudioEventLoop

    argv = list(sys.argv if argv is None else argv)
    setup_logging()
    log.info("starting %s %s", APP_NAME, __version__)
    app = create_qapplication(argv)
    install_excepthook()
    settings = AppSettings()
    studio = StudioApp(app, settings)

    loop = StudioEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)

    project_arg = next((Path(a) for a in argv[1:] if a.endswith(".nstudio")), None)
    studio.window.show()
    QTimer.singleShot(0, lambda: studio.open_initial_project(project_arg))
    with loop:
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(studio.shutdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
