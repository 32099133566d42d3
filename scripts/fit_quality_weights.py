"""Fit the quality score's default weights on the training part of the labelled pairs and
write them to ``core/dataset/quality_weights.py`` (the held-out part is never used here;
``benchmarks/bench_quality.py`` reports on it).

    python scripts/fit_quality_weights.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> None:
    import numpy as np
    from quality_data import load_pairs

    from natasha_studio.core.dataset.quality import assess_stripped
    from natasha_studio.core.dataset.quality_learning import fit_weights
    from natasha_studio.core.dataset.quality_model import WEIGHTS_FILE, pair_rows

    pairs = load_pairs("train")
    prepared = []
    for p in pairs:
        q, a = p.question.strip(), p.answer.strip()
        form = assess_stripped(q, a, q.lower(), a.lower())[1]
        prepared.append((q, a, q.lower(), a.lower(), form))
    rows = pair_rows(prepared)
    # 0.3: the strongest fit in a 5-fold cross-validation on the training part alone.
    weights = fit_weights(rows, np.array([p.real for p in pairs]), strength=0.3)
    WEIGHTS_FILE.write_text(
        '"""The quality score\'s default weights, fitted on the training part of the labelled'
        ' pairs\nin tests/fixtures/quality by scripts/fit_quality_weights.py (do not edit by'
        ' hand)."""\n\n'
        f"WEIGHTS = {json.dumps(weights.to_json(), indent=4, ensure_ascii=False)}\n"
        .replace("true", "True").replace("false", "False"), "utf-8")
    for name, value in sorted(zip(weights.to_json()["names"], weights.raw_coef, strict=True),
                              key=lambda item: item[1]):
        print(f"{name:20} {value:+.2f}")
    print(f"written to {WEIGHTS_FILE.relative_to(ROOT)} ({len(pairs)} pairs)")


if __name__ == "__main__":
    main()
