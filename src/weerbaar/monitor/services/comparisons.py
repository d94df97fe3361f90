"""Rank, percentile and "X% of municipalities score higher", direction-aware, and peer
groups of similar municipalities."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from django.db.models import Max

from weerbaar.monitor.models import DataVersion, Direction, Indicator, Observation
from weerbaar.monitor.services.values import Value


@dataclass(frozen=True)
class Ranking:
    rank: int  # 1 = highest value
    percentile: float  # % of areas with a lower value (ties count half)
    share_higher: float  # % of areas with a strictly higher value
    compared_with: int  # areas with a value


def rank_values(values: Sequence[Value]) -> dict[str, Ranking]:
    """Rankings among the areas that have a value; areas without one get none."""
    present = [v for v in values if v.value is not None]
    numbers = np.sort(np.array([v.value for v in present], dtype=float))
    n = len(present)
    result: dict[str, Ranking] = {}
    for item in present:
        value = float(item.value or 0.0)
        lower = int(np.searchsorted(numbers, value, side="left"))
        higher = n - int(np.searchsorted(numbers, value, side="right"))
        ties = n - higher - lower - 1
        result[item.area_code] = Ranking(
            rank=higher + 1,
            percentile=100.0 * (lower + 0.5 * ties) / (n - 1) if n > 1 else 50.0,
            share_higher=100.0 * higher / n,
            compared_with=n,
        )
    return result


def share_higher(value: float, values: Sequence[Value]) -> tuple[float, int]:
    """% of areas with a value strictly higher than ``value``, and how many were compared."""
    numbers = [v.value for v in values if v.value is not None]
    if not numbers:
        return 0.0, 0
    return 100.0 * sum(1 for x in numbers if x > value) / len(numbers), len(numbers)


def higher_means(indicator: Indicator) -> str:
    return {str(Direction.HIGHER_WORSE): "worse", str(Direction.HIGHER_BETTER): "better"}.get(
        indicator.direction, "neutral"
    )


PLURAL = {"provincie": "provincies", "gemeente": "gemeenten", "wijk": "wijken", "buurt": "buurten"}


def sentence(
    indicator: Indicator,
    subject: str,
    value: float,
    values: Sequence[Value],
    year: int,
    level: str = "gemeente",
) -> str:
    """The sentence of the source texts: "55% van de gemeenten scoort hoger dan ..."."""
    share, compared = share_higher(value, values)
    judgement = {
        str(Direction.HIGHER_WORSE): " (ongunstiger)",
        str(Direction.HIGHER_BETTER): " (gunstiger)",
    }.get(indicator.direction, "")
    where = "" if level in {"provincie", "gemeente"} else " in Nederland met een waarde"
    return (
        f"{share:.0f}% van de {compared} {PLURAL.get(level, level)}{where} heeft in {year} "
        f"een hogere waarde{judgement} dan {subject}."
    )


PEER_MEASURES = ("bevolking.gemiddeld", "kwb.dichtheid")
PEER_COUNT = 10


def peers(area_code: str, count: int = PEER_COUNT) -> list[str]:
    newest = DataVersion.objects.aggregate(newest=Max("id"))["newest"] or 0
    return list(_peers(area_code, count, newest))


@lru_cache(maxsize=512)
def _peers(area_code: str, count: int, stamp: int) -> tuple[str, ...]:
    """The most similar municipalities by size and urbanity.

    Method: for every municipality of the newest year, log10 of its population and log10 of
    its population density (inhabitants per km² land, KWB) are standardised (z-scores);
    peers are the ``count`` nearest in that plane (Euclidean distance).
    """
    features: dict[str, list[float]] = {}
    for measure in PEER_MEASURES:
        newest = (
            Observation.objects.filter(measure=measure, area_code__startswith="GM")
            .order_by("-year")
            .values_list("year", flat=True)
            .first()
        )
        if newest is None:
            return ()
        rows = Observation.objects.filter(
            measure=measure, year=newest, area_code__startswith="GM", value__gt=0
        )
        for code, value in rows.values_list("area_code", "value"):
            if value:
                features.setdefault(code, []).append(math.log10(value))
    complete = {code: f for code, f in features.items() if len(f) == len(PEER_MEASURES)}
    if area_code not in complete:
        return ()
    codes = sorted(complete)
    matrix = np.array([complete[c] for c in codes])
    z = (matrix - matrix.mean(axis=0)) / matrix.std(axis=0)
    target = z[codes.index(area_code)]
    distances = np.sqrt(((z - target) ** 2).sum(axis=1))
    order = [codes[i] for i in np.argsort(distances, kind="stable") if codes[i] != area_code]
    return tuple(order[:count])
