"""Scoring extracted pairs (quality, duplicates, topics), in this process or in a helper process.

Scoring costs about as much as everything else extraction does together (finding the pairs,
writing them). On a large run it goes to a helper process, so that the two halves share the
machine's cores: this process finds and writes earlier batches while the helper scores later
ones, and scores a batch itself when the helper falls behind (see ``Scorer``).

The helper gets batches in order and keeps the duplicate finder's state, so it gives exactly
what scoring in this process gives (a test compares the two).
"""

from __future__ import annotations

import gc
import json
from collections import deque
from collections.abc import Sequence
from typing import Any

from natasha_studio.core.dataset.helper import (
    HelperFailed,
    HelperProcess,
    extraction_stopped,
    next_task,
    start_helper,
)
from natasha_studio.core.dataset.quality import DuplicateFinder
from natasha_studio.core.dataset.quality_model import (
    Prepared,
    Weights,
    finish,
    prepare,
    relatedness,
    with_duplicate,
)
from natasha_studio.core.dataset.topics import Lexicon, Topic
from natasha_studio.core.i18n import translate

# One pair to score: question, answer, question media-only, answer media-only, confidence,
# whether to tag it with topics (pairs a curator labelled keep the curator's topics).
Item = tuple[str, str, bool, bool, float, bool]
# What comes back: score, reasons as JSON, topic ids.
Scored = tuple[float, str, tuple[int, ...]]

def add_dup(scored: Scored, dup: str | None) -> Scored:
    """A score made without the duplicate check, with its verdict added (as ``_Quality``
    would have added it)."""
    if not dup:
        return scored
    quality, reasons = with_duplicate(scored[0], json.loads(scored[1]), dup)
    return quality, json.dumps(reasons), scored[2]


# A batch prepared for scoring (see _Quality.prepare): the signals and each pair's topics.
Ready = tuple[Prepared, list[tuple[int, ...]]]


class _Quality:
    """Quality and topics of pairs: no state, so either process may compute them. The
    meaning model (the one costly part, ~60-100 MB) is only needed by ``relate``: with a
    helper process, only the helper loads it."""

    def __init__(self, topics: Sequence[Topic], weights: dict | None = None) -> None:
        self.lexicon = Lexicon(topics)
        self.weights = Weights.from_json(weights) if weights else None

    def prepare(self, items: Sequence[Item]) -> Ready:
        """Everything but the relatedness of the pairs that need it."""
        ids = self.lexicon.ids
        tag = self.lexicon.tag_lowered
        topics: list[tuple[int, ...]] = []
        for question, answer, _q_media, _a_media, _confidence, tag_it in items:
            # Sorted: a set's order differs between processes (string hashes are salted).
            topics.append(tuple(sorted(ids[name] for name in tag(
                question.strip().lower() + "\n" + answer.strip().lower()))) if tag_it else ())
        prepared = prepare([item[:5] for item in items], self.weights)
        return prepared, topics

    @staticmethod
    def relate(items: Sequence[Item], which: Sequence[int]) -> list[float]:
        """The relatedness of the pairs ``which`` names (see quality_model.prepare)."""
        return relatedness([items[i][0] for i in which],
                           [items[i][1] for i in which]).tolist()

    def finish(self, ready: Ready, related: list[float],
               dups: Sequence[str | None]) -> list[Scored]:
        prepared, topics = ready
        dumps = json.dumps
        out: list[Scored] = []
        for (score, reasons), dup, tags in zip(finish(prepared, related, self.weights), dups,
                                               topics, strict=True):
            if dup:
                score, reasons = with_duplicate(score, reasons, dup)
            out.append((score, dumps(reasons), tags))
        return out

    def score(self, items: Sequence[Item], dups: Sequence[str | None]) -> list[Scored]:
        ready = self.prepare(items)
        return self.finish(ready, self.relate(items, ready[0].to_relate), dups)


def _serve(topics: list[Topic], weights: dict | None, tasks, results) -> None:
    """The helper process: check each batch's questions for duplicates (in order: that is the
    state), and score the batch too unless the parent scores it itself; then the parent
    sends which pairs need the meaning model, and gets their relatedness back with the
    duplicates."""
    gc.disable()  # see bulk.gc_paused: this process only ever does this bulk work
    quality = _Quality(topics, weights)
    duplicates = DuplicateFinder()
    while (task := next_task(tasks)) is not None:
        items, whole, to_relate = task
        if whole is None:  # a second helper: the score without the duplicate check
            results.put(("ok", quality.score(items, [None] * len(items))))
            continue
        dups = duplicates.check_many([item[0] for item in items])
        results.put(("ok", quality.score(items, dups) if whole
                     else (dups, quality.relate(items, to_relate))))


