"""``/api/v1/areas``: filters, pagination, geometry, problem+json errors."""

from __future__ import annotations

import pytest
from django.test import Client

from weerbaar.areas.tests.factories import small_country

pytestmark = pytest.mark.django_db


def test_list_filters_on_level_and_parent(client: Client) -> None:
    small_country()
    response = client.get("/api/v1/areas?level=gemeente&parent=PV20")
    data = response.json()

    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert data["count"] == 2
    assert [item["code"] for item in data["results"]] == ["GM0014", "GM0037"]
    first = data["results"][0]
    assert first["parent"] == {"code": "PV20", "name": "Groningen", "url": "/api/v1/areas/PV20"}
    assert first["population"] == {"year": 2025, "count": 1000, "source": "test"}
    assert first["level"] == "gemeente"
    assert "geometry" not in first


def test_geometry_only_when_asked(client: Client) -> None:
    small_country()
    data = client.get("/api/v1/areas/GM0014?geometry=true").json()
    assert data["geometry"]["type"] == "Polygon"


def test_pagination_with_page_size(client: Client) -> None:
    small_country()
    first = client.get("/api/v1/areas?pageSize=3").json()
    second = client.get("/api/v1/areas?pageSize=3&page=2").json()

    assert first["count"] == 8
    assert len(first["results"]) == 3
    assert first["next"].endswith("page=2&pageSize=3")
    assert [r["code"] for r in second["results"]] == ["GM0106", "PV20", "PV22"]


def test_bad_parameters_give_problem_json_in_dutch(client: Client) -> None:
    response = client.get("/api/v1/areas?level=land&parent=XX&geometry=misschien")
    problem = response.json()

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert problem["status"] == 400
    names = {p["name"]: p["reason"] for p in problem["invalidParams"]}
    assert names["level"] == "Kies uit provincie, gemeente, wijk of buurt."
    assert "Geen geldige gebiedscode" in names["parent"]
    assert names["geometry"] == "Gebruik true of false."


def test_page_out_of_range_is_a_404_problem(client: Client) -> None:
    small_country()
    response = client.get("/api/v1/areas?page=99")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Pagina 99 bestaat niet."


def test_unknown_area_is_a_404_problem(client: Client) -> None:
    response = client.get("/api/v1/areas/GM9999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "GM9999" in response.json()["detail"]


def test_unknown_api_path_is_a_404_problem(client: Client) -> None:
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_writing_is_not_allowed(client: Client) -> None:
    response = client.post("/api/v1/areas", data={}, content_type="application/json")
    assert response.status_code in {403, 405}
    assert response["Content-Type"] == "application/problem+json"
