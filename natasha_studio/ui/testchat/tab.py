"""The Test chat tab: does the tuned model sound like the persona, and is it better?

Four views over the project's model entries: side by side (2-4 models answering the same
question), blind A/B (votes and win rates), the held-out questions of a snapshot (the
persona's real answers beside the models'), and style fidelity (a report card scoring each
model against her over those questions). "Models…" manages the entries.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core.chat.models import (
    base_entry_for,
    get_model,
    list_models,
    sync_job_models,
)
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.providers.registry import close_local_models, local_models_open
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.testchat.blind_view import BlindView
from natasha_studio.ui.testchat.fidelity_view import FidelityView
from natasha_studio.ui.testchat.heldout_view import HeldoutView
from natasha_studio.ui.testchat.models_dialog import ModelsDialog
from natasha_studio.ui.testchat.side_by_side import SideBySideView
from natasha_studio.ui.widgets.empty_state import EmptyState


class TestChatTab(QWidget):
    __test__ = False  # not a pytest test class, despite its name

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.empty = EmptyState(
            self.tr("Test chat"),
            self.tr("Open or create a project to chat with its tuned models, the base models "
                    "they came from, or any compatible server."))
        self.no_models = EmptyState(
            self.tr("No models to test yet"),
            self.tr("Add a model: a tuned model from a finished fine-tune job, a provider's "
                    "base model, or any OpenAI-compatible server such as Ollama or LM Studio."),
            self.tr("Add a model…"))
        self.no_models.button.clicked.connect(self.open_models)

        self.side_by_side = SideBySideView(ctx)
        self.blind = BlindView(ctx)
        self.heldout = HeldoutView(ctx)
        self.fidelity = FidelityView(ctx)
        self.views = QTabWidget()
        self.views.addTab(self.side_by_side, self.tr("Side by side"))
        self.views.addTab(self.blind, self.tr("Blind A/B"))
        self.views.addTab(self.heldout, self.tr("Held-out questions"))
        self.views.setTabToolTip(2, glossary.tooltip("heldout"))
        self.views.addTab(self.fidelity, self.tr("Style fidelity"))
        self.views.setTabToolTip(3, self.tr("A report card: how much each model sounds like "
                                            "her, over the held-out questions"))
        self.models_button = QPushButton(self.tr("Models…"))
        self.models_button.setToolTip(self.tr("Add a compatible server, or change and delete "
                                              "model entries"))
        self.models_info = QLabel()
        self.models_info.setProperty("role", "muted")
        views_page = QWidget()
        header = QHBoxLayout()
        header.addStretch(1)
        header.addWidget(self.models_info)
        header.addWidget(self.models_button)
        page_layout = QVBoxLayout(views_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addLayout(header)
        page_layout.addWidget(self.views, 1)
        self.views_page = views_page

        self.stack = QStackedWidget()
        for page in (self.empty, self.no_models, views_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)

        self.models_action = QAction(self.tr("Chat models…"), self)
        self.models_action.triggered.connect(self.open_models)

        self.models_button.clicked.connect(self.open_models)
        ctx.project_changed.connect(self._on_project_changed)
        ctx.changed.connect(self._on_changed)
        ctx.navigate.connect(self._on_navigate)
        self._on_project_changed(ctx.project)

    def menu_actions(self) -> list[QAction]:
        return [self.models_action]

    # -- reacting ------------------------------------------------------------------------------

    def _on_project_changed(self, project: Project | None) -> None:
        # Local models of the previous project leave memory with it.
        if local_models_open():
            self.ctx.tasks.start("testchat.close-local-models", close_local_models(),
                                 title=self.tr("Closing local models"))
        if project is not None:
            sync_job_models(project)  # tuned models of jobs finished while the app was closed
        self.side_by_side.on_project_changed()
        self._on_models_changed()
        self.models_action.setEnabled(project is not None)

    def _on_models_changed(self) -> None:
        project = self.ctx.project
        entries = list_models(project) if project is not None else []
        if project is None:
            self.stack.setCurrentWidget(self.empty)
        elif not entries:
            self.stack.setCurrentWidget(self.no_models)
        else:
            self.stack.setCurrentWidget(self.views_page)
        self.models_info.setText(self.tr("%n model(s)", "", len(entries)) if entries else "")
        self.side_by_side.reload_models()
        self.blind.reload()
        self.heldout.reload()
        self.fidelity.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.models:
            self._on_models_changed()   # reloads every view, held-out and fidelity included
        elif changes.snapshots:
            self.heldout.reload()
            self.fidelity.reload()
        if changes.jobs:
            self._on_jobs_changed()
        if changes.votes and not changes.models:
            self.blind.refresh_table()
            self.fidelity.reload()

    def _on_jobs_changed(self) -> None:
        if self.ctx.project is not None and sync_job_models(self.ctx.project):
            self._on_models_changed()
            self.ctx.show_status(self.tr("New tuned models are ready in Test chat; run the "
                                         "held-out questions again to compare them."))

    def _on_navigate(self, key: str, argument: object) -> None:
        """"Test in chat" on a job: open side by side with that model in the first column."""
        if key != "testchat" or self.ctx.project is None:
            return
        entry = get_model(self.ctx.project, argument) if isinstance(argument, int) else None
        if entry is not None:
            base = base_entry_for(self.ctx.project, entry)
            self._on_models_changed()
            self.views.setCurrentWidget(self.side_by_side)
            self.side_by_side.focus_model(entry.id, base)

    def open_models(self) -> None:
        if self.ctx.project is None:
            return
        ModelsDialog(self.ctx, self).exec()
        self._on_models_changed()
