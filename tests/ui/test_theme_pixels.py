"""The theme as drawn, read back from the pixels: a hovered drop-down item, a disabled primary
button and an empty check box stand out from what is behind them (3:1) in both themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QPushButton, QTableWidget, QTableWidgetItem
from test_theme import contrast

from natasha_studio.ui import theme


@pytest.fixture(params=["light", "dark"])
def themed(request, qapp):
    theme.apply_theme(qapp, request.param)
    yield theme.colors(request.param == "dark")
    theme.apply_theme(qapp, "light")


def test_hovered_drop_down_item_stands_out(themed, qtbot):
    combo = QComboBox()
    combo.addItems(["Бизнес", "Отношения", "Ритуалы и медитации"])
    qtbot.addWidget(combo)
    combo.show()
    qtbot.waitExposed(combo)
    combo.showPopup()
    view = combo.view()
    qtbot.waitExposed(view)
    rect = view.visualRect(view.model().index(1, 0))
    QTest.mouseMove(view.viewport(), rect.center())
    view.setCurrentIndex(view.model().index(1, 0))  # what the pointer's hover also selects
    qtbot.wait(50)
    image = view.viewport().grab().toImage()
    ratio = view.viewport().devicePixelRatioF()
    # The row's fill, right of the text, against the list's own background.
    fill = image.pixelColor(QPoint(int((rect.right() - 4) * ratio), int(rect.center().y() * ratio)))
    assert contrast(fill.name(), themed["base"]) >= 3, fill.name()
    # Its text is still there on that fill (not a blank bar).
    text = max(contrast(image.pixelColor(x, int(rect.center().y() * ratio)).name(), fill.name())
               for x in range(int(rect.left() * ratio), int(rect.right() * ratio)))
    assert text >= 4.5
    combo.hidePopup()


def test_disabled_primary_button_does_not_look_enabled(themed, qtbot):
    enabled, disabled = QPushButton("Запустить"), QPushButton("Запустить")
    for button in (enabled, disabled):
        button.setProperty("primary", True)
        button.resize(160, 36)
        qtbot.addWidget(button)
        button.show()
    disabled.setEnabled(False)
    qtbot.waitExposed(disabled)
    middle = QPoint(8, 18)  # inside the frame, left of the text
    on = enabled.grab().toImage().pixelColor(middle).name()
    off = disabled.grab().toImage().pixelColor(middle).name()
    assert contrast(off, themed["window"]) < 1.2  # a disabled one is not filled
    assert contrast(on, themed["window"]) >= 3  # an enabled one is, and stands out
    label = max(contrast(disabled.grab().toImage().pixelColor(x, 18).name(), off)
                for x in range(20, 140))
    assert label >= 3  # yet its text reads


def test_primary_button_text_reads_hovered_too(themed):
    for fill in ("primary", "primary_hover"):
        assert contrast(themed["highlighted_text"], themed[fill]) >= 4.5, fill
    assert themed["primary_hover"] != themed["primary"]


def test_empty_check_box_in_a_table_shows(themed, qtbot):
    table = QTableWidget(1, 1)
    item = QTableWidgetItem("Наташа")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    table.setItem(0, 0, item)
    qtbot.addWidget(table)
    table.resize(240, 80)
    table.show()
    qtbot.waitExposed(table)
    image = table.viewport().grab().toImage()
    rect = table.visualItemRect(item)
    best = max(contrast(image.pixelColor(x, y).name(), themed["base"])
               for x in range(rect.left(), rect.left() + 24)
               for y in range(rect.top(), rect.bottom()))
    assert best >= 3


def test_spin_box_and_drop_down_draw_their_arrows(themed, qtbot):
    from PySide6.QtWidgets import QSpinBox

    spin, combo = QSpinBox(), QComboBox()
    spin.setValue(3)
    combo.addItem("10 %")
    for widget in (spin, combo):
        widget.resize(120, 30)
        qtbot.addWidget(widget)
        widget.show()
    qtbot.waitExposed(combo)
    for widget in (spin, combo):
        image = widget.grab().toImage()
        # The arrows' strip on the right, inside the frame.
        best = max(contrast(image.pixelColor(x, y).name(), themed["base"])
                   for x in range(widget.width() - 20, widget.width() - 3)
                   for y in range(4, widget.height() - 4))
        assert best >= 3, type(widget).__name__
