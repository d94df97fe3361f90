"""``/api/v1/indicators``: catalogue and values with rank and percentile."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.tests.factories import small_monitor

pytestmark = pytest.mark.django_db

VALUES = "/api/v1/indicators/misdrijven-3-1-1-per-10000/values"


@pytest.fixture(autouse=True)
def data() -> None:
    small_country()
    small_monitor()


def test_catalogue_lists_indicators_with_source_and_years(client: Client) -> None:
    data = client.get("/api/v1/indicators").json()
    drug = next(i for i in data["results"] if i["code"] == "misdrijven-3-1-1-per-10000")
    assert drug["unit"] == "per_10000"
    assert drug["direction"] == "hoger_slechter"
    assert drug["source"]["tableId"] == "47018NED"
    assert drug["years"] == [2023, 2024]


def test_values_with_rank_percentile_and_direction(client: Client) -> None:
    response = client.get(VALUES + "?level=gemeente&year=2023")
    data = response.json()
    assert response.status_code == 200
    assert data["higherIs"] == "worse"
    assert data["comparedWith"] == 3
    groningen = next(r for r in data["results"] if r["code"] == "GM0014")
    assert groningen == {
        "code": "GM0014",
        "name": "Groningen",
        "year": 2023,
        "value": pytest.approx(200.0),
        "numerator": 20.0,
        "denominator": 1000.0,
        "status": "definitief",
        "note": "",
        "classNumber": None,
        "classInWords": "",
        "rank": 1,
        "percentile": 100.0,
        "shareHigher": 0.0,
    }


def test_parent_narrows_the_list_but_ranks_stay_national(client: Client) -> None:
    data = client.get(VALUES + "?year=2023&parent=PV22").json()
    assert [r["code"] for r in data["results"]] == ["GM0106"]
    assessed = data["results"][0]
    assert assessed["rank"] == 2  # 100 per 10,000: below Groningen (200), tied with Stadskanaal
    assert assessed["percentile"] == 25.0  # the tie counts half
    assert data["comparedWith"] == 3


def test_missing_value_is_null_with_its_status(client: Client) -> None:
    data = client.get(VALUES + "?year=2024").json()
    stadskanaal = next(r for r in data["results"] if r["code"] == "GM0037")
    assert stadskanaal["value"] is None
    assert stadskanaal["status"] == "ontbreekt"
    assert stadskanaal["rank"] is None


def test_bad_parameters_are_problem_json(client: Client) -> None:
    response = client.get(VALUES + "?level=land&year=vorig&parent=NL")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"level", "year", "parent"}


def test_unknown_indicator_and_year_are_404(client: Client) -> None:
    assert client.get("/api/v1/indicators/bestaat-niet/values").status_code == 404
    response = client.get(VALUES + "?year=1999")
    assert response.status_code == 404
    assert "2023, 2024" in response.json()["detail"]


def test_level_without_values_is_404(client: Client) -> None:
    response = client.get(VALUES + "?level=wijk")
    assert response.status_code == 404
    assert "niveau wijk" in response.json()["detail"]


def test_values_carry_an_etag_and_a_client_that_has_them_gets_a_304(client: Client) -> None:
    first = client.get(VALUES + "?year=2023")
    etag = first["ETag"]
    assert (
        first.status_code == 200 and etag.startswith('"') and first["Cache-Control"] == "no-cache"
    )
    again = client.get(VALUES + "?year=2023", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and again.content == b""
    other_year = client.get(VALUES + "?year=2024", HTTP_IF_NONE_MATCH=etag)
    assert other_year.status_code == 200 and other_year["ETag"] != etag
    assert client.get(VALUES + "?year=2023").json() == first.json()  # kept, the same


def test_new_data_changes_the_etag_and_the_answer(client: Client) -> None:
    from weerbaar.monitor.models import Observation
    from weerbaar.monitor.tests.factories import version

    first = client.get(VALUES + "?year=2023")
    Observation.objects.filter(area_code="GM0014", year=2023, measure="misdrijven.3.1.1").update(
        value=40, data_version=version()
    )
    fresh = client.get(VALUES + "?year=2023", HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200 and fresh["ETag"] != first["ETag"]
    groningen = next(r for r in fresh.json()["results"] if r["code"] == "GM0014")
    assert groningen["numerator"] == 40.0


def test_a_kept_answer_is_served_without_a_query_and_an_import_shows_at_once(
    client: Client, settings: Any
) -> None:
    """As served (the data stamp reused for seconds): a repeated request reads nothing
    from the database; an import in the process clears the caches, so it shows at once."""
    from weerbaar.monitor.models import Observation
    from weerbaar.monitor.services import caches
    from weerbaar.monitor.tests.factories import version

    settings.WEERBAAR_DATA_STAMP_SECONDS = 60
    first = client.get(VALUES + "?year=2023")
    with CaptureQueriesContext(connection) as queries:
        again = client.get(VALUES + "?year=2023")
    assert again.content == first.content and len(queries) == 0
    Observation.objects.filter(area_code="GM0014", year=2023, measure="misdrijven.3.1.1").update(
        value=40, data_version=version()
    )
    caches.clear()  # what an import does when it is done
    fresh = client.get(VALUES + "?year=2023")
    assert fresh["ETag"] != first["ETag"]
    groningen = next(r for r in fresh.json()["results"] if r["code"] == "GM0014")
    assert groningen["numerator"] == 40.0
