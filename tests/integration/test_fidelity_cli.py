"""``natasha-studio fidelity`` over the OpenAI-compatible stand-in, whose models answer from
scripts: in the persona's manner, as a generic assistant, off the subject; plus a run stopped
half-way and the judge."""

from __future__ import annotations

import asyncio
import json

import pytest
from chat_helpers import ScriptedProvider
from fakes.scripted_models import last_question, serve_scripts
from fidelity_data import MODELS, PERSONAS, answers_of, fill_project, personas

from natasha_studio.cli import main
from natasha_studio.core.chat.fidelity import FidelityOptions, run_fidelity, start_run
from natasha_studio.core.chat.models import add_model
from natasha_studio.core.fidelity import storage
from natasha_studio.core.meaning import model as meaning_model
from natasha_studio.core.store import Project

pytest_plugins = ["fakes.fixtures"]


def _project(tmp_path, key):
    path = tmp_path / f"{key}.nstudio"
    with Project.create(path, personas()[key]["persona"]) as project:
        fill_project(project, key)
    return path


def _serve(server, key):
    server.api_key = "not-needed"  # what the compatible provider sends without a saved key
    serve_scripts(server, {name: answers_of(key, kind) for kind, name in MODELS.items()})


@pytest.mark.parametrize("key", PERSONAS)
def test_her_manner_beats_a_generic_assistant_and_off_topic_loses_meaning(
        openai_server, tmp_path, capsys, key):
    _serve(openai_server, key)
    path = _project(tmp_path, key)
    args = ["fidelity", str(path), "--base-url", openai_server.base_url, "--json"]
    for name in MODELS.values():
        args += ["--model", f"compatible:{name}"]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    card = {line["model"]: line for line in out["models"]}
    assert list(card) == [f"compatible:{name}" for name in MODELS.values()]
    persona, generic, offtopic = (card[f"compatible:{MODELS[k]}"]
                                  for k in ("persona", "generic", "offtopic"))
    for line in out["models"]:
        assert set(line) == {"model", "score", "low", "high", "style", "meaning", "judge", "n"}
        assert line["n"] == len(personas()[key]["heldout"]) and line["judge"] is None
        assert line["low"] <= line["score"] <= line["high"]
    assert persona["score"] >= generic["score"] + 15
    assert persona["low"] > generic["high"]
    assert offtopic["meaning"] < 25 < 70 < persona["meaning"]
    # the questions went with the snapshot's system prompt; the run stays in the project
    sent = openai_server.chat_requests[-1]["messages"]
    assert sent[0] == {"role": "system", "content": "Ты — Наташа."}
    with Project.open(path) as project:
        runs = storage.list_runs(project)
        assert len(runs) == 1 and runs[0]["status"] == "finished"
        stored = storage.run_results(project, runs[0]["id"])
        assert [round(r.score, 1) for r in stored] == [line["score"] for line in out["models"]]
        best, worst = storage.examples(project, runs[0]["id"], stored[0].model_id)
        assert len(best) == 2 and len(worst) == 2 and best[0].score >= worst[0].score
        assert best[0].real_answer and best[0].answer


def test_a_sample_of_questions_a_table_and_a_saved_model(openai_server, tmp_path, capsys):
    _serve(openai_server, "natasha")
    path = _project(tmp_path, "natasha")
    with Project.open(path) as project:
        add_model(project, "Наташа — дообученная модель второй версии", "compatible",
                  MODELS["persona"], base_url=openai_server.base_url)
    assert main(["fidelity", str(path), "--model", "Наташа — дообученная модель второй версии",
                 "--questions", "4"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split()[:2] == ["Model", "Score"]
    assert lines[1].startswith("Наташа — дообученная модель второй версии")
    assert lines[1].split()[-1] == "4"
    assert "Answers: 4 of 4" in captured.err
    assert len(openai_server.chat_requests) == 4


def test_unknown_models_and_missing_questions_are_told_plainly(openai_server, tmp_path, capsys):
    path = _project(tmp_path, "lena")
    assert main(["fidelity", str(path), "--model", "nobody"]) == 1
    assert "neither a saved model nor PROVIDER:MODEL" in capsys.readouterr().err
    assert main(["fidelity", str(path), "--model", "compatible:x"]) == 1
    assert "--base-url" in capsys.readouterr().err
    empty = tmp_path / "empty.nstudio"
    Project.create(empty, "X").close()
    assert main(["fidelity", str(empty), "--model", "openai:gpt-4.1-mini"]) == 1
    assert "no held-out questions" in capsys.readouterr().err


def test_the_judge_prefers_her_manner(openai_server, tmp_path, capsys):
    def judge(messages):
        text = last_question(messages)
        a = text.split("Answer A:")[1].split("Answer B:")[0]
        return "B" if "Здравствуйте" in a else "A"

    _serve(openai_server, "semyon")
    serve_scripts(openai_server, {"judge": judge})
    path = _project(tmp_path, "semyon")
    assert main(["fidelity", str(path), "--base-url", openai_server.base_url, "--json",
                 "--model", f"compatible:{MODELS['persona']}",
                 "--model", f"compatible:{MODELS['generic']}",
                 "--judge", "compatible:judge", "--questions", "6"]) == 0
    captured = capsys.readouterr()
    assert "The judge will be asked 6 times" in captured.err
    persona, generic = json.loads(captured.out)["models"]
    assert persona["judge"] == 100 and generic["judge"] == 0
    judged = [r for r in openai_server.chat_requests if r["model"] == "judge"]
    assert len(judged) == 6 and all(r["temperature"] == 0 for r in judged)


def test_a_run_stopped_half_way_keeps_what_it_has(tmp_path):
    path = _project(tmp_path, "natasha")

    async def go(project, run_id, providers):
        task = asyncio.ensure_future(run_fidelity(project, run_id, lambda e: providers[e.id],
                                                  meaning_model))
        while project.conn.execute("SELECT count(*) FROM heldout_answers").fetchone()[0] < 3:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    with Project.open(path) as project:
        fast = add_model(project, "fast", "compatible", "m", base_url="http://127.0.0.1:9/v1")
        slow = add_model(project, "slow", "compatible", "n", base_url="http://127.0.0.1:9/v1")
        providers = {fast: ScriptedProvider("Дорогая, сядь ровно и дыши 🙏 Обнимаю 💛"),
                     slow: ScriptedProvider("Здравствуйте. Рекомендуется сидеть.", delay=0.5)}
        run_id = start_run(project, project.conn.execute(
            "SELECT id FROM snapshots").fetchone()[0], [fast, slow],
            FidelityOptions(concurrency=2))
        meaning_model()  # loaded, so the stopped run is scored at once
        asyncio.run(go(project, run_id, providers))
        run = storage.list_runs(project)[0]
        assert run["status"] == "stopped"
        results = storage.run_results(project, run_id)
        assert results and results[0].n >= 1


def test_failed_answers_are_asked_again(openai_server, tmp_path, capsys):
    _serve(openai_server, "lena")
    openai_server.fail_with("500", times=3)  # one answer fails, the SDK's own tries too
    path = _project(tmp_path, "lena")
    assert main(["fidelity", str(path), "--base-url", openai_server.base_url, "--json",
                 "--model", f"compatible:{MODELS['persona']}", "--questions", "3"]) == 0
    line = json.loads(capsys.readouterr().out)["models"][0]
    assert line["n"] == 3
