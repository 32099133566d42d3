"""Scanning pairs for personal data, with a cache so that only changed pairs are rescanned.

A cached result is reused while the pair's ``updated_at`` and the detector set-up are the
same; when ``updated_at`` moved but the text did not (a status, topic or deletion change),
only the stamp is refreshed and no detector is loaded. Rows are read page by page and
findings are written batch by batch, each batch in a short transaction of its own: memory
stays flat with a million pairs, and a bulk change of pairs never waits long for a scan. The
NER model is much faster on a batch; progress is reported after each, so a scan of 100,000
pairs runs in the background and can be cancelled.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import TranslationContext, translate
from natasha_studio.core.privacy import morph
from natasha_studio.core.privacy.detector import DetectorConfig, detector_for
from natasha_studio.core.privacy.findings import KINDS, Finding, kind_label
from natasha_studio.core.privacy.settings import load_settings
from natasha_studio.core.store import Project
from natasha_studio.core.writer import ProjectBusy

Progress = Callable[..., None]

# For other views' queries: the pair had personal data when last scanned.
HAS_PERSONAL_DATA_SQL = (
    "EXISTS (SELECT 1 FROM privacy_scan s WHERE s.pair_id = pairs.id AND s.finding_count > 0)"
)

_BATCH = 200   # pairs per detector call and per write
_PAGE = 1000   # rows read at a time
# Plurals through a named context, so lupdate records their forms (see TranslationContext).
Privacy = TranslationContext("Privacy")
_IDS = 900     # ids per "IN (...)" list (SQLite allows 999 parameters in old builds)

# Non-deleted pairs whose cached result may be stale: never scanned, scanned under another
# set-up, or changed since (a moved stamp; the text may still be the same).
_STALE_SQL = (
    "FROM pairs p LEFT JOIN privacy_scan s ON s.pair_id = p.id WHERE p.deleted = 0"
    " AND (s.pair_id IS NULL OR s.config_hash != :config OR s.pair_updated != p.updated_at)"
)


class ScanBusy(StudioError):
    """Another change held the project file for longer than a scan waits: try again later."""


def content_hash(turns_json: str) -> str:
    return hashlib.sha256(turns_json.encode()).hexdigest()[:24]


def _turn_texts(turns_json: str) -> list[str]:
    return [t.get("text", "") or "" for t in json.loads(turns_json)]


def _chunks(items: list[int], size: int = _IDS) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _write(project: Project, sql: str, rows: list[tuple]) -> None:
    """One short write; a project held by another writer beyond the busy timeout is
    reported as ``ScanBusy`` (plain words), so a background scan can come back later."""
    try:
        with project.transaction() as conn:
            conn.executemany(sql, rows)
    except (sqlite3.OperationalError, ProjectBusy) as exc:
        if not isinstance(exc, ProjectBusy) and "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise ScanBusy(
            translate("Privacy", "The project is busy with another change, so the check for "
                                 "personal data could not save its results."),
            translate("Privacy", "It goes on by itself once that change is written.")) from exc


def _stale_pages(project: Project, pair_ids: Iterable[int] | None,
                 config: str) -> Iterator[list[tuple]]:
    """Stale rows (with their text) a page at a time, in id order."""
    select = ("SELECT p.id, p.updated_at, coalesce(p.turns, p.turns_original) AS t,"
              " s.content_hash, s.config_hash " + _STALE_SQL.replace(":config", "?"))
    conn = project.conn.cursor()
    conn.row_factory = None  # plain tuples: the collector stops tracking them
    if pair_ids is None:
        last = -(2 ** 63)
        while True:
            rows = conn.execute(select + " AND p.id > ? ORDER BY p.id LIMIT ?",
                                (config, last, _PAGE)).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][0]
    else:
        for chunk in _chunks(sorted(set(pair_ids))):
            rows = conn.execute(f"{select} AND p.id IN ({_marks(len(chunk))}) ORDER BY p.id",
                                (config, *chunk)).fetchall()
            if rows:
                yield rows


def _count_stale(project: Project, pair_ids: Iterable[int] | None, config: str) -> int:
    if pair_ids is None:
        return int(project.conn.execute(f"SELECT count(*) {_STALE_SQL}",
                                        {"config": config}).fetchone()[0])
    total = 0
    for chunk in _chunks(sorted(set(pair_ids))):
        total += int(project.conn.execute(
            f"SELECT count(*) {_STALE_SQL.replace(':config', '?')}"
            f" AND p.id IN ({_marks(len(chunk))})", (config, *chunk)).fetchone()[0])
    return total


def refresh_scan(project: Project, pair_ids: Iterable[int] | None = None,
                 progress: Progress | None = None) -> int:
    """Bring the cached findings of these pairs (all non-deleted ones if None) up to date;
    returns how many pairs the detector had to read.

    Pairs whose cache is current are not read at all; pairs whose stamp moved but whose text
    is the same are only re-stamped (no detector is loaded for them). Memory stays flat:
    rows are read a page at a time and nothing is kept once written. ``progress(done,
    total, detail)`` is called after each page and batch; it may raise ``Cancelled``, which
    stops the scan (what was written stays cached). Raises ``ScanBusy`` when another writer
    held the project beyond the busy timeout.
    """
    if pair_ids is not None:
        pair_ids = list(pair_ids)
    config = DetectorConfig.from_project(project).hash
    total = _count_stale(project, pair_ids, config) if progress is not None else 0
    if progress is not None:
        progress(0, total, "")
    detector = None  # loaded only when some text really needs reading
    done = scanned = 0
    for page in _stale_pages(project, pair_ids, config):
        touch: list[tuple[str, int]] = []
        todo: list[tuple[int, str, str, str]] = []  # id, updated_at, turns json, hash
        for pid, updated, turns_json, cached_hash, cached_config in page:
            digest = content_hash(turns_json)
            if cached_config == config and cached_hash == digest:
                touch.append((updated, pid))
            else:
                todo.append((pid, updated, turns_json, digest))
        del page
        if touch:
            _write(project, "UPDATE privacy_scan SET pair_updated = ? WHERE pair_id = ?", touch)
            done += len(touch)
            if progress is not None:
                progress(min(done, total), total, "")
        for start in range(0, len(todo), _BATCH):
            batch = todo[start:start + _BATCH]
            if detector is None:
                detector = detector_for(project)
            found = detector.detect_turns([_turn_texts(item[2]) for item in batch])
            _write(project,
                   "INSERT OR REPLACE INTO privacy_scan(pair_id, pair_updated, content_hash,"
                   " config_hash, finding_count, findings) VALUES (?, ?, ?, ?, ?, ?)",
                   [(pid, updated, digest, config, len(f),
                     json.dumps([x.to_dict() for x in f], ensure_ascii=False))
                    for (pid, updated, _, digest), f in zip(batch, found, strict=True)])
            done += len(batch)
            scanned += len(batch)
            if progress is not None:
                progress(min(done, total), total, "")
    if progress is not None and done < total:
        progress(total, total, "")  # pairs deleted meanwhile
    return scanned


def iter_findings(project: Project, pair_ids: Iterable[int] | None = None
                  ) -> Iterator[tuple[int, list[Finding]]]:
    """The cached findings of each non-deleted pair (in id order), a page at a time, without
    fake names put in by earlier redactions. Call ``refresh_scan`` first for current ones."""
    pseudonyms = _pseudonyms(project)
    select = ("SELECT p.id, s.finding_count, s.findings FROM pairs p"
              " JOIN privacy_scan s ON s.pair_id = p.id WHERE p.deleted = 0")
    conn = project.conn.cursor()
    conn.row_factory = None

    def pages() -> Iterator[list[tuple]]:
        if pair_ids is None:
            last = -(2 ** 63)
            while rows := conn.execute(select + " AND p.id > ? ORDER BY p.id LIMIT ?",
                                       (last, _PAGE)).fetchall():
                yield rows
                last = rows[-1][0]
        else:
            for chunk in _chunks(sorted(set(pair_ids))):
                yield conn.execute(f"{select} AND p.id IN ({_marks(len(chunk))})"
                                   " ORDER BY p.id", chunk).fetchall()

    for page in pages():
        for pid, count, data in page:
            found = [Finding.from_dict(d) for d in json.loads(data)] if count else []
            yield pid, _real(found, pseudonyms)


def scan_pairs(project: Project, pair_ids: Iterable[int] | None = None,
               progress: Progress | None = None) -> dict[int, list[Finding]]:
    """Findings for each (non-deleted) pair, from the cache where it is current.

    ``progress(done, total, detail)`` is called after each batch; it may raise ``Cancelled``,
    which stops the scan (batches already scanned stay cached). Holds every pair's findings:
    for the whole dataset prefer ``refresh_scan`` with ``iter_findings`` or ``privacy_check``.
    """
    if pair_ids is not None:
        pair_ids = list(pair_ids)
    refresh_scan(project, pair_ids, progress)
    return dict(iter_findings(project, pair_ids))


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


def _real(items: list[Finding], pseudonyms: tuple[set[str], set[str]]) -> list[Finding]:
    """``items`` without fake names put in by earlier redactions."""
    forms, usernames = pseudonyms
    if not items or (not forms and not usernames):
        return items

    def fake(f: Finding) -> bool:
        # Only guesses (the NER model, name dictionaries, @mentions) can be a fake name put
        # in earlier; what a participant's name or the deny-list matches is always real.
        if f.source not in ("ner", "name_dictionary", "pattern"):
            return False
        if f.key in usernames:
            return True
        words = [w.lower().replace("ё", "е") for _, _, w in morph.tokens(f.text)]
        return bool(words) and all(w in forms for w in words)

    return [f for f in items if not fake(f)]


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
            return Privacy.tr("No personal data found in %n pairs.", None, self.pairs_checked)
        parts = ", ".join(f"{kind_label(k)}: {n}" for k, n in self.counts.items())
        return Privacy.tr("Personal data remains in %n pairs", None, len(self.pair_counts)) + f" ({parts})."

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
    return _report(findings.items(), kinds)


def _report(findings: Iterable[tuple[int, list[Finding]]],
            kinds: Iterable[str] | None) -> PrivacyReport:
    wanted = set(kinds) if kinds is not None else set(KINDS)
    report = PrivacyReport()
    totals: Counter[str] = Counter()
    for pid, items in findings:
        report.pairs_checked += 1
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
    count (a curator who keeps city names is not warned about them). Findings are counted as
    they are read, so a million pairs take no more memory than a thousand.
    """
    started = time.perf_counter()
    if pair_ids is not None:
        pair_ids = list(pair_ids)
    refresh_scan(project, pair_ids, progress)
    report = _report(iter_findings(project, pair_ids), load_settings(project).kinds)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class ScanSummary:
    """What a background check of the dataset tells the privacy panel (small, whatever the
    dataset's size)."""

    flagged: int                        # pairs with personal data
    total: int                          # non-deleted pairs
    flagged_ids: list[int] | None       # those pairs, when asked for
    rescanned: int                      # pairs the detector read this time


def refresh_summary(project: Project, pair_ids: Iterable[int] | None = None,
                    progress: Progress | None = None, with_ids: bool = False) -> ScanSummary:
    """``refresh_scan`` then the counts the panel shows, all on the calling (worker) thread."""
    rescanned = refresh_scan(project, pair_ids, progress)
    conn = project.conn
    flagged = int(conn.execute(
        "SELECT count(*) FROM privacy_scan s JOIN pairs p ON p.id = s.pair_id"
        " WHERE s.finding_count > 0 AND p.deleted = 0").fetchone()[0])
    total = int(conn.execute("SELECT count(*) FROM pairs WHERE deleted = 0").fetchone()[0])
    ids = sorted(flagged_pair_ids(project)) if with_ids else None
    return ScanSummary(flagged, total, ids, rescanned)
