"""The Fine-tune tab: launch panel and jobs list on the left, the chosen job on the right.

Tracking runs as named tasks owned by the project (``finetune:track:<id>``), so closing the
project stops them; on opening a project every unfinished job is tracked again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import jobs
from natasha_studio.core.errors import StudioError
from natasha_studio.core.jobs import LaunchPlan
from natasha_studio.core.jobs.local import merge_target
from natasha_studio.core.store import Project
from natasha_studio.local.merge import merge_in_worker
from natasha_studio.operations import finetune
from natasha_studio.operations.changes import Changes
from natasha_studio.providers.registry import build_provider
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import error_text, show_error
from natasha_studio.ui.finetune.job_view import JobView, _local_time
from natasha_studio.ui.finetune.launch_panel import LaunchPanel
from natasha_studio.ui.finetune.providers_dialog import ProviderSettingsDialog
from natasha_studio.ui.finetune.texts import STATE_COLOURS, Notifier, provider_text, state_text
from natasha_studio.ui.finetune.tuned_chat import TunedChat, remote_entry_for
from natasha_studio.ui.widgets.empty_state import EmptyState


class FinetuneTab(QWidget):
    # Seconds between polls; None: each provider's default (tests make it short).
    poll_interval: float | None = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notifier = Notifier(ctx.show_status)
        self.tuned_chat = TunedChat(ctx, self, lambda entry_id: ctx.navigate.emit("testchat",
                                                                                 entry_id))
        self._stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

        self.empty_state = EmptyState(self.tr("Fine-tune"), self.tr(
            "Open or create a project to tune a model on its approved pairs and follow the "
            "training here."))
        self._stack.addWidget(self.empty_state)

        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        intro = QLabel(self.tr("Tune a model on a frozen snapshot of your pairs, then try it in "
                               "the Test chat."))
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        self.providers_button = QPushButton(self.tr("Providers…"))
        self.providers_button.setToolTip(self.tr("Step-by-step set-up of each provider: the "
                                                 "account, keys and a connection test."))
        self.providers_button.clicked.connect(self.open_provider_settings)
        top.addWidget(self.providers_button)
        layout.addLayout(top)

        self.launch_panel = LaunchPanel(ctx)
        self.launch_panel.launch_requested.connect(self._on_launch_requested)
        launch_box = QGroupBox(self.tr("New fine-tune"))
        box_layout = QVBoxLayout(launch_box)
        box_layout.addWidget(self.launch_panel)

        jobs_box = QGroupBox(self.tr("Jobs"))
        self.jobs_list = QTreeWidget()
        self.jobs_list.setHeaderLabels([self.tr("#"), self.tr("Name"), self.tr("Provider"),
                                        self.tr("Model"), self.tr("State"), self.tr("Started")])
        self.jobs_list.setRootIsDecorated(False)
        self.jobs_list.setColumnWidth(0, 40)
        self.jobs_list.currentItemChanged.connect(self._on_job_selected)
        jobs_layout = QVBoxLayout(jobs_box)
        jobs_layout.addWidget(self.jobs_list)
        self.no_jobs_label = QLabel(self.tr("No jobs yet. Launch one above; it will be kept here, "
                                            "even if you close the app while it trains."))
        self.no_jobs_label.setWordWrap(True)
        jobs_layout.addWidget(self.no_jobs_label)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(launch_box)
        left.addWidget(jobs_box)
        left.setSizes([620, 180])  # the form first; a few jobs fit below
        self.job_view = JobView()
        self.job_view.cancel_requested.connect(self._on_cancel_requested)
        self.job_view.test_in_chat_requested.connect(self._on_test_in_chat)
        self.job_view.export_requested.connect(self._on_export_requested)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.job_view)
        # The launch form needs its labels and the snapshot names whole; the job view keeps
        # enough width for its chart.
        split.setSizes([600, 680])
        layout.addWidget(split, 1)
        self._stack.addWidget(page)

        ctx.project_changed.connect(self._on_project_changed)
        ctx.changed.connect(self._on_changed)
        self._on_project_changed(ctx.project)

    def menu_actions(self) -> list[QAction]:
        action = QAction(self.tr("Fine-tune providers…"), self)
        action.triggered.connect(self.open_provider_settings)
        return [action]

    # -- project -------------------------------------------------------------------------------

    def _on_project_changed(self, project: Project | None) -> None:
        self.job_view.clear()
        if project is None:
            self.launch_panel.forget_check()
            self.jobs_list.clear()
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        jobs.mark_interrupted(project)
        self.launch_panel.reload_snapshots()
        self.reload_jobs()
        self.resume_tracking()

    def _on_changed(self, changes: Changes) -> None:
        if changes.snapshots and self.ctx.project is not None:
            self.launch_panel.reload_snapshots()

    def resume_tracking(self) -> None:
        """Follow every job the provider is still running (after a restart, say)."""
        project = self.ctx.project
        if project is None:
            return
        for job in jobs.unfinished_jobs(project):
            if not self.ctx.tasks.is_running(self._track_name(job.id)):
                self.track(job.id)

    # -- jobs list -----------------------------------------------------------------------------

    def reload_jobs(self, select: int | None = None) -> None:
        project = self.ctx.project
        current = select if select is not None else self.selected_job_id()
        self.jobs_list.blockSignals(True)
        self.jobs_list.clear()
        records = jobs.list_jobs(project) if project is not None else []
        for job in records:
            item = QTreeWidgetItem([str(job.id), job.display_name, provider_text(job.provider),
                                    job.base_model, state_text(job.status),
                                    _local_time(job.created_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, job.id)
            item.setForeground(4, _brush(STATE_COLOURS.get(job.status)))
            # The columns are narrow in the launch column: the whole name and model on hover.
            item.setToolTip(1, job.display_name)
            item.setToolTip(3, job.base_model)
            if job.error:
                item.setToolTip(4, job.error)
            self.jobs_list.addTopLevelItem(item)
        self.jobs_list.blockSignals(False)
        if records:  # names are what she tells jobs apart by: as wide as they need, to a point
            for column in (1, 2, 4):  # name, provider, state
                self.jobs_list.resizeColumnToContents(column)
            self.jobs_list.setColumnWidth(1, min(self.jobs_list.columnWidth(1), 220))
        self.no_jobs_label.setVisible(not records)
        if current is None and records:
            current = records[0].id
        self.select_job(current)

    def select_job(self, job_id: int | None) -> None:
        for i in range(self.jobs_list.topLevelItemCount()):
            item = self.jobs_list.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == job_id:
                self.jobs_list.setCurrentItem(item)
                self._on_job_selected(item)
                return
        self.job_view.clear()

    def selected_job_id(self) -> int | None:
        item = self.jobs_list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _on_job_selected(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None or self.ctx.project is None:
            self.job_view.clear()
            return
        self.job_view.show_job(self.ctx.project, item.data(0, Qt.ItemDataRole.UserRole))

    def _refresh(self, job_id: int) -> None:
        self.reload_jobs()
        if self.selected_job_id() == job_id and self.ctx.project is not None:
            self.job_view.show_job(self.ctx.project, job_id)
        self.ctx.apply(Changes(jobs=True))

    # -- launching and tracking ----------------------------------------------------------------

    @staticmethod
    def _track_name(job_id: int) -> str:
        return f"finetune:track:{job_id}"

    def _provider(self, kind: str):
        return build_provider(kind, self.ctx.secrets)

    def _on_launch_requested(self, plan: LaunchPlan) -> None:
        project = self.ctx.project
        if project is None:
            return
        try:
            provider = self._provider(plan.provider)
        except StudioError as exc:
            show_error(self, self.tr("Cannot launch"), exc)
            return
        job_id, changes = finetune.record_launch(project, plan)
        self.reload_jobs(select=job_id)
        self.ctx.apply(changes)
        self.launch_panel.set_busy(True)

        # A local job only copies its files on this computer: there is no upload to show.
        progress = None if plan.provider == "local" else self.launch_panel.show_upload_progress

        async def run():
            try:
                job, _changes = await finetune.launch(project, provider, job_id, plan,
                                                      progress=progress)
                return job
            finally:  # sent or refused, the job changed: _refresh tells every view
                self.launch_panel.set_busy(False)
                self.launch_panel.launch_finished(plan)  # sent or not: the files go
                self._refresh(job_id)
        self.ctx.tasks.start(f"finetune:launch:{job_id}", run(), owner=project,
                             title=self.tr("Launching the fine-tune"),
                             on_done=lambda job: self.track(job.id))

    def track(self, job_id: int) -> None:
        project = self.ctx.project
        if project is None:
            return
        job = jobs.get_job(project, job_id)
        try:
            provider = self._provider(job.provider)
        except StudioError as exc:
            jobs.add_event(project, job_id, exc.message, level="warning")
            self.ctx.show_status(exc.message, 10000)
            return
        self.ctx.tasks.start(
            self._track_name(job_id),
            jobs.track(project, provider, job_id, interval=self.poll_interval,
                       on_update=lambda change: self._refresh(change.job_id),
                       on_retry=self._on_retry),
            owner=project, title=self.tr("Following job #{id}").format(id=job_id),
            on_done=self._on_job_finished)

    def _on_retry(self, notice: jobs.RetryNotice) -> None:
        if self.selected_job_id() == notice.job_id:
            self.job_view.show_retry(f"{notice.text()} ({notice.reason})")
        self.ctx.show_status(notice.text(), int(notice.delay * 1000) + 1000)

    def _on_job_finished(self, job: jobs.JobRecord) -> None:
        self._refresh(job.id)
        name = job.display_name or self.tr("Job #{id}").format(id=job.id)
        if job.status == "succeeded":
            text = self.tr("“{name}” finished: {model}").format(name=name, model=job.tuned_model)
        elif job.status == "failed":
            text = self.tr("“{name}” failed: {error}").format(name=name, error=job.error or "")
        else:
            text = self.tr("“{name}” was cancelled.").format(name=name)
        self.notifier.notify(self.tr("Fine-tune"), text)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _on_cancel_requested(self, job_id: int) -> None:
        project = self.ctx.project
        if project is None:
            return
        job = jobs.get_job(project, job_id)
        question = (self.tr("The training on this computer stops and its adapter is not saved. "
                            "Cancel the job?") if job.provider == "local" else
                    self.tr("The provider stops training; what it has done so far may still be "
                            "billed. Cancel the job?"))
        if not self.confirm(self.tr("Cancel the job?"), question):
            return
        try:
            provider = self._provider(job.provider)
        except StudioError as exc:
            show_error(self, self.tr("Cannot cancel"), exc)
            return

        async def run():
            try:
                job, _changes = await finetune.cancel(project, provider, job_id)
                return job
            finally:  # _refresh tells every view
                self._refresh(job_id)
        self.ctx.tasks.start(f"finetune:cancel:{job_id}", run(), owner=project,
                             title=self.tr("Cancelling job #{id}").format(id=job_id))

    def _on_test_in_chat(self, job_id: int) -> None:
        project = self.ctx.project
        if project is None:
            return
        job = jobs.get_job(project, job_id)

        def remote_entry() -> int | None:
            try:
                entry_id = remote_entry_for(project, job, job.display_name or self.tr(
                    "Tune #{id}").format(id=job.id))
            except StudioError as exc:
                show_error(self, self.tr("Cannot open the model"), exc)
                return None
            self.ctx.apply(Changes(models=True))
            return entry_id

        if job.provider in ("fireworks", "together"):
            # Chatting there costs money by the minute: the curator chooses first.
            try:
                self.tuned_chat.start(project, job, remote_entry)
            except StudioError as exc:
                show_error(self, self.tr("Cannot open the model"), exc)
            return
        entry_id = remote_entry()
        if entry_id is not None:
            self.ctx.navigate.emit("testchat", entry_id)

    def choose_export_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the merged model"))

    def _on_export_requested(self, job_id: int) -> None:
        """Merge a local job's adapter into its base model, in the worker process."""
        project = self.ctx.project
        if project is None:
            return
        job = jobs.get_job(project, job_id)
        if job.status != "succeeded" or not job.tuned_model:
            return
        folder = self.choose_export_folder()
        if not folder:
            return
        target = merge_target(folder, job.display_name or f"job-{job.id}")
        self.job_view.set_exporting(job_id, True, self.tr("Merging the adapter into {model}… This "
                                                  "takes a few minutes and needs the whole model "
                                                  "in memory.").format(model=job.base_model))

        def done(path) -> None:
            text = self.tr("The merged model is saved in {path}.").format(path=path)
            self.job_view.set_exporting(job_id, False, text)
            self.ctx.show_status(text, 10000)

        task = self.ctx.tasks.run_in_thread(
            f"finetune:merge:{job_id}", merge_in_worker, job.tuned_model, str(target),
            title=self.tr("Exporting the merged model of job #{id}").format(id=job_id),
            owner=project, with_progress=True, on_done=done)
        task.add_done_callback(lambda t: self._on_export_ended(job_id, t))

    def _on_export_ended(self, job_id: int, task) -> None:
        if task.cancelled():
            self.job_view.set_exporting(job_id, False, self.tr("The export was stopped."))
        elif task.exception() is not None:
            self.job_view.set_exporting(job_id, False, self.tr("The export failed: {error}").format(
                error=" ".join(filter(None, error_text(task.exception())))))

    def open_provider_settings(self) -> None:
        dialog = ProviderSettingsDialog(self.ctx, self, kind=self.launch_panel.provider_kind)
        dialog.exec()
        # "Check the key" may have fetched the provider's base models: offer them now.
        self.launch_panel.reload_base_models()


def _brush(colour: str | None):
    from PySide6.QtGui import QBrush, QColor, QPalette

    if colour:
        return QBrush(QColor(colour))
    return QBrush(QPalette().color(QPalette.ColorRole.Text))
