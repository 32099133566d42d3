"""The Pairs tab, or the whole window, as a curator meets it in a test: shown, active, its
table filled."""

from __future__ import annotations


def shown_active(qtbot, widget, width: int = 1280, height: int = 800):
    """``widget`` shown at ``width``x``height`` and active (shortcuts fire only in the active
    window)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    return widget


def shown_pairs_tab(qtbot, ctx, settle: bool = True):
    """A Pairs tab over ``ctx``'s project, shown at 1280x800 and active; with ``settle``, once
    the table has its rows."""
    from natasha_studio.ui.pairs.tab import PairsTab

    tab = shown_active(qtbot, PairsTab(ctx))
    if settle:
        qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)
    return tab
