"""The main window: welcome screen, projects, tabs, settings, geometry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Signal

from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.secrets import SERVICE
from natasha_studio.ui import main_window as mw
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.main_window import TABS, MainWindow
from natasha_studio.ui.settings_dialog import SettingsDialog


@pytest.fixture
def errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(mw, "show_error", lambda _parent, title, error: shown.append(
        (title, str(error))))
    return shown


@pytest.fixture
def window(ctx, qtbot, qloop):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_welcome_then_tabs(window, ctx, tmp_path):
    assert window.stack.currentWidget() is window.welcome
    assert not window.close_action.isEnabled()
    Project.create(tmp_path / "p.nstudio", "Наташа").close()
    assert window.open_project(tmp_path / "p.nstudio")
    assert window.stack.currentWidget() is window.tabs_page
    assert window.tabs.count() == len(TABS) == 5
    assert "Наташа" in window.windowTitle()
    assert "Наташа" in window.project_label.text()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert not window.grab().isNull()
    window.close_project()
    assert ctx.project is None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent_list.count() == 1


def test_recent_projects_in_menu_and_welcome(window, ctx, tmp_path):
    for name in ("a", "b"):
        Project.create(tmp_path / f"{name}.nstudio", name).close()
        window.open_project(tmp_path / f"{name}.nstudio")
    recent = ctx.settings.recent_projects
    assert [p.name for p in recent] == ["b.nstudio", "a.nstudio"]
    assert len(window.recent_menu.actions()) == 2


def test_opening_a_bad_file_shows_a_message(window, ctx, tmp_path, errors):
    bad = tmp_path / "bad.nstudio"
    bad.write_text("not a project", encoding="utf-8")
    assert not window.open_project(bad)
    assert ctx.project is None
    assert errors and "not a Natasha Studio project" in errors[0][1]
    assert bad.read_text(encoding="utf-8") == "not a project"


def test_window_geometry_is_remembered(ctx, qtbot, qloop):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    # Stay within the (small, 800x800) offscreen screen, above the window's minimum size.
    minimum = first.minimumSizeHint()
    wanted = QSize(max(minimum.width(), 790), max(minimum.height(), 700))
    first.resize(wanted)
    assert first.size() == wanted
    first.close()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    # Qt fits a restored window to its screen: the width may be clamped, the height not.
    assert second.height() == wanted.height()
    assert second.width() == min(wanted.width(), second.screen().availableGeometry().width() - 2)


def test_settings_dialog_saves_settings_and_keys(ctx, qtbot, memory_keyring, tmp_path):
    dialog = SettingsDialog(ctx.settings, ctx.secrets)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.data_folder.setText(str(tmp_path / "projects"))
    key_field = next(f for f in dialog._fields if f.name == "openai_api_key")
    key_field.edit.setText("sk-test-abcdef")
    dialog.accept()
    assert dialog.language_changed and dialog.theme_changed
    assert ctx.settings.language == "ru"
    assert ctx.settings.theme == "dark"
    assert ctx.settings.data_folder == Path(tmp_path / "projects")
    assert memory_keyring.get_password(SERVICE, "openai_api_key") == "sk-test-abcdef"
    settings_text = ctx.settings.path.read_text(encoding="utf-8")
    assert "sk-test-abcdef" not in settings_text


def test_task_indicator_shows_running_work(window, ctx, qloop, qtbot):
    import asyncio

    async def slow():
        await asyncio.sleep(0.2)

    ctx.tasks.start("slow", slow(), title="Working hard")
    assert window.task_label.text() == "Working hard"
    assert not window.task_label.isHidden()
    qloop.run_until_complete(asyncio.sleep(0.3))
    assert window.task_label.isHidden()


def test_failed_task_is_reported(window, ctx, qloop, errors):
    import asyncio

    from natasha_studio.core.errors import StudioError

    async def broken():
        raise StudioError("The export is broken.", "Export it again.")

    ctx.tasks.start("broken", broken(), title="Import")
    qloop.run_until_complete(asyncio.sleep(0.05))
    assert errors == [("Import", "The export is broken.\nExport it again.")]


def test_status_bar_counts_pairs_once_per_burst_of_changes(window, ctx, qtbot, tmp_path,
                                                            monkeypatch):
    from natasha_studio.core.pairs import Turn, add_pair

    Project.create(tmp_path / "p.nstudio", "Наташа").close()
    assert window.open_project(tmp_path / "p.nstudio")
    counted = []
    real = window._update_project_label
    monkeypatch.setattr(window, "_update_project_label",
                        lambda sources=True: (counted.append(sources), real(sources))[1])
    for i in range(3):
        add_pair(ctx.project, [Turn("user", f"Вопрос {i}?"), Turn("assistant", "Ответ.")])
        ctx.apply(Changes.of_pairs(None))
    assert counted == []  # nothing on the window's thread per signal
    qtbot.waitUntil(lambda: counted == [False], timeout=3000)
    assert "3" in window.project_label.text()


def test_opening_a_telegram_export_offers_a_new_project_and_imports_it(window, ctx, tmp_path,
                                                                       monkeypatch):
    export = tmp_path / "result.json"
    export.write_text('{"name": "Круг", "type": "private_group", "id": 1, "messages": []}',
                      encoding="utf-8")
    asked, imported = [], []
    monkeypatch.setattr(window, "ask_export_action", lambda path: asked.append(path) or "new")
    monkeypatch.setattr(window, "new_project", lambda: window._set_project(
        Project.create(tmp_path / "from-export.nstudio", "Наташа")) or True)
    window.ensure_tabs()
    monkeypatch.setattr(window.tab_widgets["sources"], "import_paths", imported.append)
    assert not window.open_project(export)
    assert asked == [export]
    assert ctx.project is not None and ctx.project.path.name == "from-export.nstudio"
    assert imported == [[str(export)]]
    assert window.tabs.currentWidget() is window.tab_widgets["sources"]


def test_declining_the_export_offer_changes_nothing(window, ctx, tmp_path, monkeypatch):
    export = tmp_path / "result.json"
    export.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(window, "ask_export_action", lambda path: None)
    assert not window.open_project(export)
    assert ctx.project is None and window.stack.currentWidget() is window.welcome
    assert ctx.settings.recent_projects == []


def test_edit_menu_needs_a_project(window, ctx, tmp_path):
    Project.create(tmp_path / "p.nstudio", "Наташа").close()
    window.open_project(tmp_path / "p.nstudio")
    assert window.edit_menu.isEnabled() and window.edit_menu.actions()
    window.close_project()
    assert not window.edit_menu.isEnabled()


def test_one_click_on_a_recent_project_opens_it(window, ctx, tmp_path, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    Project.create(tmp_path / "p.nstudio", "Наташа").close()
    window.open_project(tmp_path / "p.nstudio")
    window.close_project()
    recent = window.welcome.recent_list
    qtbot.waitExposed(recent)
    QTest.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton,
                     pos=recent.visualItemRect(recent.item(0)).center())
    assert ctx.project is not None and ctx.project.path.name == "p.nstudio"


def test_language_restart_reopens_the_project(ctx, qapp, tmp_path, monkeypatch):
    from natasha_studio import app as studio_app

    started = []
    monkeypatch.setattr(studio_app.QProcess, "startDetached",
                        lambda program, args: started.append(list(args)) or True)
    monkeypatch.setattr(studio_app.sys, "argv", ["natasha-studio"])
    monkeypatch.setattr(qapp, "quit", lambda: None)
    studio = studio_app.StudioApp(qapp, ctx.settings)
    try:
        Project.create(tmp_path / "p.nstudio", "Наташа").close()
        studio.window.open_project(tmp_path / "p.nstudio")
        studio.restart()
        assert started and started[0][-1] == str(tmp_path / "p.nstudio")
    finally:
        studio.ctx.set_project(None)


def test_one_signal_says_what_an_action_changed():
    """Views learn of a change from ``changed(Changes)`` alone, not from a signal per kind."""
    signals = {name for name in dir(AppContext) if isinstance(getattr(AppContext, name), Signal)}
    assert {name for name in signals if name.endswith("changed")} == {"changed", "project_changed"}
