"""The launch form's help texts take the lines they need and no more (no blank gaps)."""

from __future__ import annotations


def test_each_help_text_is_as_tall_as_its_lines(qapp, ctx):
    from natasha_studio.ui.finetune.launch_panel import LaunchPanel
    from natasha_studio.ui.finetune.local_options import HelpLabel

    panel = LaunchPanel(ctx)
    panel.resize(600, 1400)
    panel.show()
    for _ in range(5):
        qapp.processEvents()
    shown = [w for w in panel.findChildren(HelpLabel) if w.isVisible() and w.text()]
    assert len(shown) >= 5  # Yandex's options, first in the list, each with its sentence
    for label in shown:
        # A form sized them for a narrower width: a line or two of blank under each.
        assert label.height() == label.heightForWidth(label.width()), label.text()
    panel.resize(420, 1400)  # narrower: more lines, and still no text cut off
    for _ in range(5):
        qapp.processEvents()
    for label in shown:
        assert label.height() == label.heightForWidth(label.width()), label.text()
    panel.close()
