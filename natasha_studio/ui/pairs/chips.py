"""Topic chips: the pair's topics as removable buttons, and a field to add one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget


class TopicChips(QWidget):
    """Emits ``changed(list)`` with the new topic names when the curator adds or removes one."""

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("Add a topic\u2026"))
        self.input.setMaximumWidth(180)
        self.input.returnPressed.connect(self._on_add)
        self._completer = QCompleter([])
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.input.setCompleter(self._completer)
        self._layout.addWidget(self.input)
        self._layout.addStretch(1)
        self._chips: list[QToolButton] = []

    def set_known(self, names: list[str]) -> None:
        self._completer.model().setStringList(names)  # type: ignore[attr-defined]

    def set_topics(self, names: list[str]) -> None:
        self._names = sorted(names)
        for chip in self._chips:
            chip.deleteLater()
        self._chips = []
        for i, name in enumerate(self._names):
            chip = QToolButton()
            chip.setText(f"{name}  \u00d7")
            chip.setToolTip(self.tr("Remove the topic \u201c{name}\u201d").format(name=name))
            chip.setProperty("chip", True)
            chip.clicked.connect(lambda _=False, n=name: self._on_remove(n))
            self._layout.insertWidget(i, chip)
            self._chips.append(chip)

    def topics(self) -> list[str]:
        return list(self._names)

    def _on_add(self) -> None:
        name = self.input.text().strip()
        self.input.clear()
        if name and name not in self._names:
            self.changed.emit(sorted([*self._names, name]))

    def _on_remove(self, name: str) -> None:
        self.changed.emit([n for n in self._names if n != name])
