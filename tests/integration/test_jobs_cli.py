"""Job commands over the network: ``finetune --wait`` through a 12-second drop, ``--follow``,
``jobs --refresh``, ``cancel``, exit codes, and no traceback on a closed pipe."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from fakes.flaky_proxy import FlakyProxy
from test_finetune_cli import make_project, run_cli

pytest_plugins = ["fakes.fixtures"]


def vertex_env(server, key, base_url=None):
    return {"GOOGLE_APPLICATION_CREDENTIALS": str(key), "GOOGLE_CLOUD_PROJECT": server.project,
            "GOOGLE_CLOUD_LOCATION": server.location,
            "GOOGLE_VERTEX_BASE_URL": base_url or server.base_url,
            "NATASHA_STUDIO_GCS_BUCKET": "natasha-tuning"}


def cli_process(*args, env_extra):
    import os

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENAI_", "GOOGLE_", "STORAGE_EMULATOR"))}
    env.update(env_extra)
    return subprocess.Popen([sys.executable, "-m", "natasha_studio", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", env=env, stdin=subprocess.DEVNULL)


def wait_for(condition, limit=60.0):
    end = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_finetune_wait_survives_a_12_second_network_drop(tmp_path, vertex_server, gcs_emulator):
    path = make_project(tmp_path / "drop.nstudio")
    key = vertex_server.service_account_file(tmp_path / "sa.json")
    with FlakyProxy(vertex_server.port) as proxy:
        env = vertex_env(vertex_server, key, f"http://127.0.0.1:{proxy.port}/")
        env["STORAGE_EMULATOR_HOST"] = gcs_emulator
        process = cli_process("finetune", path, "--yes", "--provider", "vertex", "--model",
                              "gemini-2.5-flash", "--wait", "--poll-interval", "0.5",
                              env_extra=env)
        try:
            wait_for(lambda: vertex_server.jobs)
            proxy.cut()
            time.sleep(12)
            proxy.restore()
            vertex_server.advance(5)
            out, err = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode == 0, err
    assert "No connection to Vertex AI, trying again in" in err
    assert "Traceback" not in err and "TypeError" not in err
    assert out.splitlines()[-1].startswith("Tuned model: projects/natasha-test/")
    listed = json.loads(run_cli("jobs", path, "--json").stdout)
    assert listed[0]["status"] == "succeeded" and listed[0]["check_error"] is None


@pytest.fixture
def launched(tmp_path, vertex_server, gcs_emulator):
    """A project with a Vertex job launched by a command that did not wait for it."""
    path = make_project(tmp_path / "later.nstudio")
    key = vertex_server.service_account_file(tmp_path / "sa.json")
    env = vertex_env(vertex_server, key)
    env["STORAGE_EMULATOR_HOST"] = gcs_emulator
    done = run_cli("finetune", path, "--yes", "--provider", "vertex", "--model",
                   "gemini-2.5-flash", env_extra=env)
    assert done.returncode == 0, done.stderr
    return path, env


def test_jobs_refresh_picks_up_an_interrupted_job(launched, vertex_server):
    path, env = launched
    vertex_server.advance(5)  # it finished while nobody was following it
    assert "Queued" in run_cli("jobs", path).stdout  # the project alone does not know
    refreshed = run_cli("jobs", path, "--refresh", env_extra=env)
    assert refreshed.returncode == 0, refreshed.stderr
    assert "#1  Finished" in refreshed.stdout and "endpoints/" in refreshed.stdout


def test_jobs_refresh_while_offline_keeps_the_reason(launched, vertex_server):
    path, env = launched
    offline = dict(env, GOOGLE_VERTEX_BASE_URL="http://127.0.0.1:9/")  # nothing listens there
    refreshed = run_cli("jobs", path, "--refresh", env_extra=offline, timeout=90)
    assert refreshed.returncode == 1
    assert "Job #1 could not be checked: Cannot reach" in refreshed.stderr
    assert "Traceback" not in refreshed.stderr
    assert "could not check: Cannot reach" in refreshed.stdout
    [job] = json.loads(run_cli("jobs", path, "--json").stdout)
    assert job["status"] == "queued" and job["check_error"].startswith("Cannot reach")


def test_follow_and_cancel(launched, vertex_server):
    path, env = launched
    vertex_server.advance_on_poll = True
    followed = run_cli("finetune", path, "--follow", "1", "--poll-interval", "0.01",
                       env_extra=env)
    assert followed.returncode == 0, followed.stderr
    assert followed.stdout.splitlines()[-1].startswith("Tuned model: ")
    again = run_cli("cancel", path, "1", env_extra=env)
    assert again.returncode == 0 and "already ended as finished" in again.stdout

    vertex_server.advance_on_poll = False
    second = run_cli("finetune", path, "--yes", "--provider", "vertex", "--model",
                     "gemini-2.5-flash", "--name", "second", env_extra=env)
    assert second.returncode == 0, second.stderr
    cancelled = run_cli("cancel", path, "2", env_extra=env)
    assert cancelled.returncode == 0, cancelled.stderr
    assert "Job #2: cancelling." in cancelled.stdout
    vertex_server.advance()
    ended = run_cli("finetune", path, "--follow", "2", "--poll-interval", "0.01", env_extra=env)
    assert ended.returncode == 3
    assert ended.stderr.strip().splitlines()[-1] == "The job ended as cancelled."


def test_usage_errors_and_help_list_the_exit_codes(tmp_path):
    path = make_project(tmp_path / "usage.nstudio")
    done = run_cli("finetune", path)
    assert done.returncode == 2 and "--provider" in done.stderr
    helped = run_cli("finetune", "--help")
    assert "exit codes:" in helped.stdout and "130" in helped.stdout
    assert "exit codes:" in run_cli("jobs", "--help").stdout
    missing = run_cli("cancel", path, "7")
    assert missing.returncode == 1 and "no fine-tune job" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_closed_pipe_is_no_traceback(tmp_path):
    from natasha_studio.core import jobs
    from natasha_studio.core.store import Project

    path = make_project(tmp_path / "pipe.nstudio")
    with Project.open(path) as project:
        for i in range(3000):
            jobs.create_job(project, "openai", f"gpt-4.1-mini-{i}", snapshot_id=None)
    process = cli_process("jobs", path, env_extra={})
    process.stdout.readline()
    process.stdout.close()  # `jobs | head -1`
    err = process.stderr.read()
    process.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err
