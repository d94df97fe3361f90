"""Shares with their uncertainty: the Wilson score interval, unweighted and weighted.

Weighted: the share is sum(w·y) / sum(w), and the interval is Wilson's with the effective
sample size n_eff = (sum w)² / sum(w²) (Kish), so unequal weights widen it honestly."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Share:
    share: float
    lower: float
    upper: float
    n: float  # respondents (weighted: the effective number)


def wilson(successes: float, n: float, z: float = Z95) -> Share | None:
    if n <= 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Share(p, max(0.0, centre - half), min(1.0, centre + half), n)


def weighted(values: Sequence[tuple[float, bool]], z: float = Z95) -> Share | None:
    """``values``: (weight, answered yes) per respondent."""
    total = sum(w for w, _ in values)
    squares = sum(w * w for w, _ in values)
    return from_sums(total, squares, sum(w for w, yes in values if yes), z)


def from_sums(total: float, squares: float, yes: float, z: float = Z95) -> Share | None:
    """The same from sum(w), sum(w²) and sum(w·y): groups of equal weight add up cheaply."""
    if total <= 0 or squares <= 0:
        return None
    p = yes / total
    effective = total * total / squares
    found = wilson(p * effective, effective, z)
    return None if found is None else Share(p, found.lower, found.upper, effective)
