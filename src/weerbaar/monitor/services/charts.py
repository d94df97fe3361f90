"""Server-rendered SVG charts and map classes: no JavaScript; every chart has a table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from weerbaar.monitor.models import Status
from weerbaar.monitor.services.values import Value

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 320.0, 120.0, 44.0, 24.0, 10.0, 22.0


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    label: str
    provisional: bool


@dataclass(frozen=True)
class TrendChart:
    width: float
    height: float
    segments: list[str]  # polyline point lists; gaps where a value is missing
    points: list[Point]
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]


def trend_chart(series: Sequence[Value], fmt: Callable[[float], str]) -> TrendChart | None:
    present = [v for v in series if v.value is not None]
    if len(present) < 2:
        return None
    years = [v.year for v in series]
    lo_year, hi_year = min(years), max(years)
    lo = min(0.0, min(v.value or 0 for v in present))
    hi = max(v.value or 0 for v in present) or 1.0
    span_x = max(hi_year - lo_year, 1)

    def x(year: int) -> float:
        return LEFT + (year - lo_year) / span_x * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (hi - value) / (hi - lo) * (HEIGHT - TOP - BOTTOM)

    segments: list[str] = []
    current: list[str] = []
    points = []
    for item in series:
        if item.value is None:
            if len(current) > 1:
                segments.append(" ".join(current))
            current = []
            continue
        current.append(f"{x(item.year):.1f},{y(item.value):.1f}")
        points.append(
            Point(
                x(item.year),
                y(item.value),
                item.year,
                fmt(item.value),
                item.status == Status.PROVISIONAL,
            )
        )
    if len(current) > 1:
        segments.append(" ".join(current))
    return TrendChart(
        WIDTH,
        HEIGHT,
        segments,
        points,
        [(y(hi), fmt(hi)), (y(lo), fmt(lo))],
        [(x(lo_year), str(lo_year)), (x(hi_year), str(hi_year))],
    )


CLASSES = 5


def quantile_classes(
    items: Sequence[Value],
) -> tuple[dict[str, str], list[tuple[str, float, float]]]:
    """Area code -> CSS class (q1..q5 by quintile, 'missing'), and the legend bounds."""
    present = sorted(v.value for v in items if v.value is not None)
    classes: dict[str, str] = {}
    if not present:
        return {v.area_code: "missing" for v in items}, []
    bounds = [
        present[min(len(present) - 1, int(i * len(present) / CLASSES))] for i in range(CLASSES)
    ] + [present[-1]]
    legend = [(f"q{i + 1}", bounds[i], bounds[i + 1]) for i in range(CLASSES)]
    for item in items:
        if item.value is None:
            classes[item.area_code] = "missing"
            continue
        index = sum(1 for b in bounds[1:CLASSES] if item.value >= b)
        classes[item.area_code] = f"q{index + 1}"
    return classes, legend


#: "relatively many or few", as Zicht op Ondermijning says it, per quintile class (q1..q5)
RELATIVE_WORDS = {
    "count": [
        "relatief zeer weinig",
        "relatief weinig",
        "rond het midden",
        "relatief veel",
        "relatief zeer veel",
    ],
    "score": ["zeer laag", "laag", "rond het midden", "hoog", "zeer hoog"],
}
RELATIVE_METHOD = (
    "Relatief veel of weinig: alle gebieden van hetzelfde niveau in Nederland met een waarde "
    "zijn op volgorde gezet en in vijf even grote groepen verdeeld (kwintielen). De laagste "
    "groep is 'relatief zeer weinig', de middelste 'rond het midden', de hoogste 'relatief "
    "zeer veel'. Of dat gunstig of ongunstig is, hangt af van de richting van de indicator."
)


def relative_words(unit: str) -> list[str]:
    return RELATIVE_WORDS["score" if unit in {"score", "klasse"} else "count"]


def relative_word(css_class: str, unit: str) -> str:
    """'q4' -> 'relatief veel'; "" for an area without a value."""
    if len(css_class) != 2 or css_class[0] != "q":
        return ""
    return relative_words(unit)[int(css_class[1]) - 1]
