"""``natasha-studio chat`` run as a user would, against the local fake servers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from natasha_studio.local import install_command, missing_packages

pytest_plugins = ["fakes.fixtures"]

# The child process must never reach the real keyring.
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def chat(*args: str, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "natasha_studio", "chat", *args], capture_output=True, text=True,
        encoding="utf-8", timeout=120,
        env={**os.environ, "NATASHA_STUDIO_LANGUAGE": "en", **NO_KEYRING, **(env or {})},
    )


def test_openai_answer_streams_to_stdout(openai_server):
    result = chat("--provider", "openai", "--model", "gpt-4.1-mini", "--system", "Ты — Наташа.",
                  "Как начать бегать?",
                  env={"OPENAI_API_KEY": openai_server.api_key,
                       "OPENAI_BASE_URL": openai_server.base_url})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Ответ модели gpt-4.1-mini: Как начать бегать?\n"
    assert "First token after" in result.stderr
    sent = openai_server.chat_requests[-1]
    assert sent["stream"] is True
    assert sent["messages"][0] == {"role": "system", "content": "Ты — Наташа."}


def test_vertex_answer_streams_to_stdout(vertex_server, tmp_path):
    key = vertex_server.service_account_file(tmp_path / "sa.json")
    result = chat("--provider", "vertex", "--model", "gemini-2.5-flash", "Привет",
                  env={"GOOGLE_VERTEX_BASE_URL": vertex_server.base_url,
                       "GOOGLE_CLOUD_PROJECT": vertex_server.project,
                       "GOOGLE_CLOUD_LOCATION": vertex_server.location,
                       "GOOGLE_APPLICATION_CREDENTIALS": str(key)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Ответ модели gemini-2.5-flash: Привет")


# The cases below run the same entry point in this process (a child process costs seconds).

def test_a_saved_model_entry_and_the_project_prompt(openai_server, tmp_path, capsys):
    from natasha_studio.cli import main
    from natasha_studio.core.chat.models import add_model
    from natasha_studio.core.store import Project

    openai_server.api_key = "not-needed"
    path = tmp_path / "coach.nstudio"
    with Project.create(path, "Наташа", "Ты — Наташа из проекта.") as project:
        add_model(project, "Local", "compatible", "gpt-4.1-mini", base_url=openai_server.base_url)
    assert main(["chat", "--project", str(path), "--entry", "Local", "Что есть утром?"]) == 0
    assert capsys.readouterr().out == "Ответ модели gpt-4.1-mini: Что есть утром?\n"
    assert openai_server.chat_requests[-1]["messages"][0]["content"] == "Ты — Наташа из проекта."
    assert main(["chat", "--project", str(path), "--entry", "Nope", "Что?"]) == 1
    err = capsys.readouterr().err
    assert "no model named “Nope”" in err and "Local" in err


def test_compatible_server_needs_no_key(openai_server, capsys):
    from natasha_studio.cli import main

    openai_server.api_key = "not-needed"  # what the app sends to a server that needs no key
    assert main(["chat", "--provider", "compatible", "--base-url", openai_server.base_url,
                 "--model", "gpt-4.1-nano-2025-04-14", "--quiet", "Привет"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Ответ модели gpt-4.1-nano-2025-04-14: Привет\n"
    assert captured.err == ""


def test_errors_are_sentences_and_a_non_zero_exit(openai_server, monkeypatch, capsys):
    from natasha_studio.cli import main

    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    assert main(["chat", "--provider", "openai", "--model", "ft:gone", "Привет"]) == 1
    err = capsys.readouterr().err
    assert "could not find it" in err and "Traceback" not in err
    assert main(["chat", "--provider", "compatible", "--model", "m", "Привет"]) == 1
    assert "needs --base-url" in capsys.readouterr().err
    assert main(["chat", "--model", "m", "Привет"]) == 1
    assert "--provider and --model" in capsys.readouterr().err
    assert main(["chat", "--provider", "openai", "--model", "m", "  "]) == 1
    assert "The message is empty." in capsys.readouterr().err


def test_local_chat_needs_a_model_folder(tmp_path, capsys):
    from natasha_studio.cli import main

    nowhere = tmp_path / "nowhere"
    assert main(["chat", "--provider", "local", "--model", str(nowhere), "Привет"]) == 1
    err = capsys.readouterr().err
    assert f"There is no model folder {nowhere}." in err
    assert "adapter" in err and "Traceback" not in err


@pytest.mark.skipif(not missing_packages(), reason="the [local] extra is installed here")
def test_local_chat_without_the_extra_says_how_to_install_it(tmp_path, capsys):
    from natasha_studio.cli import main

    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text("{}", encoding="utf-8")
    assert main(["chat", "--provider", "local", "--model", str(adapter), "Привет"]) == 1
    err = capsys.readouterr().err
    assert "Local training is not installed." in err
    assert install_command() in err and "Traceback" not in err
