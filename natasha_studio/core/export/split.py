"""Deterministic, stratified train / validation / held-out split.

Pairs are grouped into strata by chat and main topic, so that a small chat or a rare topic is
represented in every part in proportion. Within a stratum, pairs are ordered by a hash of the
seed and the pair id: the same pairs with the same seed always split the same way, whatever
order they come in, and adding one pair moves no other pair between parts.

Held-out "golden questions" are taken first (they are kept out of training and validation to
test the model later), then the validation share of what remains.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from natasha_studio.core.export.selection import Example

SPLITS = ("train", "validation", "heldout")


def stratum_of(example: Example) -> str:
    """The stratum key: chat and main (alphabetically first) topic."""
    topic = example.topics[0] if example.topics else ""
    return f"{example.chat_id}|{topic}"


def _rank(seed: int, pair_id: int) -> bytes:
    return hashlib.sha256(f"{seed}:{pair_id}".encode()).digest()


def allocate(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Share ``total`` among strata in proportion to their sizes (largest remainder).

    Ties go to the larger stratum, then to the stratum key, so the result is deterministic.
    """
    n = sum(sizes.values())
    total = max(0, min(total, n))
    if n == 0 or total == 0:
        return {k: 0 for k in sizes}
    exact = {k: size * total / n for k, size in sizes.items()}
    shares = {k: int(v) for k, v in exact.items()}
    left = total - sum(shares.values())
    order = sorted(sizes, key=lambda k: (-(exact[k] - shares[k]), -sizes[k], k))
    for k in order:
        if left <= 0:
            break
        if shares[k] < sizes[k]:
            shares[k] += 1
            left -= 1
    return shares


def assign_splits(
    examples: Sequence[Example],
    validation_fraction: float = 0.1,
    heldout: int = 0,
    seed: int = 0,
) -> dict[int, str]:
    """The part ("train", "validation" or "heldout") of each pair id."""
    strata: dict[str, list[int]] = defaultdict(list)
    for example in examples:
        strata[stratum_of(example)].append(example.pair_id)
    for ids in strata.values():
        ids.sort(key=lambda i: _rank(seed, i))
    sizes = {k: len(v) for k, v in strata.items()}
    n = sum(sizes.values())
    held = allocate(sizes, heldout)
    rest = {k: sizes[k] - held[k] for k in sizes}
    fraction = min(max(float(validation_fraction), 0.0), 1.0)
    valid = allocate(rest, round((n - sum(held.values())) * fraction))
    result: dict[int, str] = {}
    for key, ids in strata.items():
        h, v = held[key], valid[key]
        for i, pair_id in enumerate(ids):
            result[pair_id] = "heldout" if i < h else "validation" if i < h + v else "train"
    return result
