"""One job in detail: state timeline, times, error, tuned model, loss chart, events, checkpoints."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import jobs
from natasha_studio.core.i18n import number
from natasha_studio.core.jobs.records import JobRecord, parse_iso
from natasha_studio.core.store import Project
from natasha_studio.ui import theme
from natasha_studio.ui.finetune.loss_chart import LossChart
from natasha_studio.ui.finetune.texts import (
    STATE_COLOURS,
    TIMELINE,
    duration_text,
    provider_text,
    state_text,
)


def _local_time(value: str | None) -> str:
    moment = parse_iso(value)
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# A local job is never uploaded, checked or queued by anyone: it prepares, then trains.
LOCAL_TIMELINE = ("preparing", "running", "done")


class JobView(QWidget):
    cancel_requested = Signal(int)
    test_in_chat_requested = Signal(int)
    export_requested = Signal(int)  # a local job's adapter, merged into a full model

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: JobRecord | None = None
        self._exporting = False
        self._export_job: int | None = None  # the job the export line speaks of
        self._stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

        self.empty_label = QLabel(self.tr("Choose a job in the list to follow it here, or launch "
                                          "a new one."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._stack.addWidget(self.empty_label)

        page = QWidget()
        layout = QVBoxLayout(page)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.timeline = QHBoxLayout()
        self._stages: dict[str, QLabel] = {}
        for stage in dict.fromkeys(LOCAL_TIMELINE[:1] + TIMELINE):
            label = QLabel()
            self._stages[stage] = label
            self.timeline.addWidget(label)
        self.timeline.addStretch(1)
        layout.addLayout(self.timeline)

        form = QFormLayout()
        self.started = QLabel()
        self.elapsed = QLabel()
        self.speed = QLabel()
        # Steps done of all steps, for providers that tell them (Yandex AI Studio) and no loss.
        self.steps = QProgressBar()
        self.steps.setTextVisible(True)
        self.snapshot = QLabel()
        self.remote_id = QLabel()
        self.remote_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_label = QLabel()
        self.settings_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tuned_model = QLabel()
        self.tuned_model.setWordWrap(True)
        self.tuned_model.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Started:"), self.started)
        form.addRow(self.tr("Time:"), self.elapsed)
        form.addRow(self.tr("Speed:"), self.speed)
        form.addRow(self.tr("Progress:"), self.steps)
        self._form = form
        form.addRow(self.tr("Snapshot:"), self.snapshot)
        form.addRow(self.tr("Settings:"), self.settings_label)
        form.addRow(self.tr("Provider's job id:"), self.remote_id)
        form.addRow(self.tr("Tuned model:"), self.tuned_model)
        layout.addLayout(form)
        layout.addWidget(self.error)
        # While the provider cannot be reached: "No connection to …, trying again in N s".
        self.connection = QLabel()
        self.connection.setWordWrap(True)
        self.connection.setStyleSheet("color: #b26a00;")
        self.connection.setVisible(False)
        self._retry_for: int | None = None  # the job the connection line speaks of
        layout.addWidget(self.connection)

        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test in chat"))
        self.test_button.setToolTip(self.tr("Save the tuned model in the project and open it in "
                                            "the Test chat tab."))
        self.test_button.clicked.connect(self._on_test_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel job"))
        self.cancel_button.setToolTip(self.tr("Ask the provider to stop training. Training done "
                                              "so far may still be billed."))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.export_button = QPushButton(self.tr("Export merged model…"))
        self.export_button.setToolTip(self.tr("Fold the adapter into its base model and save a "
                                              "full model folder that other tools can load."))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.export_status)

        self.tabs = QTabWidget()
        self.chart = LossChart()
        self.events = QTreeWidget()
        self.events.setHeaderLabels([self.tr("Time"), self.tr("Event")])
        self.events.setRootIsDecorated(False)
        self.events.setColumnWidth(0, 140)
        self.checkpoints = QTreeWidget()
        self.checkpoints.setHeaderLabels([self.tr("Step"), self.tr("Training loss"),
                                          self.tr("Validation loss"), self.tr("Model")])
        self.checkpoints.setRootIsDecorated(False)
        for column in range(3):  # step and the two losses: their headings whole
            self.checkpoints.header().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        # An empty table said nothing: most jobs of most providers keep no checkpoints.
        self.no_checkpoints = QLabel(self.tr(
            "No checkpoints: the provider keeps none for this job, or the job has not reached "
            "its first one yet."))
        self.no_checkpoints.setWordWrap(True)
        self.no_checkpoints.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.no_checkpoints.setProperty("role", "muted")
        checkpoints_page = QWidget()
        checkpoints_layout = QVBoxLayout(checkpoints_page)
        checkpoints_layout.setContentsMargins(0, 6, 0, 0)
        checkpoints_layout.addWidget(self.no_checkpoints)
        checkpoints_layout.addWidget(self.checkpoints, 1)
        self.tabs.addTab(self.chart, self.tr("Loss"))
        self.tabs.addTab(self.events, self.tr("Events"))
        self.tabs.addTab(checkpoints_page, self.tr("Checkpoints"))
        layout.addWidget(self.tabs, 1)
        self._stack.addWidget(page)

        self._share: float | None = None  # the share of steps done, where a provider tells
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._update_elapsed)

    # -- showing -----------------------------------------------------------------------------------

    def clear(self) -> None:
        self.job = None
        self._clock.stop()
        self._stack.setCurrentIndex(0)

    def show_job(self, project: Project, job_id: int) -> None:
        job = jobs.get_job(project, job_id)
        self.job = job
        self._stack.setCurrentIndex(1)
        name = job.display_name or self.tr("Job #{id}").format(id=job.id)
        if job.provider == "local":
            self.title.setText(self.tr("{name} — {model} on this computer").format(
                name=name, model=job.base_model))
        else:
            self.title.setText(self.tr("{name} — {model} on {provider}").format(
                name=name, model=job.base_model, provider=provider_text(job.provider)))
        self._show_timeline(job)
        self.started.setText(_local_time(job.created_at))
        self.snapshot.setText(job.snapshot_name or "—")
        self.remote_id.setText(job.remote_id or "—")
        self.settings_label.setText(self._settings_text(job))
        self.error.setText(job.error or "")
        self.error.setVisible(bool(job.error))
        if job.finished or not job.check_error:
            self.connection.setVisible(False)
        elif self.connection.isHidden() or self._retry_for != job.id:
            self.show_retry(self.tr("Could not check the job: {reason}").format(
                reason=job.check_error))
        self.tuned_model.setText(job.tuned_model or (self.tr("Not yet") if not job.finished else "—"))
        succeeded = job.status == "succeeded" and bool(job.tuned_model)
        self.test_button.setEnabled(succeeded)
        local = job.provider == "local"
        self.export_button.setVisible(local)
        self.export_button.setEnabled(succeeded and not self._exporting)
        self.export_status.setVisible(local and self._export_job == job.id
                                      and bool(self.export_status.text()))
        self.cancel_button.setEnabled(not job.finished and job.status != "cancelling")
        self.cancel_button.setToolTip(
            self.tr("Stop the training on this computer; nothing is saved.") if local else
            self.tr("Ask the provider to stop training. Training done so far may still be "
                    "billed."))
        metrics = jobs.job_metrics(project, job.id)
        self._show_speed(job, metrics)
        self._show_steps(job, metrics.get("progress") or [])
        self._update_elapsed()
        if job.finished:
            self._clock.stop()
        else:
            self._clock.start()
        empty = {"vertex": self.tr("Vertex AI does not report the loss while training; follow "
                                   "the events."),
                 "yandex": self.tr("Yandex AI Studio does not report the loss while training: "
                                   "the progress line above counts its steps."),
                 "fireworks": self.tr("Fireworks AI does not report the loss; the bar above "
                                      "shows how far it is."),
                 "together": self.tr("Together AI reports the loss once training has "
                                     "started; until then the job waits in its queue."),
                 }.get(job.provider, "")
        self.chart.set_series(metrics, empty)
        self._show_events(project, job.id)
        self._show_checkpoints(job)

    def show_retry(self, text: str) -> None:
        """Say why the job's state is not current and when it is asked again."""
        self._retry_for = self.job.id if self.job is not None else None
        self.connection.setText(text)
        self.connection.setVisible(True)

    def _show_speed(self, job: JobRecord, metrics: dict[str, list[tuple[int, float]]]) -> None:
        """Training speed of a local job (cloud providers do not report it)."""
        series = metrics.get("tokens_per_second") or []
        self._form.setRowVisible(self.speed, job.provider == "local")
        if series:
            self.speed.setText(self.tr("{rate} tokens/s").format(rate=number(series[-1][1])))
        else:
            self.speed.setText("—")

    def _show_steps(self, job: JobRecord, series: list[tuple[int, float]]) -> None:
        """The last reported step of all steps, as a bar ("Step 120 of 400")."""
        self._form.setRowVisible(self.steps, bool(series))
        self._share = series[-1][1] if series else None
        if not series:
            return
        step, share = series[-1]
        total = max(step, round(step / share)) if share > 0 else step
        if job.status == "succeeded":
            step = total  # the last step is not always reported before the job ends
        self.steps.setRange(0, max(total, 1))
        self.steps.setValue(step)
        if job.provider == "fireworks":
            # Fireworks reports percent done, not steps.
            self.steps.setFormat(self.tr("{percent}% done").format(percent=step))
            return
        self.steps.setFormat(self.tr("Step {step} of {total} ({percent}%)").format(
            step=step, total=total, percent=round(step * 100 / total) if total else 0))

    def _settings_text(self, job: JobRecord) -> str:
        names = {"epochs": self.tr("epochs"), "learning_rate_multiplier": self.tr("learning rate ×"),
                 "batch_size": self.tr("batch size"), "adapter_size": self.tr("adapter size"),
                 "suffix": self.tr("suffix"), "seed": self.tr("seed"),
                 "learning_rate": self.tr("learning rate"), "lora_r": self.tr("LoRA rank"),
                 "lora_alpha": self.tr("LoRA alpha"), "lora_dropout": self.tr("LoRA dropout"),
                 "target_modules": self.tr("target modules"),
                 "max_length": self.tr("maximum length"), "load_in_4bit": self.tr("4-bit"),
                 "device": self.tr("device"), "max_steps": self.tr("step limit"),
                 "lora_rank": self.tr("LoRA rank"), "n_samples": self.tr("samples")}
        hidden = {"snapshot_id", "snapshot_name"}  # shown in their own row

        def value(v: object) -> str:
            if isinstance(v, list):
                return ", ".join(map(str, v))
            if isinstance(v, bool):
                return self.tr("yes") if v else self.tr("no")
            if isinstance(v, float):  # "2" and "0,0002" in Russian, not "2.0" and "0.0002"
                return QLocale().toString(v, "g", 6)
            return str(v)
        parts = [f"{names.get(k, k)}: {value(v)}" for k, v in job.hyperparameters.items()
                 if v not in (None, "") and k not in hidden]
        return ", ".join(parts) or self.tr("provider's defaults")

    def _show_timeline(self, job: JobRecord) -> None:
        local = job.provider == "local"
        order = list(LOCAL_TIMELINE if local else TIMELINE)
        current = "done" if job.finished else job.status
        if current in ("preparing", "uploading"):
            current = "preparing" if local else "uploading"
        if current == "cancelling":
            current = "running"
        for stage, label in self._stages.items():
            label.setVisible(stage in order)
        index = order.index(current) if current in order else 0
        for i, stage in enumerate(order):
            label = self._stages[stage]
            text = state_text(job.status) if stage == "done" and job.finished else state_text(stage)
            if i < index:
                label.setText(f"✓ {text}  →")
                # The theme's hint colour: palette(mid) is a border colour, unreadable as text.
                label.setStyleSheet(f"color: {theme.colors(theme.is_dark())['muted']};")
            elif i == index:
                colour = STATE_COLOURS.get(job.status, "#1565c0")
                label.setText(f"● {text}" + ("" if stage == "done" else "  →"))
                label.setStyleSheet(f"color: {colour}; font-weight: 600;")
            else:
                label.setText(f"{text}" + ("" if stage == "done" else "  →"))
                label.setStyleSheet(f"color: {theme.colors(theme.is_dark())['muted']};")

    def _update_elapsed(self) -> None:
        job = self.job
        if job is None:
            return
        text = duration_text(job.elapsed_seconds())
        if not job.finished:
            left = None
            finish = parse_iso(job.estimated_finish)
            if finish is not None:
                left = (finish - dt.datetime.now(dt.UTC)).total_seconds()
            share = self._share
            if (left is None or left <= 0) and share is not None and 0.02 <= share < 1:
                # From the steps done so far: the time taken, scaled to the steps left.
                left = job.elapsed_seconds() * (1 - share) / share
            if left is not None and left > 0:
                text += "; " + self.tr("about {time} left").format(time=duration_text(left))
            elif share is not None and share >= 0.9:
                # Only near the end: a provider's estimate that has passed says nothing early on.
                text += "; " + self.tr("should finish any moment")
        self.elapsed.setText(text)

    def _show_events(self, project: Project, job_id: int) -> None:
        self.events.clear()
        icons = {"warning": "⚠ ", "error": "✖ "}
        for event in jobs.job_events(project, job_id):
            item = QTreeWidgetItem([_local_time(event.at), icons.get(event.level, "") + event.message])
            item.setToolTip(1, event.message)
            self.events.addTopLevelItem(item)
        if self.events.topLevelItemCount():
            self.events.scrollToItem(self.events.topLevelItem(self.events.topLevelItemCount() - 1))

    def _show_checkpoints(self, job: JobRecord) -> None:
        self.checkpoints.clear()
        for point in sorted(job.checkpoints, key=lambda c: c.get("step") or 0):
            metrics = point.get("metrics") or {}

            def num(key: str, m=metrics) -> str:
                return number(m[key], 4) if isinstance(m.get(key), int | float) else "—"
            item = QTreeWidgetItem([str(point.get("step", "")), num("train_loss"),
                                    num("valid_loss"), point.get("model", "")])
            item.setToolTip(3, point.get("model", ""))
            self.checkpoints.addTopLevelItem(item)
        self.no_checkpoints.setVisible(not job.checkpoints)
        self.checkpoints.setVisible(bool(job.checkpoints))
        self.tabs.setTabText(2, self.tr("Checkpoints ({n})").format(n=len(job.checkpoints))
                             if job.checkpoints else self.tr("Checkpoints"))

    # -- actions -----------------------------------------------------------------------------------

    def _on_cancel_clicked(self) -> None:
        if self.job is not None:
            self.cancel_requested.emit(self.job.id)

    def set_exporting(self, job_id: int, exporting: bool, text: str = "") -> None:
        """While a merge runs its button waits; ``text`` says how it went (shown with that
        job only)."""
        self._exporting = exporting
        self._export_job = job_id
        self.export_status.setText(text)
        self.export_status.setVisible(bool(text) and self.job is not None
                                      and self.job.id == job_id)
        if self.job is not None:
            self.export_button.setEnabled(not exporting and self.job.status == "succeeded")

    def _on_export_clicked(self) -> None:
        if self.job is not None:
            self.export_requested.emit(self.job.id)

    def _on_test_clicked(self) -> None:
        if self.job is not None:
            self.test_in_chat_requested.emit(self.job.id)
