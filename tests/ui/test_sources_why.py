"""The Sources tab explains a zero or low pair count, and a wider window is one click away."""

from __future__ import annotations

import asyncio

import pytest

from natasha_studio.core.dataset.pipeline import run_extraction
from natasha_studio.core.dataset.settings import ExtractionSettings, persona_ids, set_persona_ids
from natasha_studio.telegram.export.importer import import_exports
from natasha_studio.telegram.export.synth import message as m
from natasha_studio.telegram.export.synth import write_export
from natasha_studio.ui.sources.tab import WHY_TASK, SourcesTab

NATASHA, OLGA = "user100", "user201"
CHANNEL = "channel900"
T0 = 1_700_000_000


def _settle(qloop, tab, ctx):
    async def idle():
        for _ in range(600):
            if not tab._busy() and not ctx.tasks.is_running(WHY_TASK) \
                    and not tab._persona_timer.isActive():
                await asyncio.sleep(0.05)  # the done callbacks
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the background work did not finish")

    qloop.run_until_complete(idle())


@pytest.fixture
def english(qapp):
    """The English translation installed, as the window installs it (plural forms live there)."""
    from natasha_studio.i18n import install_app_translation, remove_app_translation

    translators = install_app_translation(qapp, "en")
    yield
    remove_app_translation(qapp, translators)


def _late_answers(project, tmp_path, delays, persona=(100,)):
    msgs, t = [], T0
    for i, delay in enumerate(delays):
        msgs.append(m(2 * i + 1, t, "Ольга", OLGA, "Подскажите, с чего начать практику?"))
        msgs.append(m(2 * i + 2, t + delay, "Наташа", NATASHA, "С трёх минут дыхания утром."))
        t += delay + 500_000
    path = write_export(tmp_path / "result.json", "Клуб", "private_supergroup", 4242, msgs)
    import_exports(project, [path])
    set_persona_ids(project, list(persona))
    run_extraction(project)


def test_zero_pairs_explained_and_a_wider_window_in_one_click(ctx_with_project, qtbot, qloop,
                                                             tmp_path, english):
    ctx = ctx_with_project
    _late_answers(ctx.project, tmp_path, [1200, 2400, 9000])
    tab = SourcesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    _settle(qloop, tab, ctx)
    panel = tab.extraction
    assert panel.count.text() == "No pairs found. Why:"  # not a bare "0 pairs"
    why = panel.why
    assert why.isVisible() and why.details.isVisible() and not why.link.isVisible()
    assert "later than 10 minute" in why.body.text()
    # English plural forms come from the English translation, loaded as the window loads it.
    assert [b.text() for b in why.buttons] == ["Within 1 hour: 2 more pairs",
                                               "Within 3 hours: 3 more pairs"]
    why.buttons[0].click()
    _settle(qloop, tab, ctx)
    assert ExtractionSettings.load(ctx.project).implicit_window_s == 3600
    assert panel.window.value() == 3600
    assert panel.count.text().startswith("2 pair")
    # Two pairs of three answers: a few, with the rest one click away.
    assert why.isVisible() and why.link.isVisible() and not why.details.isVisible()
    why.link.linkActivated.emit("why")
    assert why.details.isVisible()
    assert [b.text() for b in why.buttons] == ["Within 3 hours: 1 more pair"]


def test_a_good_count_shows_no_report(ctx_with_project, qtbot, qloop, tmp_path):
    ctx = ctx_with_project
    _late_answers(ctx.project, tmp_path, [60, 120])
    tab = SourcesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    _settle(qloop, tab, ctx)
    assert tab.extraction.count.text().startswith("2 pair")
    assert not tab.extraction.why.isVisible()


def test_the_channel_she_writes_as_is_ticked_in_one_click(ctx_with_project, qtbot, qloop,
                                                          tmp_path):
    ctx = ctx_with_project
    msgs = [
        m(1, T0, "Канал Наташи", CHANNEL, "Практика недели: дыхание по квадрату."),
        m(2, T0 + 100, "Ольга", OLGA, "Сколько секунд на сторону?", reply_to=1),
        m(3, T0 + 200, "Канал Наташи", CHANNEL, "По четыре секунды.", reply_to=2),
    ]
    import_exports(ctx.project, [write_export(tmp_path / "r.json", "Клуб", "private_supergroup",
                                              4242, msgs)])
    set_persona_ids(ctx.project, [100])  # her own account: silent here
    tab = SourcesTab(ctx)  # no extraction has run yet: the report is counted without one
    qtbot.addWidget(tab)
    tab.show()
    _settle(qloop, tab, ctx)
    why = tab.extraction.why
    assert "wrote no messages in these chats" in why.body.text()
    assert [b.text() for b in why.buttons] == ["Tick \u201cКанал Наташи\u201d as hers"]
    why.buttons[0].click()
    _settle(qloop, tab, ctx)
    assert persona_ids(ctx.project) == sorted([100, -(10**12 + 900)])
    assert tab.extraction.count.text().startswith("1 pair")
