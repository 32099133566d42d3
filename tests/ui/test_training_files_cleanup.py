"""The Fine-tune tab's dataset check writes the training files in a private temporary folder;
the folder goes when the check is no longer shown: another check, another project, or the
project closed (which is also what quitting does)."""

from __future__ import annotations

import pytest
import test_finetune_tab
from test_finetune_tab import freeze_and_check, open_project, scenario

pytest_plugins = ["fakes.fixtures"]

tab = test_finetune_tab.tab  # the fixture: the Fine-tune tab over the fake OpenAI server


async def _checked_folder(tab):
    await freeze_and_check(tab)
    folder = tab.launch_panel.preflight.temporary_dir
    assert folder is not None and any(folder.iterdir())
    return folder


@pytest.mark.parametrize("then", ["close", "other project", "check again"])
def test_the_last_checks_training_files_go_when_it_is_no_longer_shown(tab, ctx, qloop, tmp_path,
                                                                      then):
    async def body():
        open_project(ctx, tmp_path / "p.nstudio")
        folder = await _checked_folder(tab)
        if then == "close":
            ctx.set_project(None)  # File > Close, and quitting, which closes the project
        elif then == "other project":
            open_project(ctx, tmp_path / "q.nstudio")
        else:
            tab.launch_panel.check_button.click()
        assert not folder.exists(), then
        assert tab.launch_panel.preflight is None

    scenario(qloop, body())
