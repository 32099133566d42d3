"""Snapshots: a named, frozen copy of the pairs that go into a fine-tune.

A snapshot keeps each pair's content as it was when frozen (later edits do not change it), the
system prompt, the settings that chose and split the pairs, a note, and a content hash. The hash
is a SHA-256 over the system prompt and the sorted (pair id, split, content) entries, so the
same data always gives the same hash, whenever and in whatever order it was frozen. Exports and
fine-tune jobs refer to a snapshot by id, so their data can be seen, compared and exported again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.selection import Example, PairFilter, select_examples
from natasha_studio.core.export.split import SPLITS, assign_splits
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

Progress = Callable[[int, int, str], None]


@dataclass
class Snapshot:
    id: int
    name: str
    note: str
    created_at: str
    system_prompt: str
    settings: dict[str, Any]
    content_hash: str
    pair_count: int
    split_counts: dict[str, int] = field(default_factory=dict)

    @property
    def filter(self) -> PairFilter:
        return PairFilter.from_dict(self.settings.get("filter"))


def _canonical(data: Any) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)


def _entries(examples: Sequence[Example]) -> list[tuple[int, str, bytes]]:
    """(pair id, split, canonical content) of each example, in pair-id order."""
    return [(e.pair_id, e.split, _canonical(e.content()))
            for e in sorted(examples, key=lambda e: e.pair_id)]


def _hash_entries(system_prompt: str, entries: Sequence[tuple[int, str, bytes]]) -> str:
    digest = hashlib.sha256()
    digest.update(_canonical({"system_prompt": system_prompt}))
    for pair_id, split, content in entries:
        digest.update(b"\n")
        digest.update(_canonical([pair_id, split]))
        digest.update(content)
    return digest.hexdigest()


def content_hash(system_prompt: str, examples: Sequence[Example]) -> str:
    """The SHA-256 of a snapshot's content (order-independent; see the module docstring)."""
    return _hash_entries(system_prompt, _entries(examples))


def _check_name(project: Project, name: str) -> str:
    name = name.strip()
    if not name:
        raise StudioError(translate("Export", "The snapshot needs a name."))
    if project.conn.execute("SELECT 1 FROM snapshots WHERE name = ?", (name,)).fetchone():
        raise StudioError(
            translate("Export", "A snapshot named \u201c{name}\u201d already exists.").format(name=name),
            translate("Export", "Choose another name."),
        )
    return name


@dataclass
class _Frozen:
    entries: list[tuple[int, str, bytes]]
    system_prompt: str
    settings: dict[str, Any]
    content_hash: str


def _freeze(project: Project, pair_filter: PairFilter, validation_split: float, heldout: int,
            seed: int, system_prompt: str | None, progress: Progress | None) -> _Frozen:
    if not 0.0 <= validation_split < 1.0:
        raise StudioError(
            translate("Export", "The validation share must be from 0% to 99%."))
    if heldout < 0:
        raise StudioError(translate("Export", "The number of held-out questions cannot be negative."))
    if progress:
        progress(0, 0, translate("Export", "Reading pairs\u2026"))
    examples = select_examples(project, pair_filter)
    if not examples:
        raise StudioError(
            translate("Export", "No pairs match, so there is nothing to freeze."),
            translate("Export", "Approve some pairs on the Pairs tab, or change the filter."),
        )
    if heldout >= len(examples):
        raise StudioError(
            translate("Export", "{heldout} held-out questions would leave no pairs for training "
                      "(the snapshot has {count}).").format(heldout=heldout, count=len(examples)),
            translate("Export", "Keep fewer questions out."),
        )
    splits = assign_splits(examples, validation_split, heldout, seed)
    for example in examples:
        example.split = splits[example.pair_id]
    prompt = project.system_prompt if system_prompt is None else system_prompt
    settings = {
        "filter": pair_filter.to_dict(),
        "validation_split": validation_split,
        "heldout": heldout,
        "seed": seed,
        "persona_name": project.persona_name,
    }
    entries = _entries(examples)
    return _Frozen(entries, prompt, settings, _hash_entries(prompt, entries))


