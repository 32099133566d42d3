"""The project file: creation, migrations with backups, bad files, transactions."""

from __future__ import annotations

import sqlite3

import pytest

from natasha_studio.core import schema
from natasha_studio.core.errors import ProjectError
from natasha_studio.core.store import Project, inspect_file


def test_create_and_reopen(tmp_path):
    with Project.create(tmp_path / "coach", "Наташа", "Ты — Наташа.") as project:
        assert project.path.name == "coach.nstudio"
        assert project.schema_version == schema.SCHEMA_VERSION
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Project.open(tmp_path / "coach.nstudio") as project:
        assert project.persona_name == "Наташа"
        assert project.system_prompt == "Ты — Наташа."
        assert project.counts()["pairs"] == 0
        versions = [r[0] for r in project.conn.execute("SELECT version FROM schema_version")]
        assert versions == list(range(1, schema.SCHEMA_VERSION + 1))


def test_create_refuses_existing_file_and_empty_persona(tmp_path):
    Project.create(tmp_path / "a.nstudio", "Наташа").close()
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_path / "a.nstudio", "Наташа")
    with pytest.raises(ProjectError, match="name"):
        Project.create(tmp_path / "b.nstudio", "   ")


def test_settings_round_trip(project):
    project.set_setting("persona_ids", [123, -1000000000456])
    project.set_setting("extraction", {"gap_minutes": 2, "окно": "10"})
    assert project.get_setting("persona_ids") == [123, -1000000000456]
    assert project.get_setting("extraction") == {"gap_minutes": 2, "окно": "10"}
    assert project.get_setting("missing", 5) == 5


def test_transaction_rolls_back_on_error(project):
    with pytest.raises(RuntimeError), project.transaction() as conn:
        conn.execute("INSERT INTO chats(id, name) VALUES (1, 'x')")
        raise RuntimeError("boom")
    assert project.counts()["chats"] == 0


def test_nested_transaction_rolls_back_inner_only(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO chats(id, name) VALUES (1, 'outer')")
        with pytest.raises(ValueError), project.transaction():
            conn.execute("INSERT INTO chats(id, name) VALUES (2, 'inner')")
            raise ValueError
    names = [r[0] for r in project.conn.execute("SELECT name FROM chats")]
    assert names == ["outer"]


def test_migration_makes_a_backup_first(tmp_path, monkeypatch):
    path = tmp_path / "old.nstudio"
    with Project.create(path, "Наташа") as project:
        project.conn.execute("INSERT INTO chats(id, name) VALUES (7, 'Чат')")
    extra = "CREATE TABLE future_things (id INTEGER PRIMARY KEY);"
    monkeypatch.setattr("natasha_studio.core.store.MIGRATIONS", [*schema.MIGRATIONS, extra])
    monkeypatch.setattr("natasha_studio.core.store.SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with Project.open(path) as project:
        assert project.schema_version == schema.SCHEMA_VERSION + 1
        project.conn.execute("SELECT * FROM future_things")
    backups = list(tmp_path.glob("old.backup-v*.nstudio"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("SELECT name FROM chats").fetchall() == [("Чат",)]
    conn.close()


def test_failed_migration_leaves_the_project_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.nstudio"
    Project.create(path, "Наташа").close()
    broken = "CREATE TABLE ok_one (id INTEGER);\nTHIS IS NOT SQL;"
    monkeypatch.setattr("natasha_studio.core.store.MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr("natasha_studio.core.store.SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with pytest.raises(ProjectError, match="backup"):
        Project.open(path)
    monkeypatch.undo()
    with Project.open(path) as project:
        assert project.schema_version == schema.SCHEMA_VERSION
        tables = {r[0] for r in project.conn.execute("SELECT name FROM sqlite_master")}
        assert "ok_one" not in tables


@pytest.mark.parametrize("content", [
    b"",
    b"hello, this is not a database" * 10,
    b'{"name": "chat", "messages": []}',
])
def test_not_a_project_is_refused_and_unchanged(tmp_path, content):
    path = tmp_path / "file.nstudio"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="not a Natasha Studio project"):
        Project.open(path)
    assert path.read_bytes() == content
    assert not list(tmp_path.glob("*-wal"))


def test_foreign_sqlite_database_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="not a Natasha Studio project"):
        Project.open(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "new.nstudio"
    Project.create(path, "Наташа").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(path)
    assert path.read_bytes() == before


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ProjectError, match="does not exist"):
        Project.open(tmp_path / "nope.nstudio")
    with pytest.raises(ProjectError, match="folder"):
        inspect_file(tmp_path)


def test_truncated_project_is_reported(tmp_path):
    path = tmp_path / "cut.nstudio"
    with Project.create(path, "Наташа") as project:
        with project.transaction() as conn:
            conn.executemany("INSERT INTO chats(id, name) VALUES (?, ?)",
                             [(i, "x" * 500) for i in range(2000)])
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ProjectError):
        Project.open(path).counts()


_LEAVE_WAL = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0.2, isolation_level=None)
try:
    print(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0])
except sqlite3.OperationalError as exc:
    print("refused:", exc)
"""


def test_opening_an_open_project_again_keeps_its_locks(tmp_path):
    """Worker threads open the project the window has open. Reading its header with a plain
    open()/close() would drop this process's locks on POSIX systems, and another process could
    then take the database from under the open connections (here: switch it out of WAL)."""
    import subprocess
    import sys

    path = tmp_path / "p.nstudio"
    first = Project.create(path, "Наташа")
    try:
        for _ in range(3):
            Project.open(path).close()
            inspect_file(path)
        mode = subprocess.run([sys.executable, "-c", _LEAVE_WAL, str(path)], capture_output=True,
                              text=True, timeout=60).stdout.strip()
        assert mode != "delete", "another process took the database while it was open here"
        assert first.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        first.set_setting("still", "writable")
    finally:
        first.close()
    # Closed everywhere: the header is read again, and a foreign file is still told apart.
    other = tmp_path / "other.nstudio"
    other.write_text("not a project")
    with pytest.raises(ProjectError, match="not a Natasha Studio project"):
        inspect_file(other)


def test_only_the_last_connection_of_the_process_refreshes_the_statistics(tmp_path):
    """``PRAGMA optimize`` writes: run by a worker's connection closing after an extraction,
    it held the write lock while the window's edit waited. The window's own connection,
    closing last, runs it."""
    path = tmp_path / "stats.nstudio"
    Project.create(path, "Наташа", "").close()
    window = Project.open(path)
    worker = Project.open(path)
    said: dict[str, list[str]] = {"window": [], "worker": []}
    window.conn.set_trace_callback(said["window"].append)
    worker.conn.set_trace_callback(said["worker"].append)
    worker.close()
    assert not any("optimize" in s for s in said["worker"])
    window.close()
    assert any("PRAGMA optimize" in s for s in said["window"])
