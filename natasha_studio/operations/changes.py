"""What an action changed: the one value every view refreshes from.

Each operation returns a ``Changes``; the window hands it to ``AppContext.apply``, which
emits the one ``changed(Changes)`` signal, and each view re-reads what concerns it.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Which pairs changed (``None``: any may have, e.g. pairs were added) and which other
    kinds of data; ``counts`` says how many of what, for a status line. ``pairs`` is kept as
    given, not copied (a bulk change's million ids): whoever makes one never changes it."""

    pairs: AbstractSet[int] | None = frozenset()
    sources: bool = False      # chats, messages or participants
    snapshots: bool = False
    jobs: bool = False
    models: bool = False
    votes: bool = False        # blind A/B verdicts
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of_pairs(cls, ids: Iterable[int] | None, **counts: int) -> Changes:
        return cls(pairs=None if ids is None else frozenset(ids), counts=counts)

    @property
    def any_pairs(self) -> bool:
        return self.pairs is None or bool(self.pairs)

    @property
    def empty(self) -> bool:
        return not (self.any_pairs or self.sources or self.snapshots or self.jobs or self.models
                    or self.votes)

    def __or__(self, other: Changes) -> Changes:
        pairs = (None if self.pairs is None or other.pairs is None
                 else frozenset(self.pairs) | frozenset(other.pairs))
        return Changes(pairs, sources=self.sources or other.sources,
                       snapshots=self.snapshots or other.snapshots, jobs=self.jobs or other.jobs,
                       models=self.models or other.models, votes=self.votes or other.votes,
                       counts={**self.counts, **other.counts})


NOTHING = Changes()
