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
                      batch: int = 200) -> int:
    """Index every pair marked as changed; returns how many were processed.

    The texts are read and folded outside any transaction; each batch's write is a short
    transaction (milliseconds), so edits from the window hardly wait for it. A pair changed
    between the read and the write keeps its mark and is indexed on the next round.
    """
    conn = project.conn
    total = pending_count(project)
    done = 0
    while True:
        ids = [r[0] for r in conn.execute(
            "SELECT pair_id FROM pair_search_dirty ORDER BY pair_id LIMIT ?", (batch,))]
        if not ids:
            break
        marks = ",".join("?" * len(ids))
        read = f"SELECT id, question, answer FROM pairs WHERE id IN ({marks})"
        texts = {r[0]: (r[1], r[2]) for r in conn.execute(read, ids)}
        # Folded here rather than by the tokenizer, whose diacritics removal covers Latin
        # letters only: Russian needs "е" to find "ё".
        folded = {pid: (fold(q or ""), fold(a or "")) for pid, (q, a) in texts.items()}
        with project.transaction():
            now = {r[0]: (r[1], r[2]) for r in conn.execute(read, ids)}
            same = [pid for pid in ids if now.get(pid) == texts.get(pid)]
            same_marks = ",".join("?" * len(same))
            conn.execute(f"DELETE FROM pair_search WHERE rowid IN ({same_marks})", same)
            conn.executemany(
                "INSERT INTO pair_search(rowid, question, answer) VALUES (?, ?, ?)",
                [(pid, *folded[pid]) for pid in same if pid in folded])
            conn.execute(f"DELETE FROM pair_search_dirty WHERE pair_id IN ({same_marks})", same)
        done += len(ids)
        if progress is not None:
            progress(done, max(total, done), "")
    return done
