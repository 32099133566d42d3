"""Scanning pairs for personal data, with a cache so that only changed pairs are rescanned.

A cached result is reused while the pair's ``updated_at`` and the detector set-up are the
same; when ``updated_at`` moved but the text did not (a status change), only the stamp is
refreshed. Scans run in batches (the NER model is much faster on a batch) and report
progress after each, so a scan of 10,000 pairs runs in the background and can be cancelled.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from natasha_studio.core.i18n import translate
from natasha_studio.core.privacy import morph
from natasha_studio.core.privacy.detector import detector_for
from natasha_studio.core.privacy.findings import KINDS, Finding, kind_label
from natasha_studio.core.privacy.settings import load_settings
from natasha_studio.core.store import Project

Progress = Callable[..., None]

# For other views' queries: the pair had personal data when last scanned.
HAS_PERSONAL_DATA_SQL = (
    "EXISTS (SELECT 1 FROM privacy_scan s WHERE s.pair_id = pairs.id AND s.finding_count > 0)"
)

_BATCH = 200


def content_hash(turns_json: str) -> str:
    return hashlib.sha256(turns_json.encode()).hexdigest()[:24]


def _turn_texts(turns_json: str) -> list[str]:
    return [t.get("text", "") or "" for t in json.loads(turns_json)]


def _chunks(items: list[int], size: int = 900) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _rows(project: Project, pair_ids: Iterable[int] | None) -> list:
    base = (
        "SELECT p.id, p.updated_at, coalesce(p.turns, p.turns_original) AS t,"
        " s.pair_updated, s.content_hash, s.config_hash, s.findings"
        " FROM pairs p LEFT JOIN privacy_scan s ON s.pair_id = p.id WHERE p.deleted = 0"
    )
    if pair_ids is None:
        return project.conn.execute(base + " ORDER BY p.id").fetchall()
    rows = []
    for chunk in _chunks(sorted(set(pair_ids))):
        marks = ",".join("?" * len(chunk))
        rows += project.conn.execute(f"{base} AND p.id IN ({marks}) ORDER BY p.id", chunk).fetchall()
    return rows


def scan_pairs(project: Project, pair_ids: Iterable[int] | None = None,
               progress: Progress | None = None) -> dict[int, list[Finding]]:
    """Findings for each (non-deleted) pair, from the cache where it is current.

    ``progress(done, total, detail)`` is called after each batch; it may raise ``Cancelled``,
    which stops the scan (batches already scanned stay cached).
    """
    detector = detector_for(project)
    config = detector.config.hash
    result: dict[int, list[Finding]] = {}
    touch: list[tuple[str, int]] = []
    todo: list[tuple[int, str, str, str]] = []  # id, updated_at, turns json, hash
    for row in _rows(project, pair_ids):
        pid, updated, turns_json = row["id"], row["updated_at"], row["t"]
        if row["config_hash"] == config and row["pair_updated"] == updated:
            result[pid] = [Finding.from_dict(d) for d in json.loads(row["findings"])]
            continue
        digest = content_hash(turns_json)
        if row["config_hash"] == config and row["content_hash"] == digest:
            result[pid] = [Finding.from_dict(d) for d in json.loads(row["findings"])]
            touch.append((updated, pid))
            continue
        todo.append((pid, updated, turns_json, digest))
    if touch:
        with project.transaction() as conn:
            conn.executemany("UPDATE privacy_scan SET pair_updated = ? WHERE pair_id = ?", touch)
    total = len(todo)
    if progress is not None:
        progress(0, total, "")
    for start in range(0, total, _BATCH):
        batch = todo[start:start + _BATCH]
        found = detector.detect_turns([_turn_texts(item[2]) for item in batch])
        with project.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO privacy_scan(pair_id, pair_updated, content_hash,"
                " config_hash, finding_count, findings) VALUES (?, ?, ?, ?, ?, ?)",
                [(pid, updated, digest, config, len(f),
                  json.dumps([x.to_dict() for x in f], ensure_ascii=False))
                 for (pid, updated, _, digest), f in zip(batch, found, strict=True)],
            )
        for (pid, *_), f in zip(batch, found, strict=True):
            result[pid] = f
        if progress is not None:
            progress(min(start + _BATCH, total), total, "")
    return _without_pseudonyms(result, _pseudonyms(project))


def _pseudonyms(project: Project) -> tuple[set[str], set[str]]:
    """Fake names put in by earlier redactions: their word forms, and fake usernames' keys."""
    forms: set[str] = set()
    usernames: set[str] = set()
    for kind, number, fake in project.conn.execute(
            "SELECT kind, number, fake FROM privacy_pseudonyms WHERE fake IS NOT NULL"):
        if kind == "username":
            usernames.add(f"user:{fake}{number}".lower())
        else:
            for word in fake.split():
                forms |= morph.forms(word)
    return forms, usernames


