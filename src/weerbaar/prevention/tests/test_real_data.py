"""Tour planning on the real municipalities of Groningen and Drenthe (boundaries and police
figures from ../shared/data): twenty requests make a feasible plan, and when not all fit,
priority by drug trafficking per 10,000 keeps the areas of concern."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.prevention.models import TourPlan
from weerbaar.prevention.services import planning, priority
from weerbaar.prevention.tests.factories import bus_request, future, the_bus

pytestmark = [pytest.mark.realdata, pytest.mark.django_db]

DRUG_TRAFFICKING = "misdrijven-3-1-1-per-10000"
HOURS = [(dt.time(9), dt.time(12)), (dt.time(13), dt.time(17)), (dt.time(18), dt.time(21))]


@pytest.fixture
def north(real_import: Path) -> list[Area]:
    """Twenty current municipalities in the provinces of Groningen (PV20) and Drenthe (PV22)."""
    municipalities = list(
        Area.objects.current()
        .filter(level=AreaLevel.GEMEENTE, parent__code__in=["PV20", "PV22"])
        .order_by("code")
    )
    assert len(municipalities) >= 20
    return municipalities[:20]


def _monday() -> dt.date:
    day = future(14)
    return day - dt.timedelta(days=day.weekday())


def _assert_feasible(plan: TourPlan) -> None:
    bus = plan.bus
    for stop in plan.stops.select_related("request"):
        windows = list(stop.request.windows.filter(date=stop.date))
        assert any(w.start <= stop.visit_start and stop.visit_end <= w.end for w in windows), (
            f"{stop.request} valt buiten het tijdvak"
        )
    for day in plan.days.all():
        assert bus.day_start <= day.leaves and day.returns <= bus.day_end


def test_twenty_requests_across_both_provinces_make_a_feasible_plan(north: list[Area]) -> None:
    rnd = random.Random(6)
    monday = _monday()
    workdays = [monday + dt.timedelta(days=d) for d in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11)]
    requests = []
    for number, municipality in enumerate(north, start=1):
        windows = [(rnd.choice(workdays), *rnd.choice(HOURS)) for _ in range(rnd.randint(1, 2))]
        requests.append(
            bus_request(municipality, windows, name=f"Aanvraag {number} {municipality.name}")
        )
    plan = planning.make_plan(
        the_bus(),
        monday,
        monday + dt.timedelta(days=11),
        priority_indicator=DRUG_TRAFFICKING,
        seconds=3,
    )
    _assert_feasible(plan)
    planned = set(plan.stops.values_list("request_id", flat=True))
    dropped = dict(plan.drops.values_list("request_id", "reason"))
    assert planned | set(dropped) == {r.pk for r in requests}
    assert len(planned) >= 15
    assert all(dropped.values())
    assert plan.drive_minutes > 0


def test_with_too_little_time_areas_of_concern_are_kept_first(north: list[Area]) -> None:
    """All twenty on one day: only a few fit, and they are the priority requests."""
    monday = _monday()
    for municipality in north:
        bus_request(municipality, [(monday, dt.time(9), dt.time(21))], minutes=60)
    concern = priority.concerns(DRUG_TRAFFICKING, [m.code for m in north])
    of_concern = {code for code, c in concern.items() if c.of_concern}
    assert 0 < len(of_concern) < len(north)

    plan = planning.make_plan(
        the_bus(), monday, monday, priority_indicator=DRUG_TRAFFICKING, seconds=3
    )
    _assert_feasible(plan)
    planned = [stop.request for stop in plan.stops.select_related("request__municipality")]
    assert 0 < len(planned) < len(north)
    planned_concern = [r for r in planned if r.municipality.code in of_concern]
    assert len(planned_concern) == min(len(of_concern), len(planned))
    for drop in plan.drops.select_related("request__municipality"):
        if drop.request.municipality.code not in of_concern and planned_concern:
            assert "voorrang gingen voor" in drop.reason
