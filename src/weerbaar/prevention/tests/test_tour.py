"""The tour planner on generated instances: every plan it makes is feasible, requests
that cannot fit are named with a reason, and priority areas are kept first."""

from __future__ import annotations

import datetime as dt

import pytest

from weerbaar.core.travel import StraightLine
from weerbaar.prevention.services import tour
from weerbaar.prevention.tests.generated import DEPOT, FIRST_DAY, bus_days, instance

TRAVEL = StraightLine(1.3, 60)


@pytest.mark.parametrize(("count", "seed"), [(20, 1), (20, 2), (20, 3), (40, 4)])
def test_generated_plans_are_feasible_and_account_for_every_request(count: int, seed: int) -> None:
    requests, bus = instance(count, seed)
    plan = tour.solve(requests, bus, TRAVEL, seconds=1)
    assert tour.violations(plan, requests, bus, TRAVEL) == []
    planned = {visit.key for visit in plan.visits}
    left = {item.key for item in plan.left_out}
    assert planned | left == {r.key for r in requests}
    assert not planned & left
    assert len(planned) >= count // 2  # two weeks of days leave room for most
    for visit in plan.visits:
        assert visit.window.start <= visit.visit_start < visit.visit_end <= visit.window.end
    for day in plan.days:
        assert day.leaves >= 8 * 60 + 30 and day.returns <= 21 * 60 + 30
    assert all(item.reason for item in plan.left_out)


def test_checker_catches_a_visit_outside_its_window() -> None:
    requests, bus = instance(5, 7)
    plan = tour.solve(requests, bus, TRAVEL, seconds=1)
    visit = plan.visits[0]
    plan.visits[0] = tour.Visit(
        visit.key,
        visit.date,
        visit.position,
        visit.arrival,
        visit.window.end,
        visit.window.end + 60,
        visit.departure,
        visit.drive_minutes,
        visit.window,
        False,
    )
    assert any(
        "buiten het tijdvak" in problem for problem in tour.violations(plan, requests, bus, TRAVEL)
    )


def _request(
    key: int,
    windows: list[tour.Window],
    minutes: int = 120,
    *,
    priority: bool = False,
    point: tuple[float, float] = (53.21, 6.57),
) -> tour.Request:
    return tour.Request(key, f"r{key}", point, minutes, tuple(windows), priority)


def test_reasons_for_requests_that_cannot_fit_alone() -> None:
    days = bus_days(1)
    monday = days[0].date
    saturday = FIRST_DAY + dt.timedelta(days=5)
    requests = [
        _request(1, [tour.Window(saturday, 600, 900)]),
        _request(2, [tour.Window(monday, 600, 660)]),
        _request(3, [tour.Window(monday, 9 * 60, 12 * 60)], point=(50.85, 5.69)),  # Maastricht
    ]
    plan = tour.solve(requests, tour.Bus(DEPOT, 30, 20, days), TRAVEL, seconds=1)
    reasons = {item.key: item.reason for item in plan.left_out}
    assert "de bus rijdt die dag niet" in reasons[1]
    assert "korter dan het bezoek (120 min)" in reasons[2]
    assert "niet haalbaar binnen de werktijden" in reasons[3]
    assert plan.visits == []


def test_crowded_day_names_the_clash_and_priority_areas_are_kept_first() -> None:
    day = bus_days(1)[:1]
    date = day[0].date
    window = tour.Window(date, 13 * 60, 16 * 60)  # room for one 2-hour visit only
    requests = [
        _request(1, [window], point=(53.20, 6.56)),  # right next to the depot
        _request(2, [window], point=(53.00, 6.95), priority=True),
    ]
    bus = tour.Bus(DEPOT, 30, 20, day)
    without = tour.solve(
        [tour.Request(r.key, r.label, r.point, r.visit_minutes, r.windows) for r in requests],
        bus,
        TRAVEL,
        seconds=1,
    )
    assert [v.key for v in without.visits] == [1]  # nearer, so less driving
    plan = tour.solve(requests, bus, TRAVEL, seconds=1)
    assert [v.key for v in plan.visits] == [2]
    (left,) = plan.left_out
    assert left.key == 1
    assert "overlapt met 1 ingeplande bezoek" in left.reason
    assert "voorrang gingen voor" in left.reason


def test_priority_request_outweighs_several_others() -> None:
    day = bus_days(1)[:1]
    date = day[0].date
    far = (53.40, 7.15)
    requests = [
        _request(k, [tour.Window(date, 9 * 60, 21 * 60)], 180, point=(53.21, 6.57))
        for k in range(1, 5)
    ] + [_request(9, [tour.Window(date, 9 * 60, 21 * 60)], 180, point=far, priority=True)]
    plan = tour.solve(requests, tour.Bus(DEPOT, 30, 20, day), TRAVEL, seconds=1)
    assert 9 in {v.key for v in plan.visits}
    assert tour.violations(plan, requests, tour.Bus(DEPOT, 30, 20, day), TRAVEL) == []


def test_empty_input_gives_an_empty_plan() -> None:
    plan = tour.solve([], tour.Bus(DEPOT, 30, 20, bus_days(1)), TRAVEL, seconds=1)
    assert plan.visits == [] and plan.left_out == [] and plan.drive_minutes == 0
