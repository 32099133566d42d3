"""Blind A/B: two hidden models answer; the curator votes, then sees which was which.

The models' names, and their speed figures (a hint to who is who), stay hidden until the vote.
A table below gives each model's win rate with its 95% interval and the number of votes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core.chat.blind import BlindRound, draw_round, win_rates
from natasha_studio.core.chat.dpo import export_dpo
from natasha_studio.core.chat.models import ModelEntry, get_model, list_models
from natasha_studio.core.chat.streaming import Reply, ReplyStream, build_messages, error_message
from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ChatMessage, ChatOptions
from natasha_studio.operations import votes
from natasha_studio.providers.registry import provider_for
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.testchat.common import MetricsLabel, Transcript, kind_label


class BlindView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round: BlindRound | None = None
        self.prompt: list[ChatMessage] = []
        self.replies: dict[str, Reply] = {}
        self.last_vote: int | None = None

        self.pool = QListWidget()
        # Long model names wrap (a sideways scroll hid whether a model is tuned or base).
        self.pool.setWordWrap(True)
        self.pool.setSpacing(3)
        self.pool.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pool.setToolTip(self.tr("Two of the ticked models are drawn for every question"))
        pool_box = QGroupBox(self.tr("Models to compare"))
        QVBoxLayout(pool_box).addWidget(self.pool)

        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(self.tr("A question a member could ask…"))
        self.input.setMaximumHeight(80)
        self.ask_button = QPushButton(self.tr("Ask two hidden models"))
        self.ask_button.setProperty("primary", True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        ask_buttons = QVBoxLayout()
        ask_buttons.addWidget(self.ask_button)
        ask_buttons.addWidget(self.stop_button)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.input, 1)
        ask_row.addLayout(ask_buttons)

        self.panes: dict[str, Transcript] = {"a": Transcript(), "b": Transcript()}
        self.metrics: dict[str, MetricsLabel] = {"a": MetricsLabel(), "b": MetricsLabel()}
        self.headers: dict[str, QLabel] = {"a": QLabel(), "b": QLabel()}
        answers = QSplitter(Qt.Orientation.Horizontal)
        for side in ("a", "b"):
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            self.headers[side].setProperty("role", "heading")
            col.addWidget(self.headers[side])
            col.addWidget(self.panes[side], 1)
            col.addWidget(self.metrics[side])
            answers.addWidget(box)

        self.vote_buttons = {
            "a": QPushButton(self.tr("A is better")),
            "b": QPushButton(self.tr("B is better")),
            "tie": QPushButton(self.tr("Equally good")),
            "both_bad": QPushButton(self.tr("Both bad")),
        }
        self.undo_button = QPushButton(self.tr("Take back the vote"))
        vote_row = QHBoxLayout()
        for button in self.vote_buttons.values():
            vote_row.addWidget(button)
        vote_row.addStretch(1)
        vote_row.addWidget(self.undo_button)
        self.reveal = QLabel()
        self.reveal.setWordWrap(True)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Model"), self.tr("Win rate"), self.tr("95% interval"), self.tr("Votes"),
            self.tr("Won / lost / tied"), self.tr("Both bad")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeaderItem(2).setToolTip(glossary.tooltip("interval95"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table_note = QLabel(self.tr("A tie counts as half a win; “both bad” votes are "
                                         "counted but say nothing about which model is better."))
        self.table_note.setProperty("role", "muted")
        self.table_note.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export votes for DPO…"))
        self.export_button.setToolTip(glossary.tooltip("dpo"))
        table_row = QHBoxLayout()
        table_row.addWidget(self.table_note, 1)
        table_row.addWidget(self.export_button)

        main = QVBoxLayout()
        main.addLayout(ask_row)
        main.addWidget(answers, 3)
        main.addLayout(vote_row)
        main.addWidget(self.reveal)
        main.addWidget(self.table, 2)
        main.addLayout(table_row)
        layout = QHBoxLayout(self)
        layout.addWidget(pool_box)
        layout.addLayout(main, 1)
        pool_box.setMaximumWidth(300)

        self.ask_button.clicked.connect(lambda: self.ask())
        self.stop_button.clicked.connect(self.stop)
        for side, button in self.vote_buttons.items():
            button.clicked.connect(lambda _c=False, s=side: self.vote(s))
        self.undo_button.clicked.connect(self._on_undo)
        self.export_button.clicked.connect(self._on_export)
        self._set_headers(revealed=False)
        self._set_voting(False)
        self.undo_button.setEnabled(False)

    # -- models --------------------------------------------------------------------------------

    def reload(self) -> None:
        # Remember what the curator unticked; new models come in ticked.
        unticked = {self.pool.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.pool.count())
                  if self.pool.item(i).checkState() == Qt.CheckState.Unchecked}
        self.pool.clear()
        for entry in list_models(self.ctx.project) if self.ctx.project else []:
            item = QListWidgetItem(f"{entry.name} · {kind_label(entry)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(item.text())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if entry.id in unticked
                               else Qt.CheckState.Checked)
            self.pool.addItem(item)
        self.refresh_table()
        self.ask_button.setEnabled(self.ctx.project is not None)

    def chosen_models(self) -> list[int]:
        return [self.pool.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.pool.count())
                if self.pool.item(i).checkState() == Qt.CheckState.Checked]

    # -- a round -------------------------------------------------------------------------------

    def ask(self, text: str | None = None) -> list[asyncio.Task]:
        project = self.ctx.project
        text = (self.input.toPlainText() if text is None else text).strip()
        if project is None or not text:
            return []
        try:
            self.round = draw_round(self.chosen_models())
        except StudioError as exc:
            show_error(self, self.tr("Blind comparison"), exc)
            return []
        self.prompt = build_messages(project.system_prompt, [], text)
        self.replies = {}
        self.reveal.clear()
        self._set_headers(revealed=False)
        self._set_voting(False)
        self.undo_button.setEnabled(False)
        self.ask_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        tasks = []
        for side in ("a", "b"):
            entry = get_model(project, self.round.model_for(side))
            self.panes[side].clear()
            self.panes[side].add_block(self.tr("Question"), text, muted=True)
            self.panes[side].start_answer(self.tr("Answer"))
            self.metrics[side].clear()
            tasks.append(self.ctx.tasks.start(f"testchat.blind.{side}", self._answer(side, entry),
                                              title=self.tr("Blind answer"), owner=project))
        return tasks

    async def _answer(self, side: str, entry: ModelEntry | None) -> None:
        reply = Reply()
        try:
            if entry is None:
                reply = Reply(error=self.tr("The model was deleted."))
                return
            try:
                provider = provider_for(entry, self.ctx.secrets)
            except Exception as exc:  # missing key or settings: shown on this side
                reply = Reply(error=error_message(exc))
                return
            stream = ReplyStream(provider, entry.model_id, self.prompt, ChatOptions())
            try:
                reply = await stream.run(self.panes[side].add_piece)
            except asyncio.CancelledError:
                reply = stream.reply
                raise
        finally:
            self._finish(side, reply)

    def _finish(self, side: str, reply: Reply) -> None:
        self.replies[side] = reply
        if reply.error:
            self.panes[side].add_note(reply.error, error=True)
        if len(self.replies) < 2:
            return
        self.ask_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if all(r.ok for r in self.replies.values()):
            self._set_voting(True)
        elif any(r.stopped for r in self.replies.values()):
            self.reveal.setText(self.tr("Stopped: only whole answers can be voted on. Ask again."))
        else:
            self.reveal.setText(self.tr("One of the models did not answer, so this question "
                                        "cannot be voted on. Ask again."))

    def stop(self) -> None:
        for side in ("a", "b"):
            self.ctx.tasks.cancel(f"testchat.blind.{side}")

    def vote(self, winner: str) -> int | None:
        project = self.ctx.project
        if project is None or self.round is None or len(self.replies) < 2:
            return None
        try:
            self.last_vote, changes = votes.record_vote(
                project, self.round, self.prompt, self.replies["a"].text,
                self.replies["b"].text, winner)
        except StudioError as exc:
            show_error(self, self.tr("The vote was not saved"), exc)
            return None
        self._set_voting(False)
        self.undo_button.setEnabled(True)
        self._set_headers(revealed=True)
        for side in ("a", "b"):
            self.metrics[side].show_metrics(self.replies[side].metrics)
        names = {side: self.headers[side].text() for side in ("a", "b")}
        self.reveal.setText(self.tr("A was {a}; B was {b}.").format(a=names["a"], b=names["b"]))
        self.ctx.apply(changes)  # the win rates and the fidelity card read the votes again
        self.input.clear()
        self.input.setFocus()
        return self.last_vote

    def _on_undo(self) -> None:
        if self.ctx.project is not None and self.last_vote is not None:
            try:
                changes = votes.take_back_vote(self.ctx.project, self.last_vote)
            except StudioError as exc:
                show_error(self, self.tr("The vote was not taken back"), exc)
                return
            self.last_vote = None
            self.undo_button.setEnabled(False)
            self._set_voting(True)
            self.reveal.setText(self.tr("Vote taken back; vote again."))
            self.ctx.apply(changes)

    def _set_voting(self, enabled: bool) -> None:
        for button in self.vote_buttons.values():
            button.setEnabled(enabled)

    def _set_headers(self, *, revealed: bool) -> None:
        for side, letter in (("a", "A"), ("b", "B")):
            if revealed and self.round is not None and self.ctx.project is not None:
                entry = get_model(self.ctx.project, self.round.model_for(side))
                name = entry.name if entry else self.tr("(deleted model)")
                self.headers[side].setText(f"{letter}: {name}")
            else:
                self.headers[side].setText(letter)

    # -- results -------------------------------------------------------------------------------

    def refresh_table(self) -> None:
        rates = win_rates(self.ctx.project) if self.ctx.project else []
        self.table.setRowCount(len(rates))
        for row, rate in enumerate(rates):
            low, high = rate.interval
            cells = [
                rate.name,
                f"{rate.rate:.0%}" if rate.rate is not None else "—",
                f"{low:.0%} – {high:.0%}" if rate.decided else "—",
                str(rate.votes),
                f"{rate.wins} / {rate.losses} / {rate.ties}",
                str(rate.both_bad),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self.export_button.setEnabled(bool(rates))

    def _on_export(self) -> None:
        if self.ctx.project is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export votes for DPO"), str(Path.home() / "preferences.jsonl"),
            self.tr("JSON Lines (*.jsonl)"))
        if not path:
            return
        try:
            count = export_dpo(self.ctx.project, path)
        except StudioError as exc:
            show_error(self, self.tr("The votes were not exported"), exc)
            return
        self.ctx.show_status(self.tr("%n preference pair(s) exported.", "", count))
