"""Redaction: replace personal data with pseudonyms as pair edits, undo it, and keep an audit.

A redaction of any size (one span, one pair, a selection, the whole dataset) is one
transaction and one operation: the pairs' previous turns are kept with it, so ``undo_redaction``
restores them. The edited text goes through ``core.pairs.set_turns``; the original text stays
in the project (``turns_original``) and never reaches an export, which reads the edited turns.
The audit keeps kinds and counts, never the values replaced.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.pairs import Turn, get_pair, set_turns, turns_from_json
from natasha_studio.core.privacy.detector import detector_for
from natasha_studio.core.privacy.findings import KINDS, Finding
from natasha_studio.core.privacy.pseudonyms import Pseudonymiser, apply_to_text
from natasha_studio.core.privacy.scan import Progress, scan_pairs, store_scan
from natasha_studio.core.privacy.settings import MODES, load_settings
from natasha_studio.core.store import Project

SCOPES = ("all", "selection", "pair", "span")


@dataclass
class PairRedaction:
    """One pair's turns before and after, and what was replaced."""

    pair_id: int
    before: list[Turn]
    after: list[Turn]
    counts: dict[str, int]
    remaining: list[Finding] = field(default_factory=list)  # not replaced, offsets in ``after``
    replaced: list[Finding] = field(default_factory=list)   # offsets in ``before``


