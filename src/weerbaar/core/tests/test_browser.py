"""Pages in a real browser: Debian's Chromium driven by Playwright, checked by axe-core.

Never downloads a browser. Skips with a reason where /usr/bin/chromium is absent, except
when WEERBAAR_REQUIRE_BROWSER=1 (as in CI), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from weerbaar.areas.tests.factories import small_country
from weerbaar.conftest import browser_required
from weerbaar.monitor.tests.factories import small_monitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = "Chromium ontbreekt: installeer het Debian-pakket (apt-get install chromium)."
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the live server is another thread.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def site(live_server: Any) -> str:
    small_country()
    small_monitor()
    return str(live_server.url)


def open_page(
    browser: Any, url: str, *, javascript: bool = True
) -> tuple[Any, list[str], list[str]]:
    """A page with a record of console errors and of requests to other origins."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    origin = url.split("/", 3)[:3]
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if request.url.split("/", 3)[:3] != origin and not request.url.startswith("data:")
            else None
        ),
    )
    page.goto(url)
    return page, errors, foreign


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_21_aa_violations(browser: Any, site: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, errors, foreign = open_page(browser, site + path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})

    assert results.violations_count == 0, results.generate_report()
    assert errors == [], "console errors (e.g. CSP violations)"
    assert foreign == [], "requests to other origins"
    assert page.locator("html").get_attribute("lang") == "nl"
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
