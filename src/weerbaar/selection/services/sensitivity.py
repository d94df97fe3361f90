"""How much the outcome depends on the weights: many random perturbations of the weights
(and, optionally, leaving each indicator out), vectorised with numpy.

Each draw multiplies every weight by a factor drawn uniformly from [1 - spread, 1 + spread].
The random generator is seeded from the run's input hash, so the analysis is reproducible.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from weerbaar.selection.services.engine import TRACK_NAMES, Inputs, oriented

DRAWS = 10_000
SPREAD = 0.5
UNSTABLE = (0.1, 0.9)


def analyse(
    rule: dict[str, Any],
    inputs: Inputs,
    result: dict[str, Any],
    seed_hex: str,
    *,
    draws: int = DRAWS,
    spread: float = SPREAD,
    leave_one_out: bool = True,
) -> dict[str, Any]:
    """Main track only: per area the share of draws in which it is selected and its rank range."""
    track = result["tracks"][0]
    eligible = sorted(a["code"] for a in result["areas"] if TRACK_NAMES[0] in a["tracks"])
    if not eligible:
        return {"draws": 0, "areas": {}}
    normalised, _ = oriented(inputs, eligible, rule)
    normalised = np.nan_to_num(normalised, nan=0.0)
    weights = np.array([i["weight"] for i in rule["indicators"]])
    rng = np.random.default_rng(int(seed_hex[:16], 16))
    factors = rng.uniform(1 - spread, 1 + spread, size=(draws, weights.size))
    drawn = weights * factors
    composites = normalised @ (drawn / drawn.sum(axis=1, keepdims=True)).T  # areas x draws
    selected = _selected(composites, rule["select"])
    ranks = _ranks(composites)
    # every figure for every area at once: a loop with np.percentile per area was most
    # of the time of 10,000 draws
    probabilities = selected.mean(axis=1)
    lowest, highest = ranks.min(axis=1), ranks.max(axis=1)
    p5, p95 = np.percentile(ranks, [5, 95], axis=1)
    areas: dict[str, Any] = {
        code: {
            "probability": round(float(probabilities[i]), 4),
            "rank_min": int(lowest[i]),
            "rank_max": int(highest[i]),
            "rank_p5": int(p5[i]),
            "rank_p95": int(p95[i]),
            "unstable": bool(UNSTABLE[0] < probabilities[i] < UNSTABLE[1]),
        }
        for i, code in enumerate(eligible)
    }
    report: dict[str, Any] = {"draws": draws, "spread": spread, "areas": areas}
    if leave_one_out and weights.size > 1:
        report["leave_one_out"] = {}
        baseline = set(track["selected"])
        for j, item in enumerate(rule["indicators"]):
            reduced = weights.copy()
            reduced[j] = 0.0
            chosen = _selected((normalised @ (reduced / reduced.sum()))[:, None], rule["select"])[
                :, 0
            ]
            now = {eligible[i] for i in range(len(eligible)) if chosen[i]}
            report["leave_one_out"][item["code"]] = {
                "in": sorted(now - baseline),
                "out": sorted(baseline - now),
            }
    return report


def _selected(composites: np.ndarray, select: dict[str, Any]) -> np.ndarray:
    if "top" in select:
        return _ranks(composites) <= select["top"]
    return composites >= select["threshold"]


def _ranks(composites: np.ndarray) -> np.ndarray:
    """Rank 1 = highest composite, per draw (ties broken by area code order, as in a run)."""
    order = np.argsort(-composites, axis=0, kind="stable")
    ranks = np.empty_like(order)
    columns = np.arange(composites.shape[1])
    ranks[order, columns] = np.arange(1, composites.shape[0] + 1)[:, None]
    return ranks
