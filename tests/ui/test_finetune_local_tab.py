"""The Fine-tune tab training on this computer (a tiny model on the CPU), and the Test chat
answering from the adapter it saved; without the [local] extra, the tab says how to add it."""

from __future__ import annotations

import asyncio

import pytest
from test_finetune_tab import add_pairs, confirmations, until  # noqa: F401 - a fixture

from natasha_studio import local
from natasha_studio.core import jobs
from natasha_studio.core.store import Project

# Imported before any test replaces local.missing_packages: the module keeps its own name
# for that function, bound when it is first imported.
from natasha_studio.local import provider as local_provider
from natasha_studio.ui.finetune.tab import FinetuneTab

needs_local = pytest.mark.skipif(
    bool(local.missing_packages()),
    reason=f"the [local] extra is not installed (missing: {', '.join(local.missing_packages())})")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    if local.missing_packages():
        pytest.skip("the [local] extra is not installed")
    from fakes.tiny_model import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny-model"))


@pytest.fixture
def tab(qtbot, qloop, ctx, tmp_path):
    ctx.settings.set_value("finetune/provider", "local")
    project = Project.create(tmp_path / "local.nstudio", "Наташа", "Ты — Наташа.")
    add_pairs(project, 12)
    ctx.set_project(project)
    widget = FinetuneTab(ctx)
    widget.poll_interval = 0.2
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def run(loop, coro, timeout=180):
    loop.run_until_complete(asyncio.wait_for(coro, timeout))


async def launch(tab, model, epochs):
    panel = tab.launch_panel
    options = panel.local
    assert panel.provider_kind == "local"
    options.model.setCurrentText(str(model))
    options.device.setCurrentIndex(options.device.findData("cpu"))
    options.epochs.setValue(epochs)
    options.batch_size.setValue(2)
    options.lora_r.setCurrentIndex(options.lora_r.findData(4))
    options.lora_alpha.setValue(8)
    options.max_length.setValue(128)
    options.learning_rate.setValue(0.005)
    panel.freeze_button.click()
    await until(lambda: panel.launch_button.isEnabled(), 60)
    assert panel.check_status.text().startswith("✔ Ready")
    assert "costs nothing" in panel.report.toPlainText()
    panel.launch_button.click()
    await until(lambda: jobs.list_jobs(tab.ctx.project)
                and jobs.list_jobs(tab.ctx.project)[0].remote_id, 30)
    return jobs.list_jobs(tab.ctx.project)[0].id


def test_without_the_extra_the_tab_shows_the_command(tab, ctx, qloop, monkeypatch, qapp):
    monkeypatch.setattr(local, "missing_packages", lambda: ["torch", "peft"])
    panel = tab.launch_panel
    panel.provider.setCurrentIndex(panel.provider.findData("openai"))
    panel.provider.setCurrentIndex(panel.provider.findData("local"))
    options = panel.local
    assert options.missing_box.isVisibleTo(panel)
    assert not options.model.isVisibleTo(panel) and not options.device.isVisibleTo(panel)
    assert "torch, peft" in options.missing_label.text()
    assert options.command.text() == local.INSTALL_COMMAND  # with the CPU index where no GPU
    assert options.command.text().startswith('pip install "natasha-studio[local]"')
    options.copy_button.click()
    assert qapp.clipboard().text() == options.command.text()

    async def body():
        panel.freeze_button.click()
        await until(lambda: "Install local training" in panel.check_status.text())
        await asyncio.sleep(0.5)  # no check starts, so Launch stays off
        assert panel.preflight is None and not panel.launch_button.isEnabled()
    run(qloop, body(), 30)

    from natasha_studio.ui.testchat.models_dialog import ModelsDialog

    dialog = ModelsDialog(ctx)
    dialog.provider.setCurrentIndex(dialog.provider.findData("local"))
    assert not dialog.save_button.isEnabled()
    assert 'pip install "natasha-studio[local]"' in dialog.note.text()

    # "Providers…": the local section's check says the same, through the provider itself.
    from natasha_studio.ui.finetune.providers_dialog import ProviderSettingsDialog

    monkeypatch.setattr(local_provider, "missing_packages", lambda: ["torch"])
    settings = ProviderSettingsDialog(ctx)
    settings.test_buttons["local"].click()

    async def checked():
        await until(lambda: settings.test_buttons["local"].isEnabled())
    run(qloop, checked(), 30)
    assert "not installed" in settings.results["local"].text()
    assert 'pip install "natasha-studio[local]"' in settings.results["local"].text()


