"""The order of an inspection day: a round trip from the starting point past every
address, with the visit time at each, minimising driving time (OR-Tools routing).

Driving time is straight-line distance times a road factor at an average speed; it is a
``TravelTimes`` so a routing service can take its place where one is available.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import structlog
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.audit import record
from weerbaar.areas.services import geocoding
from weerbaar.cases.models import Inspection, InspectionStop, StartLocation, Subject
from weerbaar.core.locking import door
from weerbaar.core.travel import Point, StraightLine, TravelTimes

WORKING_DAY_MINUTES = 8 * 60
log = structlog.get_logger(__name__)


class RouteError(ValueError):
    pass


def position_of(subject: Subject) -> geocoding.Position | None:
    """The object's own point (a map click), else its address in the BAG, else the point
    of its four-digit postcode, else the middle of its district or municipality."""
    if subject.latitude is not None and subject.longitude is not None:
        return geocoding.point_position(subject.latitude, subject.longitude, subject.label)
    return geocoding.locate(
        postcode=subject.postcode,
        house_number=subject.house_number,
        house_letter=subject.house_letter,
        house_addition=subject.house_addition,
        areas=(subject.area, subject.municipality),
    )


def _list(names: list[str]) -> str:
    """ "A, B en C" (names may hold commas themselves, so they are put in quotes)."""
    quoted = [f"‘{name}’" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + _(" en ") + quoted[-1]


@dataclass(frozen=True)
class Placed:
    stop: InspectionStop
    position: geocoding.Position | None


def placed_stops(stops: list[InspectionStop]) -> tuple[list[Placed], list[str]]:
    """Each stop with its position, and warnings a planner must read: stops that share a
    fallback point (their order and the driving between them are a guess) and stops whose
    place is known only as an area."""
    placed = [Placed(stop, position_of(stop.subject)) for stop in stops]
    warnings: list[str] = []
    shared: dict[str, list[Placed]] = {}
    for item in placed:
        if item.position is not None and item.position.is_fallback:
            shared.setdefault(item.position.basis, []).append(item)
    for group in shared.values():
        if len(group) > 1:
            warnings.append(
                _(
                    "%(names)s liggen op hetzelfde punt (%(where)s): hun volgorde en de "
                    "rijtijd ertussen zijn een schatting."
                )
                % {
                    "names": _list([g.stop.subject.label for g in group]),
                    "where": group[0].position.description,  # type: ignore[union-attr]
                }
            )
    for item in placed:
        position = item.position
        if position is not None and position.precision == geocoding.Precision.AREA:
            warnings.append(
                _("Van %(name)s is alleen het gebied bekend (%(where)s).")
                % {"name": item.stop.subject.label, "where": position.description}
            )
    return placed, warnings


@dataclass(frozen=True)
class Leg:
    stop: InspectionStop
    arrival: dt.time
    drive_minutes: int


@dataclass(frozen=True)
class Plan:
    legs: list[Leg]
    drive_minutes: int
    back_at: dt.time
    over_working_day: bool


def solve(
    matrix: list[list[int]], service: list[int], seconds: int = 2
) -> tuple[list[int], list[int]]:
    """Order (node numbers, depot 0 left out) and arrival minute per visited node."""
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2  # only when solving

    manager = pywrapcp.RoutingIndexManager(len(matrix), 1, 0)
    routing = pywrapcp.RoutingModel(manager)

    def transit(from_index: int, to_index: int) -> int:
        a, b = manager.IndexToNode(from_index), manager.IndexToNode(to_index)
        return matrix[a][b] + service[a]

    callback = routing.RegisterTransitCallback(transit)
    routing.SetArcCostEvaluatorOfAllVehicles(callback)
    routing.AddDimension(callback, 0, 24 * 60, True, "tijd")
    time = routing.GetDimensionOrDie("tijd")
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    parameters.time_limit.seconds = seconds
    solution = routing.SolveWithParameters(parameters)
    if solution is None:
        raise RouteError(_("Er is geen route gevonden."))
    order, arrivals = [], []
    index = solution.Value(routing.NextVar(routing.Start(0)))
    while not routing.IsEnd(index):
        order.append(manager.IndexToNode(index))
        arrivals.append(solution.Value(time.CumulVar(index)))
        index = solution.Value(routing.NextVar(index))
    arrivals.append(solution.Value(time.CumulVar(index)))  # back at the start
    return order, arrivals


def plan(inspection: Inspection, travel: TravelTimes | None = None) -> Plan:
    """Solve the day's round trip, then store it in one short transaction. The solve
    runs outside the transaction (SQLite takes its write lock at BEGIN), and the store
    checks that nobody changed the day's addresses meanwhile."""
    stops = list(inspection.stops.select_related("subject__area", "subject__municipality"))
    if not stops:
        raise RouteError(_("Voeg eerst adressen toe."))
    points: list[Point] = [(float(inspection.depot_latitude), float(inspection.depot_longitude))]
    missing = []
    for item in placed_stops(stops)[0]:
        if item.position is None:
            missing.append(item.stop.subject.label)
        else:
            points.append(item.position.point)
    if missing:
        raise RouteError(_("Geen plaats bekend voor: %(names)s.") % {"names": ", ".join(missing)})
    matrix = (travel or StraightLine()).minutes(points)
    service = [0] + [stop.duration_minutes for stop in stops]
    order, arrivals = solve(matrix, service)
    return _store(inspection, stops, matrix, order, arrivals)


