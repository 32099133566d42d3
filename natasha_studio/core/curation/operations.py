"""Curation operations that change pairs; each returns what undoes it.

They write through ``core.pairs`` (which records every change in ``pair_edits``) inside one
transaction, so a bulk change lands whole or not at all. Changes of many pairs (topics,
deletion) are set-based: a few statements per 900 pairs, so a million pairs hold the write
lock for seconds, not minutes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.pairs import (
    Pair,
    Turn,
    add_pair,
    ensure_topic,
    get_pair,
    id_chunks,
    pair_topics,
    set_field,
    set_pair_topics,
    set_turns,
    topics_by_pair,
    tuples,
    turns_from_json,
)
from natasha_studio.core.store import Project


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _existing(project: Project, chunk: list[int]) -> set[int]:
    return {r[0] for r in tuples(project).execute(
        f"SELECT id FROM pairs WHERE id IN ({_marks(len(chunk))})", chunk)}


def _log_topics(project: Project, changes: list[tuple[int, list[str], list[str]]]) -> None:
    project.conn.executemany(
        "INSERT INTO pair_edits(pair_id, field, before, after) VALUES (?, 'topics', ?, ?)",
        [(pid, json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False))
         for pid, before, after in changes])


def change_topic(project: Project, pair_ids: Sequence[int], name: str,
                 add: bool) -> dict[int, list[str]]:
    """Add (or remove) one topic on several pairs; returns the topics before, for undo."""
    name = name.strip()
    if not name:
        raise StudioError(translate("Curation", "A topic needs a name."))
    before: dict[int, list[str]] = {}
    with project.transaction() as conn:
        if add:
            topic_id = ensure_topic(project, name)
        else:
            row = conn.execute("SELECT id FROM topics WHERE name = ?", (name,)).fetchone()
            if row is None:
                return before
            topic_id = row[0]
        for chunk in id_chunks(pair_ids):
            current = topics_by_pair(project, chunk)
            if add:
                live = _existing(project, chunk)
                targets = [pid for pid in dict.fromkeys(chunk)
                           if pid in live and name not in current.get(pid, ())]
            else:
                targets = [pid for pid in dict.fromkeys(chunk) if name in current.get(pid, ())]
            if not targets:
                continue
            if add:
                conn.executemany("INSERT INTO pair_topics(pair_id, topic_id, source)"
                                 " VALUES (?, ?, 'manual')", [(pid, topic_id) for pid in targets])
            else:
                conn.execute(f"DELETE FROM pair_topics WHERE topic_id = ? AND pair_id IN"
                             f" ({_marks(len(targets))})", (topic_id, *targets))
            changes = []
            for pid in targets:
                was = current.get(pid, [])
                now = sorted({*was, name}) if add else [t for t in was if t != name]
                changes.append((pid, was, now))
                before[pid] = was
            _log_topics(project, changes)
    return before


def restore_topics(project: Project, topics: dict[int, list[str]]) -> None:
    """Put back topics returned by ``change_topic``: each pair's topics
    become exactly those names."""
    with project.transaction() as conn:
        topic_ids = {name: ensure_topic(project, name)
                     for name in sorted({n for names in topics.values() for n in names})}
        for chunk in id_chunks(topics):
            current = topics_by_pair(project, chunk)
            live = _existing(project, chunk)
            changes = [(pid, current.get(pid, []), sorted(set(topics[pid]))) for pid in chunk
                       if pid in live and current.get(pid, []) != sorted(set(topics[pid]))]
            if not changes:
                continue
            changed = [pid for pid, _, _ in changes]
            conn.execute(f"DELETE FROM pair_topics WHERE pair_id IN ({_marks(len(changed))})",
                         changed)
            conn.executemany("INSERT INTO pair_topics(pair_id, topic_id, source)"
                             " VALUES (?, ?, 'manual')",
                             [(pid, topic_ids[n]) for pid, _, names in changes for n in names])
            _log_topics(project, changes)


def set_deleted(project: Project, pair_ids: Iterable[int], deleted: bool) -> list[int]:
    """Soft-delete (or restore) pairs; returns the ids that changed (in the order given)."""
    value = 1 if deleted else 0
    changed: list[int] = []
    with project.transaction() as conn:
        for chunk in id_chunks(pair_ids):
            rows = tuples(project).execute(
                f"SELECT id, deleted FROM pairs WHERE id IN ({_marks(len(chunk))})"
                " AND deleted != ?", (*chunk, value)).fetchall()
            if not rows:
                continue
            was = {pid: before for pid, before in rows}
            conn.execute("UPDATE pairs SET deleted = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ',"
                         f" 'now') WHERE id IN ({_marks(len(was))})", (value, *was))
            conn.executemany(
                "INSERT INTO pair_edits(pair_id, field, before, after) VALUES (?, 'deleted', ?, ?)",
                [(pid, json.dumps(before), json.dumps(value)) for pid, before in rows])
            changed += [pid for pid in dict.fromkeys(chunk) if pid in was]
    return changed


def edited_turns(project: Project, pair_id: int) -> list[Turn] | None:
    """The pair's edited turns as stored (None: unedited)."""
    row = project.conn.execute("SELECT turns FROM pairs WHERE id = ?", (pair_id,)).fetchone()
    if row is None:
        raise KeyError(pair_id)
    return turns_from_json(row[0]) if row[0] is not None else None