@dataclass
class RedactionResult:
    operation_id: int | None
    pair_ids: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # What was replaced, per pair: passed back as ``findings`` it redoes the same redaction.
    replaced: dict[int, list[Finding]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class UndoResult:
    operation_id: int
    restored: list[int]
    skipped: list[int]   # edited again since the redaction: left as they are


@dataclass
class AuditEntry:
    operation_id: int
    at: str
    mode: str
    scope: str
    pair_count: int
    counts: dict[str, int]
    undone_at: str | None


def plan_redaction(
    project: Project,
    pair_ids: Iterable[int] | None = None,
    *,
    mode: str | None = None,
    kinds: Iterable[str] | None = None,
    findings: dict[int, list[Finding]] | None = None,
    progress: Progress | None = None,
) -> tuple[list[PairRedaction], Pseudonymiser]:
    """What a redaction would change, without changing anything.

    ``findings`` limits it to chosen spans (one span, or the spans of one pair); otherwise
    the pairs are scanned (from the cache where current). ``mode`` and ``kinds`` default to
    the project's privacy settings.
    """
    settings = load_settings(project)
    mode = mode or settings.mode
    if mode not in MODES:
        raise ValueError(mode)
    wanted = set(kinds) if kinds is not None else set(settings.kinds)
    if findings is None:
        findings = scan_pairs(project, pair_ids, progress)
    pseudo = Pseudonymiser(project, mode)
    plans: list[PairRedaction] = []
    for pid in sorted(findings):
        chosen = [f for f in findings[pid] if f.kind in wanted]
        pair = get_pair(project, pid) if chosen else None
        if pair is None or pair.deleted:
            continue
        before = pair.turns
        after: list[Turn] = []
        remaining: list[Finding] = []
        replaced: list[Finding] = []
        applied: Counter[str] = Counter()
        others = [f for f in findings[pid] if f not in chosen]
        for index, turn in enumerate(before):
            text, done, moved = apply_to_text(
                turn.text, [f for f in chosen if f.turn == index], pseudo,
                keep=[f for f in others if f.turn == index])
            applied.update(f.kind for f in done)
            replaced += done
            remaining += moved
            after.append(replace(turn, text=text))
        if applied:
            plans.append(PairRedaction(pid, before, after,
                                       {k: applied[k] for k in KINDS if applied[k]}, remaining, replaced))
    return plans, pseudo


def preview_redaction(project: Project, pair_ids: Iterable[int] | None = None, **kwargs
                      ) -> list[PairRedaction]:
    """The pairs a redaction would change, with their text before and after."""
    return plan_redaction(project, pair_ids, **kwargs)[0]


def redact(
    project: Project,
    pair_ids: Iterable[int] | None = None,
    *,
    mode: str | None = None,
    kinds: Iterable[str] | None = None,
    findings: dict[int, list[Finding]] | None = None,
    scope: str = "all",
    progress: Progress | None = None,
) -> RedactionResult:
    """Replace personal data in the pairs (all if ``pair_ids`` is None), as one undoable step."""
    if scope not in SCOPES:
        raise ValueError(scope)
    plans, pseudo = plan_redaction(project, pair_ids, mode=mode, kinds=kinds, findings=findings,
                                   progress=progress)
    if not plans:
        return RedactionResult(None)
    # What is left in a redacted pair is known without rescanning it, when the findings
    # came from a full scan under the current set-up (not a chosen span or two).
    config = detector_for(project).config.hash if findings is None else None
    totals: Counter[str] = Counter()
    with project.transaction() as conn:
        pseudo.commit()
        op_id = int(conn.execute(
            "INSERT INTO privacy_operations(mode, scope, pair_count) VALUES (?, ?, ?)",
            (pseudo.mode, scope, len(plans))).lastrowid)
        for plan in plans:
            before_json = conn.execute("SELECT turns FROM pairs WHERE id = ?",
                                       (plan.pair_id,)).fetchone()[0]
            set_turns(project, plan.pair_id, plan.after)
            after_row = conn.execute("SELECT turns, updated_at FROM pairs WHERE id = ?",
                                     (plan.pair_id,)).fetchone()
            after_json = after_row[0]
            if config and after_json:
                store_scan(project, plan.pair_id, after_row[1], after_json, config, plan.remaining)
            conn.execute(
                "INSERT INTO privacy_operation_pairs(operation_id, pair_id, turns_before,"
                " turns_after) VALUES (?, ?, ?, ?)", (op_id, plan.pair_id, before_json, after_json or ""))
            totals.update(plan.counts)
        conn.executemany(
            "INSERT INTO privacy_audit(kind, count, scope, operation_id) VALUES (?, ?, ?, ?)",
            [(k, totals[k], scope, op_id) for k in KINDS if totals[k]])
    return RedactionResult(op_id, [p.pair_id for p in plans],
                           {k: totals[k] for k in KINDS if totals[k]},
                           {p.pair_id: p.replaced for p in plans})


def last_operation(project: Project) -> AuditEntry | None:
    """The latest redaction not undone yet (what "Undo redaction" would undo)."""
    entries = [e for e in audit_log(project, limit=20) if e.undone_at is None]
    return entries[0] if entries else None


def undo_redaction(project: Project, operation_id: int | None = None) -> UndoResult:
    """Restore the turns a redaction replaced (the latest one if ``operation_id`` is None).

    Pairs edited again since the redaction are left as they are and listed as skipped, so
    undo never throws away later work.
    """
    conn = project.conn
    if operation_id is None:
        row = conn.execute("SELECT id FROM privacy_operations WHERE undone_at IS NULL"
                           " ORDER BY id DESC LIMIT 1").fetchone()
    else:
        row = conn.execute("SELECT id FROM privacy_operations WHERE id = ? AND undone_at IS NULL",
                           (operation_id,)).fetchone()
    if row is None:
        raise StudioError(translate("Privacy", "There is no redaction to undo."),
                          translate("Privacy", "It may have been undone already."))
    op_id = int(row[0])
    restored, skipped = [], []
    with project.transaction():
        for item in conn.execute(
                "SELECT o.pair_id, o.turns_before, o.turns_after, p.turns AS current"
                " FROM privacy_operation_pairs o JOIN pairs p ON p.id = o.pair_id"
                " WHERE o.operation_id = ? ORDER BY o.pair_id", (op_id,)).fetchall():
            if (item["current"] or "") != item["turns_after"]:
                skipped.append(item["pair_id"])
                continue
            before = item["turns_before"]
            set_turns(project, item["pair_id"], turns_from_json(before) if before else None)
            restored.append(item["pair_id"])
        conn.execute("UPDATE privacy_operations SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                     " WHERE id = ?", (op_id,))
    return UndoResult(op_id, restored, skipped)


def audit_log(project: Project, limit: int | None = None) -> list[AuditEntry]:
    """Redactions, newest first: when, how, how many of each kind (never the values)."""
    sql = "SELECT id, at, mode, scope, pair_count, undone_at FROM privacy_operations ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    entries = []
    for row in project.conn.execute(sql).fetchall():
        counts = {r[0]: r[1] for r in project.conn.execute(
            "SELECT kind, sum(count) FROM privacy_audit WHERE operation_id = ? GROUP BY kind",
            (row["id"],))}
        entries.append(AuditEntry(row["id"], row["at"], row["mode"], row["scope"],
                                  row["pair_count"], {k: counts[k] for k in KINDS if k in counts},
                                  row["undone_at"]))
    return entries

