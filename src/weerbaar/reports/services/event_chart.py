"""A server-rendered SVG of an event study: one point per year relative to the start, with
its confidence interval as a vertical bar; zero and the start marked. Every chart also has a
table on the page."""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.reports.services.evaluation.staggered import EventTime

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640.0, 240.0, 64.0, 16.0, 12.0, 30.0


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    low: float
    high: float
    label: str
    before: bool


@dataclass(frozen=True)
class EventChart:
    width: float
    height: float
    bars: list[Bar]
    zero_y: float
    start_x: float
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]


def _number(value: float) -> str:
    return f"{value:.3f}".replace(".", ",").replace("-", "−")


def event_chart(events: list[EventTime]) -> EventChart | None:
    if not events:
        return None
    lo = min(0.0, *(e.estimate.lower for e in events))
    hi = max(0.0, *(e.estimate.upper for e in events))
    if hi == lo:
        hi = lo + 1.0
    first, last = events[0].relative, events[-1].relative
    span = max(last - first, 1)

    def x(relative: float) -> float:
        return LEFT + (relative - first) / span * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (hi - value) / (hi - lo) * (HEIGHT - TOP - BOTTOM)

    bars = [
        Bar(
            x(e.relative),
            y(e.estimate.att),
            y(e.estimate.lower),
            y(e.estimate.upper),
            f"{e.relative}: {_number(e.estimate.att)}",
            e.relative < 0,
        )
        for e in events
    ]
    ticks = sorted({first, 0, last})
    return EventChart(
        WIDTH,
        HEIGHT,
        bars,
        y(0.0),
        x(-0.5),
        [(y(hi), _number(hi)), (y(0.0), "0"), (y(lo), _number(lo))],
        [(x(t), str(t)) for t in ticks],
    )
