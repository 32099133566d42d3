"""The Fine-tune tab driven like a curator would, against the fake OpenAI server."""

from __future__ import annotations

import asyncio
import datetime as dt
import time

import pytest

from natasha_studio.core import jobs
from natasha_studio.core.pairs import Turn, add_pair
from natasha_studio.core.store import Project
from natasha_studio.ui.finetune.confirm_dialog import LaunchConfirmDialog
from natasha_studio.ui.finetune.providers_dialog import ProviderSettingsDialog
from natasha_studio.ui.finetune.tab import FinetuneTab

pytest_plugins = ["fakes.fixtures"]


def add_pairs(project, n):
    for i in range(n):
        add_pair(project, [Turn("user", f"Как мне начать бегать в {20 + i} лет?", 11, "Ольга",
                                [i * 2], 1_700_000_000 + i),
                           Turn("assistant", f"Начни с ходьбы, {i} минут в день.", 1, "Наташа",
                                [i * 2 + 1], 1_700_000_100 + i)],
                 origin="reply", status="approved", key=f"k{i}")


async def until(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        await asyncio.sleep(0.02)


def scenario(loop, coro):
    """Run a whole scenario in one turn of the qasync loop, as the app's loop never stops:
    stopping and restarting it while an HTTP request is in flight strands that request."""
    loop.run_until_complete(asyncio.wait_for(coro, 60))


@pytest.fixture(autouse=True)
def confirmations(monkeypatch):
    """The launch confirmation never blocks a test: its text is recorded and the answer is
    the one the test sets (Launch unless told otherwise)."""
    from PySide6.QtWidgets import QDialog

    asked = {"answer": QDialog.DialogCode.Accepted, "texts": []}

    def answer(dialog):
        asked["texts"].append(dialog.text())
        return asked["answer"]

    monkeypatch.setattr(LaunchConfirmDialog, "exec", answer)
    return asked


@pytest.fixture
def tab(qtbot, qloop, ctx, openai_server):
    ctx.secrets.set("openai_api_key", openai_server.api_key)
    ctx.secrets.set("openai_base_url", openai_server.base_url)
    ctx.settings.set_value("finetune/provider", "openai")
    widget = FinetuneTab(ctx)
    widget.poll_interval = 0.01
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def open_project(ctx, path, pairs=24):
    project = Project.create(path, "Наташа", "Ты — Наташа.")
    add_pairs(project, pairs)
    ctx.set_project(project)
    return project


async def freeze_and_check(tab):
    panel = tab.launch_panel
    panel.freeze_button.click()
    await until(lambda: panel.snapshot.currentData() is not None)
    await until(lambda: panel.preflight is not None)


def test_empty_state_without_a_project(tab):
    assert tab._stack.currentWidget() is tab.empty_state


def test_launch_follow_succeed_notify_and_test_in_chat(tab, ctx, qloop, openai_server, tmp_path):
    async def body():
        openai_server.advance_on_poll = True
        open_project(ctx, tmp_path / "ui.nstudio")
        assert tab.no_jobs_label.isVisibleTo(tab)
        await freeze_and_check(tab)
        panel = tab.launch_panel
        assert panel.check_status.text().startswith("✔ Ready")
        assert "Examples:" in panel.report.toPlainText()
        assert panel.launch_button.isEnabled()
        panel.model.setCurrentText("gpt-4.1-mini-2025-04-14")
        await until(lambda: panel.launch_button.isEnabled())
        panel.epochs.setValue(2)
        await until(lambda: panel.launch_button.isEnabled())
        panel.launch_button.click()

        await until(lambda: jobs.list_jobs(ctx.project)
                   and jobs.list_jobs(ctx.project)[0].status == "succeeded")
        await until(lambda: tab.notifier.sent)
        job = jobs.list_jobs(ctx.project)[0]
        remote = openai_server.job(job.remote_id)
        assert remote.hyperparameters["n_epochs"] == 2
        assert tab.notifier.sent[-1][1] == f"“{job.display_name}” finished: {job.tuned_model}"
        view = tab.job_view
        assert view.job.id == job.id
        # The chart has the points the server sent.
        points = view.chart.series["train_loss"].points()
        assert [(int(p.x()), round(p.y(), 4)) for p in points] == \
            [(m["step"], m["train_loss"]) for m in remote.metrics]
        assert "valid_loss" in view.chart.series
        assert view.events.topLevelItemCount() >= 8
        assert view.checkpoints.topLevelItemCount() == 2
        assert view.test_button.isEnabled() and not view.cancel_button.isEnabled()
        # The training file was deleted from OpenAI once the job ended.
        assert [f.purpose for f in openai_server.files.values()] == ["fine-tune-results"]
        assert any("deleted from OpenAI" in e.message
                   for e in jobs.job_events(ctx.project, job.id))
        assert tab.jobs_list.topLevelItem(0).text(4) == "Finished"

        navigated = []
        ctx.navigate.connect(lambda name, arg: navigated.append((name, arg)))
        view.test_button.click()
        view.test_button.click()  # the second click reuses the saved entry
        row = ctx.project.conn.execute("SELECT * FROM models WHERE job_id = ?", (job.id,)).fetchall()
        assert len(row) == 1 and row[0]["model_id"] == job.tuned_model
        assert navigated == [("testchat", row[0]["id"])] * 2

    scenario(qloop, body())


def test_restart_resumes_tracking_and_cancel(tab, ctx, qloop, openai_server, tmp_path):
    async def body():
        path = tmp_path / "restart.nstudio"
        open_project(ctx, path)
        await freeze_and_check(tab)
        tab.launch_panel.launch_button.click()
        await until(lambda: jobs.list_jobs(ctx.project)[0].remote_id is not None)
        job_id = jobs.list_jobs(ctx.project)[0].id
        failures = []
        ctx.tasks.task_failed.connect(lambda title, message: failures.append(message))
        ctx.set_project(None)  # closing the project stops tracking, quietly
        await until(lambda: not ctx.tasks.is_running(f"finetune:track:{job_id}"))
        await asyncio.sleep(0.1)
        assert failures == []

        ctx.set_project(Project.open(path))
        assert ctx.tasks.is_running(f"finetune:track:{job_id}")
        assert tab.job_view.job.id == job_id
        openai_server.advance(3)
        await until(lambda: jobs.get_job(ctx.project, job_id).status == "running")

        tab.confirm = lambda title, text: True
        tab.job_view.cancel_button.click()
        await until(lambda: jobs.get_job(ctx.project, job_id).status == "cancelled")
        await until(lambda: tab.notifier.sent)
        assert "cancelled" in tab.notifier.sent[-1][1]
        assert openai_server.job().status == "cancelled"

    scenario(qloop, body())


def test_launch_stays_disabled_while_the_dataset_has_errors(tab, ctx, qloop, tmp_path):
    async def body():
        open_project(ctx, tmp_path / "small.nstudio", pairs=3)
        await freeze_and_check(tab)
        panel = tab.launch_panel
        assert not panel.preflight.ok
        assert panel.check_status.text().startswith("✖")
        assert not panel.launch_button.isEnabled()

    scenario(qloop, body())


def test_a_refused_launch_fails_the_job_in_plain_words(tab, ctx, qloop, openai_server, tmp_path):
    async def body():
        failures = []
        ctx.tasks.task_failed.connect(lambda title, message: failures.append(message))
        openai_server.fail_with("refuse", "/v1/fine_tuning/jobs", times=5)
        open_project(ctx, tmp_path / "refused.nstudio")
        await freeze_and_check(tab)
        tab.launch_panel.launch_button.click()
        await until(lambda: failures)
        assert "Use Vertex AI or local training" in failures[0]
        job = jobs.list_jobs(ctx.project)[0]
        assert job.status == "failed"
        assert tab.jobs_list.topLevelItem(0).text(4) == "Failed"
        assert tab.job_view.error.text().startswith("OpenAI refused")
        assert tab.launch_panel.progress.isHidden()

    scenario(qloop, body())


def test_provider_dialog_tests_what_is_typed_then_saves(qtbot, qloop, ctx, openai_server):
    async def body():
        dialog = ProviderSettingsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.edits["openai_api_key"].setText("sk-wrong")
        dialog.edits["openai_base_url"].setText(openai_server.base_url)
        dialog.test_buttons["openai"].click()
        await until(lambda: dialog.results["openai"].text().startswith(("✔", "✖")))
        assert "did not accept the API key" in dialog.results["openai"].text()
        dialog.edits["openai_api_key"].setText(openai_server.api_key)
        dialog.test_buttons["openai"].click()
        await until(lambda: dialog.results["openai"].text().startswith("✔"))
        assert "available" in dialog.results["openai"].text()
        dialog.test_buttons["vertex"].click()
        await until(lambda: dialog.results["vertex"].text().startswith("✖"))
        assert "No Google Cloud project" in dialog.results["vertex"].text()
        dialog.save()
        assert ctx.secrets.get("openai_api_key") == openai_server.api_key

    scenario(qloop, body())


def test_environment_values_are_shown_read_only(qtbot, ctx, monkeypatch):
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "from-env")
    dialog = ProviderSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    edit = dialog.edits["vertex_project"]
    assert edit.text() == "from-env" and edit.isReadOnly()


