"""The Fine-tune tab's dataset check writes the training files in a private temporary folder;
the folder goes when the check is no longer shown: another check, another project, or the
project closed (which is also what quitting does)."""

from __future__ import annotations

import asyncio
import time

import pytest

from natasha_studio.core.pairs import Turn, add_pair
from natasha_studio.core.store import Project
from natasha_studio.ui.finetune.tab import FinetuneTab

pytest_plugins = ["fakes.fixtures"]


async def until(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        await asyncio.sleep(0.02)


@pytest.fixture
def tab(qtbot, qloop, ctx, openai_server):
    ctx.secrets.set("openai_api_key", openai_server.api_key)
    ctx.secrets.set("openai_base_url", openai_server.base_url)
    ctx.settings.set_value("finetune/provider", "openai")
    widget = FinetuneTab(ctx)
    qtbot.addWidget(widget)
    return widget


def _open(ctx, path):
    project = Project.create(path, "Наташа", "Ты — Наташа.")
    for i in range(24):
        add_pair(project, [Turn("user", f"Как мне начать бегать в {20 + i} лет?", 11, "Ольга",
                                [i * 2], 1_700_000_000 + i),
                           Turn("assistant", f"Начни с ходьбы, {i} минут в день.", 1, "Наташа",
                                [i * 2 + 1], 1_700_000_100 + i)],
                 origin="reply", status="approved", key=f"k{i}")
    ctx.set_project(project)
    return project


async def _checked_folder(tab):
    panel = tab.launch_panel
    panel.freeze_button.click()
    await until(lambda: panel.snapshot.currentData() is not None)
    await until(lambda: panel.preflight is not None)
    folder = panel.preflight.temporary_dir
    assert folder is not None and any(folder.iterdir())
    return folder


@pytest.mark.parametrize("then", ["close", "other project", "check again"])
def test_the_last_checks_training_files_go_when_it_is_no_longer_shown(tab, ctx, qloop, tmp_path,
                                                                      then):
    async def body():
        _open(ctx, tmp_path / "p.nstudio")
        folder = await _checked_folder(tab)
        if then == "close":
            ctx.set_project(None)  # File > Close, and quitting, which closes the project
        elif then == "other project":
            _open(ctx, tmp_path / "q.nstudio")
        else:
            tab.launch_panel.check_button.click()
        assert not folder.exists(), then
        assert tab.launch_panel.preflight is None

    qloop.run_until_complete(asyncio.wait_for(body(), 60))
