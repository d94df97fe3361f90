"""School safety covenants: recorded with their parties, checked, and shown per
municipality to those whose area it is."""

from __future__ import annotations

from typing import Any

from django.test import Client

from weerbaar.prevention.models import Covenant
from weerbaar.prevention.tests.factories import PASSWORD


def _data(**overrides: str) -> dict[str, str]:
    data = {
        "title": "Veilige school Assen-Noord",
        "signed_on": "2026-09-01",
        "review_on": "2027-09-01",
        "ends_on": "",
        "scope": "Afspraken over signalen, melden en samenwerking met de wijkagent.",
        "contact": "",
        "partij_1": "CSG Assen",
        "rol_1": "school",
        "partij_2": "Gemeente Assen",
        "rol_2": "gemeente",
        "partij_3": "Politie Drenthe",
        "rol_3": "politie",
    }
    data.update(overrides)
    return data


def test_covenant_is_recorded_and_listed_per_municipality(
    country: Any, team: Any, client: Client
) -> None:
    client.login(username="coco", password=PASSWORD)
    data = _data(municipality=str(country["GM0106"].pk))
    response = client.post("/preventie/convenanten/nieuw/", data)
    assert response.status_code == 302
    covenant = Covenant.objects.get()
    assert sorted(covenant.parties.values_list("role", flat=True)) == [
        "gemeente",
        "politie",
        "school",
    ]
    page = client.get("/preventie/convenanten/").content.decode()
    assert "<caption>Assen</caption>" in page and "Politie Drenthe (Politie)" in page
    csv = client.get("/preventie/convenanten/?formaat=csv").content.decode("utf-8-sig")
    assert "Veilige school Assen-Noord" in csv


def test_covenant_checks(country: Any, team: Any, client: Client) -> None:
    client.login(username="coco", password=PASSWORD)
    gm = str(country["GM0106"].pk)
    response = client.post(
        "/preventie/convenanten/nieuw/", _data(municipality=gm, review_on="2026-01-01")
    )
    assert "De evaluatie ligt na de ondertekening" in response.content.decode()
    response = client.post(
        "/preventie/convenanten/nieuw/", _data(municipality=gm, rol_1="", partij_2="", rol_2="")
    )
    assert "Kies de rol van deze partij" in response.content.decode()
    response = client.post("/preventie/convenanten/nieuw/", _data(municipality=gm, rol_1="anders"))
    assert "minstens een school en de gemeente" in response.content.decode()
    assert Covenant.objects.count() == 0


def test_covenants_are_scoped(country: Any, team: Any, client: Client) -> None:
    client.login(username="coco", password=PASSWORD)
    client.post(
        "/preventie/convenanten/nieuw/", _data(municipality=str(country["GM0014"].pk), title="Stad")
    )
    covenant = Covenant.objects.get()
    client.login(username="asje", password=PASSWORD)
    assert "Stad" not in client.get("/preventie/convenanten/").content.decode()
    assert client.get(f"/preventie/convenanten/{covenant.pk}/").status_code == 404
    # Assen cannot choose a municipality outside its area.
    response = client.post(
        "/preventie/convenanten/nieuw/", _data(municipality=str(country["GM0014"].pk))
    )
    assert response.status_code == 400
    client.login(username="lezer", password=PASSWORD)
    assert client.get("/preventie/convenanten/nieuw/").status_code == 403