def merge_turn_with_next(turns: Sequence[Turn], index: int) -> list[Turn]:
    """Join turn ``index`` with the following turn of the same speaker (a reply sent as
    several messages becomes one); texts are joined by a blank line."""
    if not 0 <= index < len(turns) - 1 or turns[index].role != turns[index + 1].role:
        raise StudioError(translate("Curation", "Only two neighbouring turns of the same speaker "
                                                "can be joined."))
    first, second = turns[index], turns[index + 1]
    joined = Turn(first.role, f"{first.text.rstrip()}\n\n{second.text.lstrip()}",
                  first.sender_id, first.sender_name,
                  list(first.message_ids) + list(second.message_ids), first.date)
    return [*turns[:index], joined, *turns[index + 2:]]


def split_points(turns: Sequence[Turn]) -> list[int]:
    """Where a multi-turn pair can be split: before a member turn that follows an answer."""
    return [i for i in range(2, len(turns) - 1)
            if turns[i].role == "user" and turns[i - 1].role == "assistant"]


@dataclass
class SplitResult:
    pair_id: int
    new_pair_id: int
    previous_turns: list[Turn] | None  # the pair's edited turns before the split


def split_pair(project: Project, pair_id: int, at: int) -> SplitResult:
    """Split a multi-turn pair before turn ``at``: the earlier exchange stays in the pair, the
    later one becomes a new pair (same chat, status and topics)."""
    pair = get_pair(project, pair_id)
    if pair is None:
        raise KeyError(pair_id)
    turns = pair.turns
    if at not in split_points(turns):
        raise StudioError(
            translate("Curation", "This pair cannot be split there."),
            translate("Curation", "A pair splits between an answer and the next question."))
    with project.transaction():
        previous = edited_turns(project, pair_id)
        new_id = add_pair(project, turns[at:], origin=pair.origin, chat_id=pair.chat_id,
                          status=pair.status, confidence=pair.confidence, link=pair.link,
                          notes=pair.notes)
        set_pair_topics(project, new_id, pair.topics)
        set_turns(project, pair_id, turns[:at])
    return SplitResult(pair_id, new_id, previous)


def undo_split(project: Project, result: SplitResult) -> None:
    """Remove the pair a split created and give the original its turns back."""
    with project.transaction() as conn:
        conn.execute("DELETE FROM pairs WHERE id = ?", (result.new_pair_id,))
        set_turns(project, result.pair_id, result.previous_turns)


def _keep_rank(pair: Pair) -> tuple:
    status_rank = {"approved": 0, "needs_work": 1, "new": 2, "rejected": 3}[pair.status]
    return (status_rank, not pair.edited, -(pair.quality or 0.0), -len(pair.answer), pair.id)


def best_to_keep(pairs: Sequence[Pair]) -> Pair:
    """Which of several duplicates to keep: approved, then edited, then the higher quality,
    then the longer answer."""
    return min(pairs, key=_keep_rank)


@dataclass
class MergeResult:
    keep_id: int
    statuses: dict[int, str]            # previous statuses of the rejected duplicates
    topics: dict[int, list[str]]        # previous topics of the kept pair
    notes: dict[int, str]               # previous notes of every pair touched


