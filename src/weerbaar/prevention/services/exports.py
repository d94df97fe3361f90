"""A tour plan out of Weerbaar: iCalendar for the crew's calendars, CSV for spreadsheets,
and an SVG map of the routes per day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services.svg_map import SvgMap, build_map
from weerbaar.prevention.models import TourPlan, TourStop
from weerbaar.prevention.services import bookings

TIMEZONE = ZoneInfo("Europe/Amsterdam")
CSV_HEADER = [
    "datum",
    "volgorde",
    "aankomst",
    "bezoek_van",
    "bezoek_tot",
    "vertrek",
    "rijminuten_vanaf_vorige",
    "kenmerk",
    "organisatie",
    "plaats",
    "gemeentecode",
    "voorrang",
]


def stops_of(plan: TourPlan) -> list[TourStop]:
    return list(plan.stops.select_related("request__municipality").order_by("date", "position"))


def ical(plan: TourPlan) -> bytes:
    """One event per visit, in Dutch local time (with its VTIMEZONE)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Weerbaar//Camperbus//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{plan.bus.name} {plan.first_day:%d-%m}–{plan.last_day:%d-%m-%Y}")
    host = (getattr(settings, "ALLOWED_HOSTS", None) or ["weerbaar"])[0].lstrip(".") or "weerbaar"
    stamp = dt.datetime.now(dt.UTC)
    for stop in stops_of(plan):
        request = stop.request
        event = Event()
        event.add("uid", f"bus-{plan.pk}-{stop.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", dt.datetime.combine(stop.date, stop.arrival, TIMEZONE))
        event.add("dtend", dt.datetime.combine(stop.date, stop.departure, TIMEZONE))
        event.add("summary", f"Camperbus: {request.organisation_name}")
        event.add(
            "location", ", ".join(p for p in (request.street, request.postcode, request.place) if p)
        )
        event.add(
            "description",
            f"Kenmerk {request.reference}. Aankomst en opbouwen {stop.arrival:%H:%M}, "
            f"bezoek {stop.visit_start:%H:%M}–{stop.visit_end:%H:%M}, vertrek {stop.departure:%H:%M}. "
            f"Contact: {request.contact_name} {request.contact_phone}".strip(),
        )
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def csv_rows(plan: TourPlan) -> list[list[object]]:
    return [
        [
            stop.date.isoformat(),
            stop.position,
            f"{stop.arrival:%H:%M}",
            f"{stop.visit_start:%H:%M}",
            f"{stop.visit_end:%H:%M}",
            f"{stop.departure:%H:%M}",
            stop.drive_minutes,
            stop.request.reference,
            stop.request.organisation_name,
            stop.request.place,
            stop.request.municipality.code,
            "ja" if stop.priority else "nee",
        ]
        for stop in stops_of(plan)
    ]


@dataclass(frozen=True)
class RouteLine:
    date: dt.date
    css_class: str
    points: str  # SVG polyline points, depot → stops → depot


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    label: str
    title: str


@dataclass(frozen=True)
class TourMap:
    map: SvgMap
    routes: list[RouteLine]
    markers: list[Marker]
    depot: tuple[float, float]


def tour_map(plan: TourPlan) -> TourMap | None:
    """The municipalities of the provinces the stops lie in, with one line per day."""
    stops = stops_of(plan)
    provinces = set(
        Area.objects.filter(pk__in={stop.request.municipality_id for stop in stops}).values_list(
            "parent_id", flat=True
        )
    )
    areas = list(Area.objects.current().filter(level=AreaLevel.GEMEENTE, parent_id__in=provinces))
    background = build_map(areas, href=lambda area: None, label=lambda area: area.name)
    if background is None:
        return None
    depot_lat, depot_lon = float(plan.bus.depot_latitude), float(plan.bus.depot_longitude)
    depot = background.point(depot_lat, depot_lon)
    routes, markers = [], []
    by_day: dict[dt.date, list[TourStop]] = {}
    for stop in stops:
        by_day.setdefault(stop.date, []).append(stop)
    for number, (date, day_stops) in enumerate(sorted(by_day.items())):
        coordinates = [depot]
        for stop in day_stops:
            point = bookings.position(stop.request)
            if point is None:
                continue
            x, y = background.point(*point)
            coordinates.append((x, y))
            markers.append(
                Marker(
                    x,
                    y,
                    f"{number + 1}.{stop.position}",
                    f"{date:%d-%m} {stop.visit_start:%H:%M} {stop.request.place}",
                )
            )
        coordinates.append(depot)
        routes.append(
            RouteLine(
                date,
                f"tour-route tour-route--{number % 6}",
                " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates),
            )
        )
    return TourMap(background, routes, markers, depot)
