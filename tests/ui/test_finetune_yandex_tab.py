"""A Yandex AI Studio fine-tune driven from the Fine-tune tab, against the loopback stand-in.

The real yandex-ai-studio-sdk reaches the stand-in through the endpoint settings a curator
sets under Providers… → Advanced (kept in the secret store, as the window keeps them).
"""

from __future__ import annotations

import asyncio

import pytest
import test_finetune_tab
from fakes.yandex_server import FakeYandex
from test_finetune_tab import freeze_and_check, open_project, scenario, until

from natasha_studio.core import jobs
from natasha_studio.core.chat.models import list_models
from natasha_studio.ui.finetune.tab import FinetuneTab
from natasha_studio.ui.testchat.tab import TestChatTab

# The launch confirmation answers itself and records its text (autouse), as in the tab's tests.
confirmations = test_finetune_tab.confirmations


@pytest.fixture
def server():
    with FakeYandex() as fake:
        yield fake


@pytest.fixture
def tab(qtbot, qloop, ctx, server):
    ctx.secrets.set("yandex_api_key", server.api_key)
    ctx.secrets.set("yandex_folder_id", server.folder_id)
    ctx.secrets.set("yandex_endpoint", f"http://{server.endpoint}")
    ctx.secrets.set("yandex_chat_url", server.chat_url)
    widget = FinetuneTab(ctx)
    widget.poll_interval = 0.01
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def test_yandex_is_offered_first_with_its_own_options(tab, ctx, qloop, tmp_path):
    async def body():
        panel = tab.launch_panel
        assert panel.provider.itemData(0) == "yandex"
        assert panel.provider.itemText(0) == "Yandex AI Studio"
        assert panel.provider_kind == "yandex"  # the first choice with nothing saved
        open_project(ctx, tmp_path / "first.nstudio")
        await freeze_and_check(tab)
        assert panel.model.currentText() == "yandexgpt-lite"
        options = panel.yandex
        assert all(not w.isHidden() for w in options.rows)
        assert all(w.isHidden() for w in panel.cloud.rows)  # no epochs: Yandex counts samples
        assert options.hyperparameters() == {"lora_rank": 8, "lora_alpha": 16}
        assert "Preview" in panel.provider_note.text()
        # The pre-flight checks Yandex's format and limits, and says training is free.
        assert panel.preflight.provider == "yandex" and panel.preflight.ok
        assert panel.check_status.text().endswith("training is free during Preview.")
        report = panel.report.toPlainText()
        assert "limits: request 8,000, answer 2,000, both together 8,000" in report
        assert "Training cost: free during Preview" in report
        panel.provider.setCurrentIndex(panel.provider.findData("vertex"))
        assert all(w.isHidden() for w in options.rows)
        assert not panel.cloud.epochs.isHidden()

    scenario(qloop, body())


def test_yandex_fine_tune_from_the_tab_to_a_test_chat_model(qtbot, tab, ctx, qloop, server,
                                                            tmp_path, confirmations):
    chat = TestChatTab(ctx)
    qtbot.addWidget(chat)

    async def body():
        open_project(ctx, tmp_path / "yandex.nstudio")
        await freeze_and_check(tab)
        panel = tab.launch_panel
        options = panel.yandex
        options.lora_rank.setCurrentIndex(options.lora_rank.findData(16))
        options.lora_alpha.setValue(32)
        options.learning_rate.setValue(0.0001)
        options.n_samples.setValue(300)
        options.seed.setValue(7)
        panel.display_name.setText("Наташа Yandex")
        await until(lambda: panel.launch_button.isEnabled())
        panel.launch_button.click()

        # The confirmation named Yandex, Russia, and the free training.
        asked = confirmations["texts"][-1]
        assert "Yandex AI Studio" in asked and "Yandex, Russia" in asked
        assert "not billed during Preview" in asked

        await until(lambda: server.tunings)
        await until(lambda: jobs.list_jobs(ctx.project)[0].remote_id is not None)
        job_id = jobs.list_jobs(ctx.project)[0].id
        task = server.tuning()
        assert (task.params.lora.rank, task.params.lora.alpha) == (16, 32)
        assert task.params.lr == pytest.approx(0.0001)
        assert (task.params.n_samples, task.params.seed) == (300, 7)

        # Two steps of four: the job card shows them in words while training.
        server.advance(3)
        await until(lambda: jobs.job_metrics(ctx.project, job_id).get("progress"))
        await until(lambda: tab.job_view.steps.isVisibleTo(tab.job_view))
        view = tab.job_view
        assert view.steps.text().startswith("Step ")
        assert view.title.text() == "Наташа Yandex — yandexgpt-lite on Yandex AI Studio"

        server.advance_on_poll = True
        await until(lambda: jobs.get_job(ctx.project, job_id).status == "succeeded")
        await until(lambda: tab.notifier.sent)
        job = jobs.get_job(ctx.project, job_id)
        assert job.tuned_model == task.target_model_uri
        assert job.tuned_model.startswith(f"gpt://{server.folder_id}/yandexgpt-lite/latest@")
        assert view.steps.text() == "Step 4 of 4 (100%)"
        assert view.tuned_model.text() == job.tuned_model and view.test_button.isEnabled()
        events = [view.events.topLevelItem(i).text(1)
                  for i in range(view.events.topLevelItemCount())]
        assert "Step 4 of 4." in events and "The tuned model is ready." in events
        assert tab.jobs_list.topLevelItem(0).text(2) == "Yandex AI Studio"
        # The datasets left Yandex with the job.
        await until(lambda: not server.datasets)

        # The tuned model is a Test chat model, beside its base model.
        await until(lambda: any(e.model_id == job.tuned_model for e in list_models(ctx.project)))
        listed = [c.model_combo.entries() for c in chat.side_by_side.columns][0]
        assert job.tuned_model in [e.model_id for e in listed]
        assert "yandexgpt-lite" in [e.model_id for e in listed]

        # ...and answers there, streamed through Yandex's OpenAI-compatible endpoint.
        [tuned] = [e for e in listed if e.model_id == job.tuned_model]
        column = chat.side_by_side.columns[0]
        assert column.model_combo.select(tuned.id)
        await asyncio.gather(*chat.side_by_side.send("Как дела?"))
        assert "Наташа отвечает: Как дела?" in column.transcript.toPlainText()
        assert column.last_reply.ok and column.last_reply.metrics.ttft is not None
        [sent] = [r for r in server.chat_requests if r["model"] == job.tuned_model]
        assert sent["stream"] is True
        assert sent["headers"]["authorization"] == f"Api-Key {server.api_key}"

    scenario(qloop, body())
