"""The ``privacy`` command: report, redact as one step, undo, audit; bad input in plain words."""

from __future__ import annotations

import json

import pytest

from natasha_studio.cli import main
from natasha_studio.core.pairs import Turn, add_pair, get_pair
from natasha_studio.core.store import Project


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "cli.nstudio"
    project = Project.create(path, "Наташа")
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name, username) VALUES (1, 'Марина Иванова', 'marina_iv')")
    add_pair(project, [Turn("user", "Я Марина, мой телефон +7 916 123-45-67", 1),
                       Turn("assistant", "Марина, спасибо, перезвоню.", 2)])
    add_pair(project, [Turn("user", "Сколько бегать?", 1), Turn("assistant", "Три раза.", 2)])
    project.close()
    return path


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_report_json_then_redact_undo_and_audit(project_file, capsys):
    code, out, _ = _run(capsys, "privacy", str(project_file), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["pairs_with_personal_data"] == 1
    assert data["counts"] == {"person": 2, "phone": 1}
    assert data["pairs"] == {"1": {"person": 2, "phone": 1}}

    code, out, _ = _run(capsys, "privacy", str(project_file))
    assert "pair #1" in out and "--redact" in out

    code, out, _ = _run(capsys, "privacy", str(project_file), "--redact", "--placeholders")
    assert code == 0 and "Replaced in 1 pair" in out and "--undo" in out
    with Project.open(project_file) as project:
        assert get_pair(project, 1).turns[0].text == "Я [ИМЯ_1], мой телефон [ТЕЛЕФОН]"

    code, out, _ = _run(capsys, "privacy", str(project_file), "--json")
    assert json.loads(out)["total"] == 0

    code, out, _ = _run(capsys, "privacy", str(project_file), "--audit", "--json")
    audit = json.loads(out)
    assert audit[0]["counts"] == {"person": 2, "phone": 1} and "Марина" not in out

    code, out, _ = _run(capsys, "privacy", str(project_file), "--undo")
    assert code == 0 and "1 pair restored" in out
    with Project.open(project_file) as project:
        assert "Марина" in get_pair(project, 1).turns[0].text

    code, _, err = _run(capsys, "privacy", str(project_file), "--undo")
    assert code == 1 and "no redaction to undo" in err


def test_fake_names_and_kinds(project_file, capsys):
    code, out, _ = _run(capsys, "privacy", str(project_file), "--redact", "--fake-names",
                        "--kinds", "person", "--json")
    assert json.loads(out)["counts"] == {"person": 2}
    with Project.open(project_file) as project:
        text = get_pair(project, 1).turns[0].text
    assert "Марина" not in text and "[ИМЯ" not in text and "+7 916" in text


def test_not_a_project(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    code, _, err = _run(capsys, "privacy", str(bad))
    assert code == 1 and "not a Natasha Studio project" in err
