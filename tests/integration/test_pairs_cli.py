"""The ``pairs`` command lists what the filters match and bulk-changes status with undo."""

from __future__ import annotations

import json

from pairs_data import populate

from natasha_studio.cli import main
from natasha_studio.core.curation import filters
from natasha_studio.core.curation.filters import PairFilter
from natasha_studio.core.store import Project


def _make(tmp_path):
    path = tmp_path / "cli.nstudio"
    with Project.create(path, "Наташа") as project:
        populate(project, 80)
    return path


def test_list_json_matches_filter(tmp_path, capsys):
    path = _make(tmp_path)
    assert main(["pairs", str(path), "--status", "new", "--min-quality", "0.5",
                 "--chat", "бега", "--json"]) == 0
    listed = [row["id"] for row in json.loads(capsys.readouterr().out)]
    with Project.open(path) as project:
        want = filters.matching_ids(project, PairFilter(
            statuses=("new",), min_quality=0.5, chat_ids=(-1000000000101,)))
    assert listed == list(want) and listed


def test_list_text_and_search(tmp_path, capsys):
    path = _make(tmp_path)
    assert main(["pairs", str(path), "--search", "колен", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "колен" in out.lower() and "pairs match" in out


def test_set_status_in_bulk_and_undo(tmp_path, capsys):
    path = _make(tmp_path)
    with Project.open(path) as project:
        before = dict(project.conn.execute("SELECT id, status FROM pairs").fetchall())
    assert main(["pairs", str(path), "--min-quality", "0.8", "--set-status", "approved",
                 "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["matched"] > 0 and result["changed"] > 0
    with Project.open(path) as project:
        high = set(filters.matching_ids(project, PairFilter(min_quality=0.8)))
        after = dict(project.conn.execute("SELECT id, status FROM pairs").fetchall())
    assert all(after[i] == "approved" for i in high)
    assert all(after[i] == before[i] for i in after if i not in high)
    assert main(["pairs", str(path), "--undo"]) == 0
    with Project.open(path) as project:
        assert dict(project.conn.execute("SELECT id, status FROM pairs").fetchall()) == before
    assert main(["pairs", str(path), "--undo"]) == 0
    assert "no bulk change" in capsys.readouterr().out


def test_unknown_chat_and_bad_regex_are_plain_errors(tmp_path, capsys):
    path = _make(tmp_path)
    assert main(["pairs", str(path), "--chat", "нет такого"]) == 1
    assert "No chat" in capsys.readouterr().err
    assert main(["pairs", str(path), "--search", "(", "--regex"]) == 1
    assert "regular expression" in capsys.readouterr().err