def test_leftover_personal_data_links_to_those_pairs(request, ctx_with_project, qtbot, qloop):
    from natasha_studio.core import export

    project = ctx_with_project.project
    add_pairs(project, 12)
    leaky = add_pair(project, [
        Turn("user", "Позвоните мне, пожалуйста: +7 916 123-45-67, или пишите olga@example.com",
             11, "Ольга", [100], 1_700_000_500),
        Turn("assistant", "Хорошо, Ольга, позвоню вечером.", 1, "Наташа", [101], 1_700_000_600)],
        origin="reply", status="approved", key="leak")
    snapshot = export.create_snapshot(project, "v1")
    pre = export.preflight(project, snapshot.id, "openai", "gpt-4.1-mini-2025-04-14")
    request.addfinalizer(pre.discard)  # its training files, out of the real temp folder
    assert pre.privacy["pairs"] >= 1 and leaky in pre.privacy["pair_ids"]

    tab = FinetuneTab(ctx_with_project)
    qtbot.addWidget(tab)
    panel = tab.launch_panel
    panel._show_privacy(pre.privacy)
    assert panel.privacy_link.isVisibleTo(tab)
    assert "personal data" in panel.privacy_link.text()
    targets = []
    ctx_with_project.navigate.connect(lambda key, arg: targets.append((key, arg)))
    panel.privacy_link.linkActivated.emit("pairs")
    assert targets == [("pairs", pre.privacy["pair_ids"])]
    panel.schedule_check()
    assert not panel.privacy_link.isVisibleTo(tab)


