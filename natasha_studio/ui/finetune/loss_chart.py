"""The live loss chart of a job: training and validation loss, token accuracy on a second axis."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

from natasha_studio.core import glossary
from natasha_studio.ui.theme import is_dark

# metric name -> (colour, dashed, right axis)
STYLE = {
    "train_loss": ("#1f77b4", False, False),
    "valid_loss": ("#d62728", False, False),
    "full_valid_loss": ("#9467bd", True, False),
    "train_mean_token_accuracy": ("#2ca02c", True, True),
    "valid_mean_token_accuracy": ("#ff7f0e", True, True),
}


class LossChart(QChartView):
    """A chart of a job's metric series; ``set_series({name: [(step, value)]})`` redraws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        chart = QChart()
        # The chart follows the window's theme (a white chart glares in the dark theme).
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark() else
                       QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundBrush(self.palette().color(QPalette.ColorRole.Base))
        chart.setMargins(QMargins(4, 4, 4, 4))
        # Axis numbers in the window's language ("0,75" in Russian, not "0.75").
        chart.setLocale(QLocale())
        chart.setLocalizeNumbers(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self._x = QValueAxis()
        self._x.setLabelFormat("%.0f")  # "%d" shows no labels once numbers are localized
        self._x.setTitleText(self.tr("Step"))
        self._loss = QValueAxis()
        self._loss.setTitleText(self.tr("Loss"))
        self._accuracy = QValueAxis()
        self._accuracy.setTitleText(self.tr("Token accuracy"))
        self.setToolTip(glossary.tooltip("loss", "token_accuracy"))
        self._accuracy.setRange(0, 1)
        chart.addAxis(self._x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._loss, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self._accuracy, Qt.AlignmentFlag.AlignRight)
        self.series: dict[str, QLineSeries] = {}
        # Without a series, what the provider reports instead: a wrapped label, since a chart
        # title is one line and cut a Russian sentence short.
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.set_series({})

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.message.setGeometry(self.viewport().geometry())

    def _title(self, name: str) -> str:
        titles = {
            "train_loss": self.tr("Training loss"),
            "valid_loss": self.tr("Validation loss"),
            "full_valid_loss": self.tr("Full validation loss"),
            "train_mean_token_accuracy": self.tr("Training token accuracy"),
            "valid_mean_token_accuracy": self.tr("Validation token accuracy"),
        }
        return titles.get(name, name)

    def set_series(self, data: dict[str, list[tuple[int, float]]],
                   empty_text: str = "") -> None:
        chart = self.chart()
        for series in self.series.values():
            chart.removeSeries(series)
        self.series = {}
        steps, losses = [], []
        for name, (colour, dashed, right) in STYLE.items():
            points = data.get(name)
            if not points:
                continue
            series = QLineSeries()
            series.setName(self._title(name))
            pen = QPen(QColor(colour))
            pen.setWidthF(2.0)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            series.setPen(pen)
            series.append([QPointF(step, value) for step, value in points])
            chart.addSeries(series)
            series.attachAxis(self._x)
            series.attachAxis(self._accuracy if right else self._loss)
            self.series[name] = series
            steps += [s for s, _ in points]
            if not right:
                losses += [v for _, v in points]
        first, last = min(steps, default=0), max(max(steps, default=1), 1)
        self._x.setRange(first, last)
        # Whole steps only: with the default five ticks a short run labelled 1, 1, 2, 2, 3.
        self._x.setTickType(QValueAxis.TickType.TicksDynamic)
        self._x.setTickAnchor(first)
        self._x.setTickInterval(step_interval(last - first))
        top = max(losses, default=1.0)
        self._loss.setRange(0, top * 1.1 if top > 0 else 1.0)
        self._accuracy.setVisible(any(STYLE[n][2] for n in self.series))
        # Without a series the axes would count from 0 to 0: the message stands alone instead.
        self._x.setVisible(bool(self.series))
        self._loss.setVisible(bool(self.series))
        self.message.setText("" if self.series else
                             empty_text or self.tr("No training metrics yet."))
        self.message.setVisible(not self.series)
        self.message.setGeometry(self.viewport().geometry())


def step_interval(span: float, most: int = 8) -> int:
    """A round whole number of steps between ticks, so at most ``most`` ticks fit ``span``."""
    for scale in (1, 10, 100, 1000, 10000):
        for base in (1, 2, 5):
            if span / (base * scale) <= most:
                return base * scale
    return max(1, int(span // most))
