"""The demo project and the import/stats commands."""

from __future__ import annotations

import json

from natasha_studio.cli import main
from natasha_studio.core.dataset.pipeline import pair_counts
from natasha_studio.core.store import Project
from natasha_studio.operations.demo import DEMO_PERSONA_ID, create_demo_project, demo_export_path


def test_demo_project_has_the_whole_flow(tmp_path):
    project = create_demo_project(tmp_path / "demo")
    try:
        counts = pair_counts(project)
        assert project.counts()["messages"] > 250
        assert counts["reply"] > 30 and counts["implicit"] > 0
        assert project.get_setting("persona_ids") == [DEMO_PERSONA_ID]
        assert project.conn.execute("SELECT count(*) FROM forum_topics").fetchone()[0] == 3
        multi = project.conn.execute(
            "SELECT count(*) FROM pairs WHERE json_array_length(turns_original) >= 4").fetchone()[0]
        assert multi > 0
        assert project.conn.execute("SELECT count(*) FROM pair_topics").fetchone()[0] > 0
    finally:
        project.close()


def test_cli_import_then_stats(tmp_path, capsys):
    target = tmp_path / "cli.nstudio"
    code = main(["import", str(target), str(demo_export_path()), "--persona-id", "user500100"])
    out = capsys.readouterr().out
    assert code == 0 and "pairs (" in out and "291" in out
    assert main(["stats", str(target), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    for key in ("messages", "chats", "participants", "pairs", "pairs_by_status", "pairs_by_chat",
                "topics", "avg_answer_chars"):
        assert key in stats
    assert stats["messages"] == 291 and stats["pairs"] > 30
    assert main(["stats", str(target)]) == 0
    assert "Pairs:" in capsys.readouterr().out


def test_cli_persona_by_name_and_number(tmp_path, capsys):
    target = tmp_path / "named.nstudio"
    assert main(["import", str(target), str(demo_export_path()), "--persona-name", "наташа"]) == 0
    with Project.open(target) as project:
        assert project.get_setting("persona_ids") == [DEMO_PERSONA_ID]
        assert project.persona_name == "наташа"
    assert main(["import", str(target), str(demo_export_path()), "--persona-id", "-1001234"]) == 0
    with Project.open(target) as project:
        assert -1001234 in project.get_setting("persona_ids")


def test_cli_bad_input(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("just notes")
    assert main(["import", str(tmp_path / "p.nstudio"), str(bad)]) == 1
    assert "notes.txt" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "p.nstudio"), str(bad), "--persona-id", "bob"]) == 1
    assert "not a Telegram id" in capsys.readouterr().err
