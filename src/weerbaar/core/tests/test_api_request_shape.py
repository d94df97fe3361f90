"""What the schema promises of every request, before a view sees it."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_address_over_4000_characters_is_a_problem_json_414() -> None:
    response = Client().get("/api/v1/areas?level=gemeente&x=" + "a" * 4000)
    assert response.status_code == 414
    assert response["Content-Type"] == "application/problem+json"
    assert "4000 tekens" in response.json()["detail"]


def test_a_parameter_given_twice_is_refused_not_quietly_the_last() -> None:
    response = Client().get("/api/v1/areas?page=1&page=2")
    assert response.status_code == 400
    assert "page" in response.json()["detail"]


@pytest.mark.parametrize("value", ["yes", "1", "True", "on", ""])
def test_a_boolean_is_true_or_false_only(value: str) -> None:
    response = Client().get(f"/api/v1/areas?geometry={value}")
    assert response.status_code == 400
    assert Client().get("/api/v1/areas?geometry=true").status_code == 200


@pytest.mark.parametrize("parent", ["", "0", " PV20", "PV٢٠"])
def test_a_parent_is_an_area_code(parent: str) -> None:
    assert Client().get("/api/v1/areas", {"parent": parent}).status_code == 400


def test_a_parent_code_in_lower_case_is_fine() -> None:
    assert Client().get("/api/v1/areas", {"parent": "pv20"}).status_code == 200


@pytest.mark.parametrize("query", ["page=", "page=abc", "page=0", "page=٣", "pageSize=", "level="])
def test_an_empty_or_non_whole_page_or_parameter_is_a_400(query: str) -> None:
    response = Client().get(f"/api/v1/areas?{query}")
    assert response.status_code == 400, query
    assert response["Content-Type"] == "application/problem+json"


def test_a_page_past_the_last_is_a_404() -> None:
    assert Client().get("/api/v1/areas?page=999").status_code == 404
