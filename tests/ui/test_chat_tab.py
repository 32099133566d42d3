"""The Test chat tab over the local fake servers: columns stream in parallel, Stop, errors,
saved chats, blind A/B with reveal and votes, held-out questions, corrections into pairs."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtCore import Qt

from natasha_studio.core.chat.dpo import validate_dpo_file
from natasha_studio.core.chat.models import add_model, api_key_name, get_model
from natasha_studio.core.chat.sessions import list_sessions, load_session
from natasha_studio.core.pairs import Turn, add_pair, get_pair, set_status
from natasha_studio.operations.changes import Changes
from natasha_studio.ui.testchat import dialogs, models_dialog
from natasha_studio.ui.testchat.tab import TestChatTab

pytest_plugins = ["fakes.fixtures"]


@pytest.fixture
def tab(ctx_with_project, qtbot):
    widget = TestChatTab(ctx_with_project)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def compatible_model(ctx, server, name, model="gpt-4.1-mini"):
    entry = add_model(ctx.project, name, "compatible", model, base_url=server.base_url)
    ctx.secrets.set(api_key_name(server.base_url), server.api_key)
    ctx.apply(Changes(models=True))
    return entry


def run(qloop, tasks):
    qloop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))


def test_empty_states_lead_to_the_views(ctx, qtbot, openai_server):
    widget = TestChatTab(ctx)
    qtbot.addWidget(widget)
    assert widget.stack.currentWidget() is widget.empty
    from natasha_studio.core.store import Project

    ctx.set_project(Project.create(ctx.settings.path.parent / "e.nstudio", "Наташа"))
    assert widget.stack.currentWidget() is widget.no_models
    compatible_model(ctx, openai_server, "Local")
    assert widget.stack.currentWidget() is widget.views_page
    assert widget.models_info.text() == "1 model(s)"


def test_three_providers_stream_side_by_side_and_the_chat_is_kept(
        tab, qloop, openai_server, vertex_server, tmp_path, monkeypatch):
    ctx = tab.ctx
    ctx.secrets.set("openai_api_key", openai_server.api_key)
    ctx.secrets.set("openai_base_url", openai_server.base_url)
    monkeypatch.setenv("GOOGLE_VERTEX_BASE_URL", vertex_server.base_url)
    ctx.secrets.set("vertex_project", vertex_server.project)
    ctx.secrets.set("vertex_location", vertex_server.location)
    ctx.secrets.set("vertex_credentials_file",
                    str(vertex_server.service_account_file(tmp_path / "sa.json")))
    openai_server.chat_delay = vertex_server.chat_delay = 0.01
    ids = [add_model(ctx.project, "OpenAI mini", "openai", "gpt-4.1-mini"),
           add_model(ctx.project, "Gemini", "vertex", "gemini-2.5-flash"),
           compatible_model(ctx, openai_server, "Local nano", "gpt-4.1-nano-2025-04-14")]
    ctx.apply(Changes(models=True))
    view = tab.side_by_side
    view.add_column()
    for column, model_id in zip(view.columns, ids, strict=True):
        column.model_combo.select(model_id)
    view.columns[1].temperature.setValue(0.2)

    tasks = view.send("Как начать бегать?")
    assert len(tasks) == 3 and view.stop_button.isEnabled() and not view.send_button.isEnabled()
    run(qloop, tasks)
    texts = [c.transcript.toPlainText() for c in view.columns]
    assert "Ответ модели gpt-4.1-mini: Как начать бегать?" in texts[0]
    assert "Ответ модели gemini-2.5-flash: Как начать бегать?" in texts[1]
    assert "Ответ модели gpt-4.1-nano-2025-04-14: Как начать бегать?" in texts[2]
    for column in view.columns:
        assert column.last_reply.ok and column.last_reply.metrics.ttft is not None
        assert "first token" in column.metrics.text() and "tokens/s" in column.metrics.text()
    assert vertex_server.chat_requests[-1]["generationConfig"]["temperature"] == 0.2
    assert view.send_button.isEnabled() and not view.stop_button.isEnabled()

    # each column continues its own conversation
    run(qloop, view.send("А потом?"))
    sent = openai_server.chat_requests[-1]["messages"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "user"]
    assert sent[2]["content"].startswith("Ответ модели")

    session = load_session(ctx.project, view.session_id)
    assert len(session.messages) == 12 and session.columns[1].temperature == 0.2
    view.new_chat()
    assert all(not c.transcript.toPlainText() for c in view.columns)
    view.open_session(session.id)
    assert len(view.columns) == 3
    assert "А потом?" in view.columns[2].transcript.toPlainText()
    assert view.columns[1].model_combo.current_id() == ids[1]
    assert len(view.columns[0].history) == 4


def test_stop_cancels_every_column_and_keeps_what_arrived(tab, qloop, openai_server):
    ctx = tab.ctx
    compatible_model(ctx, openai_server, "A", "gpt-4.1-mini")
    compatible_model(ctx, openai_server, "B", "gpt-4.1-nano-2025-04-14")
    openai_server.reply_for = lambda model, messages: "слово " * 80
    openai_server.chat_delay = 0.03
    view = tab.side_by_side
    tasks = view.send("Расскажи длинно")

    async def stop_midway():
        while not all("слово" in c.transcript.toPlainText() for c in view.columns):
            await asyncio.sleep(0.01)
        view.stop()
        await asyncio.gather(*tasks, return_exceptions=True)

    qloop.run_until_complete(stop_midway())
    for column in view.columns:
        assert column.last_reply.stopped
        assert 0 < column.last_reply.text.count("слово") < 80
        assert "Stopped." in column.transcript.toPlainText()
    stored = [m for m in load_session(ctx.project, view.session_id).messages
              if m.role == "assistant"]
    assert len(stored) == 2 and all(m.stopped and m.content for m in stored)
    assert view.send_button.isEnabled() and not view.stop_button.isEnabled()


def test_a_server_error_in_one_column_leaves_the_others_alone(tab, qloop, openai_server):
    from fakes.openai_server import FakeOpenAI

    ctx = tab.ctx
    with FakeOpenAI() as broken:
        broken.fail_with("500", "/v1/chat/completions", times=10)
        compatible_model(ctx, openai_server, "Good")
        compatible_model(ctx, broken, "Broken")
        view = tab.side_by_side
        view.columns[0].model_combo.select(get_model_id(ctx, "Broken"))
        view.columns[1].model_combo.select(get_model_id(ctx, "Good"))
        run(qloop, view.send("Привет"))
    bad, good = view.columns
    assert "had a problem on its side" in bad.transcript.toPlainText()
    assert bad.last_reply.error and not bad.save_button.isEnabled()
    assert good.last_reply.ok and "Ответ модели" in good.transcript.toPlainText()
    assert len(bad.history) == 1  # the failed answer is not part of the conversation


def get_model_id(ctx, name):
    return ctx.project.conn.execute("SELECT id FROM models WHERE name = ?", (name,)).fetchone()[0]


def test_blind_vote_reveals_the_right_models(tab, qloop, openai_server, tmp_path, monkeypatch):
    ctx = tab.ctx
    compatible_model(ctx, openai_server, "Mini", "gpt-4.1-mini")
    compatible_model(ctx, openai_server, "Nano", "gpt-4.1-nano-2025-04-14")
    blind = tab.blind
    assert blind.chosen_models() == [get_model_id(ctx, "Mini"), get_model_id(ctx, "Nano")]
    run(qloop, blind.ask("Что есть утром?"))
    assert blind.headers["a"].text() == "A" and blind.headers["b"].text() == "B"
    assert all(b.isEnabled() for b in blind.vote_buttons.values())
    assert blind.metrics["a"].text() == ""  # speed would give the models away
    blind.vote("a")
    for side in ("a", "b"):
        entry = get_model(ctx.project, blind.round.model_for(side))
        assert blind.headers[side].text() == f"{side.upper()}: {entry.name}"
        # the default fake reply names the model that wrote it
        assert f"Ответ модели {entry.model_id}:" in blind.panes[side].toPlainText()
    assert not any(b.isEnabled() for b in blind.vote_buttons.values())
    assert blind.table.rowCount() == 2
    winner = get_model(ctx.project, blind.round.model_a).name
    assert blind.table.item(0, 0).text() == winner and blind.table.item(0, 1).text() == "100%"

    out = tmp_path / "prefs.jsonl"
    monkeypatch.setattr("natasha_studio.ui.testchat.blind_view.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    blind._on_export()
    assert validate_dpo_file(out).ok
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["input"]["messages"][-1]["content"] == "Что есть утром?"

    blind._on_undo()
    assert blind.table.rowCount() == 0 and all(b.isEnabled() for b in blind.vote_buttons.values())


def test_heldout_run_fills_the_table_and_summary(tab, qloop, openai_server):
    from natasha_studio.core.export.snapshots import create_snapshot

    ctx = tab.ctx
    ids = []
    for i in range(6):
        ids.append(add_pair(ctx.project, [Turn("user", f"Вопрос {i}?"),
                                          Turn("assistant", f"Настоящий ответ {i}.")]))
    set_status(ctx.project, ids, "approved")
    snapshot = create_snapshot(ctx.project, "v1", heldout=2, validation_split=0.0, seed=3)
    ctx.apply(Changes(snapshots=True))
    compatible_model(ctx, openai_server, "Mini", "gpt-4.1-mini")
    compatible_model(ctx, openai_server, "Gone", "ft:no-such-model")
    view = tab.heldout
    assert view.snapshot.currentData() == snapshot.id
    task = view.start_run()
    assert view.stop_button.isEnabled() and "running" in view.runs.currentText()
    run(qloop, [task])
    assert view.table.rowCount() == 2 and view.table.columnCount() == 4
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["Question", "Her real answer", "Gone", "Mini"] or \
        headers == ["Question", "Her real answer", "Mini", "Gone"]
    mini_col = headers.index("Mini")
    question = view.table.item(0, 0).text()
    assert view.table.item(0, 1).text() == question.replace("Вопрос", "Настоящий ответ").replace("?", ".")
    assert view.table.item(0, mini_col).text() == f"Ответ модели gpt-4.1-mini: {question}"
    assert view.table.item(0, 5 - mini_col).text().startswith("⚠")
    view.table.setCurrentCell(0, mini_col)
    view.rate(5)
    view._on_best()
    assert view.table.item(0, mini_col).text().startswith("★ [5] ")
    summary = {view.summary.item(r, 0).text(): [view.summary.item(r, c).text() for c in range(7)]
               for r in range(view.summary.rowCount())}
    assert summary["Mini"][1:5] == ["2", "0", "5.0 (1)", "1"]
    assert summary["Gone"][1:3] == ["0", "2"]
    assert "finished" in view.runs.currentText()


def test_an_answer_corrected_into_a_training_pair(tab, qloop, openai_server, monkeypatch):
    ctx = tab.ctx
    compatible_model(ctx, openai_server, "Mini")
    view = tab.side_by_side
    run(qloop, view.send("Как начать бегать?"))
    changed = []
    ctx.changed.connect(lambda c: changed.append(c.pairs))

    def fake_exec(dialog):
        assert dialog.question.toPlainText() == "Как начать бегать?"
        assert dialog.answer.toPlainText().startswith("Ответ модели")
        dialog.answer.setPlainText("Начни с ходьбы, по 20 минут.")
        dialog._on_save()
        return 1

    monkeypatch.setattr(dialogs.CorrectionDialog, "exec", fake_exec)
    view.columns[0].save_button.click()
    (pair_id,) = changed[0]
    pair = get_pair(ctx.project, pair_id)
    assert pair.origin == "model" and pair.answer == "Начни с ходьбы, по 20 минут."
    assert pair.question == "Как начать бегать?" and "Mini" in pair.notes


def test_models_dialog_saves_a_compatible_server_and_rejects_a_bad_address(
        ctx_with_project, qtbot, qloop, openai_server, monkeypatch):
    ctx = ctx_with_project
    errors = []
    monkeypatch.setattr(models_dialog, "show_error", lambda parent, title, exc: errors.append(exc))
    dialog = models_dialog.ModelsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ollama")
    dialog.base_url.setText("localhost:11434")
    dialog.model_id.setText("llama3.1")
    assert dialog.save() is None and "not a server address" in errors[0].message
    dialog.base_url.setText(openai_server.base_url)
    dialog.api_key.setText(openai_server.api_key)
    dialog.model_id.setText("gpt-4.1-mini")
    entry_id = dialog.save()
    assert get_model(ctx.project, entry_id).base_url == openai_server.base_url
    assert ctx.secrets.get(api_key_name(openai_server.base_url)) == openai_server.api_key
    assert dialog.list.count() == 1
    dialog._on_check()
    run(qloop, [t.task for t in ctx.tasks.running()])
    assert "The server answered" in dialog.status.text()
    dialog.model_id.setText("llama-missing")
    dialog._on_check()
    run(qloop, [t.task for t in ctx.tasks.running()])
    assert "no model named “llama-missing”" in dialog.status.text()


def test_test_in_chat_from_a_job_opens_that_model_beside_its_base(tab):
    ctx = tab.ctx
    with ctx.project.transaction() as conn:
        job = conn.execute("INSERT INTO jobs(provider, base_model, display_name, status, tuned_model)"
                           " VALUES ('openai', 'gpt-4.1-mini', 'Наташа v1', 'succeeded', 'ft:1')"
                           ).lastrowid
        running = conn.execute("INSERT INTO jobs(provider, base_model, status)"
                               " VALUES ('vertex', 'gemini-2.5-flash', 'succeeded')").lastrowid
    ctx.apply(Changes(jobs=True))
    tuned = ctx.project.conn.execute("SELECT id FROM models WHERE job_id = ?", (job,)).fetchone()[0]
    base = get_model_id(ctx, "gpt-4.1-mini (base)")
    # as the Fine-tune tab does for a job whose model entry it creates itself
    other = add_model(ctx.project, "Gemini tune", "vertex", "endpoints/1", job_id=running)
    tab.views.setCurrentWidget(tab.blind)
    ctx.navigate.emit("testchat", tuned)
    assert tab.views.currentWidget() is tab.side_by_side
    columns = tab.side_by_side.columns
    assert [c.model_combo.current_id() for c in columns] == [tuned, base]
    ctx.navigate.emit("testchat", other)
    assert columns[1].model_combo.current_entry().name == "gemini-2.5-flash (base)"
    assert list_sessions(ctx.project) == []


def test_blind_stop_and_a_failed_side_allow_no_vote(tab, qloop, openai_server):
    from fakes.openai_server import FakeOpenAI

    ctx = tab.ctx
    compatible_model(ctx, openai_server, "Slow A", "gpt-4.1-mini")
    compatible_model(ctx, openai_server, "Slow B", "gpt-4.1-nano-2025-04-14")
    openai_server.reply_for = lambda model, messages: "слово " * 80
    openai_server.chat_delay = 0.03
    blind = tab.blind
    tasks = blind.ask("Долгий вопрос")
    assert blind.stop_button.isEnabled()

    async def stop_midway():
        while not all("слово" in p.toPlainText() for p in blind.panes.values()):
            await asyncio.sleep(0.01)
        blind.stop()
        await asyncio.gather(*tasks, return_exceptions=True)

    qloop.run_until_complete(stop_midway())
    assert not any(b.isEnabled() for b in blind.vote_buttons.values())
    assert "Stopped" in blind.reveal.text() and blind.ask_button.isEnabled()

    with FakeOpenAI() as broken:
        broken.fail_with("401", "/v1/chat/completions", times=5)
        blind.pool.clear()
        compatible_model(ctx, broken, "Broken")
        for i in range(blind.pool.count()):
            if blind.pool.item(i).text().startswith("Slow B"):
                blind.pool.item(i).setCheckState(Qt.CheckState.Unchecked)
        run(qloop, blind.ask("Привет"))
    assert "did not answer" in blind.reveal.text()
    assert not any(b.isEnabled() for b in blind.vote_buttons.values())
    assert any("did not accept the API key" in p.toPlainText() for p in blind.panes.values())


def test_export_of_the_open_chat(tab, qloop, openai_server, tmp_path, monkeypatch):
    from natasha_studio.ui.testchat.side_by_side import safe_file_name

    assert safe_file_name("Chat of 2026-11-25 15:45") == "Chat of 2026-11-25 15-45"
    assert safe_file_name("..") == "chat"
    compatible_model(tab.ctx, openai_server, "Mini")
    view = tab.side_by_side
    assert not view.export_button.isEnabled()
    run(qloop, view.send("Привет"))
    out = tmp_path / "chat.md"
    offered = []
    monkeypatch.setattr("natasha_studio.ui.testchat.side_by_side.QFileDialog.getSaveFileName",
                        lambda parent, title, default, filters: offered.append(default)
                        or (str(out), ""))
    view.export_button.click()
    assert ":" not in offered[0].split("/")[-1]
    text = out.read_text(encoding="utf-8")
    assert "**Mini:** Ответ модели gpt-4.1-mini: Привет" in text


def test_closing_the_project_mid_stream_and_mid_run_is_quiet(tab, qloop, openai_server):
    ctx = tab.ctx
    from chat_helpers import add_snapshot_with_heldout

    compatible_model(ctx, openai_server, "Slow")
    openai_server.reply_for = lambda model, messages: "слово " * 60
    openai_server.chat_delay = 0.02
    add_snapshot_with_heldout(ctx.project, [("Вопрос?", "Ответ.")] * 3)
    ctx.apply(Changes(snapshots=True))
    failures = []
    ctx.tasks.task_failed.connect(lambda title, message: failures.append(message))
    tasks = tab.side_by_side.send("Привет") + [tab.heldout.start_run()]

    async def close_midway():
        while "слово" not in tab.side_by_side.columns[0].transcript.toPlainText():
            await asyncio.sleep(0.01)
        ctx.set_project(None)
        await asyncio.gather(*tasks, return_exceptions=True)

    qloop.run_until_complete(close_midway())
    assert failures == []
    assert tab.stack.currentWidget() is tab.empty
    assert all(t.cancelled() for t in tasks)


def test_a_failed_answer_is_offered_again_and_the_second_try_answers(tab, qloop, openai_server):
    from fakes.openai_server import FakeOpenAI

    ctx = tab.ctx
    with FakeOpenAI() as flaky:
        flaky.fail_with("500", "/v1/chat/completions", times=3)  # the SDK's own retries too
        compatible_model(ctx, openai_server, "Good")
        compatible_model(ctx, flaky, "Flaky")
        view = tab.side_by_side
        view.columns[0].model_combo.select(get_model_id(ctx, "Flaky"))
        view.columns[1].model_combo.select(get_model_id(ctx, "Good"))
        run(qloop, view.send("Привет"))
        bad, good = view.columns
        assert bad.last_reply.error and view.retry_button.isVisibleTo(view)
        tasks = view.retry_failed()
        assert len(tasks) == 1  # only the column that failed is asked again
        run(qloop, tasks)
    assert bad.last_reply.ok and "Ответ модели" in bad.transcript.toPlainText()
    assert [role for role, _ in bad.history] == ["user", "assistant"]
    assert [role for role, _ in good.history] == ["user", "assistant"]
    assert not view.retry_button.isVisibleTo(view)
