"""The reporting pages and the back-office list in a real browser: axe-core clean, the
form works without JavaScript, no requests to other origins."""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.accounts.tests.browser import log_in
from weerbaar.areas.tests.factories import small_country
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.signals.models import Signal
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.signals.tests.factories import PASSWORD, handler, make_signal, organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def unexpected(errors: list[str]) -> list[str]:
    """Console errors other than the browser's own note about the intended 400 answer."""
    return [e for e in errors if "status of 400" not in e]


@pytest.fixture
def site(live_server: Any) -> str:
    seed_defaults()  # transactional tests start from an empty database
    country = small_country()
    groningen = organisation("Gemeente Groningen", country["GM0014"])
    handler(groningen, "ria")
    make_signal(country["GM0014"], description="Drugs verkocht bij de snackbar.")
    return str(live_server.url)


def test_report_without_javascript_then_status_page(browser: Any, site: str) -> None:
    page, errors, foreign = open_page(browser, site + "/melden/", javascript=False)
    assert page.locator("h1").inner_text().startswith("Meld een vermoeden")
    page.check("#cat-witwassen")
    page.get_by_role("button", name="Verder naar stap 2").click()
    page.wait_for_url("**/melden/?categorie=witwassen")
    page.fill("#id_description", "Een kapperszaak waar nooit klanten komen.")
    page.fill("#id_answer_bedrijfsnaam", "Knip & Co")
    page.select_option("#id_municipality", "GM0014")
    page.get_by_role("button", name="Melding versturen").click()
    page.wait_for_selector("#ontvangstcode")
    receipt = page.locator("#ontvangstcode").inner_text()
    secret = page.locator("#geheim").inner_text()
    assert Signal.objects.filter(receipt=receipt).exists()
    page.goto(site + "/melden/status/")
    page.fill("#id_receipt", receipt)
    page.fill("#id_secret", secret)
    page.get_by_role("button", name="Bekijk status").click()
    page.wait_for_selector("text=Iets aanvullen")
    page.fill("#id_text", "Ook op zaterdag open tot middernacht.")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_selector("text=Uw aanvulling is ontvangen")
    assert errors == [] and foreign == []
    page.close()


def test_reporting_pages_have_no_wcag_violations(browser: Any, site: str) -> None:
    page, errors, foreign = open_page(browser, site + "/melden/")
    assert_accessible(page, errors, foreign)
    page.goto(site + "/melden/?categorie=jongeren-werving")
    assert_accessible(page, errors, foreign)
    page.get_by_role("button", name="Melding versturen").click()  # empty: error summary
    page.wait_for_selector("#fouten")
    assert_accessible(page, unexpected(errors), foreign)
    page.fill("#id_description", "Mijn zoon wordt via Snapchat benaderd.")
    page.get_by_role("button", name="Melding versturen").click()
    page.wait_for_selector("#ontvangstcode")
    assert_accessible(page, unexpected(errors), foreign)  # receipt page
    receipt = page.locator("#ontvangstcode").inner_text()
    secret = page.locator("#geheim").inner_text()
    page.goto(site + "/melden/status/")
    assert_accessible(page, unexpected(errors), foreign)
    page.fill("#id_receipt", receipt)
    page.fill("#id_secret", secret)
    page.get_by_role("button", name="Bekijk status").click()
    page.wait_for_selector("text=Iets aanvullen")
    assert_accessible(page, unexpected(errors), foreign)  # status page
    page.close()


def test_back_office_pages_have_no_wcag_violations(browser: Any, site: str) -> None:
    context = browser.new_context()
    page, errors, foreign = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "ria", PASSWORD)
    signal = Signal.objects.get(description__startswith="Drugs")
    for path in (
        "/signalen/",
        "/signalen/nieuw/",
        f"/signalen/{signal.pk}/",
        f"/signalen/{signal.pk}/delen/",
    ):
        page.goto(site + path)
        assert_accessible(page, errors, foreign)
    page.close()


def test_with_javascript_a_click_on_the_map_places_the_report(browser: Any, site: str) -> None:
    page, errors, foreign = open_page(browser, site + "/melden/?categorie=witwassen")
    district = page.locator(".location-map path", has=page.locator("title", has_text="Oud-Zuid"))
    district.click()
    assert page.locator("#id_latitude").input_value()
    assert "Gekozen punt" in page.locator("[data-chosen]").inner_text()
    assert_accessible(page, errors, foreign)
    page.fill("#id_description", "Een kapperszaak waar nooit klanten komen.")
    page.get_by_role("button", name="Melding versturen").click()
    page.wait_for_selector("#ontvangstcode")
    receipt = page.locator("#ontvangstcode").inner_text()
    signal = Signal.objects.get(receipt=receipt)
    assert signal.area is not None and signal.area.code == "WK001401"
    assert signal.latitude is not None
    assert errors == [] and foreign == []
    page.close()


def test_without_javascript_the_map_stays_hidden(browser: Any, site: str) -> None:
    page, _errors, _foreign = open_page(
        browser, site + "/melden/?categorie=witwassen", javascript=False
    )
    assert not page.locator(".location-map").is_visible()
    assert page.locator("#id_district_code").is_visible()
    page.close()
