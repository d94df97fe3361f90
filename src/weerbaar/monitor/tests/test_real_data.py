"""Acceptance on the real files in ../shared/data: figures recomputed by hand from them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.test import Client

from weerbaar.monitor.models import Observation

pytestmark = [pytest.mark.realdata, pytest.mark.django_db]

DRUGS = "misdrijven-3-1-1-per-10000"


@pytest.fixture
def imported(real_import: Path) -> Path:
    return real_import


def by_hand(folder: Path, code: str, year: int) -> tuple[int, float]:
    """Drug trafficking count and average population, read straight from the CSV files."""
    with (
        folder / "politie" / "misdrijven_47018NED_gemeente_selectie_2012_2025.csv"
    ).open() as handle:
        count = next(
            int(r["geregistreerde_misdrijven"])
            for r in csv.DictReader(handle)
            if r["gm_code"] == code and r["soort_code"] == "3.1.1" and int(r["jaar"]) == year
        )
    with (folder / "gemeenten" / "bevolking_gemiddeld_70072ned_2012_2025.csv").open() as handle:
        population = next(
            float(r["gemiddeld_inwoners"])
            for r in csv.DictReader(handle)
            if r["gm_code"] == code and int(r["jaar"]) == year
        )
    return count, population


def test_values_for_all_342_municipalities_every_year(imported: Path, client: Client) -> None:
    for year in (2012, 2018, 2023, 2025):
        assert Observation.objects.filter(measure="misdrijven.3.1.1", year=year).count() == 342
    data = client.get(f"/api/v1/indicators/{DRUGS}/values?year=2023").json()
    assert len(data["results"]) == 342


@pytest.mark.parametrize(
    ("code", "year"), [("GM0014", 2023), ("GM0014", 2019), ("GM0106", 2012), ("GM0363", 2024)]
)
def test_rates_recompute_by_hand(imported: Path, client: Client, code: str, year: int) -> None:
    count, population = by_hand(imported, code, year)
    data = client.get(f"/api/v1/indicators/{DRUGS}/values?year={year}").json()
    row = next(r for r in data["results"] if r["code"] == code)
    assert row["numerator"] == count
    assert row["denominator"] == population
    assert row["value"] == pytest.approx(count / population * 10000)


def test_groningen_drug_trafficking_2012_2025(imported: Path, client: Client) -> None:
    html = client.get("/monitor/gebied/GM0014/").content.decode()
    assert "Drugshandel (3.1.1) per 10.000 inwoners" in html
    series = {
        r["year"]: r
        for year in range(2012, 2026)
        for r in client.get(f"/api/v1/indicators/{DRUGS}/values?year={year}&parent=PV20").json()[
            "results"
        ]
        if r["code"] == "GM0014"
    }
    assert sorted(series) == list(range(2012, 2026))
    assert series[2024]["status"] == series[2025]["status"] == "voorlopig"
    assert series[2023]["status"] == "definitief"
    # Haren and Ten Boer joined in 2019: counts before it are in today's territory, the
    # population is not, so the rate is withheld and the count kept.
    assert series[2018]["status"] == "herindeling"
    assert series[2018]["value"] is None
    assert series[2018]["numerator"] == 213
    assert all(series[y]["value"] is not None for y in range(2019, 2026))
    assert 1 <= series[2023]["rank"] <= 342
    assert 0 <= series[2023]["percentile"] <= 100


def test_share_higher_sentence_matches_a_count_by_hand(imported: Path, client: Client) -> None:
    data = client.get(f"/api/v1/indicators/{DRUGS}/values?year=2023").json()
    rows = data["results"]
    groningen = next(r for r in rows if r["code"] == "GM0014")
    present = [r["value"] for r in rows if r["value"] is not None]
    higher = sum(1 for v in present if v > groningen["value"])
    assert groningen["shareHigher"] == pytest.approx(round(100 * higher / len(present), 2))
    html = client.get("/monitor/gebied/GM0014/").content.decode()
    assert "gemeenten heeft in 2025 een hogere waarde (ongunstiger) dan Groningen." in html


def test_csv_export_shows_the_same_figures(imported: Path, client: Client) -> None:
    count, population = by_hand(imported, "GM0014", 2023)
    text = client.get(f"/monitor/{DRUGS}/?jaar=2023&formaat=csv").content.decode()
    line = next(line for line in text.splitlines() if line.startswith("GM0014;"))
    cells = line.split(";")
    assert float(cells[3]) == pytest.approx(count / population * 10000)
    assert (float(cells[4]), float(cells[5]), cells[6]) == (count, population, "definitief")


def test_leefbaarometer_municipal_value_by_hand(imported: Path) -> None:
    folder = imported
    with (folder / "kwb" / "kwb_2024_bevolking_leeftijd_herkomst.csv").open() as handle:
        weights = {
            r["regio_code"]: int(r["inwoners"])
            for r in csv.DictReader(handle)
            if r["regio_code"].startswith("WK0014")
        }
    with (folder / "leefbaarometer" / "leefbaarometer3_wijk_2002_2022.csv").open() as handle:
        scores = {
            r["wk_code"]: float(r["lbm"])
            for r in csv.DictReader(handle)
            if r["gm_code"] == "GM0014" and r["jaar"] == "2022"
        }
    pairs = [(score, weights[code]) for code, score in scores.items() if weights.get(code)]
    expected = sum(s * w for s, w in pairs) / sum(w for _, w in pairs)
    stored = Observation.objects.get(
        measure="leefbaarometer.lbm", area_code="GM0014", year=2022
    ).value
    assert stored == pytest.approx(expected)


def test_groningen_and_drenthe_together(imported: Path, client: Client) -> None:
    html = client.get("/monitor/vergelijk/?gebied=PV20&gebied=PV22").content.decode()
    assert (
        "van de 342 gemeenten heeft in 2025 een hogere waarde (ongunstiger) "
        "dan de gekozen gemeenten samen." in html
    )


def test_groningen_profile_opens_with_an_overview_per_theme(imported: Path, client: Client) -> None:
    """Before 25 indicator blocks, one table per theme says where Groningen stands, with
    the sentence of the source texts ("X% van de gemeenten scoort hoger")."""
    html = client.get("/monitor/gebied/GM0014/").content.decode()
    overview = html.split('id="overzicht"')[1].split('id="details"')[0]
    for theme in ("Criminaliteit", "Leefbaarheid", "Bevolking"):
        assert f">{theme}</caption>" in overview
    assert overview.count("% van de gemeenten scoort hoger") >= 10
    assert 'href="#ind-1"' in overview
    assert "gunstig" in overview or "ongunstig" in overview


def test_the_indicator_table_is_paged_and_the_downloads_hold_all(
    imported: Path, client: Client
) -> None:
    page = client.get(f"/monitor/{DRUGS}/?jaar=2023").content.decode()
    rows = page.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
    assert rows == 50
    assert "Gemeente 1 tot en met 50 van 342" in page and "pagina=2" in page
    last = client.get(f"/monitor/{DRUGS}/?jaar=2023&pagina=7").content.decode()
    assert last.split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 42
    csv_rows = client.get(f"/monitor/{DRUGS}/?jaar=2023&formaat=csv").content.decode()
    assert len(csv_rows.strip().splitlines()) == 343


def test_groningen_shows_the_official_leefbaarometer_2024_with_its_class_in_words(
    imported: Path, client: Client
) -> None:
    with (imported / "leefbaarometer" / "leefbaarometer3_gemeente_2024.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    groningen = next(r for r in rows if r["gm_code"] == "GM0014")
    higher = sum(1 for r in rows if float(r["afw"]) > float(groningen["afw"]))
    share = round(100 * higher / len(rows))
    assert share == 59
    official = Observation.objects.get(measure="leefbaarometer.afw", area_code="GM0014", year=2024)
    assert official.value == pytest.approx(0.0272893) and official.method == ""
    page = client.get("/monitor/gebied/GM0014/").content.decode()
    overview = page.split('id="overzicht"')[1].split('id="details"')[0]
    row = overview.split("Leefbaarometer: afwijking van het landelijk gemiddelde")[1].split(
        "</tr>"
    )[0]
    assert (
        "0,027" in row
        and "klasse 7: goed" in row
        and f"{share}% van de gemeenten scoort hoger" in row
    )
    # earlier years stay the approximation, and say so
    approximation = Observation.objects.get(
        measure="leefbaarometer.afw", area_code="GM0014", year=2022
    )
    assert approximation.method == "wijkgemiddelde"
    assert "benadering: gemiddelde van de wijken" in page
    data = client.get("/api/v1/indicators/leefbaarometer-afw/values?year=2024").json()
    row = next(r for r in data["results"] if r["code"] == "GM0014")
    assert (row["classNumber"], row["classInWords"]) == (7, "klasse 7: goed")


def test_district_and_neighbourhood_profiles_of_groningen(imported: Path, client: Client) -> None:
    with (
        imported / "politie" / "misdrijven_47018NED_buurt_groningen_assen_emmen_2023.csv"
    ).open() as handle:
        count = next(
            int(r["GeregistreerdeMisdrijven_1"])
            for r in csv.DictReader(handle)
            if r["WijkenEnBuurten"] == "BU00140001"
        )
    assert count == 2390
    population = Observation.objects.get(measure="kwb.totaal", area_code="BU00140001", year=2024)
    page = client.get("/monitor/gebied/BU00140001/").content.decode()
    assert "Binnenstad-Zuid" in page
    rate = count / (population.value or 1) * 1000
    shown = f"{rate:.1f}".replace(".", ",")
    assert shown in page and "2.390" in page
    assert "Leefbaarometer: afwijking van het landelijk gemiddelde" in page
    assert "buurten in Nederland scoort hoger" in page
    assert "In Groningen: rang" in page
    district = client.get("/monitor/gebied/WK001400/").content.decode()
    assert "Leefbaarometer-score" in district and "wijken in Nederland scoort hoger" in district
    # the district's count is the sum of its neighbourhoods, and says so
    summed = Observation.objects.get(measure="misdrijven.totaal", area_code="WK001400", year=2023)
    assert summed.method == "som-buurten"
    assert summed.value == sum(
        Observation.objects.filter(
            measure="misdrijven.totaal", area_code__startswith="BU001400", year=2023
        ).values_list("value", flat=True)
    )


def test_a_map_of_groningen_districts_and_a_table_of_its_neighbourhoods(
    imported: Path, client: Client
) -> None:
    districts = client.get(
        "/monitor/leefbaarometer-afw/?niveau=wijk&gemeente=GM0014&jaar=2022"
    ).content.decode()
    assert "Wijken in Groningen, 2022" in districts and "<svg" in districts
    assert districts.count('href="/monitor/gebied/WK0014') >= 20
    assert "Relatief zeer hoog" in districts or "Zeer hoog" in districts
    neighbourhoods = client.get(
        "/monitor/misdrijven-totaal-per-1000-buurt/?niveau=buurt&gemeente=GM0014"
    ).content.decode()
    assert "Buurten in Groningen, 2023" in neighbourhoods
    assert "Voor buurten zijn geen grenzen geladen" in neighbourhoods
    assert "Binnenstad-Zuid" in neighbourhoods


def test_youth_age_bands_are_estimated_from_five_year_bands_and_marked(imported: Path) -> None:
    with (imported / "gemeenten" / "gemeenten_2025.csv").open() as handle:
        row = next(r for r in csv.DictReader(handle) if r["gm_code"] == "GM0014")
    expected = round(0.6 * int(row["leeftijd_10_14"]) + 0.6 * int(row["leeftijd_15_19"]))
    band = Observation.objects.get(measure="bevolking.12-17", area_code="GM0014", year=2025)
    assert band.value == expected and band.method == "leeftijdsschatting"
