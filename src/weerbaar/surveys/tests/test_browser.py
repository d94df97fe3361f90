"""The survey in a real browser: a class answers on phones with JavaScript off, the pages
are axe-core clean, and the coordinator's pages too."""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.accounts.tests.browser import log_in
from weerbaar.areas.tests.factories import small_country
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.surveys.models import Response
from weerbaar.surveys.tests.factories import a_round, answers, link
from weerbaar.surveys.tests.test_pages import _user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(live_server: Any) -> tuple[str, Any]:
    small_country()
    found = a_round()
    answers(found.schools.get(name="Noorderpoort"), 1, 30, kent_leeftijdsgenoot=["ja"])
    answers(found.schools.get(name="Noorderpoort"), 1, 40, kent_leeftijdsgenoot=["nee"])
    user = _user("enquetecoordinator")
    user.set_password("coordinator-wachtwoord-2026")
    user.save()
    return str(live_server.url), found


def test_a_class_answers_on_phones_without_javascript(browser: Any, site: tuple[str, Any]) -> None:
    url, found = site
    code = link(found, "Dollard", 2).code
    page, errors, foreign = open_page(
        browser, f"{url}/enquete/{code}/", context=browser.new_context(viewport=PHONE)
    )
    assert_accessible(page, errors, foreign)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px phone"
    page.context.close()
    before = Response.objects.count()
    for pupil in range(3):
        context = browser.new_context(viewport=PHONE, java_script_enabled=False)
        page, _, _ = open_page(browser, f"{url}/enquete/{code}/", context=context)
        page.get_by_role("group", name="4. Heeft iemand jou zelf weleens").get_by_label(
            "ja"
        ).check() if pupil == 0 else None
        page.get_by_role("group", name="1. Ken je iemand").get_by_label("nee").check()
        page.get_by_role("button", name="Versturen").click()
        assert page.get_by_role("heading", name="Dank je wel!").count() == 1
        assert [c["name"] for c in context.cookies() if c["name"] != "csrftoken"] == []
        context.close()
    assert Response.objects.count() == before + 3


def test_the_coordinator_pages_are_accessible(browser: Any, site: tuple[str, Any]) -> None:
    url, found = site
    context = browser.new_context()
    page, _, _ = open_page(browser, url + "/inloggen/", context=context)
    log_in(page, "enquetecoordinator", "coordinator-wachtwoord-2026")
    page.close()
    school = found.schools.get(name="Noorderpoort")
    first = school.classes.first()
    for path in (
        "/enquetes/",
        f"/enquetes/{found.pk}/",
        f"/enquetes/{found.pk}/klas/{first.pk}/",
        f"/enquetes/{found.pk}/school/{school.pk}/brieven/",
        f"/enquetes/{found.pk}/uitkomsten/",
        f"/enquetes/{found.pk}/uitkomsten/?indeling=gemeente-schoolsoort-leerjaar",
    ):
        page, errors, foreign = open_page(browser, url + path, context=context)
        assert_accessible(page, errors, foreign)
        page.close()
    context.close()
