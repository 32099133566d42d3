"""The detail pane: the original thread, the editable turns, and the pair's labels.

Typing is written to the project 500 ms after the last keystroke, when an editor loses focus,
and before another pair is shown (``flush``), through the tab's undo stack.

Extension points (used by the privacy tools):

* ``add_side_panel(widget, title)`` adds a tab beside "Thread";
* ``turn_editor(i)``, ``question_editor()``, ``answer_editor()`` give the text editors;
* ``set_highlights(turn_index, spans)`` marks ``(start, end, color)`` character spans in a
  turn's editor (``color`` a QColor or a colour name); highlights are cleared on each new pair;
* ``pair_shown(pair_id)`` is emitted after a pair (or none: 0) is shown.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core.curation.operations import split_points
from natasha_studio.core.curation.reasons import reason_text
from natasha_studio.core.curation.thread import ThreadMessage
from natasha_studio.core.i18n import number
from natasha_studio.core.pairs import Pair, Turn
from natasha_studio.ui.pairs.chips import TopicChips
from natasha_studio.ui.theme import is_dark

SAVE_DELAY_MS = 500


class TurnEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class PairDetailPane(QWidget):
    turns_edited = Signal(int, list)          # pair id, new turns
    field_edited = Signal(int, str, object)   # pair id, "notes" | "system_prompt", value
    topics_edited = Signal(int, list, list)   # pair id, before, after
    revert_requested = Signal(int)
    join_requested = Signal(int, int)         # pair id, turn index
    split_requested = Signal(int, int)        # pair id, split before this turn
    pair_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pair: Pair | None = None
        self._dirty: set[str] = set()
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._editors: list[TurnEditor] = []
        self._roles: list[str] = []

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.link_button = QPushButton(self.tr("Open in Telegram"))
        self.link_button.clicked.connect(self._on_open_link)
        self.revert_button = QPushButton(self.tr("Revert to original"))
        self.revert_button.setToolTip(self.tr("Undo every hand edit of this pair's text"))
        self.revert_button.clicked.connect(self._on_revert)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.revert_button)
        head.addWidget(self.link_button)

        self.thread = QTextBrowser()
        self.thread.setOpenLinks(False)
        self.thread.anchorClicked.connect(lambda url: QDesktopServices.openUrl(url))
        self.side = QTabWidget()
        self.side.addTab(self.thread, self.tr("Thread"))

        self._turns_box = QVBoxLayout()
        self.topics = TopicChips(self)
        self.topics.changed.connect(self._on_topics)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Your notes about this pair (not used for training)"))
        self.notes.setMaximumHeight(60)
        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setPlaceholderText(
            self.tr("Empty: the project's system prompt is used for this pair"))
        self.system_prompt.setMaximumHeight(60)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        for editor, name in ((self.notes, "notes"), (self.system_prompt, "system_prompt")):
            editor.textChanged.connect(lambda n=name: self._on_changed(n))
            editor.installEventFilter(self)

        # Labels first (short, read at a glance), then the turns ending with the answer being
        # reviewed, then the rarely used notes and prompt.
        labels = QFormLayout()
        labels.addRow(self.tr("Quality"), self.reasons)
        labels.addRow(self.tr("Topics"), self.topics)
        form = QFormLayout()
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("System prompt"), self.system_prompt)
        self.system_prompt.setToolTip(glossary.tooltip("system_prompt"))
        editors = QWidget()
        col = QVBoxLayout(editors)
        col.addLayout(self._turns_box)
        col.addLayout(form)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(editors)
        self.editors_scroll = scroll
        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.addLayout(labels)  # outside the scroll: always in view
        right_col.addWidget(scroll, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.side)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.placeholder = QLabel(self.tr("Choose a pair in the table to read and edit it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        layout.addWidget(self.placeholder, 1)
        self._body = [split, self.header, self.link_button, self.revert_button]
        self.show_pair(None)

    # -- extension points ---------------------------------------------------------------------

    def add_side_panel(self, widget: QWidget, title: str) -> None:
        """Add a panel as a tab beside the thread (e.g. the privacy findings)."""
        self.side.addTab(widget, title)

    def turn_editor(self, index: int) -> QPlainTextEdit | None:
        return self._editors[index] if 0 <= index < len(self._editors) else None

    def answer_editor(self) -> QPlainTextEdit | None:
        return self._editors[-1] if self._editors else None

    def question_editor(self) -> QPlainTextEdit | None:
        for i in range(len(self._roles) - 2, -1, -1):
            if self._roles[i] == "user":
                return self._editors[i]
        return None

    def set_highlights(self, turn_index: int, spans: list[tuple[int, int, object]]) -> None:
        """Mark character spans of a turn (background colour); an empty list clears them."""
        editor = self.turn_editor(turn_index)
        if editor is None:
            return
        selections = []
        for start, end, color in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color) if not isinstance(color, QColor) else color)
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        editor.setExtraSelections(selections)

    # -- showing ------------------------------------------------------------------------------

    def current_pair_id(self) -> int | None:
        return self._pair.id if self._pair else None

    def show_pair(self, pair: Pair | None, thread: list[ThreadMessage] | None = None,
                  chat_name: str = "", known_topics: list[str] | None = None) -> None:
        """Show ``pair``; a re-show of the same pair keeps editors whose text is unchanged."""
        same = pair is not None and self._pair is not None and pair.id == self._pair.id
        if not same:
            self.flush()
        self._pair = pair
        for w in self._body:
            w.setVisible(pair is not None)
        self.placeholder.setVisible(pair is None)
        self._loading = True
        try:
            if pair is None:
                self._set_turns([])
                self.thread.clear()
            else:
                self._fill(pair, thread or [], chat_name, known_topics or [], same)
        finally:
            self._loading = False
        self.pair_shown.emit(pair.id if pair else 0)

    def _fill(self, pair: Pair, thread: list[ThreadMessage], chat_name: str,
              known_topics: list[str], same: bool) -> None:
        when = (dt.datetime.fromtimestamp(pair.answer_date).strftime("%Y-%m-%d %H:%M")
                if pair.answer_date else "")
        origin = {"reply": self.tr("direct reply"), "implicit": self.tr("paired by time"),
                  "comment": self.tr("channel comment"), "manual": self.tr("added by hand"),
                  "model": self.tr("from the test chat")}.get(pair.origin, pair.origin)
        parts = [self.tr("Pair #{id}").format(id=pair.id), chat_name, when, origin]
        if pair.edited:
            parts.append(self.tr("edited"))
        self.header.setText(" \u00b7 ".join(p for p in parts if p))
        self.link_button.setEnabled(bool(pair.link))
        self.link_button.setToolTip(pair.link or self.tr("This message has no Telegram link"))
        self.revert_button.setEnabled(pair.edited)
        self._set_turns(pair.turns, keep=same)
        if not same or not self.notes.hasFocus():
            _set_text(self.notes, pair.notes)
        if not same or not self.system_prompt.hasFocus():
            _set_text(self.system_prompt, pair.system_prompt or "")
        self.topics.set_known(known_topics)
        self.topics.set_topics(pair.topics)
        reasons = [reason_text(code) for code in pair.quality_reasons]
        quality = number(pair.quality, 2) if pair.quality is not None else self.tr("not rated")
        self.reasons.setText(" · ".join([quality, *reasons]))
        if not same:
            self.thread.setHtml(self._thread_html(thread))
            self._scroll_thread_to_pair()
            # A new pair starts at its top, with the answer in view (not the previous pair's
            # scroll position); posted, so the new editors have their sizes.
            self.editors_scroll.verticalScrollBar().setValue(0)
            QTimer.singleShot(0, self._show_answer)

    def _show_answer(self) -> None:
        answer = self.answer_editor()
        if answer is not None and self.isVisible():
            self.editors_scroll.ensureWidgetVisible(answer, 0, 8)

    def _set_turns(self, turns: list[Turn], keep: bool = False) -> None:
        roles = [t.role for t in turns]
        if not keep or roles != self._roles:
            while self._turns_box.count():
                item = self._turns_box.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            self._editors, self._roles = [], roles
            points = set(split_points(turns))
            for i, turn in enumerate(turns):
                if i in points:
                    button = QPushButton(self.tr("Split into two pairs here"))
                    button.setFlat(True)
                    button.clicked.connect(lambda _=False, at=i: self._on_split(at))
                    self._turns_box.addWidget(button)
                self._turns_box.addWidget(self._turn_header(turns, i))
                editor = TurnEditor()
                # The answer gets the room; earlier turns stay short (the thread shows them whole).
                last = i == len(turns) - 1
                editor.setMinimumHeight(90 if last else 44)
                editor.setMaximumHeight(220 if last else 90)
                editor.setPlainText(turn.text)
                # A photo or file without a caption: its description counts as text.
                editor.setPlaceholderText(self.tr(
                    "No text (a photo, voice message or file). Describe what it shows and the "
                    "pair can be trained on; left empty, it stays out of training files."))
                editor.textChanged.connect(lambda: self._on_changed("turns"))
                editor.installEventFilter(self)
                self._turns_box.addWidget(editor)
                self._editors.append(editor)
            return
        for editor, turn in zip(self._editors, turns, strict=True):
            if editor.toPlainText() != turn.text:
                _set_text(editor, turn.text)
            editor.setExtraSelections([])

    def _turn_header(self, turns: list[Turn], i: int) -> QWidget:
        turn = turns[i]
        last = len(turns) - 1
        if i == last:
            title = self.tr("Answer")
        elif turn.role == "user" and all(t.role != "user" for t in turns[i + 1:last]):
            title = self.tr("Question")
        else:
            title = self.tr("Context")
        who = turn.sender_name or (self.tr("persona") if turn.role == "assistant"
                                   else self.tr("member"))
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 6, 0, 0)
        label = QLabel(f"<b>{html.escape(title)}</b> \u2014 {html.escape(who)}")
        row.addWidget(label, 1)
        if i < last and turns[i + 1].role == turn.role:
            join = QPushButton(self.tr("Join with the next message"))
            join.setFlat(True)
            join.clicked.connect(lambda _=False, at=i: self._on_join(at))
            row.addWidget(join)
        return box

    def _thread_html(self, thread: list[ThreadMessage]) -> str:
        if not thread:
            note = self.tr("The original messages are not in this project (a pair added by "
                           "hand, or its chat was removed).")
            return f"<p><i>{html.escape(note)}</i></p>"
        out = []
        for m in thread:
            when = dt.datetime.fromtimestamp(m.date).strftime("%d.%m.%Y %H:%M")
            # The pair's own messages stand out on either theme (text keeps the theme's colour).
            style = (f"background:{'#4a3d12' if is_dark() else '#fef3c7'};" if m.in_pair
                     else "")
            link = f' <a href="{html.escape(m.link)}">\u2197</a>' if m.link else ""
            text = html.escape(m.text).replace("\n", "<br>") or "<i>\u2026</i>"
            anchor = f'<a name="m{m.id}"></a>' if m.in_pair else ""
            out.append(f'{anchor}<div style="{style}margin:4px;padding:4px">'
                       f'<b>{html.escape(m.sender_name)}</b> '
                       f'<span style="color:#6b7280">{when}</span>{link}<br>{text}</div>')
        return "".join(out)

    def _scroll_thread_to_pair(self) -> None:
        if self._pair and self._pair.message_ids:
            self.thread.scrollToAnchor(f"m{min(self._pair.message_ids)}")

    # -- editing ------------------------------------------------------------------------------

    def _on_changed(self, what: str) -> None:
        if self._loading or self._pair is None:
            return
        self._dirty.add(what)
        self._timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._dirty:
            self.flush()
        return super().eventFilter(obj, event)

    def has_unsaved(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> None:
        """Write pending typing now (before showing another pair, on focus-out, on close)."""
        self._timer.stop()
        if self._pair is None or not self._dirty:
            self._dirty.clear()
            return
        dirty, self._dirty = self._dirty, set()
        pair = self._pair
        if "turns" in dirty:
            turns = [Turn(t.role, e.toPlainText(), t.sender_id, t.sender_name,
                          list(t.message_ids), t.date)
                     for t, e in zip(pair.turns, self._editors, strict=True)]
            if [t.text for t in turns] != [t.text for t in pair.turns]:
                self.turns_edited.emit(pair.id, turns)
        if "notes" in dirty and self.notes.toPlainText() != pair.notes:
            self.field_edited.emit(pair.id, "notes", self.notes.toPlainText())
        if "system_prompt" in dirty:
            value = self.system_prompt.toPlainText().strip() or None
            if value != (pair.system_prompt or None):
                self.field_edited.emit(pair.id, "system_prompt", value)

    def focus_answer(self) -> None:
        editor = self.answer_editor()
        if editor is not None:
            editor.setFocus()
            editor.moveCursor(QTextCursor.MoveOperation.End)

    def _on_topics(self, names: list[str]) -> None:
        if self._pair is not None:
            self.flush()
            self.topics_edited.emit(self._pair.id, list(self._pair.topics), names)

    def _on_revert(self) -> None:
        if self._pair is not None:
            self._dirty.discard("turns")
            self.revert_requested.emit(self._pair.id)

    def _on_join(self, index: int) -> None:
        if self._pair is not None:
            self.flush()
            self.join_requested.emit(self._pair.id, index)

    def _on_split(self, at: int) -> None:
        if self._pair is not None:
            self.flush()
            self.split_requested.emit(self._pair.id, at)

    def _on_open_link(self) -> None:
        if self._pair is not None and self._pair.link:
            QDesktopServices.openUrl(QUrl(self._pair.link))


def _set_text(editor: QPlainTextEdit, text: str) -> None:
    """Replace an editor's text keeping the cursor near where it was."""
    if editor.toPlainText() == text:
        return
    pos = editor.textCursor().position()
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.setPosition(min(pos, len(text)))
    editor.setTextCursor(cursor)
