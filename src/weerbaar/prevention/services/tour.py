"""Tour planning for the camper bus: which accepted request on which day, in which order,
inside the requester's time window and the bus's working hours, with as little driving as
possible (OR-Tools routing with time windows; one vehicle per available day).

Pure data in, pure data out: no database here, so the planner is tested on generated
instances and benchmarked (``bench/tour.py``) on its own.

Model
- Nodes: the standplaats (0) and one node per (request, acceptable window); a request's
  nodes form one disjunction, so at most one of its windows is used and it may be left out
  at a penalty.
- Time at a node is the bus's arrival; it then sets up, holds the visit and packs up. The
  visit lies wholly inside the window, so arrival ∈ [window start − set-up,
  window end − visit − set-up].
- Vehicle *d* is day *d*: it leaves and returns within that day's working hours, and a
  node can only be served by the vehicle of its window's date.
- Leaving a request out costs a penalty far above any driving time, so the solver first
  fits as many requests as possible and then minimises driving. With priority on, leaving
  out a request from an area of concern costs more than leaving out all others together,
  so those are kept first.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from weerbaar.core.travel import Point, TravelTimes

DAY = 24 * 60
BASE_PENALTY = 100_000


@dataclass(frozen=True)
class Window:
    date: dt.date
    start: int  # minutes after midnight
    end: int


@dataclass(frozen=True)
class Request:
    key: int
    label: str
    point: Point
    visit_minutes: int
    windows: tuple[Window, ...]
    priority: bool = False


@dataclass(frozen=True)
class BusDay:
    date: dt.date
    start: int
    end: int


@dataclass(frozen=True)
class Bus:
    depot: Point
    setup_minutes: int
    teardown_minutes: int
    days: tuple[BusDay, ...]


@dataclass(frozen=True)
class Visit:
    key: int
    date: dt.date
    position: int
    arrival: int
    visit_start: int
    visit_end: int
    departure: int
    drive_minutes: int  # from the previous place
    window: Window
    priority: bool


@dataclass(frozen=True)
class Left:
    key: int
    reason: str
    priority: bool


@dataclass(frozen=True)
class Day:
    date: dt.date
    leaves: int
    returns: int
    drive_minutes: int
    visits: int


@dataclass
class Plan:
    visits: list[Visit] = field(default_factory=list)
    left_out: list[Left] = field(default_factory=list)
    days: list[Day] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def drive_minutes(self) -> int:
        return sum(day.drive_minutes for day in self.days)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _nice_date(date: dt.date) -> str:
    return date.strftime("%d-%m-%Y")


def _alone_reason(
    request: Request, bus: Bus, days: dict[dt.date, BusDay], there: int, back: int
) -> str | None:
    """Why no window can work even as the day's only visit; None when one can."""
    reasons = []
    for window in request.windows:
        day = days.get(window.date)
        label = f"{_nice_date(window.date)} {clock(window.start)}–{clock(window.end)}"
        if day is None:
            reasons.append(f"{label}: de bus rijdt die dag niet")
            continue
        if window.end - window.start < request.visit_minutes:
            reasons.append(
                f"{label}: het tijdvak is korter dan het bezoek ({request.visit_minutes} min)"
            )
            continue
        earliest = max(day.start + there, window.start - bus.setup_minutes)
        latest = window.end - request.visit_minutes - bus.setup_minutes
        home = earliest + bus.setup_minutes + request.visit_minutes + bus.teardown_minutes + back
        if earliest > latest or home > day.end:
            reasons.append(
                f"{label}: niet haalbaar binnen de werktijden {clock(day.start)}–{clock(day.end)} "
                f"(rijden {there} min heen en {back} min terug)"
            )
            continue
        return None
    if not reasons:
        return "Er is geen gewenste datum opgegeven."
    return "Past op geen enkele gewenste dag: " + "; ".join(reasons) + "."


def _nodes(
    requests: Sequence[Request], bus: Bus, matrix: list[list[int]], plan: Plan
) -> list[tuple[int, Window]]:
    """One node per window on a bus day (node n + 1 → (request index, window)); requests
    that cannot fit even alone are left out here, with their reason."""
    days = {day.date: day for day in bus.days}
    nodes: list[tuple[int, Window]] = []
    for r, request in enumerate(requests):
        reason = _alone_reason(request, bus, days, matrix[0][r + 1], matrix[r + 1][0])
        if reason:
            plan.left_out.append(Left(request.key, reason, request.priority))
            continue
        nodes.extend((r, window) for window in request.windows if window.date in days)
    return nodes


