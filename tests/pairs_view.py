"""The Pairs tab as a curator meets it in a test: shown, active, its table filled."""

from __future__ import annotations


def shown_pairs_tab(qtbot, ctx, settle: bool = True):
    """A Pairs tab over ``ctx``'s project, shown at 1280x800 and active (shortcuts fire only
    in the active window); with ``settle``, once the table has its rows."""
    from natasha_studio.ui.pairs.tab import PairsTab

    tab = PairsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=2000)
    if settle:
        qtbot.waitUntil(lambda: not tab.model.is_busy(), timeout=5000)
    return tab
