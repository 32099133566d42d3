"""Dataset statistics with pandas: figures, chart series, and snapshot comparison.

    stats = compute_statistics(project, PairFilter(statuses=("approved",), chat_ids=(..,)))
    stats.figures["pairs"], stats.pairs_per_chat, stats.answer_lengths, stats.top_askers
    diff = compare_snapshots(project, old_id, new_id)   # added, removed, edited, figures
"""

from natasha_studio.core.stats.compare import SnapshotComparison, compare_snapshots
from natasha_studio.core.stats.figures import (
    Histogram,
    Statistics,
    compute_statistics,
    figures_of,
    filter_choices,
    statistics_of,
)
from natasha_studio.core.stats.frame import PairsData, examples_frame, project_frame

__all__ = [
    "Histogram", "PairsData", "SnapshotComparison", "Statistics", "compare_snapshots",
    "compute_statistics", "examples_frame", "figures_of", "filter_choices", "project_frame",
    "statistics_of",
]
