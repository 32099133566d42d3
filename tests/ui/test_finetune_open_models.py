"""Together AI and Fireworks AI from the window, against their loopback stand-ins: the set-up
pages and their "Check the key", the launch form's rows and base models, a job followed to the
end, and the step from a finished job to the test chat (Fireworks' deployment, Together's
adapter)."""

from __future__ import annotations

import asyncio
import socket

import pytest
import test_finetune_tab
from fakes.fireworks_standin import FakeFireworks
from fakes.together_standin import FakeTogether
from PySide6.QtWidgets import QLabel
from test_finetune_tab import freeze_and_check, open_project, scenario, until

from natasha_studio.core import jobs
from natasha_studio.providers.model_cache import cached_base_models
from natasha_studio.ui.finetune.providers_dialog import ProviderSettingsDialog
from natasha_studio.ui.finetune.tab import FinetuneTab

confirmations = test_finetune_tab.confirmations


@pytest.fixture
def together():
    with FakeTogether() as fake:
        yield fake


@pytest.fixture
def fireworks():
    with FakeFireworks() as fake:
        yield fake


def closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def page_text(dialog, kind):
    return " ".join(label.text() for label in dialog.page_widget(kind).findChildren(QLabel))


def test_pages_say_where_the_key_is_who_gets_the_data_and_the_payment_risk(qtbot, ctx):
    dialog = ProviderSettingsDialog(ctx, kind="fireworks")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stack.currentIndex() == list(dialog.pages).index("fireworks")
    together, fireworks = page_text(dialog, "together"), page_text(dialog, "fireworks")
    assert "https://api.together.ai/settings/api-keys" in together
    assert "https://app.fireworks.ai/settings/users/api-keys" in fireworks
    assert "Account ID" in fireworks
    for text, company in ((together, "Together AI"), (fireworks, "Fireworks AI")):
        assert f"{company} (the USA)" in text  # from the catalog
        assert "Paying from Russia may not work" in text
    assert "deployment" in fireworks and "five idle minutes" in fireworks
    assert dialog.test_buttons["together"].text() == "Check the key"
    page = dialog.page_widget("fireworks")
    shown = {name for name, edit in dialog.edits.items()
             if page.isAncestorOf(edit) and edit.isVisibleTo(page)}
    assert shown == {"fireworks_api_key", "fireworks_account_id"}


def test_check_the_key_in_plain_words_and_the_models_it_brings(qtbot, ctx, qloop, together,
                                                              fireworks):
    dialog = ProviderSettingsDialog(ctx, kind="together")
    qtbot.addWidget(dialog)

    async def check(kind):
        dialog.results[kind].clear()
        dialog.test_buttons[kind].click()
        await until(lambda: dialog.results[kind].text().startswith(("✔", "✖")))
        return dialog.results[kind].text()

    async def body():
        dialog.edits["together_api_key"].setText("tgp_wrong")
        dialog.edits["together_base_url"].setText(together.origin)
        text = await check("together")
        assert text.startswith("✖") and "key" in text.lower()
        dialog.edits["together_base_url"].setText(closed_port())
        dialog.edits["together_api_key"].setText(together.api_key)
        text = await check("together")
        assert text.startswith("✖") and "connect" in text.lower()
        dialog.edits["together_base_url"].setText(together.origin)
        assert (await check("together")).startswith("✔ Connected to Together AI")
        assert cached_base_models("together")[0] == "Qwen/Qwen3-8B"

        dialog.edits["fireworks_api_key"].setText(fireworks.api_key)
        dialog.edits["fireworks_base_url"].setText(fireworks.origin)
        text = await check("fireworks")
        assert text.startswith("✖") and "account" in text.lower()  # no account id yet
        dialog.edits["fireworks_account_id"].setText(fireworks.account_id)
        assert (await check("fireworks")).startswith("✔ Connected to Fireworks AI")
        assert "accounts/fireworks/models/kimi-k2-instruct" in cached_base_models("fireworks")
        dialog.save()
        assert ctx.secrets.get("fireworks_account_id") == fireworks.account_id

    scenario(qloop, body())