@dataclass
class _Model:
    manager: Any
    routing: Any
    by_request: dict[int, list[int]]
    callbacks: list[Any]  # kept alive while OR-Tools calls them


def _model(
    requests: Sequence[Request], bus: Bus, matrix: list[list[int]], nodes: list[tuple[int, Window]]
) -> _Model:
    """Every bus day a vehicle, every window a node, every request one disjunction."""
    from ortools.constraint_solver import pywrapcp  # only where a tour is planned: 20 MB

    vehicle_of = {day.date: number for number, day in enumerate(bus.days)}
    place = [0] + [r + 1 for r, _ in nodes]  # node → row in the matrix
    service = [0] + [
        bus.setup_minutes + requests[r].visit_minutes + bus.teardown_minutes for r, _ in nodes
    ]
    manager = pywrapcp.RoutingIndexManager(len(place), len(bus.days), 0)
    routing = pywrapcp.RoutingModel(manager)

    # Both costs as matrices OR-Tools reads in C++: a Python callback per arc was most of
    # the solve time, so the search got through far fewer moves within its limit.
    drive = [[matrix[a][b] for b in place] for a in place]
    busy = [[service[i] + row[j] for j in range(len(place))] for i, row in enumerate(drive)]
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(drive))
    routing.AddDimension(routing.RegisterTransitMatrix(busy), DAY, DAY, False, "tijd")
    clock_dimension = routing.GetDimensionOrDie("tijd")
    for number, day in enumerate(bus.days):
        clock_dimension.CumulVar(routing.Start(number)).SetRange(day.start, day.end)
        clock_dimension.CumulVar(routing.End(number)).SetRange(day.start, day.end)
    by_request: dict[int, list[int]] = {}
    for node, (r, window) in enumerate(nodes, start=1):
        index = manager.NodeToIndex(node)
        lowest = max(window.start - bus.setup_minutes, 0)
        highest = window.end - requests[r].visit_minutes - bus.setup_minutes
        clock_dimension.CumulVar(index).SetRange(lowest, highest)
        routing.VehicleVar(index).SetValues([-1, vehicle_of[window.date]])
        by_request.setdefault(r, []).append(index)
    high = BASE_PENALTY * (len(requests) + 1)
    for r, indices in by_request.items():
        routing.AddDisjunction(indices, high if requests[r].priority else BASE_PENALTY, 1)
    return _Model(manager, routing, by_request, [drive, busy])


MAX_SECONDS = 9.5


def _parameters(seconds: float | None, count: int) -> Any:
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = (
        routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    )
    parameters.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    # scaled with the requests, under 10 s: with 60 requests 9 s found the 60 s plan on 3
    # of 5 seeds and one visit fewer on the others; 6 s missed one visit on 3 of 5 (first
    # strategies and metaheuristics compared in docs/performance.md)
    limit = seconds if seconds is not None else min(MAX_SECONDS, max(2.0, count * 0.15))
    parameters.time_limit.FromMilliseconds(int(limit * 1000))
    return parameters


def _routes(model: _Model, solution: Any, days: int) -> list[list[int]]:
    """The visited nodes per bus day, in order."""
    routes = []
    for number in range(days):
        route = []
        index = solution.Value(model.routing.NextVar(model.routing.Start(number)))
        while not model.routing.IsEnd(index):
            route.append(model.manager.IndexToNode(index))
            index = solution.Value(model.routing.NextVar(index))
        routes.append(route)
    return routes


def solve(
    requests: Sequence[Request],
    bus: Bus,
    travel: TravelTimes,
    *,
    seconds: float | None = None,
) -> Plan:
    began = time.perf_counter()
    points = [bus.depot, *(request.point for request in requests)]
    matrix = travel.minutes(points)  # 0 = depot, r + 1 = requests[r]
    plan = Plan()
    nodes = _nodes(requests, bus, matrix, plan)
    if not nodes or not bus.days:
        plan.seconds = time.perf_counter() - began
        return plan
    model = _model(requests, bus, matrix, nodes)
    solution = model.routing.SolveWithParameters(_parameters(seconds, len(requests)))
    served: set[int] = set()
    if solution is not None:
        for day, route in zip(bus.days, _routes(model, solution, len(bus.days)), strict=True):
            if route:
                _schedule(plan, day, [(n, *nodes[n - 1]) for n in route], requests, bus, matrix)
                served.update(nodes[n - 1][0] for n in route)
    for r, request in enumerate(requests):
        if r in model.by_request and r not in served:
            plan.left_out.append(
                Left(request.key, _crowded_reason(request, plan), request.priority)
            )
    plan.left_out.sort(key=lambda left: left.key)
    plan.seconds = time.perf_counter() - began
    return plan


