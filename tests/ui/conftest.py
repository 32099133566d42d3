"""UI test set-up: a qasync loop over pytest-qt's QApplication, and an AppContext."""

from __future__ import annotations

import asyncio

import pytest

from natasha_studio.tasks import StudioEventLoop


@pytest.fixture
def qloop(qapp):
    """A qasync loop; drive coroutines with ``qloop.run_until_complete(...)``."""
    loop = StudioEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    try:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    finally:
        asyncio.set_event_loop(None)
        loop.close()


@pytest.fixture(autouse=True)
def modal_messages(monkeypatch):
    """Message boxes never block an unattended test: their text is recorded, "OK" returned."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def record(box):
        shown.append(f"{box.text()}\n{box.informativeText()}".strip())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


@pytest.fixture
def ctx(qapp, qloop, tmp_path):
    """An AppContext with its own settings file and no project.

    Its background tasks are stopped when the test ends, so none of them finishes later,
    inside another test.
    """
    from natasha_studio.secrets import SecretStore
    from natasha_studio.settings import AppSettings
    from natasha_studio.ui.context import AppContext

    context = AppContext(AppSettings(tmp_path / "settings.ini"), SecretStore())
    yield context
    if context.project is not None:
        context.set_project(None)
    qloop.run_until_complete(context.tasks.shutdown())


@pytest.fixture
def ctx_with_project(ctx, tmp_path):
    from natasha_studio.core.store import Project

    ctx.set_project(Project.create(tmp_path / "ui.nstudio", "Наташа", "Ты — Наташа."))
    return ctx
