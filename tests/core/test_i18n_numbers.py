"""Numbers are written as the reader's language writes them."""

from __future__ import annotations

import pytest

from natasha_studio.core import i18n


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


def test_russian_groups_with_a_no_break_space_and_uses_a_decimal_comma():
    i18n.set_language("ru")
    assert i18n.number(11088) == "11\u00a0088"
    assert i18n.number(43.25, 1) == "43,2" or i18n.number(43.25, 1) == "43,3"
    assert i18n.number(1234567.891, 2) == "1\u00a0234\u00a0567,89"
    assert i18n.number(-5) == "-5"


def test_english_and_unknown_languages():
    i18n.set_language("en")
    assert i18n.number(11088) == "11,088" and i18n.number(43.2, 1) == "43.2"
    i18n.set_language("xx")
    assert i18n.number(1000) == "1,000"
