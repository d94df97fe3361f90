"""The public area pages: tables, sorting, totals, maps, export, breadcrumbs and errors."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from weerbaar.areas.models import Region
from weerbaar.areas.tests.factories import small_country

pytestmark = pytest.mark.django_db


def row_codes(html: str) -> list[str]:
    return re.findall(r"<tr>\s*<td>([A-Z]{2}[0-9A-Z]+)</td>", html)


def test_home_says_how_to_import_when_nothing_is_loaded(client: Client) -> None:
    html = client.get("/").content.decode()
    assert "Er zijn nog geen gebiedsgegevens geladen" in html
    assert "weerbaar import areas" in html
    assert '<html lang="nl">' in html


def test_pages_stay_dutch_for_an_english_browser(client: Client) -> None:
    html = client.get("/gebieden/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html


def test_home_shows_what_is_loaded(client: Client) -> None:
    small_country()
    html = client.get("/").content.decode()
    assert "Gemeenten" in html
    assert "Er zijn nog geen" not in html


def test_province_page_lists_municipalities_with_totals(client: Client) -> None:
    small_country()
    response = client.get("/gebieden/PV20/")
    html = response.content.decode()

    assert response.status_code == 200
    assert row_codes(html) == ["GM0014", "GM0037"]
    assert "1.000" in html  # Groningen
    assert "1.300" in html  # the total of the two
    assert "Totaal (2 gebieden)" in html
    assert "Assen" not in html


def test_tables_sort_by_a_column_both_ways(client: Client) -> None:
    small_country()
    ascending = client.get("/gebieden/PV20/?sorteer=totaal&volgorde=op").content.decode()
    descending = client.get("/gebieden/PV20/?sorteer=totaal&volgorde=af").content.decode()

    assert row_codes(ascending) == ["GM0037", "GM0014"]
    assert row_codes(descending) == ["GM0014", "GM0037"]
    assert 'aria-sort="descending"' in descending


def test_unknown_sort_key_falls_back_to_name(client: Client) -> None:
    small_country()
    response = client.get("/gebieden/PV20/?sorteer=%3Cscript%3E")
    assert response.status_code == 200
    assert row_codes(response.content.decode()) == ["GM0014", "GM0037"]


def test_missing_values_are_shown_as_unknown_not_zero(client: Client) -> None:
    small_country()
    html = client.get("/gebieden/GM0014/").content.decode()
    # Oud-Zuid has no 15-24 count: shown as unknown, and the total is incomplete.
    assert "onbekend" in html
    assert "onvolledig" in html


def test_municipality_page_has_districts_map_and_breadcrumbs(client: Client) -> None:
    small_country()
    html = client.get("/gebieden/GM0014/").content.decode()

    assert row_codes(html) == ["WK001400", "WK001401"]
    assert '<nav class="breadcrumbs"' in html
    assert 'href="/gebieden/PV20/"' in html
    assert '<a href="/gebieden/WK001400/" aria-label="Centrum: 600 inwoners">' in html  # map


def test_district_page_lists_neighbourhoods(client: Client) -> None:
    small_country()
    html = client.get("/gebieden/WK001400/").content.decode()
    assert row_codes(html) == ["BU00140000"]
    assert "Binnenstad-Noord" in html


def test_csv_export_contains_year_and_source(client: Client) -> None:
    small_country()
    response = client.get("/gebieden/PV20/?formaat=csv")
    lines = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert lines[0].startswith("code;naam;niveau;jaar;Inwoners")
    assert lines[1].startswith("GM0014;Groningen;gemeente;2025;1000;40;500;")


def test_unknown_code_is_a_dutch_404_page(client: Client) -> None:
    response = client.get("/gebieden/GM9999/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_lowercase_code_redirects(client: Client) -> None:
    small_country()
    response = client.get("/gebieden/gm0014/")
    assert response.status_code == 301
    assert response["Location"] == "/gebieden/GM0014/"


def test_region_page_lists_its_municipalities(client: Client) -> None:
    areas = small_country()
    region = Region.objects.create(name="Noord-Groningen", slug="noord-groningen")
    region.members.set([areas["GM0014"], areas["GM0106"]])

    html = client.get("/gebieden/regio/noord-groningen/").content.decode()
    assert row_codes(html) == ["GM0106", "GM0014"]  # by name: Assen, Groningen
    assert "1.700" in html


def test_pages_load_nothing_from_other_origins(client: Client) -> None:
    small_country()
    for url in ("/", "/gebieden/", "/gebieden/PV20/", "/gebieden/GM0014/", "/api/v1/docs"):
        html = client.get(url).content.decode()
        assert not re.search(r'(src|href)="(https?:)?//', html), url


def test_pages_send_a_strict_content_security_policy(client: Client) -> None:
    response = client.get("/gebieden/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
