"""From the database to a tour plan and back: accepted requests and the bus's limits go
into ``tour.solve``; the result is stored as a plan the coordinator can check, publish,
export and print. Priority for areas of concern comes from the monitor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.core.locking import door, lock
from weerbaar.core.travel import StraightLine, TravelTimes, kilometres
from weerbaar.prevention.models import (
    PLANNABLE,
    Bus,
    BusRequest,
    DayReturn,
    PlanState,
    TourDrop,
    TourPlan,
    TourStop,
)
from weerbaar.prevention.services import bookings, bus_mail, priority, tour

MAX_DAYS = 92
log = structlog.get_logger(__name__)


class PlanningError(ValueError):
    pass


def minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def as_time(value: int) -> dt.time:
    return dt.time(min(value, 24 * 60 - 1) // 60, min(value, 24 * 60 - 1) % 60)


def travel_for(bus: Bus) -> TravelTimes:
    return StraightLine(float(bus.road_factor), float(bus.speed_kmh))


def bus_days(
    bus: Bus, first: dt.date, last: dt.date, weekdays: Sequence[int], excluded: Sequence[dt.date]
) -> tuple[tour.BusDay, ...]:
    if last < first:
        raise PlanningError(_("De laatste dag ligt vóór de eerste."))
    if (last - first).days + 1 > MAX_DAYS:
        raise PlanningError(_("Plan hoogstens %(n)s dagen tegelijk.") % {"n": MAX_DAYS})
    days = []
    date = first
    while date <= last:
        if date.weekday() in weekdays and date not in excluded:
            days.append(tour.BusDay(date, minutes(bus.day_start), minutes(bus.day_end)))
        date += dt.timedelta(days=1)
    if not days:
        raise PlanningError(_("In deze periode is geen rijdag over."))
    return tuple(days)


def plannable(first: dt.date, last: dt.date) -> list[BusRequest]:
    return list(
        BusRequest.objects.filter(
            state__in=PLANNABLE,
            anonymised_at__isnull=True,
            windows__date__gte=first,
            windows__date__lte=last,
        )
        .distinct()
        .select_related("municipality")
        .prefetch_related("windows")
        .order_by("pk")
    )


@dataclass(frozen=True)
class PlanSettings:
    """What the coordinator asked for, stored with the plan."""

    bus: Bus
    first: dt.date
    last: dt.date
    weekdays: Sequence[int]
    excluded: Sequence[dt.date]
    priority_indicator: str
    priority_percentile: int
    user: Any
    organisation: Any


def _inputs(
    candidates: list[BusRequest], concern: dict[str, Any], first: dt.date, last: dt.date
) -> tuple[list[tour.Request], list[BusRequest]]:
    """The solver's requests, and the requests without a known place."""
    inputs: list[tour.Request] = []
    unplaced = []
    for request in candidates:
        note = concern.get(request.municipality.code)
        point = bookings.position(request)
        if point is None:
            unplaced.append(request)
            continue
        inputs.append(
            tour.Request(
                key=request.pk,
                label=request.reference,
                point=point,
                visit_minutes=request.visit_minutes,
                windows=tuple(
                    tour.Window(w.date, minutes(w.start), minutes(w.end))
                    for w in request.windows.all()
                    if first <= w.date <= last
                ),
                priority=bool(note and note.of_concern),
            )
        )
    return inputs, unplaced


def make_plan(
    bus: Bus,
    first: dt.date,
    last: dt.date,
    *,
    weekdays: Sequence[int] = (0, 1, 2, 3, 4),
    excluded: Sequence[dt.date] = (),
    priority_indicator: str = "",
    priority_percentile: int = 75,
    user: Any = None,
    organisation: Any = None,
    travel: TravelTimes | None = None,
    seconds: float | None = None,
) -> TourPlan:
    """Read the requests, solve, then store in one short transaction. The solve (seconds)
    runs outside any transaction, so an anonymous report never waits behind it for
    SQLite's single write lock."""
    settings = PlanSettings(
        bus,
        first,
        last,
        weekdays,
        excluded,
        priority_indicator,
        priority_percentile,
        user,
        organisation,
    )
    days = bus_days(bus, first, last, weekdays, excluded)
    candidates = plannable(first, last)
    concern = (
        priority.concerns(
            priority_indicator, {r.municipality.code for r in candidates}, priority_percentile
        )
        if priority_indicator
        else {}
    )
    inputs, unplaced = _inputs(candidates, concern, first, last)
    depot = (float(bus.depot_latitude), float(bus.depot_longitude))
    limits = tour.Bus(depot, bus.setup_minutes, bus.teardown_minutes, days)
    travel = travel or travel_for(bus)
    result = tour.solve(inputs, limits, travel, seconds=seconds)
    problems = tour.violations(result, inputs, limits, travel)
    if problems:  # the solver honours every rule; this guards the bookkeeping around it
        raise PlanningError("; ".join(problems))
    return _store(settings, candidates, concern, inputs, unplaced, result)


