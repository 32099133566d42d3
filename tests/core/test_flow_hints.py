"""The first-run guide's next step sends the curator where she can act."""

from __future__ import annotations

from core.export_fixtures import make_pairs

from natasha_studio.core.dataset.settings import set_persona_ids
from natasha_studio.core.flow import flow_progress, next_step
from natasha_studio.core.store import Project


def test_with_no_pairs_found_the_next_step_is_the_sources_tab(tmp_path):
    with Project.create(tmp_path / "p.nstudio", "Наташа") as project:
        project.conn.execute("INSERT INTO chats (id, name, type) VALUES (1, 'Клуб', 'group')")
        set_persona_ids(project, [100])
        upcoming = next_step(flow_progress(project))
        assert upcoming.key == "pairs" and upcoming.tab == "sources"
        assert "Sources tab says why" in upcoming.hint
        make_pairs(project, 3, status_cycle=("new",))
        upcoming = next_step(flow_progress(project))
        assert upcoming.key == "pairs" and upcoming.tab == "pairs"
        assert "approve" in upcoming.hint
