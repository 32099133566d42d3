"""Comparing two snapshots: which pairs were added, removed or edited, and how figures moved."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from natasha_studio.core.export.snapshots import Snapshot, get_snapshot, snapshot_examples
from natasha_studio.core.stats.figures import figures_of
from natasha_studio.core.stats.frame import examples_frame
from natasha_studio.core.store import Project

# Figures compared, in the order shown.
COMPARED = ("pairs", "train", "validation", "heldout", "approved_share", "edited_share",
            "chats_with_pairs", "askers", "topics_used", "question_chars_mean", "question_chars_median",
            "answer_chars_mean", "answer_chars_median", "question_tokens_mean", "answer_tokens_mean",
            "date_from", "date_to")


@dataclass
class SnapshotComparison:
    old: Snapshot
    new: Snapshot
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    edited: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)  # same content, another split
    unchanged: int = 0
    prompt_changed: bool = False
    figures: list[tuple[str, Any, Any]] = field(default_factory=list)  # key, old, new

    @property
    def same(self) -> bool:
        return self.old.content_hash == self.new.content_hash


def _key(content: dict[str, Any]) -> str:
    # What training sees: the turns' roles and texts and the per-pair prompt.
    return json.dumps([[(t["role"], t.get("text", "")) for t in content["turns"]],
                       content.get("system_prompt")], ensure_ascii=False)


def compare_snapshots(project: Project, old_id: int, new_id: int) -> SnapshotComparison:
    """What changed from snapshot ``old_id`` to snapshot ``new_id``."""
    old, new = get_snapshot(project, old_id), get_snapshot(project, new_id)
    old_examples = snapshot_examples(project, old.id)
    new_examples = snapshot_examples(project, new.id)
    a = {e.pair_id: e for e in old_examples}
    b = {e.pair_id: e for e in new_examples}
    result = SnapshotComparison(old, new, prompt_changed=old.system_prompt != new.system_prompt)
    result.added = sorted(set(b) - set(a))
    result.removed = sorted(set(a) - set(b))
    for pair_id in sorted(set(a) & set(b)):
        if _key(a[pair_id].content()) != _key(b[pair_id].content()):
            result.edited.append(pair_id)
        elif a[pair_id].split != b[pair_id].split:
            result.moved.append(pair_id)
        else:
            result.unchanged += 1
    fa, fb = figures_of(examples_frame(old_examples)), figures_of(examples_frame(new_examples))
    for snap, figures in ((old, fa), (new, fb)):
        figures.update({k: snap.split_counts.get(k, 0) for k in ("train", "validation", "heldout")})
    result.figures = [(k, fa.get(k), fb.get(k)) for k in COMPARED]
    return result
