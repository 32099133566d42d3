"""The style-fidelity report card: one row per model with its score and the axes as bars, its
best and worst answers beside her real ones, and the score across the project's fine-tunes.

The card is built from stored results only (``core.fidelity.report.card_data``), so it shows
the same after a restart; the HTML export writes the same ``CardData``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.fidelity.aggregate import ModelResult
from natasha_studio.core.fidelity.axes import axis_name, explanation
from natasha_studio.core.fidelity.report import CardData
from natasha_studio.core.fidelity.storage import Example
from natasha_studio.core.i18n import number
from natasha_studio.ui import theme


def _value(value: float | None) -> str:
    return "—" if value is None else number(value, 0)


class ScoreBar(QWidget):
    """A bar 0-100, with the interval drawn over it where there is one."""

    def __init__(self, value: float | None, low: float | None = None, high: float | None = None,
                 strong: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value, self.low, self.high, self.strong = value, low, high, strong
        self.setMinimumWidth(80)
        self.setFixedHeight(14 if strong else 10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def paintEvent(self, _event) -> None:
        colors = theme.colors(theme.is_dark())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colors["mid"]))
        painter.drawRoundedRect(rect, 3, 3)
        if self.value is not None:
            filled = QRectF(rect)
            filled.setWidth(rect.width() * max(0.0, min(self.value, 100.0)) / 100.0)
            painter.setBrush(theme.accent())
            if not self.strong:
                painter.setOpacity(0.7)  # the axes, lighter than the score they make up
            painter.drawRoundedRect(filled, 3, 3)
            painter.setOpacity(1.0)
        if self.low is not None and self.high is not None:
            x1 = rect.left() + rect.width() * max(0.0, self.low) / 100.0
            x2 = rect.left() + rect.width() * min(100.0, self.high) / 100.0
            y = rect.center().y()
            painter.setPen(QPen(QColor(colors["text"]), 1.5))
            painter.drawLine(QPointF(x1, y), QPointF(x2, y))
            painter.drawLine(QPointF(x1, rect.top() + 2), QPointF(x1, rect.bottom() - 2))
            painter.drawLine(QPointF(x2, rect.top() + 2), QPointF(x2, rect.bottom() - 2))
        painter.end()


class HistoryChart(QWidget):
    """The score of each tuned model, in the order of the fine-tunes, with its interval."""

    def __init__(self, history: list[ModelResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.setMinimumHeight(170)

    def sizeHint(self) -> QSize:
        return QSize(480, 190)

    def paintEvent(self, _event) -> None:
        colors = theme.colors(theme.is_dark())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        left, bottom, top, right = metrics.horizontalAdvance("100") + 10, metrics.height() + 10, 8, 12
        plot = QRectF(left, top, max(10, self.width() - left - right),
                      max(10, self.height() - top - bottom))
        painter.setPen(QPen(QColor(colors["mid"]), 1))
        for value in (0, 25, 50, 75, 100):
            y = plot.bottom() - plot.height() * value / 100
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             str(value))
            painter.setPen(QPen(QColor(colors["mid"]), 1))
        n = len(self.history)
        if not n:
            painter.end()
            return
        step = plot.width() / n
        points = []
        accent = theme.accent()
        for i, r in enumerate(self.history):
            x = plot.left() + step * (i + 0.5)
            y = plot.bottom() - plot.height() * (r.score or 0) / 100
            points.append(QPointF(x, y))
            if r.low is not None and r.high is not None:
                painter.setPen(QPen(QColor(colors["text"]), 1.2))
                y1 = plot.bottom() - plot.height() * r.low / 100
                y2 = plot.bottom() - plot.height() * r.high / 100
                painter.drawLine(QPointF(x, y1), QPointF(x, y2))
                painter.drawLine(QPointF(x - 4, y1), QPointF(x + 4, y1))
                painter.drawLine(QPointF(x - 4, y2), QPointF(x + 4, y2))
            label = metrics.elidedText(r.name, Qt.TextElideMode.ElideRight, int(step) - 6)
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(QRectF(x - step / 2, plot.bottom() + 4, step, metrics.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), label)
        painter.setPen(QPen(accent, 2))
        for a, b in zip(points, points[1:], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(accent)
        for point, r in zip(points, self.history, strict=True):
            painter.drawEllipse(point, 4, 4)
            painter.setPen(QColor(colors["text"]))
            painter.drawText(QRectF(point.x() + 7, point.y() - metrics.height() - 2, 60,
                                    metrics.height()), number(r.score or 0, 0))
            painter.setPen(QPen(accent, 2))
        painter.end()


def _muted(text: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(wrap)
    return label


class ExampleBox(QFrame):
    """One answer of the model beside her real one."""

    def __init__(self, heading: str, example: Example, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        title = QLabel(f"<b>{heading}</b> · " + self.tr("score {score}").format(
            score=number(example.score, 0)))
        layout.addWidget(title)
        question = _muted(self.tr("Question: {text}").format(text=example.question))
        layout.addWidget(question)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        her, theirs = QLabel(example.real_answer), QLabel(example.answer)
        for label in (her, theirs):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(_muted(self.tr("Her real answer"), False), 0, 0)
        short = name if len(name) <= 40 else name[:39].rstrip() + "…"
        model_label = _muted(short, False)
        model_label.setToolTip(name)
        model_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid.addWidget(model_label, 0, 1)
        grid.addWidget(her, 1, 0)
        grid.addWidget(theirs, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)


class ModelRow(QFrame):
    """A model's line: name, score with interval, one bar per axis, best and worst answers."""

    def __init__(self, data: CardData, result: ModelResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fidelityRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        head = QHBoxLayout()
        name = QLabel(result.name)
        name.setToolTip(result.name)
        font = QFont(name.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        name.setFont(font)
        name.setWordWrap(True)
        name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        score = QLabel(_value(result.score))
        big = QFont(font)
        big.setPointSizeF(font.pointSizeF() * 1.6)
        score.setFont(big)
        score.setToolTip(explanation("score"))
        interval = _muted(self.tr("likely {low}–{high}").format(
            low=_value(result.low), high=_value(result.high)), False)
        interval.setToolTip(self.tr("95% of the scores on other questions like these would "
                                    "fall in this range."))
        head.addWidget(name, 1)
        head.addWidget(interval)
        head.addWidget(score)
        layout.addLayout(head)
        layout.addWidget(ScoreBar(result.score, result.low, result.high, strong=True))

        bars = QGridLayout()
        bars.setHorizontalSpacing(10)
        bars.setVerticalSpacing(4)
        axes = [("style", result.style, ""), ("meaning", result.meaning, "")]
        if data.judged:
            axes.append(("judge", result.judge, ""))
        votes = data.votes.get(result.model_id)
        if votes is not None and votes.count:
            axes.append(("votes", votes.rate, self.tr("%n votes", "", votes.count)))
        for i, (axis, value, note) in enumerate(axes):
            label = QLabel(axis_name(axis))
            label.setToolTip(explanation(axis))
            bar = ScoreBar(value)
            bar.setToolTip(explanation(axis))
            shown = QLabel(_value(value) + (f"  {note}" if note else ""))
            bars.addWidget(label, i // 2, (i % 2) * 3)
            bars.addWidget(bar, i // 2, (i % 2) * 3 + 1)
            bars.addWidget(shown, i // 2, (i % 2) * 3 + 2)
        bars.setColumnStretch(1, 1)
        bars.setColumnStretch(4, 1)
        layout.addLayout(bars)
        if result.errors:
            layout.addWidget(_muted(self.tr("Unanswered questions: %n. The score leaves them "
                                            "out.", "", result.errors)))
        examples = QHBoxLayout()
        best = data.best.get(result.model_id) or []
        worst = data.worst.get(result.model_id) or []
        if best:
            examples.addWidget(ExampleBox(self.tr("Closest to hers"), best[0], result.name), 1)
        if worst:
            examples.addWidget(ExampleBox(self.tr("Furthest from hers"), worst[0], result.name), 1)
        if best or worst:
            layout.addLayout(examples)


class ReportCard(QWidget):
    """The whole card (see the module's docstring)."""

    def __init__(self, data: CardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(10)
        heading = QLabel(self.tr("How much each model sounds like her"))
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        sub = self.tr("{title} · %n held-out question(s)", "", data.questions).format(
            title=data.title)
        if data.stopped:
            sub += " · " + self.tr("stopped before the end: scored on the answers it has")
        layout.addWidget(_muted(sub))
        layout.addWidget(_muted("\n".join(explanation(a) for a in ["score", *data.axes()])))
        for result in data.results:
            layout.addWidget(ModelRow(data, result))
        if len(data.history) >= 2:
            layout.addWidget(QLabel("<b>" + self.tr("Score across fine-tunes") + "</b>"))
            layout.addWidget(_muted(self.tr("Each tuned model's latest score, in the order "
                                            "they were tuned, with its likely range.")))
            layout.addWidget(HistoryChart(data.history))
        layout.addStretch(1)
