"""Learning from the curator's decisions, as the Pairs tab asks for it: not yet (and how many
more decisions), learnt (and how the order of the pairs to review changed), and undone
decisions taking back what they taught."""

from __future__ import annotations

from test_quality_score import _project

from natasha_studio.core.dataset import quality_learning
from natasha_studio.core.store import Project
from natasha_studio.operations import learning


def _decide(project, ids, pairs):
    with project.transaction() as conn:
        for pair_id in ids:
            conn.execute("UPDATE pairs SET status = ? WHERE id = ?",
                         ("rejected" if pairs[pair_id - 1].real else "approved", pair_id))


def test_not_yet_says_how_many_more_and_changes_nothing(tmp_path):
    path, pairs = _project(tmp_path)
    with Project.open(path) as project:
        _decide(project, range(1, 21), pairs)
        ready = learning.readiness(project)
        assert not ready.enough and ready.more_needed == learning.quality_learning.MIN_DECISIONS - 20
        before = project.conn.execute("SELECT id, quality FROM pairs").fetchall()
        outcome = learning.learn(project)
        assert outcome.rescored == 0 and not outcome.fitted and outcome.changes.empty
        assert project.conn.execute("SELECT id, quality FROM pairs").fetchall() == before


def test_more_needed_counts_the_missing_kind():
    ready = learning.Readiness(approved=60, rejected=3, fitted=False, fitted_on=0)
    assert not ready.enough and ready.more_needed == 7


def test_learning_reorders_and_undoing_goes_back_to_the_defaults(tmp_path):
    path, pairs = _project(tmp_path)
    with Project.open(path) as project:
        ids = list(range(1, quality_learning.MIN_DECISIONS + 11))
        _decide(project, ids, pairs)
        assert learning.readiness(project).enough
        outcome = learning.learn(project)
        assert outcome.fitted and outcome.rescored == len(pairs)
        assert 0 < outcome.reviewed_top <= learning.TOP and 0 <= outcome.moved <= outcome.reviewed_top
        ready = learning.readiness(project)
        assert ready.fitted and ready.fitted_on == len(ids) and not ready.out_of_date
        # Decisions undone below the threshold: the learnt score is out of date, and
        # learning again takes back what they taught.
        with project.transaction() as conn:
            conn.execute("UPDATE pairs SET status = 'new' WHERE id > 20")
        assert learning.readiness(project).out_of_date
        again = learning.learn(project)
        assert not again.fitted and again.rescored == len(pairs)
        assert quality_learning.project_weights(project) is None
        assert not learning.readiness(project).out_of_date