@pytest.fixture
def tab(qtbot, qloop, ctx, together, fireworks):
    ctx.secrets.set("together_api_key", together.api_key)
    ctx.secrets.set("together_base_url", together.origin)
    ctx.secrets.set("fireworks_api_key", fireworks.api_key)
    ctx.secrets.set("fireworks_account_id", fireworks.account_id)
    ctx.secrets.set("fireworks_base_url", fireworks.origin)
    ctx.secrets.set("fireworks_chat_url", fireworks.chat_url)
    widget = FinetuneTab(ctx)
    widget.poll_interval = 0.01
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def test_fireworks_rows_and_kimi_from_the_list(tab, ctx, qloop, tmp_path):
    panel = tab.launch_panel

    async def body():
        open_project(ctx, tmp_path / "fw.nstudio")
        panel.provider.setCurrentIndex(panel.provider.findData("fireworks"))
        assert panel.provider.currentText() == "Fireworks AI"
        assert [panel.model.itemText(i) for i in range(panel.model.count())] == ["qwen3-8b"]
        panel.refresh_models_button.click()
        await until(lambda: panel.model.count() > 1)
        names = [panel.model.itemText(i) for i in range(panel.model.count())]
        assert "kimi-k2-instruct" in names and "deepseek-v3" not in names  # not tunable
        assert all(not w.isHidden() for w in panel.open_model.rows)
        assert all(w.isHidden() for w in panel.cloud.rows + panel.yandex.rows)
        assert not panel.open_model.full_training.isEnabled()  # Together's only
        panel.model.setCurrentText("kimi-k2-instruct")
        assert "Kimi K2 is a very large model" in panel.model_help.text()
        await freeze_and_check(tab)
        await until(lambda: panel.preflight.model == "kimi-k2-instruct")
        assert panel.preflight.ok
        assert "10" in panel.report.toPlainText()  # Kimi's price per million tokens
        panel.provider.setCurrentIndex(panel.provider.findData("together"))
        assert panel.open_model.full_training.isEnabled()
        panel.open_model.full_training.setChecked(True)
        assert not panel.open_model.lora_rank.isEnabled()
        assert panel.open_model.hyperparameters("together") == {"full_training": True}

    scenario(qloop, body())


def test_together_launch_confirms_cost_and_data_then_follows_the_loss(tab, ctx, qloop, together,
                                                                     tmp_path, confirmations):
    panel = tab.launch_panel

    async def body():
        together.advance_on_poll = True
        open_project(ctx, tmp_path / "tg.nstudio")
        panel.provider.setCurrentIndex(panel.provider.findData("together"))
        panel.open_model.epochs.setValue(2)
        panel.open_model.lora_rank.setCurrentIndex(panel.open_model.lora_rank.findData(16))
        await freeze_and_check(tab)
        await until(lambda: panel.launch_button.isEnabled())
        panel.launch_button.click()
        text = confirmations["texts"][-1]
        assert "Together AI, the USA" in text
        assert "≈" in text and "USD" in text
        assert "deleted from there when the job ends" in text
        assert "Together AI prices the job once the file is uploaded" in text
        assert "free on this computer with the downloaded adapter" in text
        await until(lambda: jobs.list_jobs(ctx.project)
                    and jobs.list_jobs(ctx.project)[0].status == "succeeded")
        body = together.job().body
        assert body["n_epochs"] == 2 and body["training_type"]["lora_r"] == 16
        job = jobs.list_jobs(ctx.project)[0]
        tab.select_job(job.id)
        assert "train_loss" in tab.job_view.chart.series
        assert tab.job_view.title.text().endswith("on Together AI")

    scenario(qloop, body())