@transaction.atomic
def _store(
    settings: PlanSettings,
    candidates: list[BusRequest],
    concern: dict[str, Any],
    inputs: list[tour.Request],
    unplaced: list[BusRequest],
    result: tour.Plan,
) -> TourPlan:
    bus = settings.bus
    user = settings.user
    plan = TourPlan.objects.create(
        bus=bus,
        first_day=settings.first,
        last_day=settings.last,
        weekdays=sorted(set(settings.weekdays)),
        excluded_days=[d.isoformat() for d in sorted(settings.excluded)],
        priority_indicator=settings.priority_indicator,
        priority_percentile=settings.priority_percentile,
        created_by=user if user is not None and user.is_authenticated else None,
        organisation=settings.organisation,
    )
    by_key = {request.pk: request for request in candidates}

    def note_for(request: BusRequest) -> Any:
        return concern.get(request.municipality.code)

    for request in unplaced:
        note = note_for(request)
        TourDrop.objects.create(
            plan=plan,
            request=request,
            reason=_("Geen plek bekend: zet de coördinaten op de aanvraag."),
            priority=bool(note and note.of_concern),
            priority_note=note.explanation if note else "",
        )
    depot = (float(bus.depot_latitude), float(bus.depot_longitude))
    points = {request.key: request.point for request in inputs}
    kilometres_driven = 0.0
    previous: dict[dt.date, tuple[float, float]] = {}
    for visit in result.visits:
        point = points[visit.key]
        kilometres_driven += kilometres(previous.get(visit.date, depot), point)
        previous[visit.date] = point
        note = note_for(by_key[visit.key])
        TourStop.objects.create(
            plan=plan,
            request=by_key[visit.key],
            date=visit.date,
            position=visit.position,
            arrival=as_time(visit.arrival),
            visit_start=as_time(visit.visit_start),
            visit_end=as_time(visit.visit_end),
            departure=as_time(visit.departure),
            drive_minutes=visit.drive_minutes,
            priority=visit.priority,
            priority_note=note.explanation if note else "",
        )
    kilometres_driven += sum(kilometres(point, depot) for point in previous.values())
    for left in result.left_out:
        note = note_for(by_key[left.key])
        TourDrop.objects.create(
            plan=plan,
            request=by_key[left.key],
            reason=left.reason,
            priority=left.priority,
            priority_note=note.explanation if note else "",
        )
    DayReturn.objects.bulk_create(
        DayReturn(
            plan=plan,
            date=day.date,
            leaves=as_time(day.leaves),
            returns=as_time(day.returns),
            drive_minutes=day.drive_minutes,
        )
        for day in result.days
    )
    plan.drive_minutes = result.drive_minutes
    plan.drive_kilometres = round(kilometres_driven * float(bus.road_factor))
    plan.solve_seconds = round(result.seconds, 2)
    plan.save(update_fields=["drive_minutes", "drive_kilometres", "solve_seconds"])
    plan_id = plan.pk
    transaction.on_commit(lambda: log.info("tour_plan_stored", plan_id=plan_id))
    return plan


@door("plan")
def publish(plan: TourPlan, *, base: str = "") -> None:
    """The plan becomes the public one; overlapping published plans of the bus retire.
    The bus's row is locked too, so two plans of one bus are never published at once.
    Every requester in the plan gets the planned date, time and place by e-mail."""
    lock(plan.bus)
    TourPlan.objects.filter(
        bus=plan.bus,
        state=PlanState.PUBLISHED,
        first_day__lte=plan.last_day,
        last_day__gte=plan.first_day,
    ).exclude(pk=plan.pk).update(state=PlanState.REPLACED)
    plan.state = PlanState.PUBLISHED
    plan.published_at = timezone.now()
    plan.save(update_fields=["state", "published_at"])
    for stop in plan.stops.select_related("request").order_by("date", "position"):
        bus_mail.planned(stop, base)


def upcoming(today: dt.date | None = None, municipality_code: str = "") -> list[TourStop]:
    """Where the bus comes next (published plans only)."""
    stops = TourStop.objects.filter(
        plan__state=PlanState.PUBLISHED, date__gte=today or timezone.localdate()
    ).select_related("request__municipality", "plan__bus")
    if municipality_code:
        stops = stops.filter(request__municipality__code=municipality_code)
    return list(stops.order_by("date", "visit_start")[:200])
