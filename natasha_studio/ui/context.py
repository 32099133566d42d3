"""What every tab gets: the open project, the task registry, settings and secrets.

Tabs never hold the main window; they take an ``AppContext`` and subscribe to its signals.
A tab that changes data calls a core operation, then emits the matching ``*_changed`` signal
so that other views refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from natasha_studio.core.store import Project
from natasha_studio.secrets import SecretStore, secret_store
from natasha_studio.settings import AppSettings
from natasha_studio.tasks import TaskRegistry


class AppContext(QObject):
    project_changed = Signal(object)   # the new Project, or None when closed
    sources_changed = Signal()          # chats, messages or participants changed
    pairs_changed = Signal(object)      # a set of pair ids, or None for "maybe all"
    snapshots_changed = Signal()
    jobs_changed = Signal()
    models_changed = Signal()
    status_message = Signal(str, int)   # text, milliseconds (0: until replaced)
    navigate = Signal(str, object)      # tab name ("sources", "pairs", ...), argument

    def __init__(self, settings: AppSettings | None = None,
                 secrets: SecretStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.secrets = secrets or secret_store()
        self.tasks = TaskRegistry(self)
        self._project: Project | None = None

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
