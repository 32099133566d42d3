"""Detection: each source, inflected names, names that are common words, persona, lists."""

from __future__ import annotations

import pytest

from natasha_studio.core.privacy import PrivacySettings, load_settings, save_settings
from natasha_studio.core.privacy.detector import Detector, DetectorConfig, detector_for
from natasha_studio.core.privacy.patterns import find_patterns, luhn_valid


def _found(det: Detector, text: str) -> list[tuple[str, str, str]]:
    return [(text[s:e], kind, source) for s, e, kind, source, _ in det.detect([text])[0]]


def _config(participants=(), persona_ids=(), persona_name="Наташа", **settings) -> DetectorConfig:
    return DetectorConfig(tuple(participants), tuple(persona_ids), persona_name,
                          PrivacySettings(**settings))


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(_config(
        [(1, "Марина Иванова", "marina_iv"), (2, "Наташа Коуч", "natasha_coach"),
         (3, "Вера", ""), (4, "Kate Miller", "katemiller")],
        persona_ids=[2]))


@pytest.mark.parametrize("text, value", [
    ("звоните +7 916 123-45-67", "+7 916 123-45-67"),
    ("звоните 8 (903) 555-12-34.", "8 (903) 555-12-34"),
    ("номер +79161234567", "+79161234567"),
    ("мой 916 765 43 21", "916 765 43 21"),
    ("call +44 20 7946 0958 today", "+44 20 7946 0958"),
    ("or +1 (415) 555-0132", "+1 (415) 555-0132"),
])
def test_phone_formats(text, value):
    assert [(text[s:e], k) for s, e, k, _ in find_patterns(text)] == [(value, "phone")]


@pytest.mark.parametrize("text", [
    "Тренировка 12.10.2023 в 18:30, стоимость 1500 рублей.",
    "Заказ номер 1234567890 уже отправлен.",
    "Пробежала 21 км за 2:05:33, пульс 150-160.",
    "Статья: https://habr.com/ru/articles/123456/",
    "На улице сегодня холодно.",
])
def test_numbers_dates_and_articles_are_not_personal_data(text):
    assert find_patterns(text) == []


def test_emails_mentions_links_cards_addresses():
    text = ("Пишите marina.iv@mail.ru или @marina_iv, профиль https://vk.com/id123 и t.me/marina; "
            "карта 4276 1600 1234 5678; живу на ул. Ленина, д. 5, кв. 12")
    kinds = {text[s:e]: k for s, e, k, _ in find_patterns(text)}
    assert kinds == {
        "marina.iv@mail.ru": "email", "@marina_iv": "username", "https://vk.com/id123": "link",
        "t.me/marina": "link", "4276 1600 1234 5678": "card", "ул. Ленина, д. 5, кв. 12": "address",
    }


def test_card_checksum():
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    text = "код 4111111111111112 и 4111111111111111"
    assert [text[s:e] for s, e, _, _ in find_patterns(text)] == ["4111111111111111"]


@pytest.mark.parametrize("text, name", [
    ("Передайте Марине привет", "Марине"),
    ("Я говорила с Мариной вчера", "Мариной"),
    ("У Марины болит колено", "Марины"),
    ("марина, привет!", "марина"),
])
def test_participant_names_in_every_case(det, text, name):
    assert (name, "person", "participant") in _found(det, text)


def test_first_name_and_surname_are_one_span(det):
    assert ("Мариной Ивановой", "person", "participant") in _found(det, "С Мариной Ивановой всё хорошо")


def test_names_that_are_common_words(det):
    assert _found(det, "Вера в себя — это половина успеха.") == []
    assert _found(det, "Без веры ничего не выйдет.") == []
    assert ("Вере", "person", "participant") in _found(det, "Передайте Вере привет.")
    assert _found(det, "Will you join the run? I will.") == []
    assert ("Mark", "person", "name_dictionary") in _found(det, "My husband Mark runs too.")


def test_people_who_are_not_participants(det):
    found = _found(det, "Мой муж Андрей и Петру Сидорову из Казани привет")
    assert ("Андрей", "person", "ner") in found
    assert ("Андрей", "person", "name_dictionary") in _found(
        Detector(_config(use_ner=False)), "Мой муж Андрей")
    assert ("Петру Сидорову", "person", "ner") in found
    assert ("Казани", "place", "ner") in found


def test_english_participant_and_username(det):
    found = _found(det, "Ask Kate Miller or katemiller about it")
    assert ("Kate Miller", "person", "participant") in found
    assert ("katemiller", "username", "participant") in found


def test_persona_kept_or_replaced():
    kept = Detector(_config([(2, "Наташа Коуч", "natasha_coach")], persona_ids=[2]))
    text = "Наташа, спасибо! Натальей восхищаюсь. Hi Natasha!"
    assert [f for f in _found(kept, text) if f[0].startswith(("Наташ", "Natasha"))] == []
    replaced = Detector(_config([(2, "Наташа Коуч", "natasha_coach")], persona_ids=[2],
                                replace_persona=True))
    found = _found(replaced, text)
    assert ("Наташа", "person", "persona") in found
    assert ("Natasha", "person", "persona") in found


def test_allow_and_deny_lists():
    plain = Detector(_config())
    text = "Медитация посвящена богине Хатхор. Встреча в клубе Ромашка, спросите Кузю."
    listed = Detector(_config(allow_list=("Хатхор",), deny_list=("Ромашка", "Кузя")))
    found = _found(listed, text)
    assert not any(f[0] == "Хатхор" for f in found)
    assert ("Ромашка", "custom", "deny_list") in found
    assert ("Кузю", "custom", "deny_list") in found  # an inflected form of a deny-listed word
    assert not any(f[1] == "custom" for f in _found(plain, text))


def test_placeholders_are_not_found_again(det):
    assert _found(det, "[ИМЯ_1] звонила по номеру [ТЕЛЕФОН], её адрес [АДРЕС].") == []


def test_settings_round_trip_and_detector_follows_them(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name) VALUES (7, 'Ольга Петрова')")
    first = detector_for(project)
    assert first is detector_for(project)  # built once for the same set-up
    save_settings(project, PrivacySettings(allow_list=("Ольга",), mode="fake_names"))
    settings = load_settings(project)
    assert settings.allow_list == ("Ольга",) and settings.mode == "fake_names"
    second = detector_for(project)
    assert second.config.hash != first.config.hash
    assert _found(second, "Ольга пришла") == []


def test_malformed_settings_fall_back_to_defaults(project):
    project.set_setting("privacy_mode", "shout")
    project.set_setting("privacy_allow_list", "not a list")
    project.set_setting("privacy_kinds", ["phone", "nonsense"])
    settings = load_settings(project)
    assert settings.mode == "placeholders"
    assert settings.allow_list == ()
    assert settings.kinds == ("phone",)
    with pytest.raises(ValueError):
        save_settings(project, PrivacySettings(mode="shout"))


@pytest.mark.parametrize("text", ["Ок", "Ок, спасибо", "Спасибо!", "Привет всем!", "Да"])
def test_short_replies_have_no_entities(det, text):
    assert _found(det, text) == []


def test_missing_ner_model_is_explained(monkeypatch, tmp_path):
    from natasha_studio.core.errors import StudioError
    from natasha_studio.core.privacy import ner

    monkeypatch.setattr(ner, "_tagger", None)
    monkeypatch.setattr(ner, "natasha_data_dir", lambda: tmp_path)
    with pytest.raises(StudioError) as info:
        ner.entities(["Марина из Казани"])
    assert "could not be loaded" in info.value.message and info.value.hint
