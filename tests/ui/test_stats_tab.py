"""The Statistics tab renders with data, its figures match pandas, filters and exports work."""

from __future__ import annotations

import asyncio
import time

import pandas as pd
import pytest
from core.export_fixtures import make_pairs

from natasha_studio.core import export
from natasha_studio.core.pairs import set_status
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.statistics.charts import ChartCard
from natasha_studio.ui.statistics.compare_dialog import CompareDialog
from natasha_studio.ui.statistics.snapshot_forms import ExportDialog, FreezeDialog
from natasha_studio.ui.statistics.tab import StatisticsTab


def act(loop, action):
    async def run():
        result = action()
        await asyncio.sleep(0)
        return result
    return loop.run_until_complete(run())


def wait_until(loop, condition, timeout=20.0):
    async def poll():
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting")
            await asyncio.sleep(0.02)
    loop.run_until_complete(poll())


def idle(ctx):
    return lambda: not ctx.tasks.running()


@pytest.fixture
def tab(qtbot, qloop, ctx):
    widget = StatisticsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


@pytest.fixture
def filled(tab, qloop, ctx_with_project):
    ctx = ctx_with_project
    ids = make_pairs(ctx.project, 48, status_cycle=("approved", "approved", "new", "rejected"))
    act(qloop, lambda: ctx.apply(Changes.of_pairs(None)))
    wait_until(qloop, lambda: tab.stats is not None and tab.stats.figures["pairs"] == 48)
    wait_until(qloop, idle(ctx))
    return ids


def test_empty_states(tab, qloop, ctx):
    assert tab._stack.currentWidget() is tab.no_project
    assert not tab.refresh_action.isEnabled()
    from natasha_studio.core.store import Project

    act(qloop, lambda: ctx.set_project(Project.create(ctx.settings.path.parent / "e.nstudio", "Наташа")))
    wait_until(qloop, lambda: tab._stack.currentWidget() is tab.no_pairs)
    navigated = []
    ctx.navigate.connect(lambda name, arg: navigated.append(name))
    tab.no_pairs.button.click()
    assert navigated == ["sources"]


def test_figures_match_pandas(tab, qloop, filled, ctx_with_project):
    df = pd.read_sql_query("SELECT * FROM pairs WHERE deleted = 0", ctx_with_project.project.conn)
    values = {k: label.text() for k, label in tab.figure_values.items()}
    assert values["pairs"] == str(len(df))
    assert values["approved_share"] == f"{(df.status == 'approved').mean() * 100:.0f}%"
    assert values["answer_chars_median"] == f"{df.answer.str.len().median():.0f}"
    assert values["question_chars_mean"] == f"{df.question.str.len().mean():.1f}"
    assert values["chats"] == "3" and values["participants"] == "4"
    assert "Approved: 24" in tab.status_line.text()
    assert "USD" in tab.cost_line.text() and "2026" in tab.cost_line.text()
    assert all(card.has_chart for card in tab.cards.values())
    chart = tab.cards["pairs_per_chat"].view.chart()
    bar_set = chart.series()[0].barSets()[0]
    assert sorted(bar_set.at(i) for i in range(bar_set.count())) == [16.0, 16.0, 16.0]


def test_filters_apply_to_every_chart(tab, qloop, filled):
    index = tab.chat_filter.findText("Питание")
    assert index > 0
    act(qloop, lambda: (tab.chat_filter.setCurrentIndex(index), tab._on_filter_changed()))
    wait_until(qloop, lambda: tab.stats.figures["pairs"] == 16)
    assert tab.figure_values["pairs"].text() == "16"
    assert [name for name, _ in tab.stats.pairs_per_chat] == ["Питание"]
    assert sum(c for _, c in tab.stats.pairs_per_month) == 16
    status = tab.status_filter.findData("approved")
    act(qloop, lambda: (tab.status_filter.setCurrentIndex(status), tab._on_filter_changed()))
    wait_until(qloop, lambda: tab.stats.figures["pairs"] == 8)
    assert tab.current_filter().to_dict()["statuses"] == ["approved"]