def _insert(project: Project, name: str, note: str, frozen: _Frozen,
            progress: Progress | None) -> Snapshot:
    entries = frozen.entries
    total = len(entries)
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO snapshots(name, note, system_prompt, settings, content_hash, pair_count)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (name, note.strip(), frozen.system_prompt,
             json.dumps(frozen.settings, ensure_ascii=False), frozen.content_hash, total),
        )
        snapshot_id = int(cur.lastrowid)
        for start in range(0, total, 5000):
            chunk = entries[start:start + 5000]
            conn.executemany(
                "INSERT INTO snapshot_pairs(snapshot_id, pair_id, split, content) VALUES (?, ?, ?, ?)",
                [(snapshot_id, pair_id, split, content.decode()) for pair_id, split, content in chunk],
            )
            if progress:
                progress(start + len(chunk), total, translate("Export", "Freezing pairs\u2026"))
    return get_snapshot(project, snapshot_id)


def create_snapshot(
    project: Project,
    name: str,
    note: str = "",
    *,
    pair_filter: PairFilter | None = None,
    validation_split: float = 0.1,
    heldout: int = 0,
    seed: int = 0,
    system_prompt: str | None = None,
    progress: Progress | None = None,
) -> Snapshot:
    """Freeze the pairs ``pair_filter`` selects (the approved ones by default) as a snapshot.

    ``validation_split`` is the share of the non-held-out pairs kept for validation,
    ``heldout`` the number of golden questions kept out of training, ``seed`` fixes the split.
    The system prompt defaults to the project's. Raises ``StudioError`` for an empty or taken
    name, bad split settings, or when no pair matches.
    """
    name = _check_name(project, name)
    frozen = _freeze(project, pair_filter or PairFilter(), validation_split, heldout, seed,
                     system_prompt, progress)
    return _insert(project, name, note, frozen, progress)


def freeze_or_reuse(
    project: Project,
    name: str | None = None,
    note: str = "",
    *,
    pair_filter: PairFilter | None = None,
    validation_split: float = 0.1,
    heldout: int = 0,
    seed: int = 0,
    progress: Progress | None = None,
) -> tuple[Snapshot, bool]:
    """The snapshot of exactly this content: an existing one with the same hash, or a new one.

    Quick exports and fine-tunes started without choosing a snapshot use this, so that running
    them again on unchanged data does not pile up identical snapshots. A new snapshot is named
    ``name``, or after the current time. Returns (snapshot, whether it was created).
    """
    frozen = _freeze(project, pair_filter or PairFilter(), validation_split, heldout, seed, None,
                     progress)
    row = project.conn.execute(
        "SELECT id FROM snapshots WHERE content_hash = ? ORDER BY id DESC LIMIT 1",
        (frozen.content_hash,),
    ).fetchone()
    if row is not None and (name is None or get_snapshot(project, row[0]).name == name):
        return get_snapshot(project, row[0]), False
    if name is None:
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        name = translate("Export", "Snapshot of {date}").format(date=stamp)
        while find_snapshot(project, name):
            name += "+"
    name = _check_name(project, name)
    return _insert(project, name, note, frozen, progress), True


def _row_to_snapshot(project: Project, row: Any) -> Snapshot:
    counts = {s: 0 for s in SPLITS}
    for split, n in project.conn.execute(
        "SELECT split, count(*) FROM snapshot_pairs WHERE snapshot_id = ? GROUP BY split", (row["id"],)
    ):
        counts[split] = n
    return Snapshot(
        id=row["id"], name=row["name"], note=row["note"], created_at=row["created_at"],
        system_prompt=row["system_prompt"], settings=json.loads(row["settings"] or "{}"),
        content_hash=row["content_hash"], pair_count=row["pair_count"], split_counts=counts,
    )


