"""Screening pages in a real browser: axe-core clean, registering works without
JavaScript, no requests to other origins."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from weerbaar.accounts.tests.browser import log_in
from weerbaar.accounts.tests.factories import organisation
from weerbaar.areas.tests.factories import small_country
from weerbaar.cases.models import LinkState, SignalLink
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.screening.models import Application
from weerbaar.screening.services import letters, workflow
from weerbaar.screening.services.seeding import seed_screening
from weerbaar.screening.tests.factories import KVK, PASSWORD, application, screener
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.signals.tests.factories import make_signal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server: Any) -> str:
    seed_defaults()  # transactional tests start from an empty database
    seed_screening()
    country = small_country()
    groningen = organisation("Gemeente Groningen", country["GM0014"])
    anna = screener(groningen, "anna")
    screener(groningen, "bram")
    app = application(country["GM0014"], anna, received_on=dt.date.today() - dt.timedelta(days=20))
    signal = make_signal(country["GM0014"], category="drugs-handel").signal
    SignalLink.objects.create(
        signal=signal,
        subject=app.premises,
        state=LinkState.CONFIRMED,
        score=90,
        reason="zelfde adres",
    )
    workflow.assess(app, "lbb", "Signaal over het pand.", actor=anna, on=dt.date.today())
    letters.draft(app, "lbb-melding", actor=anna, today=dt.date.today())
    return str(live_server.url)


def _login(browser: Any, site: str, javascript: bool = True) -> Any:
    context = browser.new_context(java_script_enabled=javascript)
    page, errors, foreign = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "anna", PASSWORD)
    return page, errors, foreign


def test_screening_pages_have_no_wcag_violations(browser: Any, site: str) -> None:
    page, errors, foreign = _login(browser, site)
    app = Application.objects.get()
    for path in (
        "/screening/",
        "/screening/termijnen/",
        "/screening/nieuw/",
        f"/screening/{app.pk}/",
    ):
        page.goto(site + path)
        assert_accessible(page, errors, foreign)
    assert page.get_by_role("heading", name="Risicobeeld").is_visible()
    assert page.get_by_text("zelfde adres", exact=False).first.is_visible()
    page.goto(site + "/screening/nieuw/")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_load_state()
    errors[:] = [e for e in errors if "status of 400" not in e]
    assert page.get_by_role("heading", name="Er is iets niet goed ingevuld").is_visible()
    assert_accessible(page, errors, foreign)


def test_register_an_application_without_javascript(browser: Any, site: str) -> None:
    page, errors, foreign = _login(browser, site, javascript=False)
    page.goto(site + "/screening/nieuw/")
    page.select_option("#id_kind", label="Exploitatievergunning horeca")
    page.fill("#id_requested_decision", "Exploitatievergunning snackbar Het Hoekje")
    page.fill("#id_received_on", (dt.date.today() - dt.timedelta(days=3)).isoformat())
    page.fill("#id_applicant_name", "Het Hoekje V.O.F.")
    page.fill("#id_kvk", KVK)
    page.fill("#id_street", "Oosterstraat")
    page.fill("#id_house_number", "12")
    page.fill("#id_postcode", "9711 NN")
    page.fill("#id_place", "Groningen")
    page.select_option("#id_municipality", index=1)  # the one municipality Groningen covers
    page.check("text=bram")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url("**/screening/*/")
    assert page.get_by_text("Het Hoekje V.O.F.").first.is_visible()
    assert Application.objects.filter(applicant_name="Het Hoekje V.O.F.").exists()
    assert errors == [] and foreign == []