def test_the_launch_is_confirmed_and_cancelling_sends_nothing(tab, ctx, qloop, openai_server,
                                                              tmp_path, confirmations):
    from PySide6.QtWidgets import QDialog

    async def body():
        open_project(ctx, tmp_path / "ask.nstudio")
        await freeze_and_check(tab)
        confirmations["answer"] = QDialog.DialogCode.Rejected
        tab.launch_panel.launch_button.click()
        await asyncio.sleep(0.2)
        [text] = confirmations["texts"]
        assert "Provider:" in text and "OpenAI" in text and "gpt-4.1-mini" in text
        assert "Data goes to:" in text and "OpenAI, the USA" in text
        assert "deleted from there when the job ends" in text
        assert "Send the dataset to OpenAI and start training?" in text
        assert jobs.list_jobs(ctx.project) == []
        assert openai_server.count("POST", "/v1/") == 0

        # Chosen to keep: the dialog says so and the job remembers it.
        tab.launch_panel.keep_uploaded.setChecked(True)
        confirmations["answer"] = QDialog.DialogCode.Accepted
        tab.launch_panel.launch_button.click()
        await until(lambda: jobs.list_jobs(ctx.project)
                    and jobs.list_jobs(ctx.project)[0].remote_id)
        assert "kept there after the job ends" in confirmations["texts"][-1]
        assert jobs.list_jobs(ctx.project)[0].state["keep_uploaded_data"] is True

    scenario(qloop, body())


