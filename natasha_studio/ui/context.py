"""What every tab gets: the open project, the task registry, settings and secrets.

Tabs never hold the main window; they take an ``AppContext`` and subscribe to its signals.
A tab that changes data calls an operation (``natasha_studio.operations``), which returns
the ``Changes`` it made, and hands them to ``apply``: one ``changed(Changes)`` signal tells
every view what to re-read. The older ``*_changed`` signals still work while views move over:
emitting one emits ``changed`` too, and ``apply`` emits the matching old ones.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.secrets import SecretStore, secret_store
from natasha_studio.settings import AppSettings
from natasha_studio.tasks import TaskRegistry


class AppContext(QObject):
    project_changed = Signal(object)   # the new Project, or None when closed
    changed = Signal(object)            # Changes: what an action changed in the project
    # The older signals, each one kind of change (see the module's note).
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
        self._applying = False
        self.sources_changed.connect(lambda: self._bridge(Changes(sources=True)))
        self.pairs_changed.connect(
            lambda ids: self._bridge(Changes(pairs=ids)))
        self.snapshots_changed.connect(lambda: self._bridge(Changes(snapshots=True)))
        self.jobs_changed.connect(lambda: self._bridge(Changes(jobs=True)))
        self.models_changed.connect(lambda: self._bridge(Changes(models=True)))

    def apply(self, changes: Changes) -> None:
        """Tell every view what an action changed."""
        if changes.empty:
            return
        self._applying = True
        try:
            if changes.sources:
                self.sources_changed.emit()
            if changes.any_pairs:
                self.pairs_changed.emit(changes.pairs)
            if changes.snapshots:
                self.snapshots_changed.emit()
            if changes.jobs:
                self.jobs_changed.emit()
            if changes.models:
                self.models_changed.emit()
        finally:
            self._applying = False
        self.changed.emit(changes)

    def _bridge(self, changes: Changes) -> None:
        if not self._applying:
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
