"""Why so few pairs: the tally of each rule on small crafted chats, the slips it names, and
the wider-window preview checked against a real extraction with that window."""

from __future__ import annotations

import pytest

from natasha_studio.core.dataset.pipeline import pair_counts, run_extraction
from natasha_studio.core.dataset.settings import ExtractionSettings, set_persona_ids
from natasha_studio.core.dataset.why import dry_run, explain, stored_tally
from natasha_studio.telegram.export.importer import import_exports
from natasha_studio.telegram.export.synth import message as m
from natasha_studio.telegram.export.synth import write_export

NATASHA, OLGA, IVAN = "user100", "user201", "user202"
CHANNEL = "channel900"
CHANNEL_ID = -(10**12 + 900)
T0 = 1_700_000_000


def _import(project, tmp_path, msgs, chat_type="private_supergroup", persona=(100,)):
    path = write_export(tmp_path / "result.json", "Клуб", chat_type, 4242, msgs)
    assert not import_exports(project, [path]).errors
    set_persona_ids(project, list(persona))


def _explained(project):
    tally, settings = stored_tally(project)
    return tally, explain(project, tally, settings)


def _text(explanation):
    return "\n".join(f.text for f in explanation.findings)


def test_no_persona_ticked(project, tmp_path):
    _import(project, tmp_path, [m(1, T0, "Ольга", OLGA, "Как начать?")], persona=())
    run_extraction(project)
    explanation = explain(project, None, ExtractionSettings())
    assert "No persona is ticked" in _text(explanation)
    assert explanation.worth_showing


def test_persona_never_replies(project, tmp_path):
    # She posts announcements; members answer her, she never answers them.
    _import(project, tmp_path, [
        m(1, T0, "Наташа", NATASHA, "Доброе утро! Сегодня эфир в семь."),
        m(2, T0 + 60, "Ольга", OLGA, "Ура, приду!", reply_to=1),
        m(3, T0 + 100_000, "Наташа", NATASHA, "Запись эфира уже в канале."),
        m(4, T0 + 100_200, "Наташа", NATASHA, "И вопросы к следующему эфиру пишите сюда.",
          reply_to=3),
    ])
    report = run_extraction(project)
    tally, explanation = _explained(project)
    assert report.total == 0 and tally == report.tally
    assert (tally.persona_messages, tally.persona_turns) == (3, 3)
    assert tally.first_in_chat == 1 and tally.reply_to_self == 1 and tally.too_late == 1
    text = _text(explanation)
    assert "The persona wrote 3 message" in text
    assert "to her own message, not to a member" in text and "a chat or a topic" in text
    assert explanation.worth_showing and explanation.options == []
    assert "more than a day" in text


def test_answers_later_than_the_window_and_the_preview(project, tmp_path):
    delays = [300, 1200, 2400, 5000, 9000, 20_000, 50_000, 200_000]
    msgs, t, msg_id = [], T0, 0
    for delay in delays:
        msgs.append(m(msg_id + 1, t, "Ольга", OLGA, "Подскажите, с чего начать практику?"))
        msgs.append(m(msg_id + 2, t + delay, "Наташа", NATASHA, "С трёх минут дыхания утром."))
        msg_id += 2
        t += delay + 500_000
    _import(project, tmp_path, msgs)
    report = run_extraction(project)
    assert report.total == 1  # only the answer 5 minutes later
    tally, explanation = _explained(project)
    assert tally.too_late == 7
    assert "later than 10 minute" in _text(explanation)
    options = {o.seconds: o.added for o in explanation.options}
    assert options == {3600: 2, 3 * 3600: 4, 24 * 3600: 6}
    assert explanation.options[0].text.startswith("Within 1 hour")
    for seconds, added in options.items():  # the preview is what extraction then finds
        settings = ExtractionSettings(implicit_window_s=seconds)
        assert run_extraction(project, settings=settings).total == report.total + added
        assert dry_run(project, settings).pairs == report.total + added
    assert pair_counts(project)["total"] == 7


