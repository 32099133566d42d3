"""The privacy panel: findings of the current pair, highlights, one-click and previewed
redaction, undo through the host's undo stack, the "has personal data" filter."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPlainTextEdit

from natasha_studio.core.pairs import Turn, add_pair, get_pair
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.privacy.dialogs import (
    AuditDialog,
    PrivacySettingsDialog,
    RedactPreviewDialog,
)
from natasha_studio.ui.privacy.highlighter import PrivacyHighlighter
from natasha_studio.ui.privacy.panel import PrivacyPanel


def _idle(qloop, ctx, until=lambda: True, panel=None):
    async def wait():
        for _ in range(400):
            if not ctx.tasks.running() and until() and (panel is None or panel.is_idle()):
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the background work did not finish")

    qloop.run_until_complete(wait())


@pytest.fixture
def data(ctx_with_project):
    project = ctx_with_project.project
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name, username) VALUES (1, 'Марина Иванова', 'marina_iv')")
    ids = [
        add_pair(project, [Turn("user", "Я Марина, телефон +7 916 123-45-67", 1),
                           Turn("assistant", "Марине перезвоню.", 2)]),
        add_pair(project, [Turn("user", "Пишите marina.iv@mail.ru", 1),
                           Turn("assistant", "Хорошо.", 2)]),
        add_pair(project, [Turn("user", "Сколько бегать?", 1), Turn("assistant", "Три раза.", 2)]),
    ]
    return ctx_with_project, ids


@pytest.fixture
def panel(qtbot, qloop, data):
    ctx, ids = data
    editors = [QPlainTextEdit(), QPlainTextEdit()]
    panel = PrivacyPanel(ctx)
    qtbot.addWidget(panel)
    stack = QUndoStack(panel)
    panel.set_undo_stack(stack)
    panel.set_editor_provider(lambda i: editors[i] if i < len(editors) else None)
    panel.set_selection_provider(lambda: ids[:2])

    def show(pid):
        for editor, turn in zip(editors, get_pair(ctx.project, pid).turns, strict=True):
            editor.setPlainText(turn.text)
        panel.show_pair(pid)
        _idle(qloop, ctx)

    panel.show_for_test = show
    panel.editors = editors
    panel.stack = stack
    _idle(qloop, ctx)
    return panel


def test_findings_listed_with_source_and_highlighted(panel, data):
    ctx, ids = data
    panel.show_for_test(ids[0])
    rows = [(panel.tree.topLevelItem(i).text(0), panel.tree.topLevelItem(i).text(1),
             panel.tree.topLevelItem(i).text(2)) for i in range(panel.tree.topLevelItemCount())]
    assert ("Марина", "Name", "chat participant") in rows
    assert ("+7 916 123-45-67", "Phone", "pattern") in rows
    assert "3 findings" in panel.title.text()
    highlighter = panel.editors[0].document().findChild(PrivacyHighlighter)
    assert [s[2] for s in highlighter.spans()] == ["person", "phone"]
    # Typing before a span moves it; typing inside one drops it.
    cursor = panel.editors[0].textCursor()
    cursor.setPosition(0)
    cursor.insertText("Ну ")
    assert highlighter.spans()[0][:2] == (5, 11)
    assert "2 pairs have personal data" in panel.dataset.text()


def test_one_click_redaction_and_undo_through_the_stack(panel, data, qloop):
    ctx, ids = data
    panel.show_for_test(ids[0])
    changed = []
    ctx.changed.connect(lambda c: changed.append(c.pairs))
    phone_row = next(i for i in range(panel.tree.topLevelItemCount())
                     if panel.tree.topLevelItem(i).text(1) == "Phone")
    panel.tree.itemWidget(panel.tree.topLevelItem(phone_row), 3).click()
    assert get_pair(ctx.project, ids[0]).turns[0].text == "Я Марина, телефон [ТЕЛЕФОН]"
    assert changed == [{ids[0]}]
    panel.stack.undo()
    assert get_pair(ctx.project, ids[0]).turns[0].text.endswith("+7 916 123-45-67")
    panel.stack.redo()
    assert "[ТЕЛЕФОН]" in get_pair(ctx.project, ids[0]).turns[0].text
    panel.show_for_test(ids[0])
    panel.redact_pair.click()
    turns = get_pair(ctx.project, ids[0]).turns
    assert [t.text for t in turns] == ["Я [ИМЯ_1], телефон [ТЕЛЕФОН]", "[ИМЯ_1] перезвоню."]
    _idle(qloop, ctx)
    assert "No personal data found in this pair" in panel.title.text()


def test_selection_redaction_with_preview(panel, data, qloop, monkeypatch):
    ctx, ids = data
    seen = []

    def fake_exec(dialog):
        _idle(qloop, ctx, until=lambda: bool(dialog.plans))
        seen.append((len(dialog.plans), dialog.summary.text(), dialog.view.toPlainText()))
        return True

    monkeypatch.setattr(RedactPreviewDialog, "exec", fake_exec)
    panel.redact_selected.click()
    _idle(qloop, ctx, until=lambda: panel.stack.count() == 1)
    count, summary, preview = seen[0]
    assert count == 2 and "4 replacements" in summary
    assert "+7 916 123-45-67" in preview and "[ТЕЛЕФОН]" in preview
    assert "[EMAIL]" in get_pair(ctx.project, ids[1]).turns[0].text
    panel.stack.undo()  # the whole selection in one step
    assert get_pair(ctx.project, ids[1]).turns[0].text == "Пишите marina.iv@mail.ru"
    assert get_pair(ctx.project, ids[0]).turns[0].text.startswith("Я Марина")


def test_undo_button_and_dialogs(panel, data, qloop, monkeypatch, qtbot):
    ctx, ids = data
    panel.show_for_test(ids[1])
    panel.redact_pair.click()
    assert "[EMAIL]" in get_pair(ctx.project, ids[1]).turns[0].text
    panel.undo_button.click()
    assert "marina.iv@mail.ru" in get_pair(ctx.project, ids[1]).turns[0].text
    panel.stack.undo()  # already undone by the button: a no-op, not an error
    assert "marina.iv@mail.ru" in get_pair(ctx.project, ids[1]).turns[0].text
    from natasha_studio.core.privacy import audit_log

    dialog = AuditDialog(audit_log(ctx.project))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 5).text() == "E-mail: 1"
    assert dialog.table.item(0, 4).text() != ""  # undone

    def accept_with(dialog):
        dialog.allow.setPlainText("Марина\n")
        return True

    monkeypatch.setattr(PrivacySettingsDialog, "exec", accept_with)
    panel.settings_button.click()
    _idle(qloop, ctx)
    panel.show_for_test(ids[0])
    texts = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert texts == ["+7 916 123-45-67"]


def test_only_flagged_filter_and_no_project(panel, data, qloop):
    ctxp, ids = data
    requested = []
    panel.filter_requested.connect(requested.append)
    panel.only_flagged.setChecked(True)
    _idle(qloop, ctxp, until=lambda: requested)  # listed by a worker
    panel.only_flagged.setChecked(False)
    assert requested == [{ids[0], ids[1]}, None]
    # Switched off before the worker answers: the late answer is dropped.
    panel.only_flagged.setChecked(True)
    panel.only_flagged.setChecked(False)
    _idle(qloop, ctxp, panel=panel)
    assert requested == [{ids[0], ids[1]}, None, None]
    ctxp.set_project(None)
    assert not panel.redact_all.isEnabled() and "Open a project" in panel.dataset.text()


def test_in_the_pairs_tab(qtbot, qloop, data, tmp_path):
    from pairs_view import shown_pairs_tab
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    ctx, ids = data
    tab = shown_pairs_tab(qtbot, ctx, settle=False)
    panel = tab.privacy_panel
    titles = [tab.detail.side.tabText(i) for i in range(tab.detail.side.count())]
    assert "Personal data" in titles
    # The table may fill in the background.
    _idle(qloop, ctx, until=lambda: tab.model.rowCount() == 3)
    tab.select_row(tab.model.row_of(ids[0]))
    _idle(qloop, ctx, until=lambda: panel.tree.topLevelItemCount() == 3)
    highlighter = tab.detail.turn_editor(0).document().findChild(PrivacyHighlighter)
    assert len(highlighter.spans()) == 2
    panel.redact_pair.click()
    assert "[ИМЯ_1]" in tab.detail.turn_editor(1).toPlainText()
    QTest.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_pair(ctx.project, ids[0]).turns[1].text == "Марине перезвоню."
    panel.only_flagged.setChecked(True)
    _idle(qloop, ctx, until=lambda: tab.model.rowCount() == 2)
    assert sorted(tab.model.ids()) == sorted(ids[:2])
    panel.only_flagged.setChecked(False)
    _idle(qloop, ctx, until=lambda: tab.model.rowCount() == 3)
    tab.detail.side.setCurrentWidget(panel)
    tab.select_row(tab.model.row_of(ids[0]))
    _idle(qloop, ctx, until=lambda: panel.tree.topLevelItemCount() == 3)
    tab.grab().save(str(tmp_path / "pairs_privacy.png"))


def test_menu_actions(panel, data, monkeypatch):
    ctx, ids = data
    texts = [a.text() for a in panel.menu_actions()]
    assert texts == ["Replace personal data in all pairs\u2026", "Undo last redaction",
                     "Privacy settings\u2026", "Redaction history\u2026"]
    shown = []
    monkeypatch.setattr(AuditDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    panel.menu_actions()[3].trigger()
    assert len(shown) == 1
    ctx.set_project(None)
    assert not any(a.isEnabled() for a in panel.menu_actions())


def test_edits_during_a_scan_do_not_cancel_it(panel, data, qloop):
    ctx, ids = data
    with ctx.project.transaction() as conn:
        conn.execute("DELETE FROM privacy_scan")
    panel.scan_dataset()
    ctx.apply(Changes.of_pairs({ids[2]}))
    names = {t.name.rsplit("-", 1)[0] for t in ctx.tasks.running()}
    assert "privacy-scan" in names
    # The changed pair is checked after a short pause, beside the running scan.
    _idle(qloop, ctx, until=lambda: any(t.name.startswith("privacy-rescan")
                                        for t in ctx.tasks.running()) or panel.is_idle())
    _idle(qloop, ctx, panel=panel)
    assert "2 pairs have personal data" in panel.dataset.text()
    assert ctx.project.conn.execute("SELECT count(*) FROM privacy_scan").fetchone()[0] == 3


def test_qt_binding_keeps_none_alive(qtbot):
    """PySide6 6.12.0 drops a reference to None on each void call; on Python 3.11 the panel's
    tests (and a long session) then abort. pyproject pins PySide6 below 6.12."""
    import sys

    from PySide6.QtWidgets import QCheckBox

    box = QCheckBox()
    qtbot.addWidget(box)
    before = sys.getrefcount(None)
    for _ in range(200):
        box.setEnabled(True)
    assert sys.getrefcount(None) >= before - 20


def test_status_changes_are_gathered_and_read_no_text(panel, data, qloop, monkeypatch):
    from natasha_studio.core.pairs import set_status
    from natasha_studio.core.privacy import scan as scan_module
    from natasha_studio.ui.privacy import workers

    ctx, ids = data
    built, runs = [], []
    real_detector, real_refresh = scan_module.detector_for, workers.refresh
    monkeypatch.setattr(scan_module, "detector_for",
                        lambda p: built.append(1) or real_detector(p))
    monkeypatch.setattr(workers, "refresh",
                        lambda *a, **k: runs.append(a[1]) or real_refresh(*a, **k))
    set_status(ctx.project, ids, "rejected")
    ctx.apply(Changes.of_pairs(ids[:2]))   # a change, its undo, another: one check
    ctx.apply(Changes.of_pairs({ids[2]}))
    ctx.apply(Changes.of_pairs(ids[:1]))
    _idle(qloop, ctx, panel=panel)
    assert runs == [sorted(ids)]
    assert built == []  # only stamps moved: no detector, no text read
    assert "2 pairs have personal data (of 3)" in panel.dataset.text()
    stale = ctx.project.conn.execute(
        "SELECT count(*) FROM pairs p JOIN privacy_scan s ON s.pair_id = p.id"
        " WHERE s.pair_updated != p.updated_at").fetchone()[0]
    assert stale == 0


def test_a_busy_project_is_checked_again_later_without_an_error(panel, data, qloop,
                                                                monkeypatch):
    from natasha_studio.core.privacy import ScanBusy
    from natasha_studio.ui.privacy import workers

    ctx, ids = data
    failures = []
    ctx.tasks.task_failed.connect(lambda title, message: failures.append(message))
    real_summary, real_scan = workers.refresh_summary, workers.scan_pairs
    busy = {"summary": 1, "scan": 1}

    def flaky(name, real):
        def call(*args, **kwargs):
            if busy[name]:
                busy[name] -= 1
                raise ScanBusy("busy")
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(workers, "refresh_summary", flaky("summary", real_summary))
    monkeypatch.setattr(workers, "scan_pairs", flaky("scan", real_scan))
    panel._retry.setInterval(50)
    panel._pair_retry.setInterval(50)
    panel.dataset.setText("")
    ctx.apply(Changes.of_pairs({ids[0]}))
    _idle(qloop, ctx, panel=panel)
    assert panel.busy_retries == 1 and failures == []
    assert "2 pairs have personal data" in panel.dataset.text()
    # The pair shown waits too, then shows its findings.
    panel.show_for_test(ids[0])
    _idle(qloop, ctx, panel=panel)
    assert busy["scan"] == 0 and "3 findings" in panel.title.text() and failures == []


def test_the_dataset_check_waits_for_a_long_change(panel, data, qloop):
    """While an extraction (or an import) holds the project the dataset's check does not
    run: it would read pairs about to be rewritten, beside the extraction on the
    processor. It comes back once the change has ended."""
    from natasha_studio.core import writer

    ctx, _ids = data
    with ctx.project.transaction() as conn:
        conn.execute("DELETE FROM privacy_scan")
    with writer.claim(ctx.project.path, "extraction"):
        panel.scan_dataset()
        _idle(qloop, ctx, until=lambda: panel.busy_retries > 0)
        assert ctx.project.conn.execute("SELECT count(*) FROM privacy_scan").fetchone()[0] == 0
    _idle(qloop, ctx, panel=panel)
    assert "2 pairs have personal data" in panel.dataset.text()
    assert ctx.project.conn.execute("SELECT count(*) FROM privacy_scan").fetchone()[0] == 3


def test_a_check_ending_after_its_panel_is_gone_is_dropped(data, qloop):
    import shiboken6

    ctx, _ids = data
    failed: list[str] = []
    ctx.tasks.task_failed.connect(lambda title, text: failed.append(f"{title}: {text}"))
    with ctx.project.transaction() as conn:
        conn.execute("DELETE FROM privacy_scan")
    panel = PrivacyPanel(ctx)
    panel.scan_dataset()
    shiboken6.delete(panel)
    _idle(qloop, ctx)
    assert failed == []
