"""Words a first-time curator meets: every term explained where it appears, in her language,
and Qt's own dialogs (the file dialog a Linux desktop shows) translated too."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from natasha_studio.core import glossary
from natasha_studio.core import i18n as core_i18n
from natasha_studio.core.export import PairFilter
from natasha_studio.i18n import install_app_translation, remove_app_translation
from natasha_studio.operations.demo import create_demo_project
from natasha_studio.ui.main_window import MainWindow
from natasha_studio.ui.statistics.snapshot_forms import FreezeDialog


@pytest.fixture(params=["en", "ru"])
def language(request, qapp):
    translators = install_app_translation(qapp, request.param)
    yield request.param
    remove_app_translation(qapp, translators)
    QLocale.setDefault(QLocale("en"))
    core_i18n.set_language("en")
    core_i18n.install(None)


def _tooltips(root: QWidget) -> str:
    """Every tooltip a pointer can bring up in ``root``: widgets, actions, tabs, headers."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found.append(widget.toolTip())
        found += [a.toolTip() for a in widget.actions()]
        if isinstance(widget, QTabWidget):
            found += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            found += [header.toolTip(c) for c in range(header.columnCount())]
        if isinstance(widget, QTableWidget):
            found += [widget.horizontalHeaderItem(c).toolTip()
                      for c in range(widget.columnCount()) if widget.horizontalHeaderItem(c)]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            header = (getattr(widget, "horizontalHeader", None)
                      or getattr(widget, "header", None))
            columns = header().count() if header is not None else 1
            found += [str(widget.model().headerData(c, Qt.Orientation.Horizontal,
                                                    Qt.ItemDataRole.ToolTipRole) or "")
                      for c in range(columns)]
    return "\n".join(t for t in found if t)


def test_every_term_is_explained_where_it_appears(language, ctx, qtbot, qloop, tmp_path):
    demo = tmp_path / "demo.nstudio"
    create_demo_project(demo).close()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    assert window.open_project(demo)
    for index in range(window.tabs.count()):  # every tab built and shown
        window.tabs.setCurrentIndex(index)
        qloop.run_until_complete(asyncio.sleep(0.2))
    # Freezing a snapshot is a dialog of its own: the split's terms live there.
    freeze = FreezeDialog("v1", PairFilter(), window)
    qtbot.addWidget(freeze)
    shown = _tooltips(window) + "\n" + _tooltips(freeze)
    missing = [key for key in glossary.KEYS
               if glossary.tooltip(key).split("<br>", 1)[1] not in shown]
    assert not missing, missing
    for key in glossary.KEYS:
        explanation = glossary.explain(key)
        # Said in her language: Russian text in the Russian window, and not the term again.
        assert any("а" <= c <= "я" for c in explanation.lower()) == (language == "ru"), key
        assert len(explanation) > 3 * len(glossary.title(key)), key


def test_qt_own_dialog_texts_follow_the_language(language, qtbot):
    dialog = QFileDialog(None, "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    if language == "ru":
        assert "Отмена" in buttons and "&Имя файла:" in labels, (buttons, labels)
    else:
        assert "Cancel" in buttons and "File &name:" in labels, (buttons, labels)
    assert QApplication.translate("QPlatformTheme", "Cancel") == (
        "Отмена" if language == "ru" else "Cancel")


def _cyrillic(text: str) -> bool:
    return any("а" <= c <= "я" or c == "ё" for c in text.lower())


def test_the_demo_speaks_her_language_on_every_tab(language, ctx, qtbot, qloop, tmp_path):
    """Made in the Russian window, the demo's prompt, topics, snapshot, job and chats are
    Russian, and the finished job's chart speaks of loss (Потери), never of an error."""
    demo = tmp_path / "demo.nstudio"
    create_demo_project(demo).close()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(demo)
    qloop.run_until_complete(asyncio.sleep(0.6))
    project = ctx.project
    russian = language == "ru"
    topics = [r[0] for r in project.conn.execute("SELECT name FROM topics")]
    snapshots = [r[0] for r in project.conn.execute("SELECT name FROM snapshots")]
    for text in (project.system_prompt, *topics, *snapshots):
        assert _cyrillic(text) == russian, text
    finetune = window.tab_widgets["finetune"]
    finetune.jobs_list.setCurrentItem(finetune.jobs_list.topLevelItem(0))
    item = finetune.jobs_list.topLevelItem(0)
    job = " ".join(item.text(c) for c in range(item.columnCount()))
    assert _cyrillic(job) == russian, job
    chart = finetune.job_view.chart.chart()
    words = [axis.titleText() for axis in chart.axes()] + [s.name() for s in chart.series()]
    assert words and all(_cyrillic(w) == russian for w in words if w != "Step"), words
    if russian:
        assert not any("Ошибк" in w for w in words) and any("Потери" in w for w in words)
    columns = window.tab_widgets["testchat"].side_by_side.columns
    assert all(_cyrillic(c.transcript.toPlainText()) == russian for c in columns)