def merge_duplicates(project: Project, keep_id: int, other_ids: Sequence[int]) -> MergeResult:
    """Keep one pair of a duplicate group: it gains the others' topics, the others are
    rejected with a note that points at it."""
    from natasha_studio.core.pairs import set_status

    others = [i for i in other_ids if i != keep_id]
    with project.transaction():
        keep_topics = pair_topics(project, keep_id)
        merged = set(keep_topics)
        notes: dict[int, str] = {}
        for pid in others:
            merged |= set(pair_topics(project, pid))
        topics_before = {}
        if merged != set(keep_topics):
            topics_before[keep_id] = keep_topics
            set_pair_topics(project, keep_id, merged)
        for pid in others:
            row = project.conn.execute("SELECT notes FROM pairs WHERE id = ?", (pid,)).fetchone()
            if row is None:
                continue
            notes[pid] = row[0]
            line = translate("Curation", "Duplicate of pair #{id}.").format(id=keep_id)
            if line not in row[0]:
                set_field(project, pid, "notes", f"{row[0]}\n{line}".strip())
        statuses = set_status(project, others, "rejected")
    return MergeResult(keep_id, statuses, topics_before, notes)


def undo_merge(project: Project, result: MergeResult) -> None:
    """Undo ``merge_duplicates``."""
    from natasha_studio.core.pairs import restore_statuses

    with project.transaction():
        restore_statuses(project, result.statuses)
        restore_topics(project, result.topics)
        for pid, text in result.notes.items():
            set_field(project, pid, "notes", text)


def add_manual_pair(project: Project, question: str, answer: str, *, context: str = "",
                    chat_id: int | None = None, status: str = "new") -> int:
    """A pair written by hand (optional context turn spoken by the member)."""
    if not question.strip() or not answer.strip():
        raise StudioError(translate("Curation", "Write both the question and the answer."))
    turns = []
    if context.strip():
        turns += [Turn("user", context.strip())]
    turns += [Turn("user", question.strip()), Turn("assistant", answer.strip())]
    return add_pair(project, turns, origin="manual", chat_id=chat_id, status=status)


# -- bulk operations that can be undone later (the command line's --undo) -------------------

def record_operation(project: Project, kind: str, description: str, pair_count: int,
                     undo: dict) -> int:
    """Remember a bulk operation so that ``undo_last_operation`` can revert it."""
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO curation_operations(kind, description, pair_count, undo)"
            " VALUES (?, ?, ?, ?)",
            (kind, description, pair_count, json.dumps(undo, ensure_ascii=False)))
        return int(cur.lastrowid)


def set_status_undoable(project: Project, pair_ids: Iterable[int], status: str,
                        description: str) -> dict[int, str]:
    """Give the pairs ``status`` and remember it for ``undo_last_operation``, in one
    transaction: a crash leaves either both or neither, so an undo never reverts an older
    operation in place of one whose record was lost. Returns the previous statuses."""
    from natasha_studio.core.pairs import set_status as set_statuses

    with project.transaction():
        previous = set_statuses(project, pair_ids, status)
        if previous:
            record_operation(project, "status", description, len(previous),
                             {"statuses": previous})
    return previous


def undo_last_operation(project: Project) -> dict | None:
    """Revert the latest bulk operation not yet undone; returns its row, or None."""
    from natasha_studio.core.pairs import restore_statuses

    with project.transaction() as conn:
        # Read inside the transaction: another writer cannot slip an operation in between.
        row = conn.execute(
            "SELECT id, kind, description, pair_count, undo, at FROM curation_operations"
            " WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        undo = json.loads(row["undo"])
        if row["kind"] == "status":
            restore_statuses(project, {int(k): v for k, v in undo["statuses"].items()})
        elif row["kind"] == "topics":
            restore_topics(project, {int(k): v for k, v in undo["topics"].items()})
        elif row["kind"] == "delete":
            set_deleted(project, undo["ids"], not undo["deleted"])
        else:
            raise StudioError(translate("Curation", "This operation cannot be undone here."))
        conn.execute("UPDATE curation_operations SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ',"
                     " 'now') WHERE id = ?", (row["id"],))
    return dict(row)
