"""Groups of pairs whose questions are near-identical.

Comparing every question with every other is out of reach at 100k pairs, so candidates come
from shared rare words: two near-identical questions share their rarest words. Candidates are
then confirmed with a similarity score (rapidfuzz), and confirmed pairs are joined into groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz

from natasha_studio.core.curation.search import words
from natasha_studio.core.store import Project

# A bucket this large is a common word, not evidence of duplication.
_MAX_BUCKET = 200
_KEYS_PER_QUESTION = 3


def normalise(text: str) -> str:
    """Folded words of ``text`` joined by single spaces (punctuation and case ignored)."""
    return " ".join(words(text))


class _Groups:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicate_groups(project: Project, threshold: float = 90.0, *,
                          include_rejected: bool = False,
                          progress: Callable[[int, int, str], None] | None = None,
                          ) -> list[list[int]]:
    """Groups (two pairs or more) of live pairs with near-identical questions.

    ``threshold`` is the least similarity (0-100) of two normalised questions. Groups come
    largest first; ids within a group ascend. ``progress(done, total, "")`` hears of reading
    the questions, then of comparing them (it may raise to stop).
    """
    where = "deleted = 0" + ("" if include_rejected else " AND status != 'rejected'")
    count = project.conn.execute(f"SELECT count(*) FROM pairs WHERE {where}").fetchone()[0]
    texts: dict[int, str] = {}
    rows = project.conn.execute(f"SELECT id, question FROM pairs WHERE {where}")
    done = 0
    while chunk := rows.fetchmany(10000):
        for pid, question in chunk:
            norm = normalise(question or "")
            if norm:
                texts[pid] = norm
        done += len(chunk)
        if progress is not None:
            progress(done, count, "")
    groups = _Groups()
    exact: dict[str, int] = {}
    for pid, norm in texts.items():
        if norm in exact:
            groups.union(exact[norm], pid)
        else:
            exact[norm] = pid
    # Near-identical: compare only the representatives of distinct texts that share a rare word.
    reps = {pid: texts[pid] for pid in exact.values()}
    freq: Counter[str] = Counter()
    for norm in reps.values():
        freq.update(set(norm.split()))
    buckets: dict[str, list[int]] = defaultdict(list)
    for pid, norm in reps.items():
        for word in sorted(set(norm.split()), key=lambda w: (freq[w], w))[:_KEYS_PER_QUESTION]:
            buckets[word].append(pid)
    seen: set[tuple[int, int]] = set()
    total = len(buckets)
    for n, members in enumerate(buckets.values(), 1):
        if 1 < len(members) <= _MAX_BUCKET:
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    key = (a, b) if a < b else (b, a)
                    if key in seen:
                        continue
                    seen.add(key)
                    if fuzz.ratio(reps[a], reps[b], score_cutoff=threshold):
                        groups.union(a, b)
        if progress is not None and n % 5000 == 0:
            progress(n, total, "")
    by_root: dict[int, list[int]] = defaultdict(list)
    for pid in texts:
        if pid in groups.parent:
            by_root[groups.find(pid)].append(pid)
    result = [sorted(g) for g in by_root.values() if len(g) > 1]
    result.sort(key=lambda g: (-len(g), g[0]))
    return result
