"""The launch form's help texts take the lines they need and no more (no blank gaps)."""

from __future__ import annotations


def _text_height(label) -> int:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    return QFontMetrics(label.font()).boundingRect(
        QRect(0, 0, label.width(), 100_000), int(Qt.TextFlag.TextWordWrap), label.text()).height()


def test_each_help_text_is_as_tall_as_its_lines(qapp, ctx):
    from natasha_studio.ui.finetune.launch_panel import LaunchPanel
    from natasha_studio.ui.finetune.local_options import HelpLabel
    from natasha_studio.ui.theme import apply_theme

    # The app's style sheet changes the labels' font after they are made: the heights were
    # once computed for the old font, twice too tall.
    apply_theme(qapp, "dark")
    panel = LaunchPanel(ctx)
    panel.resize(600, 1400)
    panel.show()
    for _ in range(5):
        qapp.processEvents()
    shown = [w for w in panel.findChildren(HelpLabel) if w.isVisible() and w.text()]
    assert len(shown) >= 5  # Yandex's options, first in the list, each with its sentence
    for label in shown:
        assert label.height() == _text_height(label), label.text()
    panel.resize(420, 1400)  # narrower: more lines, and still no text cut off
    for _ in range(5):
        qapp.processEvents()
    for label in shown:
        assert label.height() == _text_height(label), label.text()
    apply_theme(qapp, "light")
    panel.close()
