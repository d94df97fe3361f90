"""The training in a real browser: an official does a scenario on a phone with JavaScript
off, from the intro to the feedback and the practice form; every page on the way and the
coordinator's overview are axe-core clean and fit the phone."""

from __future__ import annotations

import os
from typing import Any

import pytest

from weerbaar.accounts.services import roles
from weerbaar.accounts.tests.browser import log_in
from weerbaar.accounts.tests.factories import organisation
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.signals.models import Signal
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.training.models import Attempt
from weerbaar.training.services import completion
from weerbaar.training.services.scenarios import sync_shipped

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "training-wachtwoord-2026"
PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("WEERBAAR_SCREENSHOTS", "")


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def site(live_server: Any) -> str:
    from weerbaar.accounts.models import User

    seed_defaults()  # transactional tests empty the migrations' reference data
    roles.sync()
    sync_shipped()
    org = organisation("Gemeente Zuidhorn")
    for username, key in (("anna", "ambtenaar"), ("coco", "trainingscoordinator")):
        user = User.objects.create_user(
            username=username, password=PASSWORD, organisation=org, first_name=username.title()
        )
        user.groups.add(roles.role(key))
    completion.set_requirement(None, org, "vergunningen", None, 365)
    return str(live_server.url)


def _fits(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px phone"


def _check(page: Any, errors: list[str], foreign: list[str], name: str) -> None:
    # a refused form answers 400 on purpose; the browser logs that status as an error
    errors[:] = [e for e in errors if "status of 400" not in e]
    assert_accessible(page, errors, foreign)
    if page.viewport_size == PHONE:
        _fits(page)
    _shot(page, name)


def _walk(page: Any, site: str, look: Any) -> None:
    """The learner's way through a scenario; ``look(name)`` checks the page on the way."""
    page.goto(site + "/training/")
    look("training-index")
    page.get_by_role("link", name="Een aanvraag voor een horecavergunning").click()
    look("training-intro")
    page.get_by_role("button", name="Beginnen").click()

    # step 1: tick one of the two signals
    assert page.get_by_role("heading", name="De aanvraag").count() == 1
    look("training-step")
    page.get_by_role("checkbox", name="Onduidelijk waar het geld vandaan komt").check()
    page.get_by_role("button", name="Volgende stap").click()
    # step 2: forgetting the question is refused, with the ticks kept
    page.get_by_role("checkbox", name="Grote contante betalingen").check()
    page.get_by_role("button", name="Volgende stap").click()
    assert page.get_by_text("Kies een antwoord op de vraag.").first.is_visible()
    look("training-step-error")
    assert page.get_by_role("checkbox", name="Grote contante betalingen").is_checked()
    page.get_by_role("radio", name="Dat de gemeente de wettelijke termijn neemt").check()
    page.get_by_role("button", name="Volgende stap").click()
    page.get_by_role("button", name="Naar het besluit").click()

    look("training-decision")
    page.get_by_role("radio", name="Niets doen").check()
    page.get_by_role("button", name="Afronden en uitleg zien").click()

    heading = "Uitleg: Een aanvraag voor een horecavergunning"
    assert page.get_by_role("heading", name=heading).count() == 1
    look("training-feedback")
    text = page.locator("main").inner_text()
    assert "Niets doen — niet goed." in text
    assert "Gevonden: Onduidelijk waar het geld vandaan komt" in text
    assert "Gevonden: Grote contante betalingen" in text
    assert "Gemist: Net opgerichte stichting of bv" in text

    page.get_by_role("link", name="Oefen het vastleggen van dit signaal").click()
    look("training-sandbox")
    page.get_by_role("button", name="Controleren (niet opslaan)").click()
    assert page.get_by_role("heading", name="Zo zou uw signaal zijn vastgelegd").count() == 1
    look("training-sandbox-result")


def test_an_official_does_a_scenario_on_a_phone_without_javascript(browser: Any, site: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page, _errors, _foreign = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "anna", PASSWORD)
    _walk(page, site, lambda name: _fits(page))
    assert Signal.objects.count() == 0
    assert Attempt.objects.filter(finished_at__isnull=False).count() == 1
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, None], ids=["phone", "desktop"])
def test_every_page_of_a_scenario_is_accessible(browser: Any, site: str, viewport: Any) -> None:
    """axe-core runs in the page, so this walk has JavaScript on (the pages use none)."""
    context = browser.new_context(viewport=viewport) if viewport else browser.new_context()
    page, errors, foreign = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "anna", PASSWORD)
    suffix = "-phone" if viewport else ""
    _walk(page, site, lambda name: _check(page, errors, foreign, name + suffix))
    assert Signal.objects.count() == 0
    context.close()


def test_the_coordinator_overview_is_accessible(browser: Any, site: str) -> None:
    context = browser.new_context()
    page, errors, foreign = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "coco", PASSWORD)
    page.goto(site + "/training/overzicht/")
    _check(page, errors, foreign, "training-overview")
    assert "Anna" in page.locator("main").inner_text()
    page.get_by_label("Doelgroep", exact=True).select_option("school")
    page.get_by_label("Opnieuw doen na (dagen)").fill("10")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Kies een periode tussen 30 en 1825 dagen.").count() == 1
    _check(page, errors, foreign, "training-overview-error")
    page.set_viewport_size(PHONE)
    page.goto(site + "/training/overzicht/")
    _check(page, errors, foreign, "training-overview-phone")
    context.close()
