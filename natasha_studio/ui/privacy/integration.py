"""Plugging the privacy panel into the Pairs tab through the tab's extension points."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from natasha_studio.ui.privacy.panel import PrivacyPanel


def install_privacy(tab) -> PrivacyPanel:
    """Add the "Personal data" panel beside the thread of ``tab`` (a PairsTab) and wire it:
    highlights in the turn editors, the table's selection, the tab's undo stack (Ctrl+Z undoes
    a redaction) and a "has personal data" filter over the tab's own filters.
    """
    panel = PrivacyPanel(tab.ctx, tab.detail)
    tab.detail.add_side_panel(panel, QCoreApplication.translate("Privacy", "Personal data"))
    tab.detail.pair_shown.connect(panel.show_pair)
    panel.set_undo_stack(tab.undo_stack)
    panel.set_selection_provider(tab.selected_ids)
    panel.set_editor_provider(tab.detail.turn_editor)
    panel.set_before_change(tab.flush)

    def only(pair_ids) -> None:
        current = tab.filter_bar.current()
        ids = tuple(sorted(pair_ids)) if pair_ids is not None else None
        tab.filter_bar.changed.emit(dataclasses.replace(current, pair_ids=ids))

    panel.filter_requested.connect(only)
    return panel
