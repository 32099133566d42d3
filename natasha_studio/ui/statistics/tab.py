"""The Statistics tab: figures and charts of the dataset, filters, PNG/HTML export, snapshots.

Statistics are computed with pandas in a worker thread (``statistics:compute``, owned by the
project) and the page is rebuilt when they arrive. Changes to pairs refresh it, debounced; while
the tab is hidden it only remembers that it is out of date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core.export import PairFilter
from natasha_studio.core.i18n import number
from natasha_studio.core.pairs import STATUSES
from natasha_studio.core.stats import Statistics
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.errors import show_error
from natasha_studio.ui.statistics.charts import ChartCard, bar_chart, month_chart, pie_chart
from natasha_studio.ui.statistics.report import build_html
from natasha_studio.ui.statistics.texts import (
    cost_notes,
    figure_label,
    format_value,
    status_label,
)
from natasha_studio.ui.statistics.worker import compute_in_thread
from natasha_studio.ui.widgets.empty_state import EmptyState

FIGURE_KEYS = (
    "pairs", "approved_share", "edited_share", "askers",
    "messages", "chats", "participants", "topics_used",
    "question_chars_mean", "question_chars_median", "answer_chars_mean", "answer_chars_median",
    "question_tokens_mean", "question_tokens_median", "answer_tokens_mean", "answer_tokens_median",
    "date_from", "date_to",
)
TASK = "statistics:compute"


class StatisticsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats: Statistics | None = None
        self._dirty = False
        self._stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

        self.no_project = EmptyState(self.tr("Statistics"), self.tr(
            "Open or create a project to see what its dataset is made of: where the pairs come "
            "from, their topics and lengths, and who asks the most."))
        self._stack.addWidget(self.no_project)
        self.no_pairs = EmptyState(
            self.tr("No pairs yet"),
            self.tr("Import chats on the Sources tab and extract pairs; their statistics "
                    "appear here."), self.tr("Go to Sources"))
        self.no_pairs.button.clicked.connect(lambda: ctx.navigate.emit("sources", None))
        self._stack.addWidget(self.no_pairs)
        self._stack.addWidget(self._build_page())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self._build_actions()
        ctx.project_changed.connect(self._on_project_changed)
        ctx.changed.connect(self._on_changed)
        self._on_project_changed(ctx.project)

    # -- building ----------------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.chat_filter = QComboBox()
        self.chat_filter.setMinimumContentsLength(18)
        self.chat_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.topic_filter = QComboBox()
        self.topic_filter.setMinimumContentsLength(14)
        self.topic_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for label, combo in ((self.tr("Status:"), self.status_filter),
                             (self.tr("Chat:"), self.chat_filter),
                             (self.tr("Topic:"), self.topic_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(combo)
            combo.activated.connect(self._on_filter_changed)
        self._fill_choices({"chats": [], "topics": []})
        bar.addStretch(1)
        self.busy = QLabel(self.tr("Counting\u2026"))
        self.busy.setProperty("role", "muted")
        self.busy.hide()
        bar.addWidget(self.busy)
        self.snapshots_button = QPushButton(self.tr("Snapshots\u2026"))
        self.snapshots_button.setToolTip(self.tr("Freeze the pairs for a fine-tune, export them, "
                                                 "or compare two snapshots."))
        self.snapshots_button.setProperty("primary", True)
        self.snapshots_button.clicked.connect(self.open_snapshots)
        self.report_button = QPushButton(self.tr("Save report\u2026"))
        self.report_button.setToolTip(self.tr("Save this page with every chart as one HTML file."))
        self.report_button.clicked.connect(self._ask_report_path)
        bar.addWidget(self.report_button)
        bar.addWidget(self.snapshots_button)
        layout.addLayout(bar)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        figures_card = QFrame()
        figures_card.setProperty("role", "card")
        grid = QGridLayout(figures_card)
        self.figure_values: dict[str, QLabel] = {}
        for i, key in enumerate(FIGURE_KEYS):
            cell = QVBoxLayout()
            value = QLabel("\u2014")
            value.setProperty("role", "heading")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(figure_label(key))
            name.setProperty("role", "muted")
            cell.addWidget(value)
            cell.addWidget(name)
            grid.addLayout(cell, i // 4, i % 4)
            self.figure_values[key] = value
            if "tokens" in key:
                name.setToolTip(glossary.tooltip("tokens"))
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        grid.addWidget(self.status_line, len(FIGURE_KEYS) // 4 + 1, 0, 1, 4)
        self.cost_line = QLabel()
        self.cost_line.setWordWrap(True)
        self.cost_line.setProperty("role", "muted")
        grid.addWidget(self.cost_line, len(FIGURE_KEYS) // 4 + 2, 0, 1, 4)
        self.body_layout.addWidget(figures_card)

        charts = QGridLayout()
        self.cards: dict[str, ChartCard] = {}
        titles = (
            ("pairs_per_chat", self.tr("Pairs per chat")),
            ("topics", self.tr("Topics")),
            ("question_lengths", self.tr("Question length, characters")),
            ("answer_lengths", self.tr("Answer length, characters")),
            ("pairs_per_month", self.tr("Pairs per month")),
            ("quality", self.tr("Quality score")),
            ("askers", self.tr("Most active members")),
        )
        for i, (key, title) in enumerate(titles):
            card = ChartCard(key, title)
            card.save_requested.connect(self._ask_png_path)
            charts.addWidget(card, i // 2, i % 2)
            self.cards[key] = card
        self.body_layout.addLayout(charts)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        return page

    def _build_actions(self) -> None:
        self.refresh_action = QAction(self.tr("Refresh statistics"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.report_action = QAction(self.tr("Save statistics report\u2026"), self)
        self.report_action.triggered.connect(self._ask_report_path)
        self.snapshots_action = QAction(self.tr("Snapshots\u2026"), self)
        self.snapshots_action.triggered.connect(self.open_snapshots)

    def menu_actions(self) -> list[QAction]:
        return [self.refresh_action, self.report_action, self.snapshots_action]

    # -- data --------------------------------------------------------------------------------

    def current_filter(self) -> PairFilter:
        status = self.status_filter.currentData()
        chat = self.chat_filter.currentData()
        topic = self.topic_filter.currentData()
        return PairFilter(statuses=(status,) if status else (), chat_ids=(chat,) if chat else (),
                          topics=(topic,) if topic else ())

    def _on_project_changed(self, project: Project | None) -> None:
        self.stats = None
        enabled = project is not None
        for action in (self.refresh_action, self.report_action, self.snapshots_action):
            action.setEnabled(enabled)
        if project is None:
            self._stack.setCurrentWidget(self.no_project)
            return
        self.status_filter.setCurrentIndex(0)
        self._fill_choices({"chats": [], "topics": []})
        self._dirty = True
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.any_pairs or changes.sources:
            self._on_data_changed()

    def _on_data_changed(self, *_: object) -> None:
        if self.ctx.project is not None:
            self._dirty = True
            self._timer.start()

    def _on_filter_changed(self, *_: object) -> None:
        self._dirty = True
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the statistics for the current filter (in a worker thread)."""
        project = self.ctx.project
        if project is None:
            return
        if not self.isVisible() and self.stats is not None:
            self._dirty = True  # computed when the tab is shown
            return
        self._dirty = False
        self.busy.show()
        self.ctx.tasks.run_in_thread(
            TASK, compute_in_thread, str(project.path), self.current_filter().to_dict(),
            title=self.tr("Counting statistics"), owner=project, on_done=self._on_computed)

    def _on_computed(self, result: dict[str, Any]) -> None:
        self.busy.hide()
        if self.ctx.project is None:
            return
        self._fill_choices(result["choices"])
        self.stats = result["stats"]
        unfiltered = not any(self.current_filter().to_dict()[k] for k in ("statuses", "chat_ids", "topics"))
        if self.stats.empty and unfiltered:
            self._stack.setCurrentWidget(self.no_pairs)
            return
        self._stack.setCurrentIndex(2)
        self._show_figures(self.stats, result["costs"])
        self._show_charts(self.stats)

    def _fill_choices(self, choices: dict[str, list[tuple[Any, str]]]) -> None:
        for combo, items, everything in (
            (self.chat_filter, choices["chats"], self.tr("All chats")),
            (self.topic_filter, choices["topics"], self.tr("All topics")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
                combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def _show_figures(self, stats: Statistics, costs: list) -> None:
        f = stats.figures
        for key, label in self.figure_values.items():
            label.setText(format_value(key, f.get(key)))
        parts = [f"{status_label(s)}: {format_value('n', n)}" for s, n in f["by_status"].items()]
        self.status_line.setText(self.tr("Pairs by status \u2014 ") + " \u00b7 ".join(parts))
        notes = []
        if f.get("tokens_sampled") and f["tokens_sampled"] < f["pairs"]:
            notes.append(self.tr("Tokens are measured on a random sample of %n pairs.", "",
                                 f["tokens_sampled"]))
        notes.extend(cost_notes(costs))  # every provider set up, else every one
        if costs:
            notes.append(self.tr("(estimate from prices of {date}; the Fine-tune tab counts "
                                 "exactly)").format(date=costs[0].prices_date))
        self.cost_line.setText("  ".join(notes))

    def _show_charts(self, stats: Statistics) -> None:
        cards = self.cards
        cards["pairs_per_chat"].set_chart(
            bar_chart([n for n, _ in stats.pairs_per_chat], [c for _, c in stats.pairs_per_chat],
                      horizontal=True) if stats.pairs_per_chat else None)
        cards["topics"].set_chart(
            bar_chart([n for n, _ in stats.topics], [c for _, c in stats.topics], horizontal=True)
            if stats.topics else None,
            "" if stats.topics else self.tr("No topics are assigned to these pairs."))
        for key, hist in (("question_lengths", stats.question_lengths),
                          ("answer_lengths", stats.answer_lengths)):
            if hist is None:
                cards[key].set_chart(None)
                continue
            # Each bar is labelled with where it starts; the note gives the width.
            labels = [str(int(a)) for a in hist.edges[:-1]]
            width = hist.edges[1] - hist.edges[0]
            cards[key].set_chart(bar_chart(labels, hist.counts), self.tr(
                "Each bar is {width} characters wide; the last one also holds the longest 1%.").format(
                width=number(width) if width >= 1 else number(width, 1)))
        months = stats.pairs_per_month
        cards["pairs_per_month"].set_chart(
            month_chart(months) if months else None)
        if stats.quality is not None:
            labels = [f"{number(a, 1)}\u2013{number(b, 1)}" for a, b in zip(stats.quality.edges, stats.quality.edges[1:],
                                                               strict=False)]
            note = self.tr("%n pairs have no score.", "", stats.quality_unknown) if stats.quality_unknown else ""
            cards["quality"].set_chart(bar_chart(labels, stats.quality.counts), note)
        else:
            cards["quality"].set_chart(None)
        if stats.top_askers:
            items = [(name, count) for name, count, _ in stats.top_askers]
            others = stats.other_askers_share * sum(c for _, c in items) / max(
                1e-9, 1 - stats.other_askers_share)
            if stats.other_askers_share > 0.001:
                items.append((self.tr("Everyone else"), others))
            name, _, share = stats.top_askers[0]
            note = self.tr("{name} asked {share:.0%} of the questions.").format(name=name, share=share)
            if share >= 0.3:
                note += " " + self.tr("One member this large can make the model answer mostly them.")
            cards["askers"].set_chart(pie_chart(items), note)
        else:
            cards["askers"].set_chart(None)

    # -- export ------------------------------------------------------------------------------

    def _ask_png_path(self, card: ChartCard) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{card.key}.png",
                                              self.tr("PNG pictures (*.png)"))
        if path:
            self.save_chart_png(card, Path(path))

    def save_chart_png(self, card: ChartCard, path: Path) -> bool:
        if not card.picture().save(str(path), "PNG"):
            show_error(self, self.tr("Save chart"), self.tr(
                "The picture could not be saved to {path}. Choose another folder.").format(path=path))
            return False
        self.ctx.show_status(self.tr("Saved {path}").format(path=path))
        return True

    def _ask_report_path(self) -> None:
        if self.stats is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), "statistics.html",
                                              self.tr("Web pages (*.html)"))
        if path:
            self.save_report(Path(path))

    def filter_text(self) -> str:
        return " \u00b7 ".join(c.currentText() for c in (self.status_filter, self.chat_filter,
                                                         self.topic_filter))

    def save_report(self, path: Path) -> bool:
        """Write the page (figures and every chart) as one HTML file."""
        if self.stats is None:
            return False
        project = self.ctx.project
        title = self.tr("Statistics of {name}").format(name=project.persona_name if project else "")
        charts = [(card.title.text(), card.note.text(), card.picture())
                  for card in self.cards.values() if card.has_chart]
        try:
            Path(path).write_text(build_html(title, self.filter_text(), self.stats, FIGURE_KEYS, charts),
                                  encoding="utf-8")
        except OSError as exc:
            show_error(self, self.tr("Save report"), self.tr(
                "The report could not be saved to {path}: {reason}").format(path=path, reason=exc.strerror))
            return False
        self.ctx.show_status(self.tr("Saved {path}").format(path=path))
        return True

    def open_snapshots(self) -> None:
        if self.ctx.project is None:
            return
        from natasha_studio.ui.statistics.snapshots_dialog import SnapshotsDialog

        # open(), not exec(): a nested event loop would stall the qasync tasks it starts.
        self.snapshots_dialog = SnapshotsDialog(self.ctx, self.current_filter(), self)
        self.snapshots_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.snapshots_dialog.open()
