"""One job in detail: state timeline, times, error, tuned model, loss chart, events, checkpoints."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import jobs
from natasha_studio.core.jobs.records import JobRecord, parse_iso
from natasha_studio.core.store import Project
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


class JobView(QWidget):
    cancel_requested = Signal(int)
    test_in_chat_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: JobRecord | None = None
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
        for stage in TIMELINE:
            label = QLabel()
            self._stages[stage] = label
            self.timeline.addWidget(label)
        self.timeline.addStretch(1)
        layout.addLayout(self.timeline)

        form = QFormLayout()
        self.started = QLabel()
        self.elapsed = QLabel()
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
        form.addRow(self.tr("Snapshot:"), self.snapshot)
        form.addRow(self.tr("Settings:"), self.settings_label)
        form.addRow(self.tr("Provider's job id:"), self.remote_id)
        form.addRow(self.tr("Tuned model:"), self.tuned_model)
        layout.addLayout(form)
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test in chat"))
        self.test_button.setToolTip(self.tr("Save the tuned model in the project and open it in "
                                            "the Test chat tab."))
        self.test_button.clicked.connect(self._on_test_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel job"))
        self.cancel_button.setToolTip(self.tr("Ask the provider to stop training. Training done "
                                              "so far may still be billed."))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

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
        self.tabs.addTab(self.chart, self.tr("Loss"))
        self.tabs.addTab(self.events, self.tr("Events"))
        self.tabs.addTab(self.checkpoints, self.tr("Checkpoints"))
        layout.addWidget(self.tabs, 1)
        self._stack.addWidget(page)

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
        self.title.setText(self.tr("{name} — {model} on {provider}").format(
            name=name, model=job.base_model, provider=provider_text(job.provider)))
        self._show_timeline(job)
        self.started.setText(_local_time(job.created_at))
        self.snapshot.setText(job.snapshot_name or "—")
        self.remote_id.setText(job.remote_id or "—")
        self.settings_label.setText(self._settings_text(job))
        self.error.setText(job.error or "")
        self.error.setVisible(bool(job.error))
        self.tuned_model.setText(job.tuned_model or (self.tr("Not yet") if not job.finished else "—"))
        self.test_button.setEnabled(job.status == "succeeded" and bool(job.tuned_model))
        self.cancel_button.setEnabled(not job.finished and job.status != "cancelling")
        self._update_elapsed()
        if job.finished:
            self._clock.stop()
        else:
            self._clock.start()
        metrics = jobs.job_metrics(project, job.id)
        empty = (self.tr("Vertex AI does not report the loss while training; follow the events.")
                 if job.provider == "vertex" else "")
        self.chart.set_series(metrics, empty)
        self._show_events(project, job.id)
        self._show_checkpoints(job)

    def _settings_text(self, job: JobRecord) -> str:
        names = {"epochs": self.tr("epochs"), "learning_rate_multiplier": self.tr("learning rate ×"),
                 "batch_size": self.tr("batch size"), "adapter_size": self.tr("adapter size"),
                 "suffix": self.tr("suffix"), "seed": self.tr("seed")}
        parts = [f"{names.get(k, k)}: {v}" for k, v in job.hyperparameters.items()
                 if v not in (None, "")]
        return ", ".join(parts) or self.tr("provider's defaults")

    def _show_timeline(self, job: JobRecord) -> None:
        current = "done" if job.finished else job.status
        if current in ("preparing",):
            current = "uploading"
        if current == "cancelling":
            current = "running"
        order = list(TIMELINE)
        index = order.index(current) if current in order else 0
        for i, stage in enumerate(order):
            label = self._stages[stage]
            text = state_text(job.status) if stage == "done" and job.finished else state_text(stage)
            if i < index:
                label.setText(f"✓ {text}  →")
                label.setStyleSheet("color: palette(mid);")
            elif i == index:
                colour = STATE_COLOURS.get(job.status, "#1565c0")
                label.setText(f"● {text}" + ("" if stage == "done" else "  →"))
                label.setStyleSheet(f"color: {colour}; font-weight: 600;")
            else:
                label.setText(f"{text}" + ("" if stage == "done" else "  →"))
                label.setStyleSheet("color: palette(mid);")

    def _update_elapsed(self) -> None:
        job = self.job
        if job is None:
            return
        text = duration_text(job.elapsed_seconds())
        finish = parse_iso(job.estimated_finish)
        if finish is not None and not job.finished:
            left = (finish - dt.datetime.now(dt.UTC)).total_seconds()
            text += "; " + (self.tr("about {time} left").format(time=duration_text(left))
                            if left > 0 else self.tr("should finish any moment"))
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
                return f"{m[key]:.4f}" if isinstance(m.get(key), int | float) else "—"
            item = QTreeWidgetItem([str(point.get("step", "")), num("train_loss"),
                                    num("valid_loss"), point.get("model", "")])
            item.setToolTip(3, point.get("model", ""))
            self.checkpoints.addTopLevelItem(item)
        self.tabs.setTabText(2, self.tr("Checkpoints ({n})").format(n=len(job.checkpoints))
                             if job.checkpoints else self.tr("Checkpoints"))

    # -- actions -----------------------------------------------------------------------------------

    def _on_cancel_clicked(self) -> None:
        if self.job is not None:
            self.cancel_requested.emit(self.job.id)

    def _on_test_clicked(self) -> None:
        if self.job is not None:
            self.test_in_chat_requested.emit(self.job.id)
