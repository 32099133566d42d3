"""Fitting the quality score's weights: on labelled pairs (the shipped defaults) and on a
project's own curator decisions (approved: kept, rejected: not).

scikit-learn does the fitting (a logistic regression on standardised signals); it is imported
only when a fit runs, so scoring at import needs none of it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from natasha_studio.core.dataset.quality_model import (
    Weights,
    forget_meaning,
    pair_rows,
    score_pairs,
    with_duplicate,
)
from natasha_studio.core.store import Project

# A project's decisions replace the default weights once there are this many, with at least
# MIN_EACH of approvals and of rejections (a regression needs both kinds).
MIN_DECISIONS = 50
MIN_EACH = 10


def fit_weights(rows: np.ndarray, kept: np.ndarray, *, strength: float = 1.0,
                source: str = "default") -> Weights:
    """A logistic regression of ``kept`` (booleans) on signal rows. ``strength``: the inverse
    of the L2 regularisation (smaller keeps the weights closer to zero)."""
    from sklearn.linear_model import LogisticRegression

    kept = np.asarray(kept, bool)
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale < 1e-6] = 1.0   # a signal that never varies: its weight stays 0
    fitted = LogisticRegression(C=strength, max_iter=1000)
    fitted.fit((rows - mean) / scale, kept)
    reference = rows[kept].mean(axis=0) if kept.any() else mean
    return Weights(float(fitted.intercept_[0]), fitted.coef_[0].astype(np.float64), mean, scale,
                   reference, source, int(len(kept)) if source == "project" else 0)


SETTING_KEY = "quality_weights"
_RESCORE_BATCH = 2000


@dataclass
class Learned:
    """What :func:`learn_from_decisions` did."""

    approved: int
    rejected: int
    fitted: bool      # the project's own weights are in use (else the defaults)
    rescored: int     # pairs scored again


def project_weights(project: Project) -> dict | None:
    """The weights fitted on this project's decisions (as stored), or None: the defaults."""
    return project.get_setting(SETTING_KEY) or None


def decision_counts(project: Project) -> tuple[int, int]:
    """How many pairs (not deleted) are approved and how many rejected."""
    approved, rejected = project.conn.execute(
        "SELECT COALESCE(SUM(status = 'approved'), 0), COALESCE(SUM(status = 'rejected'), 0)"
        " FROM pairs WHERE deleted = 0").fetchone()
    return int(approved), int(rejected)


def top_to_review(project: Project, limit: int) -> list[int]:
    """The ids of the best-scored pairs still to review (new or needing work), best first."""
    return [r[0] for r in project.conn.execute(
        "SELECT id FROM pairs WHERE deleted = 0 AND status IN ('new', 'needs_work')"
        " ORDER BY quality DESC, id LIMIT ?", (limit,))]


def _decisions(project: Project) -> tuple[list[tuple], np.ndarray]:
    rows = project.conn.execute(
        "SELECT question, answer, confidence, status FROM pairs WHERE deleted = 0"
        " AND status IN ('approved', 'rejected') ORDER BY id").fetchall()
    pairs = [(q or "", a or "", not (q or "").strip(), not (a or "").strip(),
              1.0 if c is None else float(c)) for q, a, c, _s in rows]
    return pairs, np.array([s == "approved" for *_rest, s in rows], bool)


def learn_from_decisions(project: Project,
                         progress: Callable[[int, int], None] | None = None) -> Learned:
    """Fit the score on the curator's approvals and rejections when there are enough of
    them (else go back to the default weights: undoing decisions undoes what they taught),
    then score every extracted pair again, so that sorting by quality puts the pairs most
    likely to be approved first."""
    approved, rejected, fitted = refit(project)
    return Learned(approved, rejected, fitted, rescore(project, progress))


def refit(project: Project) -> tuple[int, int, bool]:
    """Fit the project's weights on its decisions, or drop them when there are too few
    (extraction calls this first, so that extracting again scores with what the curator
    taught). Returns the approvals, the rejections and whether the weights were fitted."""
    pairs, kept = _decisions(project)
    approved, rejected = int(kept.sum()), int((~kept).sum())
    fitted = (len(kept) >= MIN_DECISIONS and approved >= MIN_EACH and rejected >= MIN_EACH)
    if fitted:
        rows = decision_rows(pairs)
        forget_meaning()  # extraction's own scoring loads it in its helper process
        weights = fit_weights(rows, kept, strength=1.0, source="project")
        project.set_setting(SETTING_KEY, weights.to_json())
    elif project_weights(project) is not None:
        with project.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (SETTING_KEY,))
    return approved, rejected, fitted


def decision_rows(pairs: list[tuple]) -> np.ndarray:
    """The signals of pairs given as (question, answer, media flags, confidence)."""
    from natasha_studio.core.dataset.quality import assess_stripped

    prepared = []
    for question, answer, q_media, a_media, confidence in pairs:
        q, a = question.strip(), answer.strip()
        form = assess_stripped(q, a, q.lower(), a.lower(), question_media_only=q_media,
                               answer_media_only=a_media, confidence=confidence)[1]
        prepared.append((q, a, q.lower(), a.lower(), form))
    return pair_rows(prepared)


def rescore(project: Project, progress: Callable[[int, int], None] | None = None) -> int:
    """Score every pair again with the project's weights (or the defaults), keeping the
    duplicate verdicts extraction found (they depend on the order of the whole chat)."""
    stored = project_weights(project)
    weights = Weights.from_json(stored) if stored else None
    ids = [r[0] for r in project.conn.execute("SELECT id FROM pairs ORDER BY id")]
    done = 0
    for start in range(0, len(ids), _RESCORE_BATCH):
        chunk = ids[start:start + _RESCORE_BATCH]
        marks = ",".join("?" * len(chunk))
        rows = project.conn.execute(
            f"SELECT id, question, answer, confidence, quality_reasons FROM pairs"
            f" WHERE id IN ({marks}) ORDER BY id", chunk).fetchall()
        scored = score_pairs([(q or "", a or "", not (q or "").strip(), not (a or "").strip(),
                               1.0 if c is None else float(c)) for _i, q, a, c, _r in rows],
                             weights)
        updates = []
        for (pair_id, *_texts, old), (score, reasons) in zip(rows, scored, strict=True):
            for dup in ("duplicate", "near_duplicate"):
                if dup in json.loads(old or "[]"):
                    score, reasons = with_duplicate(score, reasons, dup)
            updates.append((score, json.dumps(reasons), pair_id))
        with project.transaction() as conn:
            conn.executemany("UPDATE pairs SET quality = ?, quality_reasons = ? WHERE id = ?",
                             updates)
        done += len(rows)
        if progress is not None:
            progress(done, len(ids))
    return done
