"""The report pages in a real browser: axe-core clean, public and logged in; composing and
publishing work without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.accounts.tests.browser import log_in
from weerbaar.areas.tests.factories import small_country
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.monitor.tests.factories import small_monitor
from weerbaar.reports.tests.factories import analyst

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "x" * 16


@pytest.fixture
def site(live_server: Any) -> str:
    small_country()
    small_monitor()
    analyst()
    return str(live_server.url)


def test_composing_and_publishing_without_javascript_and_every_page_accessible(
    browser: Any, site: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page, _, _ = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "analist", PASSWORD)
    page.goto(site + "/rapportages/")
    page.get_by_label("Regio").select_option("PV20")
    page.get_by_label("Jaar").select_option("2023")
    page.get_by_role("button", name="Bekijk het concept").click()
    assert page.get_by_role("heading", name="Voortgangsrapportage Provincie Groningen 2023").count()
    page.get_by_role("button", name="Publiceer deze rapportage").click()
    assert page.get_by_text("Versie 1, gepubliceerd op").count() == 1
    published = page.url
    page.close()
    context.close()

    context = browser.new_context()
    page, _, _ = open_page(browser, site + "/inloggen/", context=context)
    log_in(page, "analist", PASSWORD)
    page.close()
    for path in (
        "/rapportages/",
        "/rapportages/concept/?regio=PV20&jaar=2023",
        "/rapportages/methoden/",
        "/rapportages/inzet/",
        "/rapportages/inzet/samenhang/",
    ):
        page, errors, foreign = open_page(browser, site + path, context=context)
        assert_accessible(page, errors, foreign)
        page.close()
    context.close()
    # the published version, as anyone reads it
    page, errors, foreign = open_page(browser, published)
    assert_accessible(page, errors, foreign)
    page.context.close()
