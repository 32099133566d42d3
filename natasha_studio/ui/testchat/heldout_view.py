"""Held-out questions: the persona's real answer beside each model's, rated by the curator.

A run goes through every golden question of a snapshot with the ticked models in the
background (progress, Stop); answers appear in the table as they arrive. Selecting an answer
shows it in full below, where it can be rated 1-5, picked as the best, or corrected into a
new training pair. A summary per model sits under the table.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.chat.heldout import (
    HeldoutRow,
    create_run,
    list_runs,
    pick_best,
    rate_answer,
    run_heldout,
    run_summary,
    run_table,
    snapshots_with_heldout,
)
from natasha_studio.core.chat.models import list_models
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import number
from natasha_studio.operations.changes import Changes
from natasha_studio.providers.registry import provider_for
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.testchat.common import kind_label
from natasha_studio.ui.testchat.dialogs import CorrectionDialog

TASK = "testchat.heldout"
FIXED_COLUMNS = 2  # question, real answer


class HeldoutView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run_id: int | None = None
        self._active_run: int | None = None
        self.models: list[tuple[int, str]] = []
        self.rows: list[HeldoutRow] = []

        self.snapshot = QComboBox()
        self.snapshot.setMinimumContentsLength(18)
        self.model_list = QListWidget()
        self.model_list.setMaximumHeight(52)
        self.model_list.setFlow(QListWidget.Flow.LeftToRight)
        self.model_list.setWrapping(True)
        self.run_button = QPushButton(self.tr("Ask these models"))
        self.run_button.setProperty("primary", True)
        self.retry_button = QPushButton(self.tr("Retry missing answers"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.runs = QComboBox()
        self.runs.setMinimumContentsLength(24)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Snapshot")))
        top.addWidget(self.snapshot)
        top.addWidget(QLabel(self.tr("Models")))
        top.addWidget(self.model_list, 1)
        top.addWidget(self.run_button)
        runs_row = QHBoxLayout()
        runs_row.addWidget(QLabel(self.tr("Run")))
        runs_row.addWidget(self.runs, 1)
        runs_row.addWidget(self.retry_button)
        runs_row.addWidget(self.stop_button)
        runs_row.addWidget(self.progress)

        self.table = QTableWidget(0, FIXED_COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.rate_buttons = []
        rate_row = QHBoxLayout()
        rate_row.addWidget(QLabel(self.tr("How close to the persona?")))
        for value in range(1, 6):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setMaximumWidth(40)
            button.setToolTip(self.tr("1: nothing like her · 5: just like her"))
            button.clicked.connect(lambda _c=False, v=value: self.rate(v))
            self.rate_buttons.append(button)
            rate_row.addWidget(button)
        self.best_button = QPushButton(self.tr("Best answer to this question"))
        self.best_button.setCheckable(True)
        self.correct_button = QPushButton(self.tr("Correct and save as pair…"))
        rate_row.addStretch(1)
        rate_row.addWidget(self.best_button)
        rate_row.addWidget(self.correct_button)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(rate_row)

        self.summary = QTableWidget(0, 7)
        self.summary.setHorizontalHeaderLabels([
            self.tr("Model"), self.tr("Answered"), self.tr("Errors"), self.tr("Mean rating"),
            self.tr("Best picks"), self.tr("Wording like hers"), self.tr("Length vs hers")])
        self.summary.verticalHeader().setVisible(False)
        self.summary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary.setToolTip(self.tr("“Wording like hers”: how much the words overlap with "
                                        "the persona's real answers (0-100). “Length vs hers”: "
                                        "1.0 means as long as hers."))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_box)
        splitter.addWidget(self.summary)
        splitter.setSizes([420, 160, 140])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(runs_row)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)

        self.snapshot.currentIndexChanged.connect(lambda _i: self._reload_runs())
        self.runs.currentIndexChanged.connect(lambda _i: self._on_run_chosen())
        self.run_button.clicked.connect(lambda: self.start_run())
        self.retry_button.clicked.connect(lambda: self.resume_run())
        self.stop_button.clicked.connect(lambda: self.ctx.tasks.cancel(TASK))
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.best_button.clicked.connect(self._on_best)
        self.correct_button.clicked.connect(self._on_correct)
        self.ctx.tasks.tasks_changed.connect(self._update_controls)
        self._update_controls()

    # -- choices -------------------------------------------------------------------------------

    def reload(self) -> None:
        project = self.ctx.project
        keep = self.snapshot.currentData()
        self.snapshot.blockSignals(True)
        self.snapshot.clear()
        snapshots = snapshots_with_heldout(project) if project else []
        for sid, name, count in snapshots:
            self.snapshot.addItem(self.tr("{name} (%n question(s))", "", count).format(name=name),
                                  sid)
        if keep is not None and self.snapshot.findData(keep) >= 0:
            self.snapshot.setCurrentIndex(self.snapshot.findData(keep))
        self.snapshot.blockSignals(False)
        unticked = {self.model_list.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.model_list.count())
                    if self.model_list.item(i).checkState() == Qt.CheckState.Unchecked}
        self.model_list.clear()
        for entry in list_models(project) if project else []:
            item = QListWidgetItem(f"{entry.name} · {kind_label(entry)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if entry.id in unticked
                               else Qt.CheckState.Checked)
            self.model_list.addItem(item)
        if project is None:
            self.hint.setText("")
        elif not snapshots:
            self.hint.setText(self.tr("No snapshot has held-out questions yet. Freeze a snapshot "
                                      "with a held-out set on the Statistics tab: those questions "
                                      "stay out of training, so they show how the model does on "
                                      "questions it has never seen."))
        elif not self.model_list.count():
            self.hint.setText(self.tr("Add models with “Models…” to ask them these questions."))
        else:
            self.hint.setText("")
        self._reload_runs()

    def _reload_runs(self) -> None:
        keep = self.run_id
        self.runs.blockSignals(True)
        self.runs.clear()
        sid = self.snapshot.currentData()
        if self.ctx.project is not None and sid is not None:
            names = {e.id: e.name for e in list_models(self.ctx.project)}
            status_text = {"running": self.tr("running"), "finished": self.tr("finished"),
                           "stopped": self.tr("stopped")}
            active = [self._active_run] if self.ctx.tasks.is_running(TASK) else []
            for run in list_runs(self.ctx.project, sid, active):
                models = ", ".join(names.get(i, "?") for i in run["models"])
                self.runs.addItem(f"{run['created_at'][:16].replace('T', ' ')} — {models} "
                                  f"({status_text.get(run['status'], run['status'])})", run["id"])
        index = self.runs.findData(keep) if keep is not None else -1
        self.runs.setCurrentIndex(index if index >= 0 else 0)
        self.runs.blockSignals(False)
        self._on_run_chosen()

    def _on_run_chosen(self) -> None:
        self.run_id = self.runs.currentData()
        self.refresh_table()

    def chosen_models(self) -> list[int]:
        return [self.model_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.model_list.count())
                if self.model_list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_controls(self) -> None:
        running = self.ctx.tasks.is_running(TASK)
        has_project = self.ctx.project is not None
        self.run_button.setEnabled(has_project and not running and self.snapshot.count() > 0)
        self.retry_button.setEnabled(has_project and not running and self.run_id is not None)
        self.stop_button.setEnabled(running)
        self.progress.setVisible(running)

    # -- running -------------------------------------------------------------------------------

    def start_run(self):
        project, sid = self.ctx.project, self.snapshot.currentData()
        if project is None or sid is None:
            return None
        try:
            self.run_id = create_run(project, sid, self.chosen_models())
        except StudioError as exc:
            show_error(self, self.tr("Held-out questions"), exc)
            return None
        self._reload_runs()
        return self.resume_run()

    def resume_run(self):
        project = self.ctx.project
        if project is None or self.run_id is None:
            return None
        self.progress.setRange(0, 0)
        self._active_run = self.run_id
        task = self.ctx.tasks.start(
            TASK,
            run_heldout(project, self.run_id, lambda e: provider_for(e, self.ctx.secrets),
                        self._on_progress),
            title=self.tr("Held-out questions"), owner=project)
        task.add_done_callback(lambda _t: self._after_run(project))
        self._reload_runs()  # shows the run as running
        self._update_controls()
        return task

    def _after_run(self, project) -> None:
        if project is self.ctx.project:
            self._reload_runs()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} of {total} answers").format(done=done, total=total))
        if done and done < total:
            self.refresh_table()

    # -- table ---------------------------------------------------------------------------------

    def refresh_table(self) -> None:
        project = self.ctx.project
        selected = (self.table.currentRow(), self.table.currentColumn())
        if project is None or self.run_id is None:
            self.models, self.rows = [], []
        else:
            self.models, self.rows = run_table(project, self.run_id)
        self.table.clear()
        self.table.setColumnCount(FIXED_COLUMNS + len(self.models))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Her real answer")] + [name for _, name in self.models])
        self.table.setRowCount(len(self.rows))
        bold = QFont()
        bold.setBold(True)
        for r, row in enumerate(self.rows):
            self.table.setItem(r, 0, QTableWidgetItem(row.question.question))
            self.table.setItem(r, 1, QTableWidgetItem(row.question.real_answer))
            for c, (model_id, _name) in enumerate(self.models, start=FIXED_COLUMNS):
                answer = row.answers.get(model_id)
                if answer is None:
                    text = "…"
                elif answer["error"]:
                    text = "⚠ " + answer["error"]
                else:
                    marks = ("★ " if answer["best"] else "") + (
                        f"[{answer['rating']}] " if answer["rating"] else "")
                    text = marks + answer["answer"]
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if answer is not None and answer["best"]:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        for r in range(self.table.rowCount()):
            self.table.setRowHeight(r, min(self.table.rowHeight(r), 96))
        if 0 <= selected[0] < self.table.rowCount() and selected[1] < self.table.columnCount():
            self.table.setCurrentCell(*selected)
        self._refresh_summary()
        self._show_detail()
        self._update_controls()

    def _refresh_summary(self) -> None:
        rows = run_summary(self.ctx.project, self.run_id) if (
            self.ctx.project and self.run_id) else []
        self.summary.setRowCount(len(rows))
        for r, s in enumerate(rows):
            cells = [s.name, str(s.answered), str(s.errors),
                     f"{number(s.mean_rating, 1)} ({s.rated})" if s.mean_rating is not None else "—",
                     str(s.best),
                     f"{s.similarity:.0f}" if s.similarity is not None else "—",
                     f"{number(s.length_ratio, 1)}×" if s.length_ratio is not None else "—"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.summary.setItem(r, c, item)

    def _selected_answer(self) -> tuple[HeldoutRow, int, dict | None] | None:
        r, c = self.table.currentRow(), self.table.currentColumn()
        if not 0 <= r < len(self.rows):
            return None
        row = self.rows[r]
        if c < FIXED_COLUMNS or c - FIXED_COLUMNS >= len(self.models):
            return row, -1, None
        model_id = self.models[c - FIXED_COLUMNS][0]
        return row, model_id, row.answers.get(model_id)

    def _show_detail(self) -> None:
        chosen = self._selected_answer()
        answer = chosen[2] if chosen else None
        usable = bool(answer and not answer["error"])
        for button in self.rate_buttons:
            button.setEnabled(usable)
            button.setChecked(usable and answer["rating"] == int(button.text()))
        self.best_button.setEnabled(usable)
        self.best_button.setChecked(usable and bool(answer["best"]))
        self.correct_button.setEnabled(usable)
        if chosen is None:
            self.detail.setPlainText(self.tr("Select a model's answer to read it in full, rate it "
                                             "or correct it."))
            return
        row, model_id, _ = chosen
        lines = [self.tr("Question:"), row.question.question, "",
                 self.tr("Her real answer:"), row.question.real_answer]
        if answer is not None:
            name = dict(self.models).get(model_id, "")
            lines += ["", self.tr("{model}:").format(model=name),
                      answer["error"] or answer["answer"]]
            metrics = json.loads(answer["metrics"]) if answer["metrics"] else None
            if metrics and metrics.get("ttft") is not None:
                lines += ["", self.tr("First token after {s} s").format(
                    s=number(metrics["ttft"], 2))]
        self.detail.setPlainText("\n".join(lines))

    def rate(self, value: int) -> None:
        chosen = self._selected_answer()
        if not chosen or chosen[2] is None or self.ctx.project is None:
            return
        row, model_id, answer = chosen
        new = None if answer["rating"] == value else value  # clicking the same value clears it
        rate_answer(self.ctx.project, self.run_id, row.question.pair_id, model_id, new)
        self.refresh_table()

    def _on_best(self) -> None:
        chosen = self._selected_answer()
        if not chosen or chosen[2] is None or self.ctx.project is None:
            return
        row, model_id, answer = chosen
        pick_best(self.ctx.project, self.run_id, row.question.pair_id,
                  None if answer["best"] else model_id)
        self.refresh_table()

    def _on_correct(self) -> None:
        chosen = self._selected_answer()
        if not chosen or chosen[2] is None or self.ctx.project is None:
            return
        row, model_id, answer = chosen
        dialog = CorrectionDialog(self.ctx.project, row.question.context, answer["answer"],
                                  dict(self.models).get(model_id, ""), self)
        if dialog.exec() and dialog.pair_id is not None:
            self.ctx.apply(Changes.of_pairs({dialog.pair_id}))
            self.ctx.show_status(self.tr("Saved as a new training pair."))