def test_answers_without_reply_switched_off(project, tmp_path):
    _import(project, tmp_path, [
        m(1, T0, "Ольга", OLGA, "Как не срываться на детей?"),
        m(2, T0 + 100, "Наташа", NATASHA, "Сначала выдох, потом слова."),
        m(3, T0 + 9000, "Иван", IVAN, "А что делать со страхом?"),
        m(4, T0 + 12_000, "Наташа", NATASHA, "Назвать его вслух и рассмотреть."),
    ])
    settings = ExtractionSettings(implicit=False)
    settings.save(project)
    assert run_extraction(project).total == 0
    tally, explanation = _explained(project)
    assert tally.implicit_off == 1 and tally.too_late == 1
    assert "switched off" in _text(explanation)
    # Switching them on with a one-hour window finds both.
    assert [(o.seconds, o.added) for o in explanation.options] == [(3600, 2)]
    ExtractionSettings(implicit=True, implicit_window_s=3600).save(project)
    assert run_extraction(project).total == 2


def test_only_posts(project, tmp_path):
    _import(project, tmp_path, [
        m(1, T0, "Канал Наташи", CHANNEL, "Практика недели: дыхание по квадрату."),
        m(2, T0 + 86_400, "Канал Наташи", CHANNEL, "Эфир в пятницу в семь вечера."),
        m(3, T0 + 90_000, "Канал Наташи", CHANNEL, "Запись прошлого эфира."),
    ], chat_type="public_channel", persona=(CHANNEL_ID,))
    assert run_extraction(project).total == 0
    tally, explanation = _explained(project)
    assert tally.persona_messages == 3 and tally.first_in_chat == 1 and tally.after_self == 2
    assert "Nobody but the persona writes in these chats" in _text(explanation)


def test_the_wrong_account_ticked(project, tmp_path):
    _import(project, tmp_path, [
        m(1, T0, "Ольга", OLGA, "Как начать?"),
        m(2, T0 + 60, "Наташа", NATASHA, "С малого шага.", reply_to=1),
        m(3, T0 + 120, "Наташа", NATASHA, "И каждый день."),
    ], persona=(555,))  # an id that wrote nothing here
    assert run_extraction(project).total == 0
    _tally, explanation = _explained(project)
    assert "wrote no messages in these chats" in _text(explanation)
    suggestion = explanation.findings[-1]
    assert suggestion.tick == 100 and suggestion.tick_name == "Наташа"
    assert "is that her account?" in suggestion.text


def test_she_writes_as_her_channel(project, tmp_path):
    # In the discussion group her words come from the channel; her own account is silent.
    _import(project, tmp_path, [
        m(1, T0, "Канал Наташи", CHANNEL, "Практика недели: дыхание по квадрату."),
        m(2, T0 + 100, "Ольга", OLGA, "Сколько секунд на сторону?", reply_to=1),
        m(3, T0 + 200, "Канал Наташи", CHANNEL, "По четыре секунды.", reply_to=2),
        m(4, T0 + 300, "Иван", IVAN, "А вечером можно?", reply_to=1),
    ], persona=(100,))
    assert run_extraction(project).total == 0
    _tally, explanation = _explained(project)
    suggestion = explanation.findings[-1]
    assert suggestion.tick == CHANNEL_ID and "tick it as hers" in suggestion.text
    set_persona_ids(project, [100, suggestion.tick])
    assert run_extraction(project).total == 1


