"""Selection pages in a real browser, logged in: axe-core clean, forms work without JS."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission

from weerbaar.accounts.models import Role, User
from weerbaar.accounts.tests.browser import log_in
from weerbaar.core.tests.browser import assert_accessible, open_page
from weerbaar.selection.models import SelectionRun
from weerbaar.selection.services import runs
from weerbaar.selection.tests.factories import municipalities, pmg_rule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "analist-wachtwoord-2026"


@pytest.fixture
def site(live_server: Any) -> tuple[str, int]:
    municipalities()
    user = User.objects.create_user(username="analist", password=PASSWORD)
    role = Role.objects.create(name="analist")
    role.permissions.set(Permission.objects.filter(content_type__app_label="selection"))
    user.groups.add(role)
    run = runs.execute(runs.save_rule(pmg_rule()))
    return str(live_server.url), run.pk


def logged_in(browser: Any, url: str, *, javascript: bool = True) -> Any:
    context = browser.new_context(java_script_enabled=javascript)
    page, _, _ = open_page(browser, url + "/inloggen/", context=context)
    log_in(page, "analist", PASSWORD)
    page.close()
    return context


def fill_rule(page: Any) -> None:
    page.fill("#naam", "In de browser")
    page.fill("#jaar", "2023")
    page.fill("#jaren", "1")
    page.fill("#min_inwoners", "80000")
    page.fill("#w-misdrijven-3-1-1-per-10000", "2")
    page.fill("#w-leefbaarometer-lbm", "1")
    page.fill("#selectie_waarde", "2")


def test_selection_pages_have_no_wcag_violations(browser: Any, site: tuple[str, int]) -> None:
    url, run_id = site
    context = logged_in(browser, url)
    for path in (
        "/selectie/",
        "/selectie/regel/",
        f"/selectie/run/{run_id}/",
        f"/selectie/run/{run_id}/verantwoording/",
    ):
        page, errors, foreign = open_page(browser, url + path, context=context)
        assert_accessible(page, errors, foreign)
        page.close()
    # the editor with a what-if result below it (axe needs JavaScript in the page)
    page, errors, foreign = open_page(browser, url + "/selectie/regel/", context=context)
    fill_rule(page)
    page.get_by_role("button", name="Bekijk uitkomst").click()
    assert page.get_by_text("Opbouw van de score van Aastad").count() == 1
    assert_accessible(page, errors, foreign)
    context.close()


def test_what_if_and_saving_work_without_javascript(browser: Any, site: tuple[str, int]) -> None:
    url, _ = site
    context = logged_in(browser, url, javascript=False)
    page, errors, foreign = open_page(browser, url + "/selectie/regel/", context=context)
    fill_rule(page)
    page.get_by_role("button", name="Bekijk uitkomst").click()
    assert page.get_by_text("Opbouw van de score van Aastad").count() == 1
    assert errors == []
    assert foreign == []
    before = SelectionRun.objects.count()
    page.get_by_role("button", name="Opslaan en uitvoeren").click()
    assert "/selectie/run/" in page.url
    assert SelectionRun.objects.count() == before + 1
    context.close()
