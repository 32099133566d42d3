"""Model entries, sessions, streaming metrics and saving corrected answers."""

from __future__ import annotations

import asyncio
import json

import pytest
from chat_helpers import ScriptedProvider

from natasha_studio.core.chat.corrections import save_corrected_answer
from natasha_studio.core.chat.models import (
    add_model,
    api_key_name,
    delete_model,
    get_model,
    list_models,
    sync_job_models,
    update_model,
)
from natasha_studio.core.chat.sessions import (
    ColumnConfig,
    add_message,
    create_session,
    delete_session,
    export_session,
    list_sessions,
    load_session,
    rename_session,
    set_columns,
)
from natasha_studio.core.chat.streaming import ReplyStream, build_messages, estimate_tokens
from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import get_pair
from natasha_studio.core.provider import ChatMessage, ChatOptions


def test_model_entries_and_their_checks(project):
    ollama = add_model(project, "Llama", "compatible", "llama3.1",
                       base_url="http://localhost:11434/v1/")
    entry = get_model(project, ollama)
    assert entry.base_url == "http://localhost:11434/v1"
    assert entry.kind == "custom"
    assert entry.api_key_name == api_key_name("http://localhost:11434/v1")
    with pytest.raises(StudioError, match="already exists"):
        add_model(project, "Llama", "openai", "gpt-4.1")
    assert add_model(project, "Llama", "openai", "gpt-4.1", unique=True)
    assert {m.name for m in list_models(project)} == {"Llama", "Llama (2)"}
    with pytest.raises(StudioError, match="not a server address"):
        add_model(project, "Bad", "compatible", "m", base_url="localhost:1234")
    with pytest.raises(StudioError, match="needs a name"):
        add_model(project, "  ", "openai", "gpt-4.1")
    with pytest.raises(StudioError, match="model name on the server is empty"):
        add_model(project, "Empty", "openai", " ")
    update_model(project, ollama, name="Ollama llama", provider="compatible", model_id="llama3.2",
                 base_url="http://127.0.0.1:11434/v1")
    assert get_model(project, ollama).model_id == "llama3.2"
    delete_model(project, ollama)
    assert get_model(project, ollama) is None


def test_sync_adds_tuned_and_base_models_of_finished_jobs(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO jobs(provider, base_model, display_name, status, tuned_model)"
                     " VALUES ('openai', 'gpt-4.1-mini', 'Наташа v1', 'succeeded', 'ft:1')")
        conn.execute("INSERT INTO jobs(provider, base_model, display_name, status, tuned_model)"
                     " VALUES ('openai', 'gpt-4.1-mini', '', 'succeeded', 'ft:2')")
        conn.execute("INSERT INTO jobs(provider, base_model, status)"
                     " VALUES ('vertex', 'gemini-2.5-flash', 'running')")
    added = sync_job_models(project)
    assert len(added) == 3
    entries = {m.name: m for m in list_models(project)}
    assert entries["Наташа v1"].kind == "tuned" and entries["Наташа v1"].model_id == "ft:1"
    assert entries["Tune #2"].model_id == "ft:2"
    assert entries["gpt-4.1-mini (base)"].kind == "base"
    assert sync_job_models(project) == []  # idempotent


def test_session_roundtrip_and_export(project, tmp_path):
    model = add_model(project, "Наташа v2", "openai", "ft:x")
    sid = create_session(project, [ColumnConfig(model, "Ты — Наташа.", 0.3, 200),
                                   ColumnConfig(None)], title="Бег")
    add_message(project, sid, 0, "user", "Как начать бегать?")
    add_message(project, sid, 0, "assistant", "С ходьбы.", model_id=model)
    add_message(project, sid, 1, "user", "Как начать бегать?")
    set_columns(project, sid, [ColumnConfig(model, "Другой промпт", 0.9, 300), ColumnConfig(None)])
    session = load_session(project, sid)
    assert session.title == "Бег"
    assert session.columns[0] == ColumnConfig(model, "Другой промпт", 0.9, 300)
    assert [m.content for m in session.column_messages(0)] == ["Как начать бегать?", "С ходьбы."]
    assert [s.message_count for s in list_sessions(project)] == [3]
    md = export_session(project, sid, tmp_path / "chat.md").read_text(encoding="utf-8")
    assert "# Бег" in md and "**Наташа v2:** С ходьбы." in md
    data = json.loads(export_session(project, sid, tmp_path / "chat.json").read_text("utf-8"))
    assert data["columns"][0]["model"] == "Наташа v2"
    assert data["columns"][0]["messages"][1]["content"] == "С ходьбы."
    rename_session(project, sid, "Бег 2")
    assert load_session(project, sid).title == "Бег 2"
    with pytest.raises(StudioError):
        rename_session(project, sid, " ")
    with pytest.raises(StudioError, match="could not be written"):
        export_session(project, sid, tmp_path / "missing" / "x.md")
    delete_session(project, sid)
    assert list_sessions(project) == []
    with pytest.raises(StudioError):
        load_session(project, sid)
    with pytest.raises(StudioError):
        create_session(project, [ColumnConfig()] * 5)


