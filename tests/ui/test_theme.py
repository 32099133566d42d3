"""Both themes stay readable: hints, disabled controls, check boxes and hovered list items."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from natasha_studio.ui import theme


def _luminance(color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_measured_as_wcag_defines_it():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_theme_colours_keep_their_contrasts(dark):
    c = theme.colors(dark)
    for background in ("window", "base", "alt"):
        assert contrast(c["text"], c[background]) >= 7, background
        assert contrast(c["muted"], c[background]) >= 4.5, background  # hints, placeholders
        assert contrast(c["disabled"], c[background]) >= 3, background  # disabled buttons
    assert contrast(c["indicator"], c["base"]) >= 3  # empty check boxes show
    assert contrast(c["highlighted_text"], c["highlight"]) >= 4.5  # hovered drop-down items
    assert contrast(c["highlighted_text"], c["primary"]) >= 4.5  # primary buttons
    assert contrast(c["link"], c["window"]) >= 4.5


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_style_sheet_draws_indicators_arrows_and_disabled_primary(dark):
    sheet = theme.style_sheet(dark)
    images = re.findall(r"url\(([^)]+)\)", sheet)
    assert len(images) >= 4 and all(Path(i).is_file() for i in images), images
    for selector in ("QAbstractItemView::indicator", "QSpinBox::up-arrow",
                     "QComboBox::down-arrow", 'QPushButton[primary="true"]:disabled',
                     "QComboBox QAbstractItemView::item:hover"):
        assert selector in sheet
    # A disabled primary button loses its fill: it is drawn on the window colour.
    disabled_rule = sheet.split('QPushButton[primary="true"]:disabled')[1].split("}")[0]
    assert theme.colors(dark)["window"] in disabled_rule


def test_empty_check_box_is_visible_in_the_dark_theme(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    theme.apply_theme(qapp, "dark")
    try:
        view = QListWidget()
        item = QListWidgetItem("Наташа")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        view.addItem(item)
        view.resize(200, 60)
        view.show()
        image = view.viewport().grab().toImage()
        rect = view.visualItemRect(item)
        base = theme.colors(True)["base"]
        # The indicator's outline: some pixel in the row's first 24 px differs clearly from
        # the field's colour.
        best = max(contrast(image.pixelColor(x, y).name(), base)
                   for x in range(rect.left(), rect.left() + 24)
                   for y in range(rect.top(), rect.bottom()))
        assert best >= 2.5
    finally:
        theme.apply_theme(qapp, "light")


def test_fonts_shipped_in_resources_are_loaded(qapp, tmp_path, monkeypatch):
    import shutil

    from natasha_studio import app as studio_app

    candidates = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                  Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")]
    font = next((c for c in candidates if c.is_file()), None)
    if font is None:
        pytest.skip("no font file on this machine to ship")
    (tmp_path / "fonts").mkdir()
    shutil.copy(font, tmp_path / "fonts" / font.name)
    (tmp_path / "fonts" / "notes.txt").write_text("not a font", encoding="utf-8")
    monkeypatch.setattr(studio_app, "resource", lambda *parts: tmp_path.joinpath(*parts))
    assert studio_app.load_bundled_fonts()  # the font's family was added
    monkeypatch.setattr(studio_app, "resource", lambda *parts: tmp_path.joinpath("none", *parts))
    assert studio_app.load_bundled_fonts() == []
