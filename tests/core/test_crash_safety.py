"""A writer killed with SIGKILL in the middle of editing loses no committed edit."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from natasha_studio.core import pairs as P
from natasha_studio.core.store import Project

WRITER = textwrap.dedent("""
    import sys
    from natasha_studio.core import pairs as P
    from natasha_studio.core.store import Project

    project = Project.open(sys.argv[1])
    pair_id = int(sys.argv[2])
    i = 0
    while True:
        i += 1
        turns = [P.Turn("user", "Вопрос"), P.Turn("assistant", f"Ответ, правка {i}")]
        P.set_turns(project, pair_id, turns)
        P.set_status(project, [pair_id], "approved" if i % 2 else "needs_work")
        print(i, flush=True)
""")


def test_sigkill_mid_edit_keeps_every_committed_edit(tmp_path):
    path = tmp_path / "crash.nstudio"
    with Project.create(path, "Наташа") as project:
        pair_id = P.add_pair(project, [P.Turn("user", "Вопрос"), P.Turn("assistant", "Ответ")])
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(pair_id)],
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.getcwd()})
    last = 0
    for line in proc.stdout:
        last = int(line)
        if last >= 40:
            break
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
    proc.wait()
    proc.stdout.close()

    with Project.open(path) as project:
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        pair = P.get_pair(project, pair_id)
        edit_number = int(pair.answer.rsplit(" ", 1)[1])
        # Every edit the writer reported as done is there (it may have got one further).
        assert edit_number >= last
        edits = project.conn.execute(
            "SELECT count(*) FROM pair_edits WHERE pair_id = ? AND field = 'turns'",
            (pair_id,)).fetchone()[0]
        assert edits >= last
