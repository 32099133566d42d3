"""Chart cards for the Statistics tab, drawn with QtCharts.

Each card is a title, a QChartView and a "Save as PNG" button; the tab fills cards from the
series that ``core.stats`` computes. Charts follow the app's theme (light or dark).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from natasha_studio.ui import theme

LABEL_LENGTH = 28


def short(text: str, length: int = LABEL_LENGTH) -> str:
    return text if len(text) <= length else text[: length - 1] + "\u2026"


def _new_chart() -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if theme.is_dark() else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _value_axis(maximum: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(1.0, maximum * 1.08))
    axis.applyNiceNumbers()
    return axis


def bar_chart(categories: Sequence[str], values: Sequence[float], *, horizontal: bool = False,
              series_name: str = "") -> QChart:
    """Bars of ``values``, one per category (top-down when ``horizontal``)."""
    chart = _new_chart()
    bar_set = QBarSet(series_name)
    bar_set.setColor(theme.accent())
    labels = [short(c) for c in categories]
    if horizontal:
        # Qt draws the first category at the bottom; reverse so the largest is on top.
        labels, values = labels[::-1], list(values)[::-1]
    bar_set.append([float(v) for v in values])
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bar_set)
    series.setBarWidth(0.75)
    if horizontal:
        # Counts on the bars themselves: category names take the room an axis would need.
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        bar_set.setLabelColor(Qt.GlobalColor.white)
    chart.addSeries(series)
    categories_axis = QBarCategoryAxis()
    categories_axis.append(labels)
    values_axis = _value_axis(max(values, default=0))
    if horizontal:
        chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        if len(labels) > 8:
            # Upright labels fit a narrow bar; slanted ones get cut to "...".
            categories_axis.setLabelsAngle(-90)
    series.attachAxis(categories_axis)
    series.attachAxis(values_axis)
    return chart


def month_chart(months: Sequence[tuple[str, int]]) -> QChart:
    """Pairs per month as a filled line over a date axis (readable for years of months)."""
    if len(months) <= 12:
        return bar_chart([m for m, _ in months], [c for _, c in months])
    chart = _new_chart()
    line = QLineSeries()
    for month, count in months:
        stamp = QDateTime(QDate.fromString(month + "-01", "yyyy-MM-dd"), QTime(0, 0))
        line.append(float(stamp.toMSecsSinceEpoch()), float(count))
    area = QAreaSeries(line)
    line.setParent(area)  # the area does not own its line; without a parent Python frees it
    colour = theme.accent()
    area.setPen(QPen(colour, 2))
    fill = QColor(colour)
    fill.setAlpha(90)
    area.setBrush(fill)
    chart.addSeries(area)
    dates = QDateTimeAxis()
    dates.setFormat("MM.yyyy")
    dates.setTickCount(min(8, len(months)))
    values = _value_axis(max(c for _, c in months))
    chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    area.attachAxis(dates)
    area.attachAxis(values)
    return chart


def pie_chart(items: Sequence[tuple[str, float]]) -> QChart:
    """Slices labelled with their name and share."""
    chart = _new_chart()
    series = QPieSeries()
    total = sum(v for _, v in items) or 1
    for name, value in items:
        if value <= 0:
            continue
        pie_slice = series.append(f"{short(name, 22)} \u2014 {value / total:.0%}", float(value))
        pie_slice.setLabelVisible(value / total >= 0.03)
    series.setPieSize(0.62)
    chart.addSeries(series)
    return chart


class ChartCard(QFrame):
    """A chart with its title, a one-line note, and a button to save it as a PNG."""

    save_requested = Signal(object)  # the card

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setProperty("role", "heading")
        head.addWidget(self.title, 1)
        self.save_button = QPushButton(self.tr("Save as PNG\u2026"))
        self.save_button.setToolTip(self.tr("Save this chart as a picture."))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self))
        head.addWidget(self.save_button)
        layout.addLayout(head)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.view.setStyleSheet("background: transparent")
        layout.addWidget(self.view, 1)
        self.note = QLabel()
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.empty_label = QLabel(self.tr("Nothing to show for this filter."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setProperty("role", "muted")
        layout.addWidget(self.empty_label)
        self.set_chart(None)

    def set_chart(self, chart: QChart | None, note: str = "") -> None:
        old = self.view.chart()
        self.view.setChart(chart if chart is not None else QChart())
        if old is not None:
            old.deleteLater()
        self.has_chart = chart is not None
        self.view.setVisible(chart is not None)
        self.empty_label.setVisible(chart is None)
        self.save_button.setEnabled(chart is not None)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def picture(self) -> QPixmap:
        """The chart as drawn on screen."""
        return self.view.grab()
