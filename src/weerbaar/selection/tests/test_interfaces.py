"""The CLI, the API and the pages of the selection app."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
from openpyxl import load_workbook

from weerbaar.accounts.models import Role, User
from weerbaar.selection.models import SelectionRun
from weerbaar.selection.services import runs
from weerbaar.selection.tests.factories import municipalities, pmg_rule

pytestmark = pytest.mark.django_db


def analyst(*codenames: str) -> User:
    user = User.objects.create_user(username="analist", password="x" * 16)
    role = Role.objects.create(name="analist")
    role.permissions.set(
        Permission.objects.filter(content_type__app_label="selection", codename__in=codenames)
    )
    user.groups.add(role)
    return user


@pytest.fixture
def data() -> None:
    municipalities()


def test_cli_prints_json_and_csv(data: None, tmp_path: Path) -> None:
    rule_file = tmp_path / "regel.json"
    rule_file.write_text(json.dumps(pmg_rule()))
    out = io.StringIO()
    call_command("select", "--rule", str(rule_file), stdout=out)
    assert json.loads(out.getvalue())["tracks"][0]["selected"] == ["GM0001", "GM0003"]
    out = io.StringIO()
    call_command("select", "--rule", str(rule_file), "--format", "csv", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("code;naam;gekozen_in;rang;score")
    assert lines[1].startswith("GM0001;Aastad;hoofdspoor;1;")


def test_cli_rejects_a_bad_rule_clearly(data: None, tmp_path: Path) -> None:
    rule_file = tmp_path / "regel.yaml"
    rule_file.write_text("name: X\nindicators: []\nselect: {top: 1}\n")
    with pytest.raises(CommandError, match="indicators: kies minstens één indicator"):
        call_command("select", "--rule", str(rule_file))
    with pytest.raises(CommandError, match=r"Kan .* niet lezen"):
        call_command("select", "--rule", str(tmp_path / "bestaat-niet.yaml"))


def test_api_requires_the_permission(data: None, client: Client) -> None:
    response = client.post("/api/v1/selections", pmg_rule(), content_type="application/json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    client.force_login(analyst("view_selectionrun"))
    assert (
        client.post("/api/v1/selections", pmg_rule(), content_type="application/json").status_code
        == 403
    )


def test_api_runs_stores_and_returns(data: None, client: Client) -> None:
    client.force_login(analyst("add_selectionrun", "view_selectionrun"))
    response = client.post("/api/v1/selections", pmg_rule(), content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["result"]["tracks"][0]["selected"] == ["GM0001", "GM0003"]
    fetched = client.get(f"/api/v1/selections/{body['id']}").json()
    assert fetched["outputHash"] == body["outputHash"]
    assert client.get("/api/v1/selections/999").status_code == 404


def test_api_bad_rule_is_problem_json_with_reasons(data: None, client: Client) -> None:
    client.force_login(analyst("add_selectionrun"))
    response = client.post(
        "/api/v1/selections", {"name": "X", "select": {"top": 0}}, content_type="application/json"
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"indicators", "select"}


def test_pages_need_login_and_permission(data: None, client: Client) -> None:
    assert client.get("/selectie/").status_code == 302
    User.objects.create_user(username="zonder", password="x" * 16)
    client.login(username="zonder", password="x" * 16)
    assert client.get("/selectie/").status_code == 403


def test_editor_what_if_shows_the_result_without_storing(data: None, client: Client) -> None:
    client.force_login(analyst("view_selectionrun"))
    response = client.post(
        "/selectie/regel/",
        {
            "actie": "bekijk",
            "naam": "Wat als",
            "jaar": "2023",
            "jaren": "1",
            "min_inwoners": "80000",
            "gewicht_misdrijven-3-1-1-per-10000": "2",
            "gewicht_leefbaarometer-lbm": "1",
            "selectie": "top",
            "selectie_waarde": "2",
        },
    )
    html = response.content.decode()
    assert "Opbouw van de score van Aastad" in html
    # weights 2 and 1: the breakdown shows the share each counts for, and names, not codes
    assert "2,00 (67%)" in html and "1,00 (33%)" in html
    assert '<th scope="row">misdrijven-3-1-1-per-10000' not in html
    assert "minder dan 80.000 inwoners" in html
    assert "Beschrijving voor het algoritmeregister" in html
    assert 'value="opslaan"' not in html  # no right to store and run
    assert not SelectionRun.objects.exists()


def test_editor_shows_what_is_wrong(data: None, client: Client) -> None:
    client.force_login(analyst("view_selectionrun"))
    html = client.post(
        "/selectie/regel/",
        {"actie": "bekijk", "naam": "X", "selectie": "top", "selectie_waarde": "nul"},
    ).content.decode()
    assert "De regel is nog niet bruikbaar" in html
    assert "kies minstens één indicator" in html


def test_editor_post_stores_and_shows_the_run(data: None, client: Client) -> None:
    client.force_login(analyst("view_selectionrun", "add_selectionrun"))
    response = client.post(
        "/selectie/regel/",
        {
            "actie": "opslaan",
            "naam": "Opgeslagen",
            "jaar": "2023",
            "jaren": "1",
            "min_inwoners": "80000",
            "gewicht_misdrijven-3-1-1-per-10000": "2",
            "gewicht_leefbaarometer-lbm": "1",
            "selectie": "top",
            "selectie_waarde": "2",
        },
    )
    run = SelectionRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/selectie/run/{run.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert "Gevoeligheid voor de weging" in html
    assert "Zonder leefbaarometer-lbm" in html
    html = client.get(f"/selectie/run/{run.pk}/?controle=1").content.decode()
    assert "byte voor byte gelijk" in html


def test_run_exports_and_justification(data: None, client: Client) -> None:
    client.force_login(analyst("view_selectionrun"))
    run = runs.execute(runs.save_rule(pmg_rule()))
    csv_text = client.get(f"/selectie/run/{run.pk}/?formaat=csv").content.decode()
    assert csv_text.splitlines()[1].startswith("GM0001;Aastad;hoofdspoor;1;")
    sheet = load_workbook(
        io.BytesIO(client.get(f"/selectie/run/{run.pk}/?formaat=xlsx").content)
    ).active
    assert [c.value for c in sheet[2]][:3] == ["GM0001", "Aastad", "hoofdspoor"]
    run_page = client.get(f"/selectie/run/{run.pk}/").content.decode()
    # the map colours what was chosen (a shape without a link once lost its class)
    assert 'class="area-map__shape q5" d=' in run_page
    assert "<title>Aastad: gekozen (hoofdspoor)</title>" in run_page
    html = client.get(f"/selectie/run/{run.pk}/verantwoording/").content.decode()
    assert "Verantwoording: Test-PmG" in html
    assert "Aastad (GM0001)" in html


def test_compare_runs_page(data: None, client: Client) -> None:
    client.force_login(analyst("view_selectionrun"))
    before = runs.execute(runs.save_rule(pmg_rule()))
    after = runs.execute(
        runs.save_rule(pmg_rule(indicators=[{"code": "misdrijven-3-1-1-per-10000", "weight": 1}]))
    )
    html = client.get(f"/selectie/vergelijk/?a={before.pk}&b={after.pk}").content.decode()
    assert "Beedorp" in html
    assert client.get("/selectie/vergelijk/?a=x&b=1").status_code == 404
    assert client.get("/selectie/regel/?van=abc").status_code == 404
