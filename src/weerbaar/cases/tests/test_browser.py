"""Objects and triage pages in a real browser: axe-core clean."""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.accounts.tests.browser import log_in
from weerbaar.areas.tests.factories import small_country
from weerbaar.cases.models import Subject
from weerbaar.cases.tests.factories import case_handler
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.signals.models import Signal
from weerbaar.signals.services.intake import IntakeInput, LocationInput, submit
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.signals.tests.factories import PASSWORD, organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server: Any) -> str:
    seed_defaults()
    country = small_country()
    groningen = organisation("Gemeente Groningen", country["GM0014"])
    case_handler(groningen, "coordinator")
    for postcode in ("9711 ab", "9711AB"):
        submit(
            IntakeInput(
                description="Geen klanten, wel veel contant geld.",
                location=LocationInput(
                    kind="adres",
                    street="Hoofdstraat",
                    house_number=12,
                    house_letter="A",
                    postcode=postcode.replace(" ", "").upper(),
                    municipality=country["GM0014"],
                ),
            ),
            channel="publiek",
        )
    return str(live_server.url)


def test_objects_and_triage_pages_have_no_wcag_violations(browser: Any, site: str) -> None:
    context = browser.new_context()
    page, errors, foreign = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "coordinator", PASSWORD)
    subject = Subject.objects.get()
    signal = Signal.objects.first()
    assert signal is not None
    for path in (
        "/zaken/triage/",
        "/zaken/objecten/",
        f"/zaken/objecten/{subject.pk}/",
        f"/signalen/{signal.pk}/",
    ):
        page.goto(site + path)
        assert_accessible(page, errors, foreign)
    page.goto(site + "/zaken/triage/")
    page.select_option(f"#besluit-{subject.pk}", "volgen")
    page.fill(f"#reden-{subject.pk}", "Twee meldingen; volgen.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_selector("text=vastgelegd")
    assert_accessible(page, errors, foreign)
    page.close()