@needs_local
def test_train_follow_export_and_chat_with_the_adapter(tab, ctx, qloop, tiny_model, tmp_path):
    from natasha_studio.ui.testchat.tab import TestChatTab

    chat = TestChatTab(ctx)

    async def body():
        job_id = await launch(tab, tiny_model, epochs=1)
        await until(lambda: jobs.get_job(ctx.project, job_id).finished, 150)
        job = jobs.get_job(ctx.project, job_id)
        assert job.status == "succeeded", job.error
        view = tab.job_view
        assert view.job.id == job_id
        assert len(view.chart.series["train_loss"].points()) >= 3
        events = [view.events.topLevelItem(i).text(1)
                  for i in range(view.events.topLevelItemCount())]
        assert any("Starting the training process" in e for e in events)
        assert any(e.startswith("Step 1 of") for e in events)
        assert view.speed.text().endswith("tokens/s")
        assert "LoRA rank: 4" in view.settings_label.text()
        assert view.export_button.isVisibleTo(view) and view.export_button.isEnabled()

        # Export merged model: a folder that already holds something gets a sub-folder.
        folder = tmp_path / "exports"
        folder.mkdir()
        (folder / "keep.txt").write_text("mine", encoding="utf-8")
        tab.choose_export_folder = lambda: str(folder)
        view.export_button.click()
        assert not view.export_button.isEnabled()
        await until(lambda: "saved in" in view.export_status.text(), 120)
        merged = next(folder.glob("*-merged"))
        assert (merged / "config.json").is_file() and (merged / "tokenizer.json").is_file()
        assert view.export_button.isEnabled()

        # Test in chat: the adapter answers in the side-by-side view, beside its base model.
        view.test_button.click()
        side = chat.side_by_side
        assert side.columns[0].entry().model_id == job.tuned_model
        assert side.columns[0].entry().provider == "local"
        side.columns[0].max_tokens.setValue(8)
        tasks = side.send("Как начать медитировать?")
        await asyncio.gather(*tasks)
        reply = side.columns[0].last_reply
        assert reply.ok and reply.text.strip(), reply.error
    run(qloop, body(), 240)


@needs_local
def test_cancel_from_the_tab_stops_the_training(tab, ctx, qloop, tiny_model):
    async def body():
        job_id = await launch(tab, tiny_model, epochs=50)
        await until(lambda: jobs.job_metrics(ctx.project, job_id).get("train_loss"), 90)
        assert tab.job_view.cancel_button.isEnabled()
        tab.confirm = lambda title, text: "not saved" in text
        tab.job_view.cancel_button.click()
        await until(lambda: jobs.get_job(ctx.project, job_id).status == "cancelled", 60)
        assert not tab.job_view.cancel_button.isEnabled()
        assert not tab.job_view.export_button.isEnabled()
    run(qloop, body(), 180)


@needs_local
def test_models_dialog_adds_a_local_model_with_an_adapter(ctx, qloop, tmp_path, tiny_model):
    import json

    from natasha_studio.core.chat.models import list_models
    from natasha_studio.ui.testchat.models_dialog import ModelsDialog

    ctx.set_project(Project.create(tmp_path / "chat.nstudio", "Наташа", "Ты — Наташа."))
    adapter = tmp_path / "job" / "adapter"
    adapter.mkdir(parents=True)
    (adapter / "adapter_config.json").write_text(
        json.dumps({"base_model_name_or_path": str(tiny_model)}), encoding="utf-8")
    dialog = ModelsDialog(ctx)
    dialog.provider.setCurrentIndex(dialog.provider.findData("local"))
    assert dialog.local_adapter.isVisibleTo(dialog) and not dialog.model_id.isVisibleTo(dialog)
    assert not dialog.base_url.isVisibleTo(dialog)
    dialog.name.setText("Наташа локально")
    dialog.choose_folder = lambda title: str(tmp_path / "job")
    dialog.local_adapter.parentWidget().findChild(type(dialog.save_button)).click()  # Browse…
    assert dialog.save() is not None
    [entry] = list_models(ctx.project)
    assert entry.provider == "local" and entry.model_id == str(adapter.resolve())
    assert entry.settings["base_model"] == str(tiny_model) and entry.kind == "tuned"
    dialog.new_entry()
    dialog.list.setCurrentRow(0)  # editing shows the base model the adapter names
    assert dialog.local_base.text() == str(tiny_model)
    dialog.local_base.setText(str(tmp_path))
    assert dialog.save() is None  # a folder without a model is refused, in words
