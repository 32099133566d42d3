"""``finetune --provider local --wait`` on a tiny model built on the spot (CPU, a few steps)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_finetune_cli import make_project, run_cli

from natasha_studio.local import missing_packages

pytestmark = pytest.mark.skipif(
    bool(missing_packages()),
    reason=f"the [local] extra is not installed (missing: {', '.join(missing_packages())})")


def test_local_finetune_wait_then_jobs(tmp_path):
    from fakes.tiny_model import build_tiny_model

    model = build_tiny_model(tmp_path / "tiny")
    path = make_project(tmp_path / "local.nstudio", n=12)
    done = run_cli("finetune", path, "--yes", "--provider", "local", "--model", model, "--device", "cpu",
                   "--max-steps", "3", "--batch-size", "2", "--lora-r", "4", "--lora-alpha", "8",
                   "--max-length", "128", "--learning-rate", "0.005", "--wait",
                   "--poll-interval", "0.2", timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert not any(line.startswith("Uploading") for line in lines)
    assert any(line.startswith("Job #1 started: local-") for line in lines)
    assert any("training loss" in line for line in lines)
    adapter = Path(lines[-1].removeprefix("Tuned model: "))
    assert (adapter / "adapter_config.json").is_file()

    [job] = json.loads(run_cli("jobs", path, "--json").stdout)
    assert job["provider"] == "local" and job["status"] == "succeeded"
    assert job["base_model"] == str(model)


def test_local_finetune_refuses_a_model_that_is_not_there(tmp_path):
    path = make_project(tmp_path / "local.nstudio", n=12)
    done = run_cli("finetune", path, "--yes", "--provider", "local", "--model", tmp_path / "nowhere")
    assert done.returncode == 1
    assert "does not exist" in done.stderr
    assert "[]" == run_cli("jobs", path, "--json").stdout.strip()
