"""Style fidelity in the Test chat tab: score the chosen models on held-out questions and show
the report card (``fidelity_card``).

A run asks the snapshot's held-out questions of every ticked model in the background (progress,
Cancel), then scores the answers; the card of the chosen run is read from the project, so it is
there again after a restart. An optional judge model costs calls, which are counted before it
is turned on. The card can be saved as a picture (PNG) or a page (HTML).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.chat.fidelity import (
    ASKING,
    JUDGING,
    FidelityOptions,
    choose_questions,
    run_fidelity,
    start_run,
)
from natasha_studio.core.chat.heldout import snapshots_with_heldout
from natasha_studio.core.chat.models import get_model, list_models
from natasha_studio.core.errors import StudioError
from natasha_studio.core.fidelity import storage
from natasha_studio.core.fidelity.judge import judge_cost
from natasha_studio.core.fidelity.report import card_data, report_html
from natasha_studio.core.store import Project
from natasha_studio.providers.registry import provider_for
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.testchat.common import kind_label
from natasha_studio.ui.testchat.fidelity_card import ReportCard
from natasha_studio.ui.widgets.empty_state import EmptyState

TASK = "testchat.fidelity"


def _meaning_model():
    from natasha_studio.core import meaning  # numpy and the vectors: only when scoring

    return meaning.model()


class FidelityView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run_id: int | None = None
        self._active_run: int | None = None
        self.card: ReportCard | None = None

        self.snapshot = QComboBox()
        self.snapshot.setMinimumContentsLength(16)
        self.model_list = QListWidget()
        self.model_list.setMaximumHeight(54)
        self.model_list.setFlow(QListWidget.Flow.LeftToRight)
        self.model_list.setWrapping(True)
        # The check box is left out of the item's measured width: eliding would cut its end.
        self.model_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.model_list.setSpacing(1)
        self.questions = QSpinBox()
        self.questions.setRange(0, 10_000)
        self.questions.setSpecialValueText(self.tr("all"))
        self.questions.setToolTip(self.tr("How many held-out questions to ask (a random sample); "
                                          "“all” asks every one."))
        self.judge = QCheckBox(self.tr("Judge with"))
        self.judge.setToolTip(self.tr("A chat model compares the answers two by two and says "
                                      "which is closer to her real one. It costs calls; off by "
                                      "default."))
        self.judge_model = QComboBox()
        self.judge_model.setMinimumContentsLength(12)
        self.cost = QLabel()
        self.cost.setProperty("role", "muted")
        self.cost.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Score models"))
        self.run_button.setProperty("primary", True)
        self.runs = QComboBox()
        self.runs.setMinimumContentsLength(22)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save the report card as a picture (PNG) or a web "
                                            "page (HTML)"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Snapshot")))
        top.addWidget(self.snapshot)
        top.addWidget(QLabel(self.tr("Models")))
        top.addWidget(self.model_list, 1)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Questions")))
        options.addWidget(self.questions)
        options.addSpacing(12)
        options.addWidget(self.judge)
        options.addWidget(self.judge_model)
        options.addWidget(self.cost, 1)
        options.addWidget(self.run_button)
        runs_row = QHBoxLayout()
        runs_row.addWidget(QLabel(self.tr("Report")))
        runs_row.addWidget(self.runs, 1)
        runs_row.addWidget(self.save_button)

        # running: what is being done, how far, and Cancel
        self.running_box = QFrame()
        self.running_box.setFrameShape(QFrame.Shape.StyledPanel)
        running = QHBoxLayout(self.running_box)
        self.stage = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        running.addWidget(self.stage)
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)

        self.no_questions = EmptyState(
            self.tr("No held-out questions yet"),
            self.tr("A report card compares the models' answers with her real answers to "
                    "questions kept out of training. Freeze a snapshot with a held-out set on "
                    "the Statistics tab, then come back here."),
            self.tr("Go to Statistics"))
        self.no_questions.button.clicked.connect(
            lambda: self.ctx.navigate.emit("statistics", None))
        self.no_report = EmptyState(
            self.tr("No report card yet"),
            self.tr("Tick the models to compare above and press “Score models”. Each one "
                    "answers the held-out questions, and the card shows how close each comes "
                    "to her: style, meaning and one score out of 100."),
            self.tr("Score models"))
        self.no_report.button.clicked.connect(lambda: self.start_run())
        self.answering = EmptyState(
            self.tr("The models are answering"),
            self.tr("The report card appears here once every model has answered the held-out "
                    "questions and the answers are scored. You can work in other tabs "
                    "meanwhile."))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pages = QStackedWidget()
        for page in (self.no_questions, self.no_report, self.answering, self.scroll):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        self.controls = QWidget()
        controls = QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addLayout(top)
        controls.addLayout(options)
        controls.addLayout(runs_row)
        layout.addWidget(self.controls)
        layout.addWidget(self.running_box)
        layout.addWidget(self.pages, 1)

        self.snapshot.currentIndexChanged.connect(lambda _i: self._update_cost())
        self.questions.valueChanged.connect(lambda _v: self._update_cost())
        self.model_list.itemChanged.connect(lambda _i: self._update_cost())
        self.judge.toggled.connect(lambda _c: self._update_cost())
        self.runs.currentIndexChanged.connect(lambda _i: self._on_run_chosen())
        self.run_button.clicked.connect(lambda: self.start_run())
        self.cancel_button.clicked.connect(lambda: self.ctx.tasks.cancel(TASK))
        self.save_button.clicked.connect(self.save)
        self.ctx.tasks.tasks_changed.connect(self._update_controls)
        self._update_controls()

    # -- choices -------------------------------------------------------------------------------

    def reload(self) -> None:
        project = self.ctx.project
        keep = self.snapshot.currentData()
        self.snapshot.blockSignals(True)
        self.snapshot.clear()
        for sid, name, count in snapshots_with_heldout(project) if project else []:
            self.snapshot.addItem(self.tr("{name} (%n question(s))", "", count).format(name=name),
                                  sid)
        if keep is not None and self.snapshot.findData(keep) >= 0:
            self.snapshot.setCurrentIndex(self.snapshot.findData(keep))
        self.snapshot.blockSignals(False)
        unticked = {self.model_list.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.model_list.count())
                    if self.model_list.item(i).checkState() == Qt.CheckState.Unchecked}
        judge = self.judge_model.currentData()
        self.model_list.blockSignals(True)
        self.model_list.clear()
        self.judge_model.clear()
        for entry in list_models(project) if project else []:
            item = QListWidgetItem(f"{entry.name} · {kind_label(entry)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if entry.id in unticked
                               else Qt.CheckState.Checked)
            self.model_list.addItem(item)
            self.judge_model.addItem(entry.name, entry.id)
        self.model_list.blockSignals(False)
        if judge is not None and self.judge_model.findData(judge) >= 0:
            self.judge_model.setCurrentIndex(self.judge_model.findData(judge))
        self._reload_runs()
        self._update_cost()

    def chosen_models(self) -> list[int]:
        return [self.model_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.model_list.count())
                if self.model_list.item(i).checkState() == Qt.CheckState.Checked]

    def _question_count(self) -> int:
        sid = self.snapshot.currentData()
        if self.ctx.project is None or sid is None:
            return 0
        return len(choose_questions(self.ctx.project, sid, self.questions.value() or None))

    def _update_cost(self) -> None:
        self.judge_model.setEnabled(self.judge.isChecked())
        if not self.judge.isChecked():
            self.cost.setText("")
            return
        models = len(self.chosen_models())
        if models < 2:
            self.cost.setText(self.tr("The judge compares two models or more: tick another."))
            return
        self.cost.setText(judge_cost(self._question_count(), models).summary())

    def _reload_runs(self) -> None:
        keep = self.run_id
        self.runs.blockSignals(True)
        self.runs.clear()
        project = self.ctx.project
        active = [self._active_run] if self.ctx.tasks.is_running(TASK) else []
        status_text = {"running": self.tr("running"), "finished": self.tr("finished"),
                       "stopped": self.tr("stopped")}
        for run in storage.list_runs(project, active) if project else []:
            when = run["created_at"][:16].replace("T", " ")
            self.runs.addItem(f"{when} — {run['title']} "
                              f"({status_text.get(run['status'], run['status'])})", run["id"])
        index = self.runs.findData(keep) if keep is not None else -1
        self.runs.setCurrentIndex(index if index >= 0 else 0)
        self.runs.blockSignals(False)
        self._on_run_chosen()

    def _on_run_chosen(self) -> None:
        self.run_id = self.runs.currentData()
        self.show_card()

    # -- the card ------------------------------------------------------------------------------

    def show_card(self) -> None:
        project = self.ctx.project
        data = card_data(project, self.run_id) if project and self.run_id else None
        if data is not None and data.results:
            self.card = ReportCard(data)
            self.scroll.setWidget(self.card)
            self.pages.setCurrentWidget(self.scroll)
        else:
            self.card = None
        self._update_controls()

    def _update_controls(self) -> None:
        running = self.ctx.tasks.is_running(TASK)
        project = self.ctx.project
        has_questions = self.snapshot.count() > 0
        self.controls.setVisible(has_questions)
        can_run = project is not None and not running and has_questions
        self.run_button.setEnabled(can_run)
        if self.no_report.button is not None:
            self.no_report.button.setEnabled(can_run)
        self.save_button.setEnabled(self.card is not None)
        self.running_box.setVisible(running)
        if self.card is None:
            self.pages.setCurrentWidget(self.answering if running else self.no_report
                                        if has_questions else self.no_questions)

    # -- running -------------------------------------------------------------------------------

    def start_run(self):
        project, sid = self.ctx.project, self.snapshot.currentData()
        if project is None or sid is None:
            return None
        models = self.chosen_models()
        if not models:
            show_error(self, self.tr("Style fidelity"), StudioError(
                self.tr("Tick at least one model to score.")))
            return None
        judge = self.judge_model.currentData() if self.judge.isChecked() else None
        try:
            # A model that cannot answer at all (a demo recording, a key not set) is said
            # now, not as an error on every one of its questions.
            for model_id in [*models, *([judge] if judge is not None else [])]:
                entry = get_model(project, model_id)
                if entry is not None:
                    provider_for(entry, self.ctx.secrets)
            self.run_id = start_run(project, sid, models, FidelityOptions(
                questions=self.questions.value() or None, judge_model=judge))
        except StudioError as exc:
            show_error(self, self.tr("Style fidelity"), exc)
            return None
        self._active_run = self.run_id
        self.stage.setText(self.tr("Asking the models…"))
        self.progress.setRange(0, 0)
        task = self.ctx.tasks.start(
            TASK,
            run_fidelity(project, self.run_id, lambda e: provider_for(e, self.ctx.secrets),
                         _meaning_model, self._on_progress),
            title=self.tr("Style fidelity"), owner=project)
        task.add_done_callback(lambda _t: self._after_run(project))
        self._update_controls()
        return task

    def _after_run(self, project: Project) -> None:
        if project is self.ctx.project:
            self._reload_runs()

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        texts = {ASKING: self.tr("Asking the models: {done} of {total} answers"),
                 JUDGING: self.tr("The judge compares answers: {done} of {total}")}
        self.stage.setText(texts.get(stage, self.tr("Scoring the answers…")).format(
            done=done, total=total))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat("%p%")

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        if self.card is None:
            return
        stamp = dt.date.today().isoformat()
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save the report card"), str(Path.home() / f"fidelity-{stamp}.html"),
            self.tr("Web page (*.html);;Picture (*.png)"))
        if not path:
            return
        try:
            self.save_to(Path(path), png="png" in chosen.lower() or path.lower().endswith(".png"))
        except OSError as exc:
            show_error(self, self.tr("Save the report card"), StudioError(
                self.tr("The report card could not be saved: {reason}").format(
                    reason=exc.strerror or exc)))
            return
        self.ctx.show_status(self.tr("Report card saved to {path}").format(path=path))

    def save_to(self, path: Path, png: bool = False) -> None:
        """Write the card as a PNG picture of the card as shown, or as an HTML page."""
        if self.card is None:
            return
        if png:
            if path.suffix.lower() != ".png":
                path = path.with_suffix(".png")
            if not self.card.grab().save(str(path), "PNG"):
                raise OSError(0, self.tr("the picture could not be written"))
            return
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_suffix(".html")
        path.write_text(report_html(self.card.data), encoding="utf-8")
