"""Word search over pairs' questions and answers, backed by the ``pair_search`` FTS5 index.

Triggers on ``pairs`` only mark changed pairs in ``pair_search_dirty`` (cheap, so extraction
inserting a million pairs is not slowed down); ``sync_search_index`` indexes them before a
search. A query matches a pair when every word typed starts a word of its question or answer,
ignoring case and diacritics (so "ёлка" finds "Елка").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from natasha_studio.core.store import Project

_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f]")  # combining diacritical marks

Progress = Callable[[int, int, str], None]


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics, as the index tokenizer does."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _MARKS.sub("", unicodedata.normalize("NFD", folded))


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; everything else separates)."""
    return _WORD.findall(fold(text))


def fts_query(text: str) -> str | None:
    """An FTS5 query for ``text`` (each word as a prefix, all required); None if no words."""
    tokens = words(text)
    if not tokens:
        return None
    return " AND ".join(f'"{token}"*' for token in tokens)


def text_matches(question: str, answer: str, text: str) -> bool:
    """The search's meaning in plain Python (used by tests and as a reference)."""
    wanted = words(text)
    have = words(question) + words(answer)
    return all(any(h.startswith(w) for h in have) for w in wanted)


def pending_count(project: Project) -> int:
    """How many pairs wait to be (re)indexed."""
    return int(project.conn.execute("SELECT count(*) FROM pair_search_dirty").fetchone()[0])


def sync_search_index(project: Project, progress: Progress | None = None,
                      batch: int = 200, step: int = 25) -> int:
    """Index every pair marked as changed; returns how many were processed.

    The texts are read and folded outside any transaction. A batch's write steps aside
    every ``step`` pairs when another writer waits (``Project.pause_point``): an FTS insert
    of 200 pairs held the project for 10-300 ms on a busy machine, and a curator's approve
    waited that long. Each step compares the texts again inside the transaction, so a pair
    changed since they were read (during a pause too) keeps its mark and is indexed on the
    next round.
    """
    conn = project.conn
    total = pending_count(project)
    done = 0
    # Inside a caller's transaction a pause would commit the caller's work: no pauses then.
    pausable = not conn.in_transaction
    while True:
        ids = [r[0] for r in conn.execute(
            "SELECT pair_id FROM pair_search_dirty ORDER BY pair_id LIMIT ?", (batch,))]
        if not ids:
            break
        texts = {r[0]: (r[1], r[2]) for r in conn.execute(_read_sql(len(ids)), ids)}
        # Folded here rather than by the tokenizer, whose diacritics removal covers Latin
        # letters only: Russian needs "е" to find "ё".
        folded = {pid: (fold(q or ""), fold(a or "")) for pid, (q, a) in texts.items()}
        with project.pausable(pausable), project.transaction():
            for start in range(0, len(ids), step):
                part = ids[start:start + step]
                now = {r[0]: (r[1], r[2]) for r in conn.execute(_read_sql(len(part)), part)}
                same = [pid for pid in part if now.get(pid) == texts.get(pid)]
                marks = ",".join("?" * len(same))
                conn.execute(f"DELETE FROM pair_search WHERE rowid IN ({marks})", same)
                conn.executemany(
                    "INSERT INTO pair_search(rowid, question, answer) VALUES (?, ?, ?)",
                    [(pid, *folded[pid]) for pid in same if pid in folded])
                conn.execute(f"DELETE FROM pair_search_dirty WHERE pair_id IN ({marks})", same)
                project.pause_point()
        done += len(ids)
        if progress is not None:
            progress(done, max(total, done), "")
    return done


def _read_sql(n: int) -> str:
    return f"SELECT id, question, answer FROM pairs WHERE id IN ({','.join('?' * n)})"
