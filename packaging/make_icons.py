#!/usr/bin/env python3
"""Draw the app icon and write it in every format the platforms want.

    python packaging/make_icons.py            # writes resources/icons/

The icon is drawn with QPainter at each size separately instead of scaling one large image
down: at 16 and 24 pixels the details are dropped and the shapes are snapped so the title bar
and the Start menu show a crisp mark, not a blur. The .ico and .icns containers are written
with Pillow from those hand-drawn sizes.

Outputs (committed, so a build never needs to run this):
    natasha-studio-<N>.png   N in PNG_SIZES (Linux hicolor theme, window icon)
    natasha-studio.ico       Windows (exe, installer, Start menu)
    natasha-studio.icns      macOS (.app bundle, dmg)
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
    QTransform,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
BASENAME = "natasha-studio"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

# Deep indigo to violet: reads well on light and dark task bars alike.
TOP_LEFT = QColor("#4338CA")
BOTTOM_RIGHT = QColor("#A21CAF")
SPARK_TOP = QColor("#6D28D9")
SPARK_BOTTOM = QColor("#DB2777")


def _tile(size: float) -> tuple[QRectF, float]:
    # Small icons use the whole square; large ones keep the margin desktop icon grids expect.
    margin = 0.0 if size <= 32 else size * 0.055
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    return rect, rect.width() * 0.225


def _bubble_path(size: float) -> QPainterPath:
    """A speech bubble with its tail at the lower left: the conversations the app learns from."""
    s = size
    body = QRectF(s * 0.20, s * 0.22, s * 0.60, s * 0.46)
    radius = body.height() * 0.42
    path = QPainterPath()
    path.addRoundedRect(body, radius, radius)
    tail = QPainterPath()
    tail.moveTo(s * 0.30, body.bottom() - s * 0.06)
    tail.lineTo(s * 0.25, s * 0.80)
    tail.quadTo(s * 0.36, s * 0.76, s * 0.46, body.bottom() - s * 0.01)
    tail.closeSubpath()
    return path.united(tail)


def _spark_path(cx: float, cy: float, r: float) -> QPainterPath:
    """A four-pointed spark with concave sides: the tuned model."""
    path = QPainterPath()
    waist = r * 0.18
    points = [(0, -r), (r, 0), (0, r), (-r, 0)]
    path.moveTo(cx + points[0][0], cy + points[0][1])
    for i in range(4):
        nx, ny = points[(i + 1) % 4]
        # Control point pulled towards the centre makes the sides curve inwards.
        mx = (points[i][0] + nx) / 2
        my = (points[i][1] + ny) / 2
        path.quadTo(cx + mx * waist / r * 1.2, cy + my * waist / r * 1.2, cx + nx, cy + ny)
    path.closeSubpath()
    return path


def draw_icon(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels, transparent outside the tile."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    tile, radius = _tile(s)

    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, TOP_LEFT)
    gradient.setColorAt(1.0, BOTTOM_RIGHT)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, radius, radius)

    if size >= 48:
        # A soft light from the top left gives the tile depth without a dated gloss.
        glow = QRadialGradient(QPointF(tile.left() + tile.width() * 0.25, tile.top()), tile.width())
        glow.setColorAt(0.0, QColor(255, 255, 255, 70))
        glow.setColorAt(1.0, QColor(255, 255, 255, 0))
        p.setBrush(QBrush(glow))
        p.drawRoundedRect(tile, radius, radius)

    bubble = _bubble_path(s)
    if size <= 24:
        # Title-bar sizes: a larger bubble so its outline survives the few pixels there are.
        grow = QTransform().translate(s * 0.5, s * 0.48).scale(1.2, 1.2).translate(-s * 0.5, -s * 0.48)
        bubble = grow.map(bubble)
    if size >= 64:
        shadow = QPainterPath(bubble)
        shadow.translate(0, s * 0.018)
        p.setBrush(QColor(30, 10, 60, 60))
        p.drawPath(shadow)
    p.setBrush(QColor("#FFFFFF"))
    p.drawPath(bubble)

    cx, cy = s * 0.50, s * 0.45
    if size >= 32:
        spark_gradient = QLinearGradient(QPointF(cx, cy - s * 0.16), QPointF(cx, cy + s * 0.16))
        spark_gradient.setColorAt(0.0, SPARK_TOP)
        spark_gradient.setColorAt(1.0, SPARK_BOTTOM)
        p.setBrush(QBrush(spark_gradient))
        p.drawPath(_spark_path(cx, cy, s * 0.155))
        if size >= 64:
            # A second, smaller spark: "many answers", and it balances the empty upper right.
            p.drawPath(_spark_path(s * 0.655, s * 0.335, s * 0.055))
    else:
        # At 16 and 24 px a spark is a smudge; a solid dot keeps the bubble readable.
        p.setBrush(QColor(SPARK_TOP))
        d = max(3.0, round(s * 0.22))
        p.drawEllipse(QRectF(round(cx - d / 2), round(cy - d / 2), d, d))

    if size >= 128:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(255, 255, 255, 40), max(1.0, s / 256)))
        inner = tile.adjusted(0.5, 0.5, -0.5, -0.5)
        p.drawRoundedRect(inner, radius, radius)
    p.end()
    return image


def _to_pillow(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def write_icons(out: Path = OUT) -> list[Path]:
    """Draw every size and write the PNG, ICO and ICNS files into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    drawn = {size: _to_pillow(draw_icon(size)) for size in PNG_SIZES}
    written: list[Path] = []
    for size, img in drawn.items():
        path = out / f"{BASENAME}-{size}.png"
        img.save(path, optimize=True)
        written.append(path)

    ico = out / f"{BASENAME}.ico"
    largest = drawn[max(ICO_SIZES)]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[drawn[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    written.append(ico)

    icns = out / f"{BASENAME}.icns"
    drawn[max(ICNS_SIZES)].save(icns, format="ICNS",
                                append_images=[drawn[s] for s in ICNS_SIZES[:-1]])
    written.append(icns)
    return written


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