def get_snapshot(project: Project, snapshot: int | str) -> Snapshot:
    """A snapshot by id or by name; ``StudioError`` when there is none."""
    if isinstance(snapshot, int):
        row = project.conn.execute("SELECT * FROM snapshots WHERE id = ?", (snapshot,)).fetchone()
    else:
        row = project.conn.execute("SELECT * FROM snapshots WHERE name = ?", (snapshot,)).fetchone()
    if row is None:
        raise StudioError(
            translate("Export", "There is no snapshot \u201c{name}\u201d in this project.").format(
                name=snapshot),
            translate("Export", "Freeze a snapshot first, or pick one from the list."),
        )
    return _row_to_snapshot(project, row)


def find_snapshot(project: Project, name: str) -> Snapshot | None:
    row = project.conn.execute("SELECT * FROM snapshots WHERE name = ?", (name,)).fetchone()
    return _row_to_snapshot(project, row) if row else None


def list_snapshots(project: Project) -> list[Snapshot]:
    """All snapshots, newest first."""
    rows = project.conn.execute("SELECT * FROM snapshots ORDER BY created_at DESC, id DESC").fetchall()
    return [_row_to_snapshot(project, r) for r in rows]


def snapshot_examples(project: Project, snapshot_id: int,
                      split: str | Sequence[str] | None = None) -> list[Example]:
    """The frozen examples of a snapshot, in pair-id order; ``split`` limits to some parts."""
    splits = [split] if isinstance(split, str) else list(split or [])
    splits = [s for s in splits if s != "all"]
    sql = "SELECT pair_id, split, content FROM snapshot_pairs WHERE snapshot_id = ?"
    params: list[Any] = [snapshot_id]
    if splits:
        sql += f" AND split IN ({','.join('?' * len(splits))})"
        params += splits
    sql += " ORDER BY pair_id"
    cursor = project.conn.cursor()
    cursor.row_factory = None  # plain tuples: sqlite3.Row is slow over 100k rows
    return [Example.from_content(orjson.loads(content), split)
            for _pair_id, split, content in cursor.execute(sql, params)]


def set_snapshot_note(project: Project, snapshot_id: int, note: str) -> None:
    with project.transaction() as conn:
        conn.execute("UPDATE snapshots SET note = ? WHERE id = ?", (note.strip(), snapshot_id))


def delete_snapshot(project: Project, snapshot_id: int) -> None:
    """Delete a snapshot; jobs that used it keep their record (their snapshot id becomes empty)."""
    with project.transaction() as conn:
        conn.execute("DELETE FROM snapshot_pairs WHERE snapshot_id = ?", (snapshot_id,))
        conn.execute("DELETE FROM snapshots WHERE id = ?", (snapshot_id,))


def verify_snapshot(project: Project, snapshot_id: int) -> bool:
    """Whether the stored content still gives the stored hash (nothing was altered)."""
    snapshot = get_snapshot(project, snapshot_id)
    return content_hash(snapshot.system_prompt,
                        snapshot_examples(project, snapshot_id)) == snapshot.content_hash


def record_export(project: Project, snapshot_id: int, fmt: str, split: str, path: str,
                  count: int, file_sha256: str, options: dict[str, Any] | None = None) -> int:
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO snapshot_exports(snapshot_id, format, split, path, example_count,"
            " file_sha256, options) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (snapshot_id, fmt, split, path, count, file_sha256,
             json.dumps(options or {}, ensure_ascii=False)),
        )
        return int(cur.lastrowid)


def snapshot_exports(project: Project, snapshot_id: int) -> list[dict[str, Any]]:
    """The files exported from a snapshot, newest first."""
    rows = project.conn.execute(
        "SELECT * FROM snapshot_exports WHERE snapshot_id = ? ORDER BY id DESC", (snapshot_id,))
    return [dict(r) for r in rows]