def _without_pseudonyms(result: dict[int, list[Finding]],
                        pseudonyms: tuple[set[str], set[str]]) -> dict[int, list[Finding]]:
    forms, usernames = pseudonyms
    if not forms and not usernames:
        return result

    def fake(f: Finding) -> bool:
        # Only guesses (the NER model, name dictionaries, @mentions) can be a fake name put
        # in earlier; what a participant's name or the deny-list matches is always real.
        if f.source not in ("ner", "name_dictionary", "pattern"):
            return False
        if f.key in usernames:
            return True
        words = [w.lower().replace("ё", "е") for _, _, w in morph.tokens(f.text)]
        return bool(words) and all(w in forms for w in words)

    return {pid: [f for f in items if not fake(f)] for pid, items in result.items()}


def store_scan(project: Project, pair_id: int, pair_updated: str, turns_json: str,
               config: str, findings: list[Finding]) -> None:
    """Cache findings known for a pair's text (after a redaction, which knows what is left)."""
    with project.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO privacy_scan(pair_id, pair_updated, content_hash, config_hash,"
            " finding_count, findings) VALUES (?, ?, ?, ?, ?, ?)",
            (pair_id, pair_updated, content_hash(turns_json), config, len(findings),
             json.dumps([f.to_dict() for f in findings], ensure_ascii=False)))


def findings_for_pair(project: Project, pair_id: int) -> list[Finding]:
    """Findings in one pair's current text (scanned now if the cache is stale)."""
    return scan_pairs(project, [pair_id]).get(pair_id, [])


def flagged_pair_ids(project: Project) -> set[int]:
    """Pairs that had personal data when last scanned (for a "has personal data" filter)."""
    rows = project.conn.execute(
        "SELECT s.pair_id FROM privacy_scan s JOIN pairs p ON p.id = s.pair_id"
        " WHERE s.finding_count > 0 AND p.deleted = 0")
    return {r[0] for r in rows}


@dataclass
class PrivacyReport:
    """What a privacy check found: counts per kind and the pairs that still hold personal data."""

    pairs_checked: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    pair_counts: dict[int, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def clean(self) -> bool:
        return not self.pair_counts

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def pairs_with_findings(self) -> int:
        """How many pairs still hold personal data."""
        return len(self.pair_counts)

    @property
    def pair_ids(self) -> list[int]:
        """Pairs with personal data left, in id order (for a link to them)."""
        return sorted(self.pair_counts)

    def summary(self) -> str:
        """One sentence for people, e.g. before an export or a fine-tune launch."""
        if self.clean:
            return translate("Privacy", "No personal data found in %n pairs.", None,
                             self.pairs_checked)
        parts = ", ".join(f"{kind_label(k)}: {n}" for k, n in self.counts.items())
        return translate("Privacy", "Personal data remains in %n pairs", None,
                         len(self.pair_counts)) + f" ({parts})."

    def to_dict(self) -> dict:
        return {
            "pairs_checked": self.pairs_checked,
            "pairs_with_personal_data": len(self.pair_counts),
            "total": self.total,
            "counts": self.counts,
            "pairs": {str(k): v for k, v in sorted(self.pair_counts.items())},
        }


def report_from(findings: dict[int, list[Finding]], kinds: Iterable[str] | None = None
                ) -> PrivacyReport:
    """Count findings per kind and per pair (only ``kinds`` if given)."""
    wanted = set(kinds) if kinds is not None else set(KINDS)
    report = PrivacyReport(pairs_checked=len(findings))
    totals: Counter[str] = Counter()
    for pid, items in findings.items():
        per = Counter(f.kind for f in items if f.kind in wanted)
        if per:
            report.pair_counts[pid] = {k: per[k] for k in KINDS if per[k]}
            totals.update(per)
    report.counts = {k: totals[k] for k in KINDS if totals[k]}
    return report


def privacy_check(project: Project, pair_ids: Iterable[int] | None = None,
                  progress: Progress | None = None) -> PrivacyReport:
    """Check pairs (all non-deleted ones if ``pair_ids`` is None) for unredacted personal data.

    For export and fine-tune launch: warn when ``not report.clean``, show ``report.summary()``
    and link to ``report.pair_ids``. Uses the scan cache; pairs changed since their last scan
    are rescanned (the NER model loads on first use, about two seconds). Safe in a worker
    thread with its own ``Project.open(path)``. Only the kinds the project's settings redact
    count (a curator who keeps city names is not warned about them).
    """
    started = time.perf_counter()
    findings = scan_pairs(project, pair_ids, progress)
    report = report_from(findings, load_settings(project).kinds)
    report.seconds = time.perf_counter() - started
    return report