# A batch scored by the second helper (see Scorer), its duplicates checked by the first.
_APART = "apart"


def _get(helper: HelperProcess) -> Any:
    try:
        return helper.get()[1]
    except HelperFailed as exc:
        raise extraction_stopped(translate("Extraction", "Pair scoring stopped unexpectedly."),
                                 "pair scoring", exc) from None


class Scorer:
    """Scores batches in order: ``submit`` each batch, then ``result`` gives their scores
    oldest first. In this process unless ``helper`` is true; then in a helper process.

    With a helper, this process shares the work when the helper falls behind (unless
    ``share`` is false): it scores a batch itself (quality and topics keep no state) while the
    helper only checks that batch's questions for duplicates, in order. Which side scored a
    batch never changes the result. Only the helper loads the meaning model: for a batch
    scored here, it sends back the relatedness of the pairs that need it with the duplicate
    check. Without sharing, this process scores nothing while the helper runs: a window's
    thread in this process never waits for the interpreter behind the scoring (its pure-Python
    work held the interpreter about half the time, and the window stalled for up to 200 ms).
    A second helper then takes the share instead: it scores a batch without the duplicate
    check while the first checks that batch's duplicates, and the verdicts are added here.
    """

    def __init__(self, topics: Sequence[Topic], helper: bool = False,
                 weights: dict | None = None, *, share: bool = True) -> None:
        self._topics = list(topics)
        self._weights = weights  # the project's own (quality_learning), else the defaults
        self._share = share
        # Per batch: its items and, when prepared here ahead of time, that preparation (the
        # helper sends the duplicate check and the relatedness); None: the helper scores it.
        self._pending: deque[tuple[list[Item], Ready | str | None]] = deque()
        self._helper = start_helper(_serve, (self._topics, weights),
                                    name="natasha-studio-scoring") if helper else None
        self._quality: _Quality | None = None
        self._duplicates: DuplicateFinder | None = None
        if self._helper is None:
            self._quality = _Quality(self._topics, weights)
            self._duplicates = DuplicateFinder()
        self._second: HelperProcess | None = None  # see the class's note (without sharing)
        self._second_failed = False
        self.shared = 0  # batches scored apart while the helper was busy (figures)

    @property
    def in_helper(self) -> bool:
        return self._helper is not None

    def submit(self, items: list[Item]) -> None:
        """Queue one batch (the helper starts on it at once)."""
        helper = self._helper
        if helper is None:
            self._pending.append((items, None))
            return
        # Behind: two or more whole batches still with the helper, none of them done.
        waiting = sum(1 for _items, ready in self._pending if ready is None)
        busy = waiting >= 2 and not helper.has_result()
        if busy and not self._share:
            apart = sum(1 for _items, ready in self._pending if ready is _APART)
            second = self._second_helper() if apart < 2 else None
            if second is not None:
                second.put((items, None, None))
                helper.put((items, False, []))  # the duplicate check, in order
                self._pending.append((items, _APART))
                self.shared += 1
                return
            busy = False
        if busy:
            # The helper is still on an earlier batch: prepare this one here meanwhile.
            if self._quality is None:
                self._quality = _Quality(self._topics, self._weights)
            ready = self._quality.prepare(items)
            helper.put((items, False, ready[0].to_relate))
            self._pending.append((items, ready))
            self.shared += 1
        else:
            helper.put((items, True, None))
            self._pending.append((items, None))

    def _second_helper(self) -> HelperProcess | None:
        if self._second is None and not self._second_failed:
            self._second = start_helper(_serve, (self._topics, self._weights),
                                        name="natasha-studio-scoring-2")
            self._second_failed = self._second is None
        return self._second

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the oldest batch's scores; returns whether
        ``result`` has them at hand (always, in this process)."""
        helper = self._helper
        if helper is None:
            return True
        if not helper.wait(timeout):
            return False
        return not self._pending or self._pending[0][1] is not _APART or self._second.wait(timeout)

    def result(self) -> list[Scored]:
        """The scores of the oldest batch not yet returned (waits for the helper)."""
        items, ready = self._pending.popleft()
        if self._helper is None:
            dups = self._duplicates.check_many([item[0] for item in items])
            return self._quality.score(items, dups)
        value = _get(self._helper)
        if ready is None:
            return value
        dups, related = value
        if ready is _APART:
            return [add_dup(scored, dup)
                    for scored, dup in zip(_get(self._second), dups, strict=True)]
        return self._quality.finish(ready, related, dups)

    def close(self) -> None:
        """Stop the helpers (at once when work is left over, e.g. after a cancel)."""
        helper, self._helper = self._helper, None
        second, self._second = self._second, None
        for process in (helper, second):
            if process is not None:
                process.close(finished=not self._pending)
        self._pending.clear()

    def __enter__(self) -> Scorer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