def _schedule(
    plan: Plan,
    day: BusDay,
    route: list[tuple[int, int, Window]],
    requests: Sequence[Request],
    bus: Bus,
    matrix: list[list[int]],
) -> None:
    """Earliest times along the solver's order: the bus leaves just in time for the first
    stop and waits where it is early."""
    previous, departure, driven, leaves = 0, day.start, 0, day.start
    for position, (_, r, window) in enumerate(route, start=1):
        request = requests[r]
        leg = matrix[previous][r + 1]
        arrival = max(departure + leg, window.start - bus.setup_minutes)
        if position == 1:
            leaves = arrival - leg
        start = arrival + bus.setup_minutes
        end = start + request.visit_minutes
        departure = end + bus.teardown_minutes
        driven += leg
        plan.visits.append(
            Visit(
                request.key,
                day.date,
                position,
                arrival,
                start,
                end,
                departure,
                leg,
                window,
                request.priority,
            )
        )
        previous = r + 1
    back = matrix[previous][0]
    plan.days.append(Day(day.date, leaves, departure + back, driven + back, len(route)))
    plan.days.sort(key=lambda item: item.date)


def _crowded_reason(request: Request, plan: Plan) -> str:
    dates = sorted({window.date for window in request.windows})
    clashes = sorted(
        {
            visit.key
            for visit in plan.visits
            if any(
                visit.date == window.date
                and visit.arrival < window.end
                and visit.departure > window.start
                for window in request.windows
            )
        }
    )
    text = "Past niet naast de andere bezoeken op " + ", ".join(map(_nice_date, dates))
    if clashes:
        text += (
            f" (overlapt met {len(clashes)} ingeplande bezoek{'en' if len(clashes) > 1 else ''})"
        )
    else:
        text += " (de rijtijd van en naar de andere bezoeken van die dag laat het niet toe)"
    if not request.priority and any(visit.priority for visit in plan.visits):
        text += "; bezoeken in gebieden met voorrang gingen voor"
    return text + "."


def _visit_problems(
    visit: Visit, request: Request, bus: Bus, earliest_arrival: int, day: dt.date
) -> list[str]:
    """What is wrong with one visit, given when the bus could be there at the earliest."""
    checks = [
        (
            visit.window not in request.windows or visit.window.date != day,
            "niet op een gewenste dag",
        ),
        (
            visit.visit_start < visit.window.start or visit.visit_end > visit.window.end,
            "bezoek buiten het tijdvak",
        ),
        (visit.visit_end - visit.visit_start != request.visit_minutes, "bezoek te kort"),
        (visit.arrival < earliest_arrival, "eerder aangekomen dan rijden toelaat"),
        (visit.visit_start - visit.arrival < bus.setup_minutes, "geen tijd om op te bouwen"),
    ]
    return [f"{request.label}: {text}" for broken, text in checks if broken]


def violations(plan: Plan, requests: Sequence[Request], bus: Bus, travel: TravelTimes) -> list[str]:
    """Every broken rule in a plan (empty for a feasible plan); the planner and the tests
    both check with this."""
    problems = []
    by_key = {request.key: r for r, request in enumerate(requests)}
    matrix = travel.minutes([bus.depot, *(request.point for request in requests)])
    days = {day.date: day for day in bus.days}
    seen: set[int] = set()
    for day in plan.days:
        limits = days.get(day.date)
        if limits is None:
            problems.append(f"{day.date}: geen rijdag")
            continue
        if day.leaves < limits.start or day.returns > limits.end:
            problems.append(f"{day.date}: buiten de werktijden")
        visits = [v for v in plan.visits if v.date == day.date]
        previous, free = 0, day.leaves
        for visit in sorted(visits, key=lambda v: v.position):
            r = by_key[visit.key]
            if visit.key in seen:
                problems.append(f"{requests[r].label}: twee keer ingepland")
            seen.add(visit.key)
            earliest = free + matrix[previous][r + 1]
            problems += _visit_problems(visit, requests[r], bus, earliest, day.date)
            free, previous = visit.departure, r + 1
        if day.returns < free + matrix[previous][0]:
            problems.append(f"{day.date}: eerder terug dan rijden toelaat")
    return problems
