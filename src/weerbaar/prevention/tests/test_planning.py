"""Tour plans from the database: made from accepted requests, stored with reasons,
exported as iCalendar and CSV, published for the public list, and scoped by organisation."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

from django.test import Client
from icalendar import Calendar

from weerbaar.monitor.tests.factories import drug_trafficking, small_monitor
from weerbaar.prevention.models import PlanState, RequestState, TourPlan
from weerbaar.prevention.services import planning
from weerbaar.prevention.tests.factories import PASSWORD, bus_request, future, the_bus


def _monday(weeks_ahead: int = 2) -> dt.date:
    day = future(7 * weeks_ahead)
    return day - dt.timedelta(days=day.weekday())


def _requests(country: Any) -> dict[str, Any]:
    monday = _monday()
    return {
        "stad": bus_request(
            country["GM0014"], [(monday, dt.time(13), dt.time(17))], name="School Stad"
        ),
        "kanaal": bus_request(
            country["GM0037"],
            [(monday + dt.timedelta(days=1), dt.time(9), dt.time(12))],
            name="Club Kanaal",
        ),
        "assen": bus_request(
            country["GM0106"],
            [
                (monday, dt.time(9), dt.time(12)),
                (monday + dt.timedelta(days=2), dt.time(18), dt.time(21)),
            ],
            name="Bieb Assen",
        ),
        "open": bus_request(
            country["GM0014"],
            [(monday, dt.time(9), dt.time(12))],
            name="Nog niet beoordeeld",
            state=RequestState.SUBMITTED,
        ),
        "zaterdag": bus_request(
            country["GM0014"],
            [(monday + dt.timedelta(days=5), dt.time(10), dt.time(14))],
            name="Zaterdagclub",
        ),
    }


def test_plan_takes_accepted_requests_and_says_why_others_are_left_out(
    country: Any, team: Any
) -> None:
    items = _requests(country)
    monday = _monday()
    plan = planning.make_plan(the_bus(), monday, monday + dt.timedelta(days=6), seconds=1)
    planned = {
        stop.request.organisation_name: stop for stop in plan.stops.select_related("request")
    }
    assert set(planned) == {"School Stad", "Club Kanaal", "Bieb Assen"}  # not the unreviewed one
    assert planned["School Stad"].visit_start >= dt.time(13)
    assert planned["School Stad"].visit_end <= dt.time(17)
    (drop,) = plan.drops.all()
    assert drop.request == items["zaterdag"]
    assert "rijdt die dag niet" in drop.reason
    assert plan.drive_minutes > 0 and plan.drive_kilometres > 0
    assert plan.days.count() == len({s.date for s in planned.values()})


def test_request_without_a_place_is_named(country: Any, team: Any) -> None:
    monday = _monday()
    request = bus_request(country["GM0014"], [(monday, dt.time(13), dt.time(17))])
    country["GM0014"].geometry = None
    country["GM0014"].save()
    plan = planning.make_plan(the_bus(), monday, monday + dt.timedelta(days=4), seconds=1)
    assert plan.drops.get().request == request
    assert "Geen plek bekend" in plan.drops.get().reason


def test_priority_from_the_monitor_keeps_areas_of_concern(country: Any, team: Any) -> None:
    small_monitor()  # Assen has the higher drug-trafficking rate of the two with a value
    monday = _monday()
    window = (monday, dt.time(13), dt.time(16))  # room for one two-hour visit
    stad = bus_request(country["GM0014"], [window], name="School Stad", point=(53.22, 6.56))
    assen = bus_request(country["GM0106"], [window], name="School Assen", point=(52.99, 6.56))
    plain = planning.make_plan(the_bus(), monday, monday, seconds=1)
    assert [s.request for s in plain.stops.all()] == [stad]  # nearer the depot
    ranked = planning.make_plan(
        the_bus(),
        monday,
        monday,
        priority_indicator=drug_trafficking().code,
        priority_percentile=75,
        seconds=1,
    )
    (stop,) = ranked.stops.all()
    assert stop.request == assen and stop.priority
    assert "Assen" in stop.priority_note and "voorrang" in stop.priority_note
    (drop,) = ranked.drops.all()
    assert drop.request == stad and "voorrang gingen voor" in drop.reason


def test_bad_periods_are_refused(country: Any, team: Any, client: Client) -> None:
    client.login(username="coco", password=PASSWORD)
    base = {"bus": the_bus().pk, "weekdays": ["0"], "priority_percentile": "75"}
    response = client.post(
        "/preventie/tours/", {**base, "first_day": "2027-03-10", "last_day": "2027-03-01"}
    )
    assert response.status_code == 400 and "vóór de eerste" in response.content.decode()
    response = client.post(
        "/preventie/tours/", {**base, "first_day": "2027-01-01", "last_day": "2027-12-31"}
    )
    assert "hoogstens 92 dagen" in response.content.decode()
    response = client.post(
        "/preventie/tours/",
        {**base, "first_day": "2027-03-01", "last_day": "2027-03-02", "excluded": "1 maart"},
    )
    assert "geen datum" in response.content.decode()


def test_plan_pages_exports_and_publication(country: Any, team: Any, client: Client) -> None:
    _requests(country)
    monday = _monday()
    client.login(username="coco", password=PASSWORD)
    response = client.post(
        "/preventie/tours/",
        {
            "bus": the_bus().pk,
            "first_day": monday.isoformat(),
            "last_day": (monday + dt.timedelta(days=6)).isoformat(),
            "weekdays": ["0", "1", "2", "3", "4"],
            "priority_indicator": "",
            "priority_percentile": "75",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = TourPlan.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "School Stad" in page and "Zaterdagclub" in page and "<polyline" in page
    # SVG coordinates take a decimal point whatever the page's language (bug: "112,3")
    assert re.search(r'<circle cx="\d+\.\d" cy="\d+\.\d"', page)
    assert not re.search(r'(x|y|cx|cy)="\d+,\d', page)

    calendar = Calendar.from_ical(client.get(f"/preventie/tours/{plan.pk}/camperbus.ics").content)
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
    stad = next(e for e in events if "School Stad" in str(e["SUMMARY"]))
    start = stad.decoded("DTSTART")
    assert start.tzinfo is not None and start.date() == monday
    assert len({str(e["UID"]) for e in events}) == 3

    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/preventie/tours/{plan.pk}/camperbus.csv").content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert rows[0][:3] == ["datum", "volgorde", "aankomst"] and len(rows) == 4

    assert (
        "School Stad" not in client.get("/ouders/camperbus/").content.decode()
    )  # not yet published
    client.post(f"/preventie/tours/{plan.pk}/publiceren/")
    plan.refresh_from_db()
    assert plan.state == PlanState.PUBLISHED
    public = Client().get("/ouders/camperbus/").content.decode()
    assert "Basisschool" not in public
    assert "School" in public and "Groningen" in public  # kind shown, name only with consent
    again = planning.make_plan(the_bus(), monday, monday + dt.timedelta(days=6), seconds=1)
    planning.publish(again)
    plan.refresh_from_db()
    assert plan.state == PlanState.REPLACED


def test_plans_are_scoped_and_need_permission(country: Any, team: Any, client: Client) -> None:
    _requests(country)
    monday = _monday()
    plan = planning.make_plan(the_bus(), monday, monday + dt.timedelta(days=6), seconds=1)
    plan.organisation = team["region"]
    plan.save()
    client.login(username="lezer", password=PASSWORD)
    assert client.get(f"/preventie/tours/{plan.pk}/").status_code == 200
    assert client.post(f"/preventie/tours/{plan.pk}/publiceren/").status_code == 403
    client.login(username="asje", password=PASSWORD)  # Assen: has an Assen stop in the plan
    assert client.get(f"/preventie/tours/{plan.pk}/").status_code == 200
    other = planning.make_plan(
        the_bus(), monday + dt.timedelta(days=14), monday + dt.timedelta(days=18), seconds=1
    )
    other.organisation = team["region"]
    other.save()
    assert client.get(f"/preventie/tours/{other.pk}/").status_code == 404
    assert client.get(f"/preventie/tours/{other.pk}/camperbus.ics").status_code == 404
