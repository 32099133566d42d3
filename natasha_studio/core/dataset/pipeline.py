"""Running extraction into the project: new pairs in, changed pairs refreshed, curation kept.

Pairs are matched to earlier runs by their stable key. A pair that still comes out keeps its
status, edited turns, notes and manual topics; only what extraction owns (original turns,
provenance, confidence, quality, automatic topics) is refreshed. A pair that no longer comes
out is deleted when nobody touched it, and kept with ``stale = 1`` when a curator did.
The whole run is one transaction: cancelled or failed, it changes nothing. Run inside
``Project.pausable()`` (as the operations layer does), it pauses between batches for other
writers: a curator's edit lands within milliseconds, and a cancel keeps what was written
before the last pause (the next run goes on from it, matching pairs by key).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import orjson

from natasha_studio.core.dataset.bulk import (
    bulk_cache,
    deferred_indexes,
    direct_writes,
    foreign_keys_unchecked,
    gc_paused,
)
from natasha_studio.core.dataset.extract import (
    ExtractedPair,
    extract_pairs,
    message_ids_json,
    turns_json,
)
from natasha_studio.core.dataset.finder import Finder
from natasha_studio.core.dataset.scoring import Item, Scorer
from natasha_studio.core.dataset.settings import ExtractionSettings, persona_ids
from natasha_studio.core.dataset.tally import ExtractionTally
from natasha_studio.core.dataset.topics import ensure_default_lexicon, list_topics
from natasha_studio.core.dataset.why import save_tally
from natasha_studio.core.store import Project

EXTRACTED_ORIGINS = ("reply", "implicit", "comment")

# Plain INSERT / UPDATE rather than an UPSERT: an UPSERT's conflict policy would override the
# "INSERT OR IGNORE" of the search-index triggers on pairs and make them fail.
_INSERT = (
    "INSERT INTO pairs(id, key, chat_id, origin, confidence, turns_original, question, answer,"
    " quality, quality_reasons, asker_id, question_date, answer_date, message_ids, link,"
    " created_at, updated_at)"
    # Turns and message ids come as UTF-8 JSON bytes (see extract.turns_json): stored as text.
    # One time for the batch (the default computes it twice a row).
    " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS TEXT), ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
    " CAST(?14 AS TEXT), ?15, ?16, ?16)"
)
_UPDATE = (
    "UPDATE pairs SET chat_id = ?2, origin = ?3, confidence = ?4,"
    # Turns JSON written by earlier versions has spaces: the same turns are not a change.
    " updated_at = CASE WHEN turns_original != CAST(?5 AS TEXT)"
    "   AND json(turns_original) != json(CAST(?5 AS TEXT))"
    "   THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE updated_at END,"
    " turns_original = CAST(?5 AS TEXT),"
    " question = CASE WHEN turns IS NULL THEN ?6 ELSE question END,"
    " answer = CASE WHEN turns IS NULL THEN ?7 ELSE answer END,"
    " quality = ?8, quality_reasons = ?9, asker_id = ?10, question_date = ?11,"
    " answer_date = ?12, message_ids = CAST(?13 AS TEXT), link = ?14, stale = 0 WHERE id = ?1"
)


@dataclass
class ExtractionReport:
    """What a run produced and changed."""

    total: int = 0
    by_origin: dict[str, int] = field(default_factory=lambda: dict.fromkeys(EXTRACTED_ORIGINS, 0))
    new: int = 0
    stale: int = 0
    removed: int = 0
    persona_missing: bool = False
    tally: ExtractionTally = field(default_factory=ExtractionTally)  # why the count is what it is

    @property
    def from_replies(self) -> int:
        return self.by_origin["reply"] + self.by_origin["comment"]

    @property
    def by_proximity(self) -> int:
        return self.by_origin["implicit"]


def _curated_keys(project: Project) -> dict[str, tuple[int, bool, bool]]:
    """key -> (pair id, touched by a curator, has manual topics) for every extracted pair."""
    rows = project.conn.execute(
        "SELECT p.id, p.key, (p.status != 'new' OR p.turns IS NOT NULL OR p.notes != ''"
        " OR p.system_prompt IS NOT NULL OR p.deleted != 0) AS touched,"
        " EXISTS (SELECT 1 FROM pair_topics t WHERE t.pair_id = p.id AND t.source = 'manual')"
        " AS manual FROM pairs p WHERE p.key IS NOT NULL AND p.origin IN (?, ?, ?)",
        EXTRACTED_ORIGINS)
    return {r["key"]: (r["id"], bool(r["touched"] or r["manual"]), bool(r["manual"]))
            for r in rows}


def _persona_messages(project: Project, persona: set[int]) -> int:
    """How many messages the persona wrote: the most pairs a run may find."""
    if not persona:
        return 0
    return project.conn.execute(
        "SELECT count(*) FROM messages WHERE sender_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(persona)),)).fetchone()[0]


def _many_new_pairs(project: Project, answers: int) -> bool:
    """Whether this run may add many pairs next to those stored (a first run, a big import):
    then rebuilding the pairs indexes once beats updating them pair by pair."""
    if answers < 20_000:
        return False
    pairs = project.conn.execute("SELECT count(*) FROM pairs").fetchone()[0]
    return answers > 2 * pairs


# From this many of the persona's messages on, a run beside a window finds and scores the pairs
# in helper processes; a smaller run is short, and starting the helpers is not worth it.
_WINDOW_HELPER_FROM = 2_000


def run_extraction(
    project: Project,
    progress: Callable[..., None] | None = None,
    settings: ExtractionSettings | None = None,
    *,
    helper: bool | None = None,
    beside_window: bool = False,
) -> ExtractionReport:
    """Extract pairs from every included chat into the project; returns the report.

    ``progress(done, total, detail)`` gets chats done out of all chats, and may raise
    ``Cancelled`` to stop (the project is then left as it was). ``helper`` says whether
    scoring runs in a helper process; by default it does when many pairs may come out.
    ``beside_window``: the run shares its process with a window (a worker thread of the
    app). Then, but for a small run, every pair is scored in the helper process and none here
    (see ``Scorer``'s ``share``), and, when the run may pause, the pairs are found in another
    helper (see ``finder``): this process only passes batches on and writes the scored ones,
    and the window's thread seldom waits for the interpreter.
    """
    settings = settings or ExtractionSettings.load(project)
    persona = set(persona_ids(project))
    report = ExtractionReport(persona_missing=not persona)
    ensure_default_lexicon(project)
    # Here, not at the top: fitting needs numpy, and the window imports this module with
    # its first screen, long before anything is extracted.
    from natasha_studio.core.dataset.quality_learning import project_weights, refit

    refit(project)  # what the curator's decisions teach the quality score
    existing = _curated_keys(project)
    produced: set[str] = set()

    def on_chat(index: int, total: int, name: str) -> None:
        project.pause_point()
        if progress is not None:
            progress(index, total, name)

    answers = _persona_messages(project, persona)
    many = _many_new_pairs(project, answers)
    if helper is None:
        helper = many or (beside_window and answers >= _WINDOW_HELPER_FROM)
    # A first big run (no extracted pairs yet) only inserts: nothing to delete or update.
    first = many and not existing
    # Batches in flight: scored (by the helper) while earlier ones are written.
    in_flight: deque[list[ExtractedPair]] = deque()
    with gc_paused(), \
            Scorer(list_topics(project), helper=helper, weights=project_weights(project),
                   share=not beside_window) as scorer, \
            direct_writes(project, many), foreign_keys_unchecked(project, first), \
            _reading(project) as reader, \
            _finding(project, persona, settings, beside_window and helper) as finder, \
            project.transaction() as conn, \
            bulk_cache(project), _search_marks_after(project, first), \
            deferred_indexes(project, "pairs", many, keep=_KEPT_CURRENT):
        batch: list[ExtractedPair] = []
        pause = project.pause_point
        # A run that may pause works in smaller batches: a waiting writer waits for one.
        batch_size = _PAUSABLE_BATCH if reader is not None else _BATCH

        def write_next() -> None:
            # While the helper scores, a writer that comes goes first (within milliseconds).
            while not scorer.wait(_WAIT_STEP_S):
                pause()
            with project.not_writing():
                scores = scorer.result()
            pause()
            _write(conn, in_flight.popleft(), scores, existing, report)
            pause()
        found = (finder.pairs(on_chat, report.tally, pause) if finder is not None
                 else extract_pairs(project, persona, settings, on_chat=on_chat,
                                    tally=report.tally, reader=reader))
        for pair in found:
            pause()
            # Keys are unique by construction (a chat's message starts one answer at most);
            # only those of stored pairs are remembered, to find the pairs no longer found.
            if pair.key in existing:
                if pair.key in produced:
                    continue
                produced.add(pair.key)
            batch.append(pair)
            if len(batch) >= batch_size:
                _submit(scorer, batch, existing)
                in_flight.append(batch)
                batch = []
                if len(in_flight) > _IN_FLIGHT:
                    write_next()
                if progress is not None:
                    progress(0, 0, "")  # lets a cancel land during a long chat
        if batch:
            _submit(scorer, batch, existing)
            in_flight.append(batch)
        while in_flight:
            write_next()
        for key, (pair_id, touched, _manual) in existing.items():
            if key in produced:
                continue
            # A run that finds many pairs gone ends with as many statements: a waiting
            # writer (a curator's edit) goes first, not after all of them.
            pause()
            # A curator may have touched the pair while the run paused: checked again.
            if not touched and conn.execute(_DELETE_UNTOUCHED, (pair_id,)).rowcount:
                report.removed += 1
            else:
                conn.execute("UPDATE pairs SET stale = 1 WHERE id = ? AND stale = 0", (pair_id,))
                report.stale += 1
        save_tally(project, report.tally, persona, settings)
    return report


_DELETE_UNTOUCHED = (
    "DELETE FROM pairs WHERE id = ?1 AND status = 'new' AND turns IS NULL AND notes = ''"
    " AND system_prompt IS NULL AND deleted = 0 AND NOT EXISTS (SELECT 1 FROM pair_topics t"
    " WHERE t.pair_id = ?1 AND t.source = 'manual')")


@contextlib.contextmanager
def _reading(project: Project) -> Iterator[sqlite3.Connection | None]:
    """The connection the run reads messages through: its own when the run may pause (a read
    pending on the writing connection across a pause could not write again), else None (the
    project's own connection)."""
    if not project.can_pause:
        yield None
        return
    reader = project.reader()
    try:
        yield reader
    finally:
        reader.close()


@contextlib.contextmanager
def _finding(project: Project, persona: set[int], settings: ExtractionSettings,
             enabled: bool) -> Iterator[Finder | None]:
    """A helper process finding the pairs (see ``finder``), or None: this process finds them.
    Only for a run that may pause: the helper's read-only connection then reads a
    write-ahead log beside this process's writes (with a rollback journal, it would block
    them)."""
    finder = Finder.start(project.path, persona, settings) \
        if enabled and project.can_pause else None
    if finder is None:
        yield None
        return
    finished = False
    try:
        yield finder
        finished = True
    finally:
        finder.close(finished=finished)


_WAIT_STEP_S = 0.005  # see write_next
_BATCH = 1000
_PAUSABLE_BATCH = 200
_IN_FLIGHT = 3
# Indexes of pairs that a big run keeps up to date while it writes rather than rebuilding each
# from a read of every pair at the end: new pairs come with rising ids and answer dates, so
# these grow at one end or at a few places (a handful of statuses, origins, quality values),
# and hand-edited pairs (pairs_edited) are never among them. The question and answer sort
# indexes are filled at random places: those are rebuilt once. (pair_topics' topic index grows
# at one place per topic, and is kept up to date too.)
_KEPT_CURRENT = ("pairs_answer_date", "pairs_chat", "pairs_curation", "pairs_edited",
                 "pairs_origin", "pairs_quality", "pairs_status")


@contextlib.contextmanager
def _search_marks_after(project: Project, enabled: bool) -> Iterator[None]:
    """Mark the pairs inserted in the block for the search index with one statement at its
    end, instead of the insert trigger's one statement per pair. Within the caller's
    transaction: a failed block leaves the trigger as it was."""
    conn = project.conn
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                           " AND name = 'pair_search_ins'").fetchone() if enabled else None
    if trigger is None:
        yield
        return
    first_new = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM pairs").fetchone()[0]
    conn.execute("DROP TRIGGER pair_search_ins")
    restored = []

    def restore() -> None:  # at the block's end, or before a pause commits
        conn.execute("INSERT OR IGNORE INTO pair_search_dirty(pair_id) SELECT id FROM pairs"
                     " WHERE id >= ?", (first_new,))
        conn.execute(trigger[0])
        restored.append(True)

    withdraw = project.before_pause(restore)
    try:
        yield
    finally:
        withdraw()
    if not restored:
        restore()


def _submit(scorer: Scorer, batch: list[ExtractedPair],
            existing: dict[str, tuple[int, bool, bool]]) -> None:
    """Hand a batch's texts to the scorer (pairs a curator labelled are not re-tagged)."""
    items: list[Item] = []
    for pair in batch:
        previous = existing.get(pair.key)
        items.append((pair.question, pair.answer, pair.question_media_only, pair.answer_media_only,
                      pair.confidence, previous is None or not previous[2]))
    scorer.submit(items)


def _write(conn, batch: list[ExtractedPair], scores: list, existing: dict[str, tuple[int, bool, bool]],
           report: ExtractionReport) -> None:
    """Store one scored batch: one executemany per statement, not one call per pair."""
    # New pairs get their ids here (one writer holds the transaction), so their topic rows
    # can be written in the same batch without reading each id back.
    next_id, now = conn.execute("SELECT coalesce(max(id), 0) + 1,"
                                " strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM pairs").fetchone()
    inserts: list[tuple] = []
    updates: list[tuple] = []
    retag: list[tuple[int]] = []
    topic_rows: list[int] = []  # see _add_topics
    by_origin = report.by_origin
    for pair, (quality, reasons, topics) in zip(batch, scores, strict=True):
        turns = pair.turns
        values = (pair.chat_id, pair.origin, pair.confidence, turns_json(turns),
                  pair.question, pair.answer, quality, reasons, pair.asker_id,
                  pair.question_date, pair.answer_date, message_ids_json(turns), pair.link)
        previous = existing.get(pair.key)
        by_origin[pair.origin] += 1
        if previous is None:
            pair_id = next_id
            next_id += 1
            inserts.append((pair_id, pair.key, *values, now))
        else:
            pair_id = previous[0]
            updates.append((pair_id, *values))
            if previous[2]:
                continue  # the curator labelled it: its topics are the curator's
            retag.append((pair_id,))
        topic_rows.extend([pair_id << _TOPIC_BITS | topic_id for topic_id in topics])
    report.total += len(batch)
    report.new += len(inserts)
    conn.executemany(_INSERT, inserts)
    conn.executemany(_UPDATE, updates)
    conn.executemany("DELETE FROM pair_topics WHERE pair_id = ? AND source = 'auto'", retag)
    _add_topics(conn, topic_rows)


# A topic row as one number, the pair id above the topic id's 32 bits (topic ids are given by
# SQLite, one more than the highest): a batch's topic rows cross into SQLite as one JSON list
# that json_each unpacks (C speed), instead of one Python call per row (half the time; a big
# extraction writes several topic rows per pair).
_TOPIC_BITS = 32
_TOPIC_MASK = (1 << _TOPIC_BITS) - 1


def _add_topics(conn, packed: list[int]) -> None:
    if not packed:
        return
    if max(packed) >> 63:  # beyond SQLite's integers (pair ids past two billion)
        conn.executemany("INSERT OR IGNORE INTO pair_topics(pair_id, topic_id, source)"
                         " VALUES (?, ?, 'auto')",
                         [(value >> _TOPIC_BITS, value & _TOPIC_MASK) for value in packed])
        return
    conn.execute("INSERT OR IGNORE INTO pair_topics(pair_id, topic_id, source)"
                 f" SELECT value >> {_TOPIC_BITS}, value & {_TOPIC_MASK}, 'auto'"
                 " FROM json_each(?)", (orjson.dumps(packed),))


def pair_counts(project: Project) -> dict[str, int]:
    """Live (not deleted, not stale) pairs by origin, plus ``total``."""
    rows = project.conn.execute(
        "SELECT origin, count(*) FROM pairs WHERE deleted = 0 AND stale = 0 GROUP BY origin")
    counts = {origin: 0 for origin in (*EXTRACTED_ORIGINS, "manual", "model")}
    counts.update({r[0]: r[1] for r in rows})
    counts["total"] = sum(counts.values())
    return counts
