"""The evaluation page in a real browser: axe-core clean; the form works without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.reports.services.evaluation import cached
from weerbaar.reports.tests.test_programme_evaluation import constructed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server: Any) -> str:
    cached.cache_clear()
    constructed(uncertain=True)
    return str(live_server.url)


def test_the_evaluation_page_is_accessible_and_works_without_javascript(
    browser: Any, site: str
) -> None:
    page, errors, foreign = open_page(
        browser, site + "/rapportages/evaluatie/?programma=test&indicator=leefbaarometer-afw"
    )
    assert_accessible(page, errors, foreign)
    page.context.close()
    page, _, _ = open_page(
        browser,
        site + "/rapportages/evaluatie/?programma=test&indicator=leefbaarometer-afw",
        javascript=False,
    )
    page.get_by_label("weglaten").check()
    page.get_by_role("button", name="Toon").click()
    assert "Weggelaten (onzekere afbakening): GM0001." in page.content()
    page.context.close()
