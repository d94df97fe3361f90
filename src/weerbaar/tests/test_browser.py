"""Pages in a real browser: Debian's Chromium driven by Playwright, checked by axe-core.

Never downloads a browser. Skips with a reason where /usr/bin/chromium is absent, except
when WEERBAAR_REQUIRE_BROWSER=1 (as in CI), where that is a failure.
"""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.areas.tests.factories import small_country
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.monitor.tests.factories import observe, small_monitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/gebieden/",
    "/gebieden/PV20/",
    "/gebieden/GM0014/",
    "/inloggen/",
    "/api/v1/docs",
    "/monitor/",
    "/monitor/misdrijven-3-1-1-per-10000/?jaar=2024",
    "/monitor/gebied/GM0014/",
    "/monitor/vergelijk/?gebied=GM0014&gebied=PV22",
    "/monitor/gebied/WK001400/",
    "/monitor/gebied/BU00140000/",
    "/monitor/leefbaarometer-afw/?niveau=wijk&gemeente=GM0014",
    "/monitor/verdachten-12-17-per-10000/",
]


@pytest.fixture
def site(live_server: Any) -> str:
    small_country()
    small_monitor()
    districts_and_neighbourhoods()
    return str(live_server.url)


def districts_and_neighbourhoods() -> None:
    """Leefbaarometer for the two districts (2022) and the neighbourhood (2024, with class)."""
    for code, value in (("WK001400", 0.185), ("WK001401", 0.12)):
        observe("leefbaarometer.afw", code, 2022, value)
        observe("kwb.totaal", code, 2024, 12000)
    observe("leefbaarometer.afw", "BU00140000", 2024, 0.189)
    observe("leefbaarometer.kscore", "BU00140000", 2024, 9)
    observe("misdrijven.totaal", "BU00140000", 2023, 1428)
    observe("kwb.totaal", "BU00140000", 2024, 4745)


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_21_aa_violations(browser: Any, site: str, path: str) -> None:
    page, errors, foreign = open_page(browser, site + path)
    assert_accessible(page, errors, foreign)
    page.context.close()


def test_sorting_and_navigation_work_without_javascript(browser: Any, site: str) -> None:
    page, _, _ = open_page(browser, site + "/gebieden/PV20/", javascript=False)
    rows = page.locator("#tabel tbody th[scope=row]")
    assert rows.all_inner_texts() == ["Groningen", "Stadskanaal"]

    page.get_by_role("link", name="Inwoners (klik om te sorteren)", exact=True).click()
    assert rows.all_inner_texts() == ["Groningen", "Stadskanaal"]  # largest first
    page.get_by_role("link", name="Inwoners (aflopend gesorteerd, klik voor oplopend)").click()
    assert rows.all_inner_texts() == ["Stadskanaal", "Groningen"]

    page.get_by_role("link", name="Groningen: 1.000 inwoners").click()  # on the map
    assert page.locator("h1").inner_text().startswith("Groningen")
    assert page.locator("#tabel tbody th[scope=row]").all_inner_texts() == ["Centrum", "Oud-Zuid"]
    page.context.close()


def test_indicator_filters_work_without_javascript(browser: Any, site: str) -> None:
    page, _, _ = open_page(browser, site + "/monitor/misdrijven-3-1-1-per-10000/", javascript=False)
    page.select_option("#jaar", "2023")
    page.select_option("#provincie", "PV22")
    page.get_by_role("button", name="Toon").click()
    assert page.locator("#tabel tbody th[scope=row] a").all_inner_texts() == ["Assen"]
    assert "2023" in page.locator("h2").first.inner_text()
    page.context.close()


def test_keyboard_users_can_skip_to_the_content(browser: Any, site: str) -> None:
    page, _, _ = open_page(browser, site + "/gebieden/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"
    page.context.close()
