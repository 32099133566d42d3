"""The ``finetune`` and ``jobs`` commands, run as a separate process against the fake servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from natasha_studio.core.pairs import Turn, add_pair
from natasha_studio.core.store import Project

pytest_plugins = ["fakes.fixtures"]


def make_project(path, n=24):
    project = Project.create(path, "Наташа", "Ты — Наташа, ведущая клуба бега.")
    for i in range(n):
        add_pair(project, [Turn("user", f"Как мне начать бегать, если мне {20 + i} лет?", 11, "Ольга",
                                [i * 2], 1_700_000_000 + i),
                           Turn("assistant", f"Начни с ходьбы и лёгкого бега, {i} минут в день.", 1,
                                "Наташа", [i * 2 + 1], 1_700_000_100 + i)],
                 origin="reply", status="approved", key=f"k{i}")
    project.close()
    return path


def run_cli(*args, env_extra=None, timeout=120, input=None):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENAI_", "GOOGLE_", "STORAGE_EMULATOR"))}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "natasha_studio", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=timeout, input=input,
                          stdin=None if input is not None else subprocess.DEVNULL)


def test_openai_finetune_wait_then_jobs(tmp_path, openai_server):
    openai_server.advance_on_poll = True
    path = make_project(tmp_path / "cli.nstudio")
    env = {"OPENAI_API_KEY": openai_server.api_key, "OPENAI_BASE_URL": openai_server.base_url}
    done = run_cli("finetune", path, "--yes", "--provider", "openai", "--model", "gpt-4.1-mini-2025-04-14",
                   "--epochs", "2", "--suffix", "natasha", "--wait", "--poll-interval", "0.01",
                   env_extra=env)
    assert done.returncode == 0, done.stderr
    remote = openai_server.job()
    lines = done.stdout.splitlines()
    assert any(line.startswith("Froze snapshot") for line in lines)
    assert f"Job #1 started: {remote.id}" in lines
    assert any("state: training" in line for line in lines)
    assert any("training loss" in line for line in lines)
    assert lines[-1] == f"Tuned model: {remote.fine_tuned_model}"
    assert remote.hyperparameters["n_epochs"] == 2 and remote.suffix == "natasha"

    listed = run_cli("jobs", path, "--json")
    assert listed.returncode == 0, listed.stderr
    [job] = json.loads(listed.stdout)
    assert job["status"] == "succeeded" and job["tuned_model"] == remote.fine_tuned_model
    plain = run_cli("jobs", path)
    assert "#1  Finished" in plain.stdout


def test_vertex_finetune_with_a_service_account_key(tmp_path, vertex_server, gcs_emulator):
    vertex_server.advance_on_poll = True
    path = make_project(tmp_path / "vertex.nstudio")
    key = vertex_server.service_account_file(tmp_path / "sa.json")
    env = {"GOOGLE_APPLICATION_CREDENTIALS": str(key), "GOOGLE_CLOUD_PROJECT": vertex_server.project,
           "GOOGLE_CLOUD_LOCATION": vertex_server.location,
           "GOOGLE_VERTEX_BASE_URL": vertex_server.base_url,
           "NATASHA_STUDIO_GCS_BUCKET": "natasha-tuning", "STORAGE_EMULATOR_HOST": gcs_emulator}
    done = run_cli("finetune", path, "--yes", "--provider", "vertex", "--model", "gemini-2.5-flash",
                   "--adapter-size", "4", "--wait", "--poll-interval", "0.01", env_extra=env)
    assert done.returncode == 0, done.stderr
    assert "Uploading: 100%" in done.stdout
    endpoint = done.stdout.splitlines()[-1].removeprefix("Tuned model: ")
    assert endpoint in vertex_server.endpoints
    assert vertex_server.count("POST", "/token") >= 1


def test_errors_are_plain_and_nothing_is_lost(tmp_path, openai_server):
    path = make_project(tmp_path / "bad.nstudio")
    env = {"OPENAI_API_KEY": "sk-wrong", "OPENAI_BASE_URL": openai_server.base_url}
    done = run_cli("finetune", path, "--yes", "--provider", "openai", "--model", "gpt-4.1-mini",
                   env_extra=env)
    assert done.returncode == 1
    assert "did not accept the API key" in done.stderr and "Traceback" not in done.stderr
    listed = run_cli("jobs", path)
    assert "Failed" in listed.stdout and "did not accept the API key" in listed.stdout
    missing = run_cli("finetune", path, "--yes", "--provider", "openai", "--model", "gpt-4.1-mini",
                      "--snapshot", "nope", env_extra=env)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_a_launch_leaves_no_training_files_behind(tmp_path, monkeypatch, capsys):
    """Every check writes its files in a private folder; a refused or a sent launch removes it."""
    import tempfile

    from natasha_studio.core.export.operations import PREFLIGHT_PREFIX

    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)
    from pairs_data import populate

    from natasha_studio.core.store import Project

    path = tmp_path / "p.nstudio"
    with Project.create(path, "Наташа", "Ты — Наташа.") as project:
        populate(project, 30)
        with project.transaction() as conn:
            conn.execute("UPDATE pairs SET status = 'approved'")
    from natasha_studio import cli

    # Refused before anything is sent: no confirmation on a closed standard input.
    monkeypatch.setattr("sys.stdin", None)
    assert cli.main(["finetune", str(path), "--provider", "openai",
                     "--model", "gpt-4.1-mini-2025-04-14"]) != 0
    out = capsys.readouterr()
    assert "--yes" in out.out + out.err  # the files were written and checked, then refused
    assert not list((tmp_path / "tmp").glob(PREFLIGHT_PREFIX + "*"))