def test_build_messages_keeps_history_in_order():
    messages = build_messages("Ты — Наташа.", [("user", "Привет"), ("assistant", "Привет!")], "Как дела?")
    assert [(m.role, m.content) for m in messages] == [
        ("system", "Ты — Наташа."), ("user", "Привет"), ("assistant", "Привет!"),
        ("user", "Как дела?")]
    assert build_messages("  ", [], "x")[0].role == "user"


def test_stream_measures_ttft_and_speed():
    ticks = iter([0.0, 0.5, 2.5])  # start, first piece, end
    provider = ScriptedProvider(pieces=["Начни ", "с ", "ходьбы."])
    stream = ReplyStream(provider, "gpt-4.1-mini", [ChatMessage("user", "q")], ChatOptions(),
                         clock=lambda: next(ticks))
    seen = []
    reply = asyncio.run(stream.run(seen.append))
    assert reply.ok and reply.text == "Начни с ходьбы."
    assert seen == ["Начни ", "с ", "ходьбы."]
    assert reply.metrics.ttft == pytest.approx(0.5)
    assert reply.metrics.duration == pytest.approx(2.5)
    assert reply.metrics.tokens > 0
    assert reply.metrics.tokens_per_second == pytest.approx(reply.metrics.tokens / 2.0)
    assert estimate_tokens("Привет, мир!") == 4


def test_stream_error_keeps_partial_text_and_a_sentence():
    provider = ScriptedProvider(pieces=["Нач", "ни"], fail_after=1,
                                error=StudioError("The server answered 500."))
    reply = asyncio.run(ReplyStream(provider, "m", [], ChatOptions()).run())
    assert reply.text == "Нач"
    assert reply.error == "The server answered 500."
    crash = ScriptedProvider(pieces=["x"], fail_after=0, error=RuntimeError("boom"))
    reply = asyncio.run(ReplyStream(crash, "m", [], ChatOptions()).run())
    assert reply.error == "The model did not answer: boom"
    empty = asyncio.run(ReplyStream(ScriptedProvider(pieces=[""]), "m", [], ChatOptions()).run())
    assert empty.error == "The model sent an empty answer."


def test_stop_keeps_what_arrived():
    async def scenario():
        provider = ScriptedProvider(pieces=["раз ", "два ", "три ", "четыре"], delay=0.05)
        stream = ReplyStream(provider, "m", [], ChatOptions())
        task = asyncio.ensure_future(stream.run())
        await asyncio.sleep(0.12)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return stream.reply

    reply = asyncio.run(scenario())
    assert reply.stopped and reply.text.startswith("раз ")
    assert "четыре" not in reply.text
    assert reply.metrics is not None


def test_corrected_answer_becomes_a_model_pair(project):
    conversation = [ChatMessage("system", "Ты — Наташа."), ChatMessage("user", "Привет"),
                    ChatMessage("assistant", "Привет!"), ChatMessage("user", "Как начать бегать?")]
    pair_id = save_corrected_answer(project, conversation, "С ходьбы, по 20 минут.",
                                    model_name="Наташа v2", original_answer="Бегай много.")
    pair = get_pair(project, pair_id)
    assert pair.origin == "model"
    assert [t.role for t in pair.turns] == ["user", "assistant", "user", "assistant"]
    assert pair.question == "Как начать бегать?" and pair.answer == "С ходьбы, по 20 минут."
    assert "Наташа v2" in pair.notes
    with pytest.raises(StudioError, match="empty"):
        save_corrected_answer(project, conversation, "  ")
    with pytest.raises(StudioError, match="no question"):
        save_corrected_answer(project, conversation[:3], "x")
