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
import logging
from collections import deque
from collections.abc import Sequence

from natasha_studio.core.dataset.helper import HelperFailed, next_task, start_helper
from natasha_studio.core.dataset.quality import DuplicateFinder, add_reason, assess_stripped
from natasha_studio.core.dataset.topics import Lexicon, Topic
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate

log = logging.getLogger(__name__)

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
    quality, reasons = add_reason((scored[0], json.loads(scored[1])), dup)
    return quality, json.dumps(reasons), scored[2]


class _Quality:
    """Quality and topics of pairs: no state, so either process may compute them."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.lexicon = Lexicon(topics)

    def score(self, items: Sequence[Item], dups: Sequence[str | None]) -> list[Scored]:
        ids = self.lexicon.ids
        tag = self.lexicon.tag_lowered
        dumps = json.dumps
        out: list[Scored] = []
        for (question, answer, q_media, a_media, confidence, tag_it), dup in zip(
                items, dups, strict=True):
            q, a = question.strip(), answer.strip()
            q_lower, a_lower = q.lower(), a.lower()
            scored = assess_stripped(q, a, q_lower, a_lower, question_media_only=q_media,
                                     answer_media_only=a_media, confidence=confidence)
            if dup:
                scored = add_reason(scored, dup)
            # Sorted: a set's order differs between processes (string hashes are salted).
            topics = tuple(sorted(ids[name] for name in tag(q_lower + "\n" + a_lower))) \
                if tag_it else ()
            out.append((scored[0], dumps(scored[1]), topics))
        return out


def _serve(topics: list[Topic], tasks, results) -> None:
    """The helper process: check each batch's questions for duplicates (in order: that is the
    state), and score the batch too unless the parent scores it itself."""
    gc.disable()  # see bulk.gc_paused: this process only ever does this bulk work
    quality = _Quality(topics)
    duplicates = DuplicateFinder()
    while (task := next_task(tasks)) is not None:
        items, whole = task
        dups = duplicates.check_many([item[0] for item in items])
        results.put(("ok", quality.score(items, dups) if whole else dups))


class Scorer:
    """Scores batches in order: ``submit`` each batch, then ``result`` gives their scores
    oldest first. In this process unless ``helper`` is true; then in a helper process.

    With a helper, this process shares the work when the helper falls behind: it scores a
    batch itself (quality and topics keep no state) while the helper only checks that batch's
    questions for duplicates, in order. Which side scored a batch never changes the result.
    """

    def __init__(self, topics: Sequence[Topic], helper: bool = False) -> None:
        self._topics = list(topics)
        # Per batch: its items and, when scored here ahead of time, those scores without
        # the duplicate check (which comes from the helper); None: the helper scores it.
        self._pending: deque[tuple[list[Item], list[Scored] | None]] = deque()
        self._helper = start_helper(_serve, (self._topics,), name="natasha-studio-scoring") \
            if helper else None
        self._quality: _Quality | None = None
        self._duplicates: DuplicateFinder | None = None
        if self._helper is None:
            self._quality = _Quality(self._topics)
            self._duplicates = DuplicateFinder()
        self.shared = 0  # batches this process scored while the helper was busy (figures)

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
        waiting = sum(1 for _items, scored_here in self._pending if scored_here is None)
        busy = waiting >= 2 and not helper.has_result()
        helper.put((items, not busy))
        if busy:
            # The helper is still on an earlier batch: score this one here meanwhile.
            if self._quality is None:
                self._quality = _Quality(self._topics)
            self._pending.append((items, self._quality.score(items, [None] * len(items))))
            self.shared += 1
        else:
            self._pending.append((items, None))

    def result(self) -> list[Scored]:
        """The scores of the oldest batch not yet returned (waits for the helper)."""
        items, scored_here = self._pending.popleft()
        if self._helper is None:
            dups = self._duplicates.check_many([item[0] for item in items])
            return self._quality.score(items, dups)
        try:
            value = self._helper.get()[1]
        except HelperFailed as exc:
            log.error("pair scoring failed in its helper process:\n%s", exc)
            raise StudioError(
                translate("Extraction", "Pair scoring stopped unexpectedly."),
                translate("Extraction", "Nothing was changed. Run the extraction again."),
            ) from None
        if scored_here is None:
            return value
        return [add_dup(scored, dup) for scored, dup in zip(scored_here, value, strict=True)]

    def close(self) -> None:
        """Stop the helper (at once when work is left over, e.g. after a cancel)."""
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.close(finished=not self._pending)
        self._pending.clear()

    def __enter__(self) -> Scorer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
