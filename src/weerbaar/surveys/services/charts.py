"""A horizontal bar per answer (all pupils together) with its 95% interval, drawn as SVG on
the server: no JavaScript, no chart library, the same numbers as the table below it."""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.surveys.services.results import QuestionResult

WIDTH, LEFT, BAR, GAP = 640.0, 230.0, 18.0, 10.0
SCALE = WIDTH - LEFT - 50


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    width: float
    low: float
    high: float
    text: str

    @property
    def text_y(self) -> float:
        return self.y + 13

    @property
    def mid_y(self) -> float:
        return self.y + BAR / 2

    @property
    def value_x(self) -> float:
        return self.high + 6


@dataclass(frozen=True)
class Chart:
    height: float
    bars: list[Bar]


def chart(result: QuestionResult) -> Chart | None:
    bars = []
    for index, figure in enumerate(result.total.options):
        if figure.share is None:
            continue
        y = 8 + index * (BAR + GAP)
        bars.append(
            Bar(
                result.options.get(figure.option, figure.option),
                y,
                figure.share.share * SCALE,
                LEFT + figure.share.lower * SCALE,
                LEFT + figure.share.upper * SCALE,
                f"{round(figure.share.share * 100)}%",
            )
        )
    if not bars:
        return None
    return Chart(16 + len(result.total.options) * (BAR + GAP), bars)
