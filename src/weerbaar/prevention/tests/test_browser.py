"""Prevention pages in a real browser on a phone-sized screen: axe-core clean, forms that
work without JavaScript, and no sideways scrolling on the parents' pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from weerbaar.accounts.tests.browser import log_in
from weerbaar.areas.tests.factories import small_country
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.monitor.tests.factories import small_monitor
from weerbaar.prevention.models import BusRequest
from weerbaar.prevention.services import planning
from weerbaar.prevention.services.seeding import seed_prevention
from weerbaar.prevention.tests.factories import (
    PASSWORD,
    bus_request,
    coordinator,
    future,
    organisation,
    the_bus,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def site(live_server: Any) -> str:
    seed_prevention()
    country = small_country()
    small_monitor()
    region = organisation("Regionale aanpak", country["PV20"], country["PV22"])
    coordinator(region, "coco")
    monday = future(14) - dt.timedelta(days=future(14).weekday())
    bus_request(country["GM0014"], [(monday, dt.time(13), dt.time(17))], name="School Stad")
    bus_request(country["GM0106"], [(monday, dt.time(9), dt.time(12))], name="Bieb Assen")
    plan = planning.make_plan(the_bus(), monday, monday + dt.timedelta(days=4), seconds=1)
    plan.organisation = region
    plan.save()
    planning.publish(plan)
    return str(live_server.url)


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


def _phone(browser: Any, *, javascript: bool) -> Any:
    """A phone-sized context. axe-core runs as a script, so the checks use a context with
    JavaScript; the flows that must work without it use one where it is off."""
    return browser.new_context(viewport=PHONE, java_script_enabled=javascript)


def test_public_prevention_pages_on_a_phone(browser: Any, site: str) -> None:
    context = _phone(browser, javascript=True)
    for path in (
        "/ouders/",
        "/ouders/werving/",
        "/ouders/gesprek/",
        "/ouders/hulp/?postcode=9712",
        "/ouders/hulp/?postcode=1011",
        "/ouders/camperbus/",
        "/ouders/camperbus/aanvragen/",
        "/ouders/flyer/?gemeente=GM9999",
        "/interventies/",
        "/interventies/?leeftijd=abc",
        "/interventies/bangmaakvoorlichting/",
        "/interventies/past-bij/?gebied=GM0106&van=10&tot=14",
    ):
        page, errors, foreign = open_page(browser, site + path, context=context)
        errors[:] = [e for e in errors if "status of 404" not in e and "status of 400" not in e]
        assert_accessible(page, errors, foreign)
        if path.startswith("/ouders/"):
            _no_sideways_scroll(page)
        page.close()


def test_parent_finds_help_for_9712_without_javascript(browser: Any, site: str) -> None:
    page, errors, foreign = open_page(
        browser, site + "/ouders/", context=_phone(browser, javascript=False)
    )
    page.fill("#postcode", "9712")
    page.get_by_role("button", name="Zoek hulp").click()
    page.wait_for_url("**/ouders/hulp/?postcode=9712")
    assert page.get_by_role("heading", name="Hulp in de gemeente Groningen").is_visible()
    assert page.get_by_text("WIJ Groningen").is_visible()
    # where the bus comes: a list that wraps on a phone
    assert page.locator(".bus-stops__stop", has_text="bij School").first.is_visible()
    assert errors == [] and foreign == []
    checked, errors, foreign = open_page(
        browser, page.url, context=_phone(browser, javascript=True)
    )
    assert_accessible(checked, errors, foreign)


def test_flyer_is_a_pdf_offered_on_the_parents_pages(browser: Any, site: str) -> None:
    context = _phone(browser, javascript=False)
    response = context.request.get(site + "/ouders/flyer/?gemeente=GM0014")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    page, _, _ = open_page(browser, site + "/ouders/", context=context)
    form = page.locator("form[action='/ouders/flyer/']")
    assert form.get_by_label("Gemeente").input_value() == "GM0014"
    assert form.get_by_role("button", name="Flyer openen (PDF, A5)").is_visible()


def _submit_empty_request(page: Any) -> None:
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Er is iets niet goed ingevuld").is_visible()


def test_organisation_requests_the_bus_without_javascript(browser: Any, site: str) -> None:
    checked, errors, foreign = open_page(
        browser, site + "/ouders/camperbus/aanvragen/", context=_phone(browser, javascript=True)
    )
    _submit_empty_request(checked)
    errors[:] = [e for e in errors if "status of 400" not in e]
    assert_accessible(checked, errors, foreign)

    page, errors, foreign = open_page(
        browser, site + "/ouders/camperbus/aanvragen/", context=_phone(browser, javascript=False)
    )
    _submit_empty_request(page)
    page.fill("#id_organisation_name", "OBS De Wilg")
    page.check("#id_organisation_kind_0")
    page.fill("#id_street", "Wilgenlaan 4")
    page.fill("#id_postcode", "9712 CP")
    page.fill("#id_place", "Groningen")
    page.select_option("#id_municipality_code", "GM0014")
    page.fill("#id_datum_1", future(30).isoformat())
    page.fill("#id_van_1", "13:00")
    page.fill("#id_tot_1", "17:00")
    page.fill("#id_audience", "ouders groep 8")
    page.fill("#id_expected_visitors", "50")
    page.fill("#id_contact_name", "Piet Jansen")
    page.fill("#id_contact_email", "piet@example.org")
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_url("**/ouders/camperbus/aanvraag/**")
    reference = BusRequest.objects.get(organisation_name="OBS De Wilg").reference
    assert page.get_by_role("heading", name=f"Uw aanvraag {reference}").is_visible()
    errors[:] = [e for e in errors if "status of 400" not in e]
    assert errors == [] and foreign == []
    status, errors, foreign = open_page(browser, page.url, context=_phone(browser, javascript=True))
    assert status.get_by_role("heading", name=f"Uw aanvraag {reference}").is_visible()
    assert_accessible(status, errors, foreign)


def test_back_office_prevention_pages(browser: Any, site: str) -> None:
    context = browser.new_context()
    page, errors, foreign = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "coco", PASSWORD)
    request = BusRequest.objects.get(organisation_name="School Stad")
    plan = the_bus().plans.get()
    for path in (
        "/preventie/aanvragen/",
        f"/preventie/aanvragen/{request.pk}/",
        "/preventie/tours/",
        f"/preventie/tours/{plan.pk}/",
        "/preventie/convenanten/",
        "/preventie/convenanten/nieuw/",
    ):
        page.goto(site + path)
        assert_accessible(page, errors, foreign)
    assert page.locator("svg polyline").count() == 0  # the covenant form has no map
    page.goto(f"{site}/preventie/tours/{plan.pk}/")
    assert page.locator("svg polyline").count() >= 1
