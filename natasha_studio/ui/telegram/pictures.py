"""Pictures drawn in the app: where the API id comes from, and the QR code for logging in."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap


def qr_pixmap(url: str, size: int = 240) -> QPixmap:
    """The QR code of ``url`` (a tg://login link), dark on white, about ``size`` pixels."""
    code = segno.make(url, error="m")
    modules = code.symbol_size(scale=1, border=2)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(2, size // modules), border=2)
    image = QImage.fromData(buffer.getvalue(), "PNG")
    return QPixmap.fromImage(image)


def api_help_pixmap(width: int = 420) -> QPixmap:
    """A sketch of my.telegram.org's "API development tools" page, with the two fields to copy
    marked 1 and 2, so that a curator recognises the page when she gets there."""
    height = int(width * 0.58)
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Browser window.
    p.setPen(QPen(QColor("#9aa5b1"), 1.5))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(1, 1, width - 2, height - 2), 8, 8)
    p.setBrush(QColor("#e8edf2"))
    p.drawRoundedRect(QRectF(1, 1, width - 2, 30), 8, 8)
    for i, colour in enumerate(("#ff5f57", "#febc2e", "#28c840")):
        p.setBrush(QColor(colour))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QPointF(16 + i * 16, 16), 5, 5)
    p.setPen(QColor("#1f2933"))
    small = QFont(p.font())
    small.setPointSizeF(8.5)
    p.setFont(small)
    p.drawText(QRectF(70, 6, width - 80, 20), Qt.AlignmentFlag.AlignVCenter, "my.telegram.org/apps")
    heading = QFont(p.font())
    heading.setPointSizeF(11)
    heading.setBold(True)
    p.setFont(heading)
    p.drawText(QRectF(20, 40, width - 40, 24), Qt.AlignmentFlag.AlignVCenter,
               QCoreApplication.translate("TelegramHelp", "App configuration"))
    p.setFont(small)
    rows = [
        ("1", QCoreApplication.translate("TelegramHelp", "App api_id:"), "1234567"),
        ("2", QCoreApplication.translate("TelegramHelp", "App api_hash:"), "0123456789abcdef0123456789abcdef"),
    ]
    y = 76.0
    for number, label, value in rows:
        p.setPen(QColor("#52606d"))
        p.drawText(QRectF(20, y, 110, 26), Qt.AlignmentFlag.AlignVCenter, label)
        box = QRectF(130, y, width - 150, 26)
        p.setPen(QPen(QColor("#f0883e"), 2.5))
        p.setBrush(QColor("#fff4e8"))
        p.drawRoundedRect(box, 4, 4)
        p.setPen(QColor("#1f2933"))
        p.drawText(box.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, value)
        p.setBrush(QColor("#f0883e"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QPointF(box.right() - 2, box.top() + 2), 10, 10)
        p.setPen(QColor("#ffffff"))
        badge = QFont(small)
        badge.setBold(True)
        p.setFont(badge)
        p.drawText(QRectF(box.right() - 12, box.top() - 8, 20, 20), Qt.AlignmentFlag.AlignCenter, number)
        p.setFont(small)
        y += 40
    # The rest of the page, greyed: it does not matter.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e4e7eb"))
    for i in range(3):
        p.drawRoundedRect(QRectF(20, y + 6 + i * 16, width * (0.7 - i * 0.15), 8), 3, 3)
    p.end()
    return pixmap