def test_the_confirmation_dialog_shows_leftover_personal_data(request, qtbot, project):
    from natasha_studio.core.jobs.confirm import launch_summary
    from natasha_studio.providers.catalog import provider_info

    add_pairs(project, 12)
    from natasha_studio.core import export

    snapshot = export.create_snapshot(project, "v1")
    pre = export.preflight(project, snapshot.id, "vertex", "gemini-2.5-flash")
    request.addfinalizer(pre.discard)  # its training files, out of the real temp folder
    pre.privacy = {"pairs": 2, "pair_ids": [1, 2]}
    dialog = LaunchConfirmDialog(launch_summary(provider_info("vertex"), pre, label="Vertex AI",
                                                country="the USA"))
    qtbot.addWidget(dialog)
    assert "2 pair(s) still contain members' personal data" in dialog.warning_labels[0].text()
    assert dialog.cancel_button.isDefault()
    assert "Google, the USA" in dialog.text()


def test_openai_is_refused_from_its_closing_day(tab, ctx, qloop, openai_server, tmp_path,
                                                confirmations):
    async def body():
        tab.launch_panel.today = dt.date(2027, 1, 6)
        open_project(ctx, tmp_path / "late.nstudio")
        panel = tab.launch_panel
        panel.freeze_button.click()
        await until(lambda: panel.snapshot.currentData() is not None)
        await until(lambda: "no longer accepts" in panel.check_status.text())
        assert "Yandex AI Studio" in panel.check_status.text()
        assert not panel.launch_button.isEnabled()
        panel.launch_button.click()
        await asyncio.sleep(0.2)
        assert confirmations["texts"] == [] and openai_server.count("POST", "/v1/") == 0
        # The day before, the same choice is checked and can launch.
        panel.today = dt.date(2027, 1, 5)
        panel.schedule_check()
        await until(lambda: panel.launch_button.isEnabled())

    scenario(qloop, body())


def test_each_provider_page_asks_only_for_its_own_fields(qtbot, ctx):
    dialog = ProviderSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert list(dialog.pages) == ["yandex", "vertex", "together", "fireworks", "openai",
                                  "compatible", "local"]
    assert dialog.stack.currentIndex() == 0  # Yandex AI Studio first

    def visible_edits(kind):
        page = dialog.page_widget(kind)
        return {name for name, edit in dialog.edits.items()
                if page.isAncestorOf(edit) and edit.isVisibleTo(page)}

    assert visible_edits("yandex") == {"yandex_folder_id", "yandex_api_key"}
    dialog.advanced_toggles["yandex"].click()
    assert visible_edits("yandex") == {"yandex_folder_id", "yandex_api_key", "yandex_endpoint",
                                       "yandex_chat_url"}
    assert visible_edits("vertex") == {"vertex_project", "vertex_location", "vertex_bucket",
                                       "vertex_credentials_file"}
    assert visible_edits("openai") == {"openai_api_key"}
    assert visible_edits("compatible") == {"compatible_base_url", "compatible_api_key"}
    assert visible_edits("local") == {"local:command"}

    from PySide6.QtWidgets import QLabel

    def links(kind):
        return " ".join(label.text() for label in dialog.page_widget(kind).findChildren(QLabel)
                        if label.openExternalLinks())
    assert "https://console.yandex.cloud/" in links("yandex")
    assert "ai.editor" in links("yandex") and "ai.languageModels.user" in links("yandex")
    assert "aiplatform.googleapis.com" in links("vertex")
    assert "gcloud auth application-default login" in links("vertex")
    assert "6 January 2027" in links("openai")


def test_local_page_copies_the_install_command(qtbot, ctx):
    from PySide6.QtGui import QGuiApplication

    from natasha_studio.local import INSTALL_COMMAND

    dialog = ProviderSettingsDialog(ctx, kind="local")
    qtbot.addWidget(dialog)
    assert dialog.stack.currentIndex() == list(dialog.pages).index("local")
    assert dialog.edits["local:command"].text() == INSTALL_COMMAND
    from PySide6.QtWidgets import QPushButton

    [copy] = [b for b in dialog.page_widget("local").findChildren(QPushButton)
              if b.text() == "Copy"]
    copy.click()
    assert QGuiApplication.clipboard().text() == INSTALL_COMMAND