@door("inspection")
def _store(
    inspection: Inspection,
    stops: list[InspectionStop],
    matrix: list[list[int]],
    order: list[int],
    arrivals: list[int],
) -> Plan:
    current = sorted(inspection.stops.values_list("pk", flat=True))
    if current != sorted(stop.pk for stop in stops):
        raise RouteError(_("De adressen van deze dag zijn intussen gewijzigd; plan opnieuw."))
    start = dt.datetime.combine(inspection.date, inspection.start_time)
    legs, previous, driven = [], 0, 0
    for position, (node, minute) in enumerate(zip(order, arrivals, strict=False), start=1):
        stop = stops[node - 1]
        stop.position = position
        stop.arrival = (start + dt.timedelta(minutes=minute)).time()
        stop.save(update_fields=["position", "arrival"])
        driven += matrix[previous][node]
        legs.append(Leg(stop, stop.arrival, matrix[previous][node]))
        previous = node
    driven += matrix[previous][0]
    inspection.route_minutes = driven
    inspection.save(update_fields=["route_minutes"])
    back = start + dt.timedelta(minutes=arrivals[-1])
    return Plan(legs, driven, back.time(), arrivals[-1] > WORKING_DAY_MINUTES)


@dataclass(frozen=True)
class StartPoint:
    latitude: Decimal
    longitude: Decimal
    label: str


def start_at_address(postcode: str, house_number: int | None, house_letter: str = "") -> StartPoint:
    """The start of a day typed as an address: its BAG point, else its postcode's point."""
    position = geocoding.locate(
        postcode=postcode, house_number=house_number, house_letter=house_letter
    )
    if position is None:
        raise RouteError(
            _("Het vertrekpunt %(postcode)s %(number)s kennen we niet. Controleer de postcode.")
            % {"postcode": postcode, "number": house_number or ""}
        )
    found = geocoding.lookup(postcode, house_number, house_letter)
    label = (
        f"{found.street} {found.house_number}{found.house_letter}, {found.place}"
        if found
        else f"{postcode} {house_number or ''}{house_letter}".strip()
    )
    return StartPoint(
        Decimal(f"{position.latitude:.5f}"), Decimal(f"{position.longitude:.5f}"), label
    )


def start_at_location(location: StartLocation) -> StartPoint:
    return StartPoint(location.latitude, location.longitude, f"{location.name}, {location.address}")


@transaction.atomic
def remember_start(organisation: Any, name: str, start: StartPoint, actor: Any) -> StartLocation:
    """Keep a start point under a name for the organisation's next days (the one door)."""
    location, _created = StartLocation.objects.update_or_create(
        organisation=organisation,
        name=name.strip()[:120],
        defaults={
            "address": start.label[:200],
            "latitude": start.latitude,
            "longitude": start.longitude,
        },
    )
    record(AuditAction.CREATE, actor=actor, obj=location)
    return location


@transaction.atomic
def create_day(
    *,
    date: dt.date,
    team: str,
    organisation: Any,
    disciplines: list[str],
    depot: StartPoint,
    subjects: list[Subject],
    actor: Any,
) -> Inspection:
    """A new inspection day with its addresses (the one door for creating one)."""
    inspection = Inspection.objects.create(
        date=date,
        team=team[:120],
        organisation=organisation,
        disciplines=disciplines,
        depot_latitude=depot.latitude,
        depot_longitude=depot.longitude,
        depot_label=depot.label[:200],
        created_by=actor,
    )
    InspectionStop.objects.bulk_create(
        InspectionStop(inspection=inspection, subject=s) for s in subjects
    )
    record(AuditAction.CREATE, actor=actor, obj=inspection)
    inspection_id = inspection.pk
    transaction.on_commit(lambda: log.info("inspection_created", inspection_id=inspection_id))
    return inspection
