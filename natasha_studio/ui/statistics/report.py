"""The Statistics page as one self-contained HTML file (charts embedded as PNG)."""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QPixmap

from natasha_studio.core.stats import Statistics
from natasha_studio.ui.statistics.texts import figure_label, format_value, status_label

_STYLE = """
body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; margin: 32px; color: #1d1b24; }
h1 { font-size: 22pt; margin-bottom: 0; } .muted { color: #77738a; }
table { border-collapse: collapse; margin: 16px 0; }
td { padding: 4px 14px 4px 0; border-bottom: 1px solid #e6e3ef; } td.v { font-weight: 600; text-align: right; }
.charts { display: flex; flex-wrap: wrap; gap: 18px; }
figure { margin: 0; border: 1px solid #e6e3ef; border-radius: 10px; padding: 10px; }
figcaption { font-weight: 600; margin-bottom: 6px; } img { max-width: 100%; }
"""


def png_base64(pixmap: QPixmap) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    return base64.b64encode(bytes(data)).decode("ascii")


def build_html(title: str, filter_text: str, stats: Statistics, figure_keys: Sequence[str],
               charts: Sequence[tuple[str, str, QPixmap]]) -> str:
    """The report: figures table, pairs by status, and each chart (title, note, picture)."""
    e = html.escape
    f = stats.figures
    rows = "".join(
        f"<tr><td>{e(figure_label(k))}</td><td class='v'>{e(format_value(k, f.get(k)))}</td></tr>"
        for k in figure_keys)
    statuses = "".join(
        f"<tr><td>{e(status_label(s))}</td><td class='v'>{e(format_value('n', n))}</td></tr>"
        for s, n in f.get("by_status", {}).items())
    figures_html = "".join(
        f"<figure><figcaption>{e(name)}</figcaption>"
        f"<img alt='{e(name)}' src='data:image/png;base64,{png_base64(pixmap)}'>"
        + (f"<div class='muted'>{e(note)}</div>" if note else "") + "</figure>"
        for name, note, pixmap in charts)
    made = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    heading_figures = QCoreApplication.translate("StatisticsReport", "Figures")
    heading_status = QCoreApplication.translate("StatisticsReport", "Pairs by status")
    heading_charts = QCoreApplication.translate("StatisticsReport", "Charts")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{e(title)}</h1><p class='muted'>{e(filter_text)} \u00b7 {e(made)}</p>"
        f"<h2>{e(heading_figures)}</h2><table>{rows}</table>"
        f"<h2>{e(heading_status)}</h2><table>{statuses}</table>"
        f"<h2>{e(heading_charts)}</h2><div class='charts'>{figures_html}</div>"
        "</body></html>"
    )