async def finished_job(tab, ctx, tmp_path, kind):
    panel = tab.launch_panel
    open_project(ctx, tmp_path / f"{kind}.nstudio")
    panel.provider.setCurrentIndex(panel.provider.findData(kind))
    await freeze_and_check(tab)
    await until(lambda: panel.launch_button.isEnabled())
    panel.launch_button.click()
    await until(lambda: jobs.list_jobs(ctx.project)
                and jobs.list_jobs(ctx.project)[0].status == "succeeded")
    job = jobs.list_jobs(ctx.project)[0]
    tab.select_job(job.id)
    assert tab.job_view.test_button.isEnabled()
    return job


def test_fireworks_deploys_only_after_the_cost_is_said(tab, ctx, qloop, fireworks, tmp_path,
                                                       monkeypatch):
    from natasha_studio.core.chat.models import list_models
    from natasha_studio.core.provider import ChatMessage, ChatOptions
    from natasha_studio.providers.registry import provider_for_model

    asked, answers, opened = [], [False, True], []
    monkeypatch.setattr(tab.tuned_chat, "ask_deploy",
                        lambda model, cost: asked.append(cost) or answers.pop(0))
    ctx.navigate.connect(lambda key, arg: opened.append((key, arg)))

    async def body():
        fireworks.advance_on_poll = True
        job = await finished_job(tab, ctx, tmp_path, "fireworks")
        tab.job_view.test_button.click()
        await until(lambda: asked)
        assert "per second of GPU time" in asked[0] and "five minutes" in asked[0]
        assert not fireworks.deployments and not opened  # declined: nothing made
        tab.job_view.test_button.click()
        await until(lambda: opened)
        [deployment] = fireworks.deployments.values()
        assert deployment["baseModel"] == job.tuned_model
        assert deployment["minReplicaCount"] == 0
        assert deployment["autoscalingPolicy"]["scaleToZeroWindow"] == "300s"
        [entry] = [e for e in list_models(ctx.project) if e.id == opened[-1][1]]
        assert entry.provider == "fireworks" and entry.model_id == job.tuned_model
        provider = provider_for_model({"provider": "fireworks", "base_url": None,
                                       "settings": {}}, ctx.secrets)
        reply = [piece async for piece in provider.stream_chat(
            job.tuned_model, [ChatMessage("user", "Привет")], ChatOptions())]
        assert "".join(reply) == "Fireworks отвечает: Привет"
        # Asked again, the deployment is found and nobody is asked twice.
        tab.job_view.test_button.click()
        await until(lambda: len(opened) == 2)
        assert len(asked) == 2 and len(fireworks.deployments) == 1

    scenario(qloop, body())


def test_together_offers_the_adapter_on_this_computer(tab, ctx, qloop, together, tmp_path,
                                                      monkeypatch):
    from natasha_studio.core.chat.models import list_models

    choices, said, opened = ["local", "endpoint"], [], []
    monkeypatch.setattr(tab.tuned_chat, "ask_where_to_chat",
                        lambda model, cost: said.append(cost) or choices.pop(0))
    ctx.navigate.connect(lambda key, arg: opened.append((key, arg)))

    async def body():
        together.advance_on_poll = True
        job = await finished_job(tab, ctx, tmp_path, "together")
        tab.job_view.test_button.click()
        await until(lambda: opened)
        assert "billed for every minute it runs" in said[0]
        [entry] = [e for e in list_models(ctx.project) if e.id == opened[-1][1]]
        assert entry.provider == "local"
        assert entry.model_id == jobs.get_job(ctx.project, job.id).state["adapter_dir"]
        tab.job_view.test_button.click()
        await until(lambda: len(opened) == 2)
        [remote] = [e for e in list_models(ctx.project) if e.id == opened[-1][1]]
        assert remote.provider == "together" and remote.model_id == job.tuned_model

    scenario(qloop, body())


