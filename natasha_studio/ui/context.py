"""What every tab gets: the open project, the task registry, settings and secrets.

Tabs never hold the main window; they take an ``AppContext`` and subscribe to its signals.
A tab that changes data calls an operation (``natasha_studio.operations``), which returns
the ``Changes`` it made, and hands them to ``apply``: one ``changed(Changes)`` signal tells
every view what to re-read, and each view looks only at the kinds it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from natasha_studio.core import writer
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.secrets import SecretStore, secret_store
from natasha_studio.settings import AppSettings
from natasha_studio.tasks import TaskRegistry


class AppContext(QObject):
    project_changed = Signal(object)   # the new Project, or None when closed
    changed = Signal(object)            # Changes: what an action changed in the project
    status_message = Signal(str, int)   # text, milliseconds (0: until replaced)
    navigate = Signal(str, object)      # tab name ("sources", "pairs", ...), argument

    def __init__(self, settings: AppSettings | None = None,
                 secrets: SecretStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.secrets = secrets or secret_store()
        self.tasks = TaskRegistry(self)
        self._project: Project | None = None
        # This is the window's thread: a write here waits for another process only briefly.
        writer.wait_briefly_here()

    def apply(self, changes: Changes) -> None:
        """Tell every view what an action changed."""
        if not changes.empty:
            self.changed.emit(changes)

    @property
    def project(self) -> Project | None:
        return self._project

    def set_project(self, project: Project | None) -> None:
        old = self._project
        if old is not None and old is not project:
            self.tasks.cancel_owner(old)
        self._project = project
        self.project_changed.emit(project)
        if old is not None and old is not project:
            old.close()

    def show_status(self, text: str, ms: int = 5000) -> None:
        self.status_message.emit(text, ms)
