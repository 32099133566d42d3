"""``privacy --not-personal WORD`` and ``--personal-again WORD``: the allow-list from the CLI."""

from __future__ import annotations

import json

import pytest

from natasha_studio.cli import main
from natasha_studio.core.pairs import Turn, add_pair, get_pair
from natasha_studio.core.privacy import load_settings
from natasha_studio.core.store import Project


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "allow.nstudio"
    project = Project.create(path, "Наташа")
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name, username) VALUES (1, 'Марина Иванова', 'marina_iv')")
    add_pair(project, [Turn("user", "Марина спрашивает: кто такая богиня Хатхор?", 1),
                       Turn("assistant", "Хатхор — богиня радости и музыки.", 2)])
    project.close()
    return path


def _run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().out


def _found(capsys, path) -> int:
    """How many findings the privacy report counts (Марина, and Хатхор twice unless allowed)."""
    code, out = _run(capsys, "privacy", str(path), "--json")
    assert code == 0
    return sum(json.loads(out)["counts"].values())


def test_not_personal_then_redact_then_personal_again(project_file, capsys):
    assert _found(capsys, project_file) == 3

    code, out = _run(capsys, "privacy", str(project_file), "--not-personal", "Хатхор")
    assert code == 0 and "«Хатхор»" in out and "--personal-again Хатхор" in out
    assert _found(capsys, project_file) == 1

    code, out = _run(capsys, "privacy", str(project_file), "--not-personal", "хатхор")
    assert code == 0 and "already" in out

    _run(capsys, "privacy", str(project_file), "--redact")
    with Project.open(project_file) as project:
        turns = [t.text for t in get_pair(project, 1).turns]
    assert "Хатхор" in turns[0] and "Хатхор" in turns[1] and "Марина" not in turns[0]

    _run(capsys, "privacy", str(project_file), "--undo")
    code, out = _run(capsys, "privacy", str(project_file), "--personal-again", "Хатхор", "--json")
    data = json.loads(out)
    assert code == 0 and data["changed"] and data["allow_list"] == []
    assert _found(capsys, project_file) == 3

    code, out = _run(capsys, "privacy", str(project_file), "--personal-again", "Хатхор")
    assert code == 0 and "nothing changed" in out
    with Project.open(project_file) as project:
        assert load_settings(project).allow_list == ()


def test_blank_word_is_a_plain_error(project_file, capsys):
    code = main(["privacy", str(project_file), "--not-personal", " "])
    captured = capsys.readouterr()
    assert code != 0 and "No word was given" in captured.err and "Traceback" not in captured.err
