"""The import's summary line counts in words that agree: '1 file (1 chat)', '1 файла (1 чат)'."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from natasha_studio.telegram.export.synth import message as m
from natasha_studio.telegram.export.synth import write_export


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Imported 2 new messages from 1 file (1 chat)."),
    ("ru", "Импортировано 2 новых сообщения из 1 файла (1 чат)."),
])
def test_the_import_line_of_one_file(tmp_path, language, expected):
    export = write_export(tmp_path / "result.json", "Клуб", "private_supergroup", 4242, [
        m(1, 1_700_000_000, "Ольга", "user201", "С чего начать?"),
        m(2, 1_700_000_060, "Наташа", "user100", "С дыхания.")])
    result = subprocess.run(
        [sys.executable, "-m", "natasha_studio", "import", str(tmp_path / "p.nstudio"),
         str(export)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "NATASHA_STUDIO_LANGUAGE": language})
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout.splitlines(), result.stdout
