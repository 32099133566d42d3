"""The Fine-tune tab driven like a curator would, against the fake OpenAI server."""

from __future__ import annotations

import asyncio
import time

import pytest

from natasha_studio.core import jobs
from natasha_studio.core.pairs import Turn, add_pair
from natasha_studio.core.store import Project
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


def test_leftover_personal_data_links_to_those_pairs(ctx_with_project, qtbot, qloop):
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