def test_vertex_page_tests_gcloud_user_credentials_and_an_address(qtbot, qloop, ctx,
                                                                  vertex_server, tmp_path):
    async def body():
        dialog = ProviderSettingsDialog(ctx, kind="vertex")
        qtbot.addWidget(dialog)
        creds = vertex_server.user_credentials_file(tmp_path / "adc.json")
        dialog.edits["vertex_project"].setText(vertex_server.project)
        dialog.edits["vertex_location"].setText(vertex_server.location)
        dialog.edits["vertex_credentials_file"].setText(str(creds))
        dialog.edits["vertex_base_url"].setText(vertex_server.base_url)
        dialog.test_buttons["vertex"].click()
        await until(lambda: dialog.results["vertex"].text().startswith(("✔", "✖")))
        assert "Connected to Vertex AI project natasha-test" in dialog.results["vertex"].text()
        dialog.save()
        assert ctx.secrets.get("vertex_base_url") == vertex_server.base_url
        # Reopened, the page shows the address it keeps with its Advanced part open.
        again = ProviderSettingsDialog(ctx, kind="vertex")
        qtbot.addWidget(again)
        assert again.advanced_toggles["vertex"].isChecked()
        assert not again.advanced_toggles["openai"].isChecked()

    scenario(qloop, body())


def test_compatible_page_keeps_its_key_for_the_test_chat(qtbot, qloop, ctx, openai_server):
    from natasha_studio.core.chat.models import api_key_name

    async def body():
        dialog = ProviderSettingsDialog(ctx, kind="compatible")
        qtbot.addWidget(dialog)
        dialog.test_buttons["compatible"].click()
        await until(lambda: dialog.results["compatible"].text().startswith("✖"))
        assert "server address is empty" in dialog.results["compatible"].text()
        dialog.edits["compatible_base_url"].setText(openai_server.base_url)
        dialog.edits["compatible_api_key"].setText(openai_server.api_key)
        dialog.test_buttons["compatible"].click()
        await until(lambda: dialog.results["compatible"].text().startswith("✔"))
        dialog.save()
        assert ctx.secrets.get(api_key_name(openai_server.base_url)) == openai_server.api_key

    scenario(qloop, body())


def test_yandex_page_says_what_to_fix_without_a_key(qtbot, qloop, ctx):
    async def body():
        dialog = ProviderSettingsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.test_buttons["yandex"].click()
        await until(lambda: dialog.results["yandex"].text().startswith("✖"))
        assert dialog.results["yandex"].styleSheet() == "color: #c62828;"

    scenario(qloop, body())


def test_loss_chart_ticks_are_whole_distinct_steps(qtbot):
    from natasha_studio.ui.finetune.loss_chart import LossChart, step_interval

    assert [step_interval(s) for s in (2, 8, 9, 40, 96, 1000)] == [1, 1, 2, 5, 20, 200]
    chart = LossChart()
    qtbot.addWidget(chart)
    chart.set_series({"train_loss": [(1, 2.0), (2, 1.5), (3, 1.2)]})
    axis = chart._x
    assert axis.tickInterval() == 1 and axis.tickAnchor() == 1


def test_the_time_left_comes_from_the_steps_and_never_says_any_moment_early(qtbot, ctx_with_project):
    from natasha_studio.core.jobs import records
    from natasha_studio.ui.finetune.job_view import JobView

    project = ctx_with_project.project
    job_id = records.create_job(project, "yandex", "yandexgpt-lite", snapshot_id=None,
                                display_name="v1", hyperparameters={})
    records.set_status(project, job_id, "running")
    # The provider's estimate is already in the past, as some report it at the start.
    records.update_state(project, job_id, {"estimated_finish": "2000-01-01T00:00:00Z"})
    view = JobView()
    qtbot.addWidget(view)
    view.show_job(project, job_id)
    assert "any moment" not in view.elapsed.text() and "left" not in view.elapsed.text()
    with project.transaction() as conn:
        conn.execute("INSERT INTO job_metrics(job_id, step, name, value) VALUES (?, ?, ?, ?)",
                     (job_id, 10, "progress", 0.25))
    view.show_job(project, job_id)
    assert "left" in view.elapsed.text()
