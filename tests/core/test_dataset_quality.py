"""Quality reasons on examples a curator would recognise."""

from __future__ import annotations

import pytest

from natasha_studio.core.dataset.quality import assess, letter_counts, script

_RU_Q = "Как справиться с тревогой перед важным разговором?"
_RU_A = "Подыши медленно, почувствуй опору под ногами и скажи себе, что ты в безопасности."


@pytest.mark.parametrize(("question", "answer", "reason"), [
    (_RU_Q, _RU_A, None),
    ("How do I deal with anxiety before a talk?", _RU_A, "language_mismatch"),
    (_RU_Q, "Breathe slowly and feel the ground under your feet, you are safe.", "language_mismatch"),
    # Ukrainian and Russian are both Cyrillic: not a mismatch.
    (_RU_Q, "Дихай повільно, відчуй опору під ногами: ти в безпеці, усе гаразд.", None),
    # A link in the answer is Latin whatever the language: not counted.
    (_RU_Q, "Вот запись медитации, слушай утром: https://example.com/meditation/morning-calm", None),
    ("Ок", _RU_A, None),  # too few letters to tell
])
def test_language_mismatch(question, answer, reason):
    reasons = assess(question, answer)[1]
    assert ("language_mismatch" in reasons) == (reason == "language_mismatch")


def test_letter_counts_and_script():
    assert letter_counts("Привет, Мир! Hello Ёж, їжак") == (15, 5)
    assert script(_RU_A) == "cyrillic"
    assert script("Breathe slowly and feel the ground") == "latin"
    assert script("Ок, ok") is None
    assert script("Наполовину по-русски and half in English, sure") is None


@pytest.mark.parametrize(("answer", "reason"), [
    ("🙏🙏", "emoji_only"),
    ("Спасибо большое!", "greeting_only"),
    ("https://t.me/natasha_club/15", "link_only"),
    ("Да, верно.", "too_short"),
    ("Скидка 50% на курс по промокоду ВЕСНА, переходи и покупай!", "advertising"),
])
def test_answer_problems_are_named(answer, reason):
    score, reasons = assess(_RU_Q, answer)
    assert reason in reasons
    assert score < 1.0


def test_advertising_is_looked_for_in_the_first_2000_characters():
    filler = "Подыши медленно и почувствуй опору. " * 60  # 2,160 characters
    assert "advertising" in assess(_RU_Q, "Скидка на курс! " + filler)[1]
    assert "advertising" not in assess(_RU_Q, filler + " Скидка на курс!")[1]
    # A question is only suspect when it holds a link too.
    assert "advertising" not in assess("Где скидка на курс?", _RU_A)[1]
    assert "advertising" in assess("Скидка тут: https://example.com/sale", _RU_A)[1]