def test_pair_changes_refresh_the_page(tab, qloop, filled, ctx_with_project):
    set_status(ctx_with_project.project, filled[2:4], "approved")
    act(qloop, lambda: ctx_with_project.apply(Changes.of_pairs(filled[2:4])))
    wait_until(qloop, lambda: tab.stats.figures["by_status"]["approved"] == 26)
    assert "Approved: 26" in tab.status_line.text()


def test_save_png_and_html_report(tab, qloop, filled, tmp_path):
    png = tmp_path / "chat.png"
    assert tab.save_chart_png(tab.cards["pairs_per_chat"], png)
    assert png.read_bytes().startswith(b"\x89PNG")
    report = tmp_path / "report.html"
    assert tab.save_report(report)
    text = report.read_text(encoding="utf-8")
    assert text.count("<img") == len(tab.cards)
    assert "Pairs per chat" in text and "Most active members" in text and "Наташа" in text


def test_save_report_to_a_bad_place_says_so(tab, qloop, filled, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("natasha_studio.ui.statistics.tab.show_error",
                        lambda parent, title, error: shown.append(str(error)))
    assert not tab.save_report(tmp_path / "missing" / "r.html")
    assert shown and "could not be saved" in shown[0]


def test_snapshots_dialog_freeze_export_compare(tab, qloop, filled, ctx_with_project, tmp_path, qtbot):
    project = ctx_with_project.project
    act(qloop, tab.open_snapshots)
    dialog = tab.snapshots_dialog
    assert dialog.empty.isVisible() and not dialog.compare_button.isEnabled()
    changed = []
    ctx_with_project.changed.connect(
        lambda c: changed.append(1) if c.snapshots else None)

    form = FreezeDialog("v1", tab.current_filter(), dialog)
    form.heldout.setValue(2)
    act(qloop, lambda: dialog.start_freeze(form.values()))
    wait_until(qloop, lambda: len(dialog.snapshots) == 1)
    assert changed and dialog.snapshots[0].split_counts["heldout"] == 2
    assert dialog.snapshots[0].pair_count == 24

    set_status(project, filled[2:3], "approved")
    form = FreezeDialog("v2", tab.current_filter(), dialog)
    act(qloop, lambda: dialog.start_freeze(form.values()))
    wait_until(qloop, lambda: len(dialog.snapshots) == 2)

    export_form = ExportDialog("v1", dialog)
    export_form.format.setCurrentIndex(export_form.format.findData("openai"))
    export_form.path.setText(str(tmp_path / "v1.jsonl"))
    assert export_form.ok_button.isEnabled()
    act(qloop, lambda: dialog.start_export(dialog.snapshots[1].id, export_form.values()))
    wait_until(qloop, lambda: (tmp_path / "v1.jsonl").exists() and idle(ctx_with_project)())
    assert export.validate_file(tmp_path / "v1.jsonl", "openai").n_examples == \
        dialog.snapshots[1].split_counts["train"]

    dialog.table.selectAll()
    assert dialog.compare_button.isEnabled()
    act(qloop, dialog.compare)
    wait_until(qloop, lambda: getattr(dialog, "compare_dialog", None) is not None)
    compare = dialog.compare_dialog
    assert isinstance(compare, CompareDialog)
    assert "Added: 1" in compare.summary.text()
    assert compare.table.rowCount() > 10 and compare.table.item(0, 3).text() == "+1"
    dialog.close()


def test_freeze_form_needs_a_name(qtbot, ctx):
    form = FreezeDialog("", export.PairFilter(), None)
    qtbot.addWidget(form)
    form._on_accept()
    assert form.error.isVisibleTo(form) and form.result() == 0


def test_chart_card_without_data(qtbot):
    card = ChartCard("x", "Title")
    qtbot.addWidget(card)
    card.set_chart(None)
    assert not card.has_chart and not card.save_button.isEnabled()


def test_preflight_dialog_reports_verdict_and_cost(tab, qloop, filled, ctx_with_project):
    from natasha_studio.ui.statistics.preflight_dialog import PreflightDialog

    snap = export.create_snapshot(ctx_with_project.project, "v1", validation_split=0.2)
    dialog = PreflightDialog(ctx_with_project, snap, tab)
    assert dialog.model.currentText() == "gemini-2.5-flash"
    dialog.provider.setCurrentIndex(dialog.provider.findData("openai"))
    assert dialog.model.currentText().startswith("gpt-4.1-mini")
    act(qloop, dialog.start_check)
    wait_until(qloop, lambda: dialog.result is not None)
    assert dialog.result["ok"]
    assert "accept" in dialog.verdict.text()
    text = dialog.details.toPlainText()
    assert "Estimated cost" in text and "o200k_base" in text
    dialog.epochs.setValue(2)
    act(qloop, dialog.start_check)
    wait_until(qloop, lambda: "Epochs: 2;" in dialog.details.toPlainText())
    dialog.close()


def test_preflight_dialog_shows_rejection(tab, qloop, ctx_with_project):
    from natasha_studio.ui.statistics.preflight_dialog import PreflightDialog

    make_pairs(ctx_with_project.project, 6)
    snap = export.create_snapshot(ctx_with_project.project, "tiny", validation_split=0)
    dialog = PreflightDialog(ctx_with_project, snap, tab)
    act(qloop, dialog.start_check)
    wait_until(qloop, lambda: dialog.result is not None)
    assert not dialog.result["ok"] and "reject" in dialog.verdict.text()
    assert "Only 6 examples" in dialog.details.toPlainText()


def test_delete_snapshot_asks_first(tab, qloop, filled, ctx_with_project, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    export.create_snapshot(ctx_with_project.project, "v1")
    act(qloop, tab.open_snapshots)
    dialog = tab.snapshots_dialog
    dialog.table.selectRow(0)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    dialog.delete()
    assert len(dialog.snapshots) == 1
    dialog.table.selectRow(0)
    dialog.delete()
    assert dialog.snapshots == [] and dialog.empty.isVisibleTo(dialog)
    assert export.list_snapshots(ctx_with_project.project) == []
    dialog.close()


def test_preflight_dialog_checks_for_yandex(tab, qloop, filled, ctx_with_project):
    from natasha_studio.ui.statistics.preflight_dialog import PreflightDialog

    snap = export.create_snapshot(ctx_with_project.project, "v1", validation_split=0.2)
    dialog = PreflightDialog(ctx_with_project, snap, tab)
    dialog.provider.setCurrentIndex(dialog.provider.findData("yandex"))
    assert dialog.model.currentText() == "yandexgpt-lite" and not dialog.epochs.isEnabled()
    act(qloop, dialog.start_check)
    wait_until(qloop, lambda: dialog.result is not None)
    assert dialog.result["ok"], dialog.details.toPlainText()
    text = dialog.details.toPlainText()
    assert "free during Preview" in text and "YandexGPT" in text and "0.00 RUB" not in text
    dialog.close()


def test_export_form_offers_speakers_and_an_internal_copy_only_where_it_fits(qtbot):
    form = ExportDialog("v1", None, speakers="context")
    qtbot.addWidget(form)
    assert form.speakers.currentData() == "context"
    assert "context" in form.speakers_help.text().lower()
    form.speakers.setCurrentIndex(form.speakers.findData("labels"))
    assert "Участник 1" in form.speakers_help.text()
    form.format.setCurrentIndex(form.format.findData("csv"))
    form.internal.setChecked(True)
    form.path.setText("/tmp/x.csv")
    assert form.values()["internal"] and form.values()["speakers"] == "labels"
    form.format.setCurrentIndex(form.format.findData("openai"))
    assert not form.internal.isEnabled() and not form.values()["internal"]


def test_the_speaker_choice_of_an_export_becomes_the_projects(tab, qloop, filled,
                                                              ctx_with_project, monkeypatch):
    from natasha_studio.core.export.speakers import speakers_setting
    from natasha_studio.ui.statistics import snapshots_dialog as module

    project = ctx_with_project.project
    act(qloop, tab.open_snapshots)
    dialog = tab.snapshots_dialog
    form = FreezeDialog("v1", tab.current_filter(), dialog)
    act(qloop, lambda: dialog.start_freeze(form.values()))
    wait_until(qloop, lambda: len(dialog.snapshots) == 1)
    dialog.table.selectRow(0)
    started = []

    def accept(form_self):
        form_self.speakers.setCurrentIndex(form_self.speakers.findData("context"))
        form_self.path.setText("/tmp/never-written.jsonl")
        return module.QDialog.DialogCode.Accepted

    monkeypatch.setattr(module.ExportDialog, "exec", accept)
    monkeypatch.setattr(dialog, "start_export", lambda sid, values: started.append(values))
    dialog.ask_export()
    assert started and started[0]["speakers"] == "context"
    assert speakers_setting(project) == "context"
    dialog.close()


def test_cost_line_covers_every_provider_set_up(tab, qloop, filled, ctx_with_project):
    ctx = ctx_with_project
    line = tab.cost_line.text()
    # Nothing set up yet: every provider that takes jobs, each named with its model.
    for name in ("Yandex AI Studio, yandexgpt-lite: training free during Preview",
                 "Vertex AI, gemini-2.5-flash: ≈", "Together AI, Qwen3-8B: ≈",
                 "Fireworks AI, qwen3-8b: ≈"):
        assert name in line, line
    ctx.secrets.set("together_api_key", "tgp_v1_x")
    ctx.secrets.set("fireworks_api_key", "fw_x")
    ctx.secrets.set("fireworks_account_id", "olga")
    act(qloop, tab.refresh)
    wait_until(qloop, lambda: "Vertex AI" not in tab.cost_line.text())
    wait_until(qloop, idle(ctx))
    line = tab.cost_line.text()
    assert "Together AI, Qwen3-8B: ≈" in line and "Fireworks AI, qwen3-8b: ≈" in line
    assert "Yandex" not in line and "epoch" in line


def test_an_export_says_what_personal_data_the_file_holds(tab, qloop, filled, ctx_with_project,
                                                          tmp_path):
    from natasha_studio.core.pairs import Turn, add_pair

    project = ctx_with_project.project
    add_pair(project, [Turn("user", "Позвоните мне: +7 912 345-67-89, это Ольга", 11, "Ольга"),
                       Turn("assistant", "Хорошо, Ольга, позвоню", 1, "Наташа")],
             origin="reply", chat_id=-1001, status="approved")
    act(qloop, tab.open_snapshots)
    dialog = tab.snapshots_dialog
    form = FreezeDialog("v1", tab.current_filter(), dialog)
    act(qloop, lambda: dialog.start_freeze(form.values()))
    wait_until(qloop, lambda: len(dialog.snapshots) == 1)

    for fmt, name, internal, warned in (("openai", "v1.jsonl", False, True),
                                        ("csv", "v1.csv", False, True),
                                        ("csv", "internal.csv", True, False)):
        export_form = ExportDialog("v1", dialog)
        export_form.format.setCurrentIndex(export_form.format.findData(fmt))
        export_form.part.setCurrentIndex(export_form.part.findData("all"))
        export_form.path.setText(str(tmp_path / name))
        export_form.internal.setChecked(internal)
        values = export_form.values()
        act(qloop, lambda v=values: dialog.start_export(dialog.snapshots[0].id, v))
        wait_until(qloop, lambda n=name: (tmp_path / n).exists() and idle(ctx_with_project)())
        assert dialog.privacy_note.isVisibleTo(dialog) == warned, name
        if warned:
            text = dialog.privacy_note.text()
            assert text.startswith(name) and "Personal data remains in 1 pair" in text
            assert "Pairs tab" in text
    dialog.close()
