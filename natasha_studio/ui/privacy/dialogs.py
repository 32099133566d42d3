"""Privacy dialogs: the redaction preview, the project's privacy settings, the audit list."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core.privacy import (
    KINDS,
    AuditEntry,
    PairRedaction,
    PrivacySettings,
    kind_label,
)
from natasha_studio.ui.privacy.highlighter import KIND_COLORS

_PREVIEW_LIMIT = 100


class ModeAndKindsBox(QWidget):
    """Placeholders or fake names, and which kinds to replace."""

    changed = Signal()

    def __init__(self, mode: str, kinds: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholders = QRadioButton(self.tr("Placeholders, such as [ИМЯ_1] and [ТЕЛЕФОН]"))
        self.fake = QRadioButton(self.tr("Realistic fake names (other data gets placeholders)"))
        (self.fake if mode == "fake_names" else self.placeholders).setChecked(True)
        self.kind_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, kind in enumerate(KINDS):
            box = QCheckBox(kind_label(kind))
            box.setChecked(kind in kinds)
            box.toggled.connect(self.changed)
            self.kind_boxes[kind] = box
            grid.addWidget(box, i // 4, i % 4)
        for radio in (self.placeholders, self.fake):
            radio.toggled.connect(lambda on: on and self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholders)
        layout.addWidget(self.fake)
        kinds_box = QGroupBox(self.tr("Replace"))
        kinds_box.setLayout(grid)
        layout.addWidget(kinds_box)

    def mode(self) -> str:
        return "fake_names" if self.fake.isChecked() else "placeholders"

    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k, box in self.kind_boxes.items() if box.isChecked())


def _marked(text: str, spans: list[tuple[int, int, str]], strike: bool) -> str:
    out, pos = [], 0
    for start, end, kind in sorted(spans):
        out.append(html.escape(text[pos:start]))
        style = f"background:{KIND_COLORS.get(kind, '#ffe08a')};color:#202020"
        if strike:
            style += ";text-decoration:line-through"
        out.append(f'<span style="{style}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


class RedactPreviewDialog(QDialog):
    """What a redaction will change, before it is made; options re-run the preview."""

    options_changed = Signal(str, tuple)  # mode, kinds

    def __init__(self, plans: list[PairRedaction], mode: str, kinds: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Replace personal data"))
        self.resize(820, 620)
        self.options = ModeAndKindsBox(mode, kinds)
        self.options.changed.connect(
            lambda: self.options_changed.emit(self.options.mode(), self.options.kinds()))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.view = QTextBrowser()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("Replace"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        hint = QLabel(self.tr("The original text stays in the project: Undo (Ctrl+Z) or "
                              "\u201cUndo last redaction\u201d puts it back. Exports use the "
                              "replaced text."))
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.set_plans(plans)

    def set_busy(self) -> None:
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("Preparing the preview\u2026"))

    def set_plans(self, plans: list[PairRedaction]) -> None:
        self.plans = plans
        total = sum(sum(p.counts.values()) for p in plans)
        self.apply_button.setEnabled(bool(plans))
        self.apply_button.setText(self.tr("Replace in %n pairs", "", len(plans)))
        if not plans:
            self.summary.setText(self.tr("Nothing to replace with these options."))
        else:
            self.summary.setText(self.tr("%n replacements", "", total) + " \u2014 "
                                 + self.tr("%n pairs will change.", "", len(plans)))
        parts = []
        for plan in plans[:_PREVIEW_LIMIT]:
            title = self.tr("Pair #{id}").format(id=plan.pair_id)
            parts.append(f"<h4>{html.escape(title)}</h4>")
            for index, (before, after) in enumerate(zip(plan.before, plan.after, strict=True)):
                if before.text == after.text:
                    continue
                spans = [(f.start, f.end, f.kind) for f in plan.replaced if f.turn == index]
                parts.append(f"<p>{_marked(before.text, spans, strike=True)}<br>"
                             f"\u2192 {html.escape(after.text).replace(chr(10), '<br>')}</p>")
        if len(plans) > _PREVIEW_LIMIT:
            parts.append("<p><i>" + html.escape(self.tr("\u2026 and %n more pairs.", "",
                                                         len(plans) - _PREVIEW_LIMIT)) + "</i></p>")
        self.view.setHtml("".join(parts))

    def mode(self) -> str:
        return self.options.mode()

    def kinds(self) -> tuple[str, ...]:
        return self.options.kinds()


class PrivacySettingsDialog(QDialog):
    """The project's privacy settings."""

    def __init__(self, settings: PrivacySettings, persona_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Privacy settings"))
        self.resize(620, 560)
        self.options = ModeAndKindsBox(settings.mode, settings.kinds)
        self.persona = QCheckBox(self.tr("Replace the persona\u2019s own name ({name}) too").format(
            name=persona_name or self.tr("no name set")))
        self.persona.setChecked(settings.replace_persona)
        self.ner = QCheckBox(self.tr("Recognise names, places and organisations in Russian text"))
        self.ner.setChecked(settings.use_ner)
        self.allow = QPlainTextEdit("\n".join(settings.allow_list))
        self.allow.setPlaceholderText(self.tr("One per line, e.g. Хатхор (a goddess, not a member)"))
        self.deny = QPlainTextEdit("\n".join(settings.deny_list))
        self.deny.setPlaceholderText(self.tr("One per line: words that always count as personal "
                                             "data, e.g. a nickname"))
        form = QFormLayout()
        form.addRow(self.tr("Never flag"), self.allow)
        form.addRow(self.tr("Always flag"), self.deny)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(self.persona)
        layout.addWidget(self.ner)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def settings(self) -> PrivacySettings:
        def lines(edit: QPlainTextEdit) -> tuple[str, ...]:
            return tuple(dict.fromkeys(x.strip() for x in edit.toPlainText().splitlines() if x.strip()))

        return PrivacySettings(
            allow_list=lines(self.allow), deny_list=lines(self.deny),
            replace_persona=self.persona.isChecked(), mode=self.options.mode(),
            kinds=self.options.kinds() or KINDS, use_ner=self.ner.isChecked())


def _local(stamp: str | None) -> str:
    """A stored UTC time as the curator's local time."""
    if not stamp:
        return ""
    when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class AuditDialog(QDialog):
    """What redactions replaced and when: kinds and counts, never the values."""

    def __init__(self, entries: list[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redaction history"))
        self.resize(820, 420)
        headers = [self.tr("When"), self.tr("How"), self.tr("Where"), self.tr("Pairs"),
                   self.tr("Undone"), self.tr("Replaced")]
        self.table = QTableWidget(len(entries), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        modes = {"placeholders": self.tr("placeholders"), "fake_names": self.tr("fake names")}
        scopes = {"all": self.tr("all pairs"), "selection": self.tr("selected pairs"),
                  "pair": self.tr("one pair"), "span": self.tr("one finding")}
        for row, e in enumerate(entries):
            values = [_local(e.at), modes.get(e.mode, e.mode), scopes.get(e.scope, e.scope),
                      str(e.pair_count), _local(e.undone_at),
                      ", ".join(f"{kind_label(k)}: {n}" for k, n in e.counts.items())]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        # The counts (last column) wrap in the room left, so nothing hides off to the right.
        self.table.setWordWrap(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        empty = QLabel(self.tr("Nothing has been replaced in this project yet."))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setVisible(not entries)
        note = QLabel(self.tr("The replaced values themselves are never recorded here."))
        note.setProperty("role", "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        row = QHBoxLayout()
        row.addWidget(note, 1)
        row.addWidget(buttons)
        layout.addLayout(row)
