"""The validation report's counted words read right in both languages: '1 example'."""

from __future__ import annotations

import pytest

from natasha_studio.core import i18n as core_i18n
from natasha_studio.core.export import report_lines
from natasha_studio.core.export.validation import ValidationReport
from natasha_studio.i18n import install_cli_translation


@pytest.fixture
def language(request):
    install_cli_translation(request.param)
    yield request.param
    core_i18n.install(None)
    core_i18n.set_language("en")


@pytest.mark.parametrize(("language", "count", "expected"), [
    ("en", 1, "Validation file: v.jsonl, 1 example"),
    ("en", 12, "Validation file: v.jsonl, 12 examples"),
    ("ru", 1, "Файл для проверки: v.jsonl, 1 пример"),
    ("ru", 3, "Файл для проверки: v.jsonl, 3 примера"),
    ("ru", 12, "Файл для проверки: v.jsonl, 12 примеров"),
], indirect=["language"])
def test_the_validation_file_line_counts_its_examples(language, count, expected):
    report = ValidationReport("t.jsonl", "openai", "gpt-4.1-mini", n_examples=20,
                              validation=ValidationReport("v.jsonl", "openai", "gpt-4.1-mini",
                                                          n_examples=count))
    assert expected in report_lines(report)
