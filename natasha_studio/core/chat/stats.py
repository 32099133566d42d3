"""Small statistics for votes: win rates with Wilson score intervals."""

from __future__ import annotations

import math

# z for a two-sided 95% interval
Z95 = 1.959963984540054


def wilson_interval(successes: float, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a proportion ``successes / n`` (0..1 bounds).

    Ties count as half a success, so ``successes`` may be fractional. With no trials the
    interval is the whole range (0, 1): nothing is known yet.
    """
    if n <= 0:
        return 0.0, 1.0
    p = min(max(successes / n, 0.0), 1.0)
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)
