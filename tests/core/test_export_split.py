"""The split is deterministic, stratified by chat and topic, and keeps golden questions out."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from natasha_studio.core.export.selection import Example
from natasha_studio.core.export.split import allocate, assign_splits, stratum_of


def _examples(n: int, chats: int = 3, topics=("a", "b")) -> list[Example]:
    return [Example(pair_id=i + 1, turns=[], chat_id=-(i % chats) - 1,
                    topics=[topics[(i // chats) % len(topics)]]) for i in range(n)]


def test_same_input_same_split_whatever_the_order():
    examples = _examples(200)
    first = assign_splits(examples, 0.1, heldout=10, seed=42)
    shuffled = examples[:]
    random.Random(1).shuffle(shuffled)
    assert assign_splits(shuffled, 0.1, heldout=10, seed=42) == first
    assert assign_splits(examples, 0.1, heldout=10, seed=43) != first


def test_counts_and_stratification():
    examples = _examples(600, chats=3, topics=("a", "b"))
    splits = assign_splits(examples, 0.1, heldout=30, seed=0)
    counts = Counter(splits.values())
    assert counts["heldout"] == 30
    assert counts["validation"] == round(570 * 0.1)
    # six equal strata of 100: each gets its exact share of both parts
    per_stratum = Counter((stratum_of(e), splits[e.pair_id]) for e in examples)
    for key in {stratum_of(e) for e in examples}:
        assert per_stratum[(key, "heldout")] == 5
        assert per_stratum[(key, "validation")] in (9, 10)  # 57 over 6 strata


def test_small_stratum_is_represented_in_proportion():
    big = [Example(pair_id=i, turns=[], chat_id=-1, topics=[]) for i in range(1, 181)]
    small = [Example(pair_id=1000 + i, turns=[], chat_id=-2, topics=[]) for i in range(20)]
    splits = assign_splits(big + small, 0.1, seed=3)
    assert sum(1 for e in small if splits[e.pair_id] == "validation") == 2
    assert sum(1 for e in big if splits[e.pair_id] == "validation") == 18


def test_adding_a_pair_moves_few_others():
    examples = _examples(300, chats=1, topics=("a",))
    before = assign_splits(examples, 0.1, seed=5)
    after = assign_splits(examples + [Example(pair_id=10_000, turns=[], chat_id=-1, topics=["a"])],
                          0.1, seed=5)
    moved = sum(1 for k, v in before.items() if after[k] != v)
    assert moved <= 1


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 50), max_size=8),
       st.integers(0, 400))
def test_allocate_is_exact_and_bounded(sizes, total):
    shares = allocate(sizes, total)
    assert sum(shares.values()) == min(total, sum(sizes.values()))
    assert all(0 <= shares[k] <= sizes[k] for k in sizes)
