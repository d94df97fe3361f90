"""Generated tour-planning instances across the provinces of Groningen and Drenthe (a box
around them), reproducible from a seed; shared by the tests and bench/tour.py."""

from __future__ import annotations

import datetime as dt
import random

from weerbaar.prevention.services import tour

DEPOT = (53.2194, 6.5665)  # Groningen
FIRST_DAY = dt.date(2027, 3, 1)  # a Monday


def bus_days(weeks: int = 2) -> tuple[tour.BusDay, ...]:
    days = []
    for offset in range(weeks * 7):
        date = FIRST_DAY + dt.timedelta(days=offset)
        if date.weekday() < 5:
            days.append(tour.BusDay(date, 8 * 60 + 30, 21 * 60 + 30))
    return tuple(days)


def instance(
    count: int, seed: int = 1, *, weeks: int = 2, priority_share: float = 0.0
) -> tuple[list[tour.Request], tour.Bus]:
    rnd = random.Random(seed)
    days = bus_days(weeks)
    requests = []
    for key in range(1, count + 1):
        point = (rnd.uniform(52.65, 53.45), rnd.uniform(6.2, 7.2))
        windows = []
        for _ in range(rnd.randint(1, 3)):
            date = rnd.choice(days).date
            start = rnd.choice([9 * 60, 10 * 60, 13 * 60, 15 * 60, 18 * 60])
            windows.append(tour.Window(date, start, start + rnd.choice([180, 240])))
        requests.append(
            tour.Request(
                key,
                f"aanvraag {key}",
                point,
                rnd.choice([60, 90, 120]),
                tuple(windows),
                priority=rnd.random() < priority_share,
            )
        )
    return requests, tour.Bus(DEPOT, 30, 20, days)
