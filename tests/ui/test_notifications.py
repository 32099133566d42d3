"""A notice when long work ends: a fine-tune reaching its end, a long import."""

from __future__ import annotations

import asyncio

from natasha_studio.core.jobs import records
from natasha_studio.operations.changes import Changes
from natasha_studio.ui import notifications
from natasha_studio.ui.main_window import MainWindow


def test_a_finished_fine_tune_is_announced_once(ctx_with_project, qtbot, qloop):
    ctx = ctx_with_project
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown = []
    window.notifier.shown.connect(lambda title, message: shown.append((title, message)))
    job = records.create_job(ctx.project, "vertex", "gemini-2.5-flash", snapshot_id=None,
                             display_name="Наташа v2", hyperparameters={})
    records.set_status(ctx.project, job, "running")
    ctx.apply(Changes(jobs=True))
    assert shown == []
    records.set_status(ctx.project, job, "succeeded")
    ctx.apply(Changes(jobs=True))
    ctx.apply(Changes(jobs=True))
    assert len(shown) == 1 and "Наташа v2" in shown[0][0]
    assert "Наташа v2" in window.statusBar().currentMessage()


def test_jobs_finished_before_the_project_opened_are_not_announced(ctx, qtbot, qloop, tmp_path):
    from natasha_studio.core.store import Project

    project = Project.create(tmp_path / "old.nstudio", "Наташа")
    job = records.create_job(project, "openai", "gpt-4.1-mini", snapshot_id=None,
                             display_name="v1", hyperparameters={})
    records.set_status(project, job, "failed", error="boom")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown = []
    window.notifier.shown.connect(lambda *args: shown.append(args))
    ctx.set_project(project)
    ctx.apply(Changes(jobs=True))
    assert shown == []


def test_only_long_imports_are_announced(ctx_with_project, qtbot, qloop, monkeypatch):
    ctx = ctx_with_project
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown = []
    window.notifier.shown.connect(lambda *args: shown.append(args))

    async def work():
        await asyncio.sleep(0.05)

    def run(name):
        task = ctx.tasks.start(name, work())
        qloop.run_until_complete(task)
        qloop.run_until_complete(asyncio.sleep(0.01))  # the done-callback runs

    run("sources.import")
    assert shown == []  # quick: the curator watched it
    monkeypatch.setattr(notifications, "LONG_WORK_SECONDS", 0.0)
    run("sources.import")
    run("pairs.filter")  # not long work
    assert [title for title, _ in shown] == ["The import is finished"]