def test_test_chat_offers_to_deploy_a_fireworks_model_that_could_not_answer(
        qtbot, tab, ctx, qloop, fireworks, tmp_path, monkeypatch):
    from natasha_studio.core.chat.models import add_model
    from natasha_studio.ui.testchat.tab import TestChatTab

    tuned = f"accounts/{fireworks.account_id}/models/natasha-qwen3-8b"
    fireworks.tuned.append(tuned)
    open_project(ctx, tmp_path / "chat.nstudio")
    entry_id = add_model(ctx.project, "Наташа (Fireworks)", "fireworks", tuned,
                         settings={"kind": "tuned"})
    chat = TestChatTab(ctx)
    qtbot.addWidget(chat)
    chat.resize(1280, 800)
    chat.show()
    side = chat.side_by_side
    column = side.columns[0]
    column.model_combo.select(entry_id)
    asked = []
    monkeypatch.setattr(side.tuned_chat, "ask_deploy",
                        lambda model, cost: asked.append(cost) or True)

    async def body():
        await asyncio.gather(*side.send("Привет"), return_exceptions=True)
        assert "has no deployment at Fireworks AI" in column.transcript.toPlainText()
        assert column.deploy_button.isVisible()
        column.deploy_button.click()
        await until(lambda: fireworks.deployments)
        assert "per second of GPU time" in asked[0]
        [deployment] = fireworks.deployments.values()
        assert deployment["baseModel"] == tuned
        await asyncio.gather(*side.send("Ещё раз"), return_exceptions=True)
        assert "Fireworks отвечает: Ещё раз" in column.transcript.toPlainText()
        assert not column.deploy_button.isVisible()

    scenario(qloop, body())


def test_test_chat_offers_the_adapter_when_a_together_model_could_not_answer(
        qtbot, tab, ctx, qloop, together, tmp_path):
    from natasha_studio.ui.finetune.tuned_chat import remote_entry_for
    from natasha_studio.ui.testchat.tab import TestChatTab

    async def body():
        together.advance_on_poll = True
        job = await finished_job(tab, ctx, tmp_path, "together")
        entry_id = remote_entry_for(ctx.project, job, "Наташа (Together)")
        chat = TestChatTab(ctx)
        qtbot.addWidget(chat)
        chat.resize(1280, 800)
        chat.show()
        side = chat.side_by_side
        column = side.columns[0]
        column.model_combo.select(entry_id)
        await asyncio.gather(*side.send("Привет"), return_exceptions=True)
        assert "billed for every minute it runs" in column.transcript.toPlainText()
        assert column.adapter_button.isVisible() and not column.deploy_button.isVisible()
        column.adapter_button.click()
        await until(lambda: column.entry() is not None and column.entry().provider == "local")
        folder = jobs.get_job(ctx.project, job.id).state["adapter_dir"]
        assert column.entry().model_id == folder
        assert not column.adapter_button.isVisible()

    scenario(qloop, body())


def test_models_dialog_keeps_a_together_or_fireworks_entry_as_it_is(qtbot, ctx, tmp_path):
    from natasha_studio.core.chat.models import add_model, list_models
    from natasha_studio.ui.testchat.models_dialog import ModelsDialog

    open_project(ctx, tmp_path / "models.nstudio")
    for kind, model in (("together", "natasha/Qwen3-8B-v1"),
                        ("fireworks", "accounts/olga/models/natasha")):
        add_model(ctx.project, f"Наташа ({kind})", kind, model, settings={"kind": "tuned"})
    dialog = ModelsDialog(ctx)
    qtbot.addWidget(dialog)
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        entry = dialog.list.currentItem().data(0x0100)
        assert dialog.provider.currentData() == entry.provider
        assert dialog.model_id.isVisibleTo(dialog) or entry.provider == "local"
        dialog.save_button.click()
    assert {(e.provider, e.model_id) for e in list_models(ctx.project)} >= {
        ("together", "natasha/Qwen3-8B-v1"), ("fireworks", "accounts/olga/models/natasha")}