def test_replies_to_posts_short_and_low_count(project, tmp_path):
    _import(project, tmp_path, [
        m(1, T0, "Канал Наташи", CHANNEL, "Практика недели: дыхание по квадрату."),
        m(2, T0 + 100, "Наташа", NATASHA, "Пишите, как получается!", reply_to=1),
        m(3, T0 + 200, "Ольга", OLGA, "Сколько секунд на сторону?", reply_to=1),
        m(4, T0 + 300, "Наташа", NATASHA, "По четыре.", reply_to=3),
        m(5, T0 + 400, "Иван", IVAN, "Спасибо!"),
        m(6, T0 + 450, "Наташа", NATASHA, "!"),
        m(7, T0 + 50_000, "Наташа", NATASHA, "Завтра новая практика."),
    ])
    settings = ExtractionSettings(min_answer_chars=2)
    settings.save(project)
    assert run_extraction(project).total == 1
    tally, explanation = _explained(project)
    assert (tally.replied, tally.reply_to_post, tally.too_short, tally.after_self) == (1, 1, 1, 1)
    text = _text(explanation)
    assert "1 repl" in text and "became a pair" in text.replace("became pairs", "became a pair")
    assert "to a channel post" in text and "too short" in text
    assert explanation.worth_showing  # three of her four turns made no pair


def test_a_good_count_needs_no_explanation(project, tmp_path):
    _import(project, tmp_path, [
        m(1, T0, "Ольга", OLGA, "Как начать?"),
        m(2, T0 + 60, "Наташа", NATASHA, "С малого шага.", reply_to=1),
    ])
    run_extraction(project)
    _tally, explanation = _explained(project)
    assert explanation.pairs == 1 and not explanation.worth_showing


@pytest.mark.parametrize("persona", [(100,), (100, 555)])
def test_the_stored_tally_follows_the_persona(project, tmp_path, persona):
    _import(project, tmp_path, [m(1, T0, "Ольга", OLGA, "Как начать?")], persona=persona)
    run_extraction(project)
    assert stored_tally(project) is not None
    set_persona_ids(project, [201])
    assert stored_tally(project) is None  # counted for someone else: count again
    assert dry_run(project).persona_messages == 1


def test_the_command_line_explains_and_takes_a_wider_window(tmp_path, capsys):
    from natasha_studio.cli import main

    msgs, t = [], T0
    for i, delay in enumerate([1200, 2400, 9000]):
        msgs.append(m(2 * i + 1, t, "Ольга", OLGA, "Подскажите, с чего начать практику?"))
        msgs.append(m(2 * i + 2, t + delay, "Наташа", NATASHA, "С трёх минут дыхания утром."))
        t += delay + 500_000
    export = write_export(tmp_path / "result.json", "Клуб", "private_supergroup", 4242, msgs)
    target = tmp_path / "cli.nstudio"
    assert main(["import", str(target), str(export), "--persona-id", "user100"]) == 0
    out = capsys.readouterr().out
    assert "No pairs found. Why:" in out and "later than 10 minute" in out
    assert "(--answer-window 3600)" in out and "(--answer-window 10800)" in out
    assert main(["import", str(target), str(export), "--answer-window", "3600"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n2 pairs (0 from replies, 2 by proximity)") == 1
    assert "Why so few pairs:" in out and "(--answer-window 10800)" in out
    with pytest.raises(SystemExit):
        main(["import", str(target), str(export), "--answer-window", "5"])
    assert "at least 10" in capsys.readouterr().err


def test_every_turn_of_hers_is_counted_once_and_the_tally_changes_no_pair(project):
    from natasha_studio.core.dataset.extract import extract_pairs
    from natasha_studio.core.dataset.tally import ExtractionTally
    from natasha_studio.operations.demo import DEMO_PERSONA_ID, demo_export_path

    import_exports(project, [demo_export_path()])
    set_persona_ids(project, [DEMO_PERSONA_ID])
    report = run_extraction(project)
    tally = report.tally
    outcomes = (tally.replied + tally.implicit + tally.too_short + tally.reply_to_self
                + tally.reply_to_post + tally.first_in_chat + tally.after_self + tally.after_post
                + tally.after_unknown + tally.already_answered + tally.implicit_off
                + tally.too_late)
    assert outcomes == tally.persona_turns > 0 and tally.pairs == report.total
    assert dry_run(project) == tally == stored_tally(project)[0]
    settings = ExtractionSettings.load(project)
    plain = list(extract_pairs(project, {DEMO_PERSONA_ID}, settings))
    counted = list(extract_pairs(project, {DEMO_PERSONA_ID}, settings, tally=ExtractionTally()))
    assert plain == counted
