"""Monitor pages and their CSV and Excel exports."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from openpyxl import load_workbook

from weerbaar.areas.models import Region
from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.tests.factories import small_monitor

pytestmark = pytest.mark.django_db

PAGE = "/monitor/misdrijven-3-1-1-per-10000/"


@pytest.fixture(autouse=True)
def data() -> None:
    small_country()
    small_monitor()


def test_catalogue_page_lists_indicators(client: Client) -> None:
    html = client.get("/monitor/").content.decode()
    assert "Drugshandel (3.1.1) per 10.000 inwoners" in html
    assert "Leefbaarometer-score" in html


def test_indicator_page_has_map_table_distribution_and_source(client: Client) -> None:
    html = client.get(PAGE + "?jaar=2023").content.decode()
    assert re.search(r'class="area-map__shape q\d"', html)
    assert "200,0" in html  # Groningen: 20 / 1000 * 10,000
    assert "1 / 3" in html  # its rank
    assert "Mediaan gemeenten" in html
    assert "47018NED" in html
    assert "Een hogere waarde is ongunstiger." in html


def test_missing_and_provisional_are_marked_in_words(client: Client) -> None:
    html = client.get(PAGE + "?jaar=2024").content.decode()
    assert 'class="status-missing">ontbreekt<' in html
    assert 'class="status-badge">voorlopig<' in html
    assert 'fill="url(#kaart-hatch)"' in html  # Stadskanaal hatched on the map


def test_province_filter(client: Client) -> None:
    html = client.get(PAGE + "?jaar=2023&provincie=PV22").content.decode()
    assert "Assen" in html
    assert "Stadskanaal" not in html


def test_csv_export_has_values_status_and_source(client: Client) -> None:
    response = client.get(PAGE + "?jaar=2024&formaat=csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("code;naam;jaar;waarde;teller;noemer;status")
    groningen = next(line for line in lines if line.startswith("GM0014"))
    assert ";2024;100.0;10.0;1000.0;voorlopig;" in groningen
    assert "47018NED" in groningen
    stadskanaal = next(line for line in lines if line.startswith("GM0037"))
    assert ";2024;;;300.0;ontbreekt;" in stadskanaal


def test_excel_export_opens_with_the_same_figures(client: Client) -> None:
    response = client.get(PAGE + "?jaar=2023&formaat=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ("code", "naam", "jaar", "waarde", "teller", "noemer", "status")
    groningen = next(r for r in rows if r[0] == "GM0014")
    assert groningen[3] == pytest.approx(200.0)
    assert groningen[6] == "definitief"


def test_profile_shows_values_ranks_trend_and_comparisons(client: Client) -> None:
    html = client.get("/monitor/gebied/GM0014/").content.decode()
    assert "Profiel van Groningen" in html
    assert "Rang 1 van 3" in html
    assert "heeft in 2024 een hogere waarde (ongunstiger) dan Groningen" in html
    assert "<polyline" in html
    assert 'class="point provisional"' in html
    assert "Groningen (provincie)" in html


def test_profile_export(client: Client) -> None:
    response = client.get("/monitor/gebied/GM0014/?formaat=csv")
    text = response.content.decode()
    assert "GM0014;Groningen;2023;200.0;20.0;1000.0;definitief" in text


def test_profile_unknown_area_is_404(client: Client) -> None:
    assert client.get("/monitor/gebied/GM9999/").status_code == 404


def test_compare_page_shows_the_set_together(client: Client) -> None:
    html = client.get("/monitor/vergelijk/?gebied=GM0014&gebied=GM0106&gebied=XX").content.decode()
    assert "Samen" in html
    assert "141,2" in html  # newest year 2024: (10 + 14) / (1000 + 700) * 10,000, from counts
    assert "Onbekende keuzes genegeerd: XX" in html


def test_compare_page_without_choice_explains(client: Client) -> None:
    html = client.get("/monitor/vergelijk/").content.decode()
    assert "Kies een of meer gemeenten, provincies of regio" in html


def test_compare_provinces_as_sums_of_their_municipalities(client: Client) -> None:
    html = client.get("/monitor/vergelijk/?gebied=PV20&gebied=PV22").content.decode()
    # 2024: PV20 has Stadskanaal missing -> incomplete; PV22 = Assen 14 / 700 * 10,000
    assert "200,0" in html
    assert "ontbreekt" in html
    assert "Drenthe" in html


def test_compare_a_custom_region_and_export_it(client: Client) -> None:
    region = Region.objects.create(name="Noord", slug="noord")
    region.members.set(
        Region._meta.get_field("members").related_model.objects.filter(
            code__in=["GM0014", "GM0106"]
        )
    )
    html = client.get(
        "/monitor/vergelijk/?gebied=regio:noord&gebied=regio:bestaat-niet"
    ).content.decode()
    assert "Noord (regio)" in html
    assert "141,2" in html  # 2024: (10 + 14) / (1000 + 700) * 10,000
    assert "Onbekende keuzes genegeerd: regio:bestaat-niet" in html
    text = client.get("/monitor/vergelijk/?gebied=regio:noord&formaat=csv").content.decode()
    line = next(x for x in text.splitlines() if x.startswith("regio:noord;") and "3-1-1" in x)
    cells = line.split(";")
    assert cells[2] == "2024"
    assert float(cells[3]) == pytest.approx(24 / 1700 * 10000)
    assert cells[4:7] == ["24.0", "1700.0", "voorlopig"]


def test_profile_shows_change_and_the_regions_of_the_municipality(client: Client) -> None:
    region = Region.objects.create(name="Noord", slug="noord")
    region.members.set(
        Region._meta.get_field("members").related_model.objects.filter(
            code__in=["GM0014", "GM0106"]
        )
    )
    html = client.get("/monitor/gebied/GM0014/").content.decode()
    assert "Noord (regio)" in html
    assert "Verandering t.o.v. vorig jaar: −100,0" in html  # 200 per 10,000 in 2023, 100 in 2024


def test_the_picker_adds_by_name_and_removes_without_javascript(client: Client) -> None:
    """Instead of Ctrl-clicking in a list of some 354 entries: type a name, add it, and
    see each chosen area as an item with its own remove link."""
    added = client.get("/monitor/vergelijk/?gebied=GM0014&zoek=assen")
    assert added.status_code == 302
    assert added["Location"] == "/monitor/vergelijk/?gebied=GM0014&gebied=GM0106"
    html = client.get(added["Location"]).content.decode()
    chips = html.split('class="chips"')[1].split("</ul>")[0]
    assert "Groningen" in chips and "Assen" in chips
    assert 'href="/monitor/vergelijk/?gebied=GM0106"' in chips  # removes Groningen
    assert '<datalist id="gebieden-lijst">' in html and 'multiple size="10"' not in html
    several = client.get("/monitor/vergelijk/?zoek=gron").content.decode()
    assert "toevoegen" in several  # two matches (municipality and province): pick one
    nothing = client.get("/monitor/vergelijk/?zoek=atlantis").content.decode()
    assert "Geen gemeente, provincie of regio gevonden met 'atlantis'" in nothing


def test_together_only_over_areas_that_do_not_contain_each_other(client: Client) -> None:
    """Groningen and the province of Groningen together would count Groningen twice."""
    html = client.get("/monitor/vergelijk/?gebied=GM0014&gebied=PV20").content.decode()
    assert ">Samen<" not in html
    assert "hebben gemeenten gemeen" in html
    apart = client.get("/monitor/vergelijk/?gebied=GM0014&gebied=PV22").content.decode()
    assert ">Samen<" in apart


def test_police_figures_carry_the_registration_note_and_the_effort_beside_them(
    client: Client,
) -> None:
    from weerbaar.monitor.models import Indicator

    drugs = Indicator.objects.get(code="misdrijven-3-1-1-per-10000")
    page = client.get("/monitor/misdrijven-3-1-1-per-10000/").content.decode()
    assert "Let op bij geregistreerde criminaliteit:" in page and "WODC/Beke 2019" in page
    assert "inzet van politie en handhaving" not in page
    drugs.effort_indicator = "inwoners"  # an analyst points to an effort series
    drugs.save()
    page = client.get("/monitor/misdrijven-3-1-1-per-10000/").content.decode()
    assert 'href="/monitor/inwoners/"' in page and "inzet van politie en handhaving" in page
    population = client.get("/monitor/inwoners/").content.decode()
    assert "Let op bij geregistreerde criminaliteit:" not in population
