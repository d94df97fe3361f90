"""``weerbaar import statline`` and ``weerbaar sync cbs`` for any mapped table: the same
recorded table in every format CBS serves loads to the same observations."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from weerbaar.areas.tests.factories import small_country
from weerbaar.core.imports import DataFileError
from weerbaar.monitor.importers.statline import import_statline
from weerbaar.monitor.importers.statline.documents import read_documents
from weerbaar.monitor.importers.statline.mapping import entries_from, records
from weerbaar.monitor.importers.statline.table import from_documents
from weerbaar.monitor.models import DataVersion, Observation
from weerbaar.monitor.services.cbs_sync import sync_table
from weerbaar.monitor.tests import factories
from weerbaar.monitor.tests.statline_files import (
    odata_responses,
    write_bulk_zip,
    write_odata_v3,
    write_odata_v4,
)

pytestmark = pytest.mark.django_db

KWB_PROPERTIES = (
    Path(__file__).resolve().parents[5] / "shared/data/kwb/85984NED_DataProperties.json"
)


def observations() -> set[tuple[str, str, int, float | None, str]]:
    return set(Observation.objects.values_list("measure", "area_code", "year", "value", "status"))


@pytest.mark.parametrize("writer", [write_odata_v3, write_bulk_zip, write_odata_v4])
def test_every_format_loads_to_the_same_observations(tmp_path: Path, writer: Any) -> None:
    factories.catalogue()
    import_statline(write_odata_v3(tmp_path / "reference"))
    expected = observations()
    Observation.objects.all().delete()
    DataVersion.objects.all().delete()
    import_statline(writer(tmp_path / "other"))
    assert observations() == expected
    assert len(expected) == 3 * 3 * 2  # three age bands, three municipalities, two years


def test_secret_stays_secret_missing_stays_missing_and_provisional_is_kept(
    tmp_path: Path,
) -> None:
    factories.catalogue()
    import_statline(write_bulk_zip(tmp_path))
    secret = Observation.objects.get(measure="verdachten.12-17", area_code="GM1979", year=2022)
    assert (secret.value, secret.status) == (None, "geheim")
    missing = Observation.objects.get(measure="verdachten.12-24", area_code="GM1979", year=2022)
    assert (missing.value, missing.status) == (None, "ontbreekt")
    provisional = Observation.objects.get(measure="verdachten.12-17", area_code="GM0014", year=2023)
    assert (provisional.value, provisional.status) == (240.0, "voorlopig")
    assert not Observation.objects.filter(area_code__startswith="NL").exists()


def test_youth_rate_is_the_count_over_the_age_band_and_the_profile_ranks_it(
    tmp_path: Path, client: Client
) -> None:
    small_country()
    factories.catalogue()
    for code, population in {"GM0014": 14000, "GM1979": 2500, "GM0106": 4000}.items():
        factories.observe("bevolking.12-17", code, 2023, population)
    import_statline(write_odata_v3(tmp_path))
    data = client.get("/api/v1/indicators/verdachten-12-17-per-10000/values?year=2023").json()
    groningen = next(row for row in data["results"] if row["code"] == "GM0014")
    assert groningen["value"] == pytest.approx(240 / 14000 * 10000)  # 171.4 per 10,000
    page = client.get("/monitor/gebied/GM0014/").content.decode()
    # Assen 60/4000 = 150, Eemsdelta secret: Groningen is the highest of the two compared
    assert "0% van de 2 gemeenten heeft in 2023 een hogere waarde (ongunstiger)" in page


def test_the_nearest_year_of_population_is_used_and_said(tmp_path: Path, client: Client) -> None:
    factories.catalogue()
    factories.observe("bevolking.12-17", "GM0014", 2025, 12000)
    import_statline(write_odata_v3(tmp_path))
    data = client.get("/api/v1/indicators/verdachten-12-17-per-10000/values?year=2022").json()
    groningen = next(row for row in data["results"] if row["code"] == "GM0014")
    assert groningen["value"] == pytest.approx(220 / 12000 * 10000)
    assert "noemer uit 2025" in groningen["note"]


def test_without_the_table_the_youth_pages_say_how_to_load_it(client: Client) -> None:
    factories.catalogue()
    page = client.get("/monitor/verdachten-12-17-per-10000/").content.decode()
    assert "nog niet geladen" in page
    assert "weerbaar import statline" in page and "weerbaar sync cbs 85655NED" in page


def test_a_wrong_name_in_the_mapping_stops_with_the_names_the_table_has(tmp_path: Path) -> None:
    table = from_documents(read_documents(write_odata_v3(tmp_path)))
    wrong = entries_from(
        [
            {
                "table": "85655NED",
                "into": "x",
                "measure": "Verdachten",
                "filters": {"Geslacht": "Totaal", "Leeftijd": "12 tot 18 jaar"},
            }
        ],
        "test",
    )
    with pytest.raises(
        DataFileError,
        match="Waarde van Geslacht 'Totaal' staat niet in deze tabel; kies uit: T001038 \\(Totaal mannen en vrouwen\\)",
    ):
        list(records(table, wrong))
    open_dimension = entries_from(
        [
            {
                "table": "85655NED",
                "into": "x",
                "measure": "Verdachten",
                "filters": {"Geslacht": "Totaal mannen en vrouwen"},
            }
        ],
        "test",
    )
    with pytest.raises(DataFileError, match="kies in 'filters' een waarde voor dimensie Leeftijd"):
        list(records(table, open_dimension))


def test_a_list_of_members_is_summed_into_one_band(tmp_path: Path) -> None:
    table = from_documents(read_documents(write_odata_v3(tmp_path)))
    summed = entries_from(
        [
            {
                "table": "85655NED",
                "into": "som",
                "measure": "Verdachten_1",
                "filters": {
                    "Geslacht": "Totaal mannen en vrouwen",
                    "Leeftijd": ["12 tot 18 jaar", "18 tot 25 jaar"],
                },
            }
        ],
        "test",
    )
    found = {(r.area_code, r.year): r for r in records(table, summed)}
    assert found[("GM0014", 2022)].value == 220 + 390
    assert found[("GM1979", 2022)].status == "geheim"  # one secret part: the sum is secret


def test_an_analyst_brings_a_table_with_own_mapping_and_indicator(
    tmp_path: Path, client: Client
) -> None:
    factories.catalogue()
    zipped = write_bulk_zip(tmp_path)
    own = {
        "statline": [
            {
                "table": "85655NED",
                "into": "eigen.mannen",
                "measure": "Verdachten",
                "filters": {"Geslacht": "Mannen", "Leeftijd": "12 tot 25 jaar"},
            }
        ],
        "indicators": [
            {
                "code": "eigen-verdachte-mannen",
                "theme": "jeugd",
                "name": "Verdachte mannen",
                "name_en": "Male suspects",
                "definition": "Aantal.",
                "numerator": "eigen.mannen",
                "scale": 1,
                "unit": "aantal",
                "direction": "hoger_slechter",
                "aggregation": "sum",
                "levels": ["gemeente"],
                "source": {
                    "publisher": "CBS",
                    "table_id": "85655NED",
                    "url": "https://opendata.cbs.nl/",
                    "licence": "CC BY 4.0",
                    "citation": "CBS 85655NED",
                },
            }
        ],
    }
    with zipfile.ZipFile(zipped, "a") as archive:
        archive.writestr("weerbaar.yaml", json.dumps(own))
    call_command("import", "statline", str(zipped), "--no-progress")
    assert Observation.objects.get(measure="eigen.mannen", area_code="GM0014", year=2022).value == 1
    assert client.get("/monitor/eigen-verdachte-mannen/").status_code == 200


def test_a_folder_that_is_no_statline_table_is_refused_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "leeg" / "iets.json").write_text("[]")
    with pytest.raises(CommandError, match="geen StatLine-tabel gevonden"):
        call_command("import", "statline", str(tmp_path / "leeg"), "--no-progress")


@pytest.mark.skipif(not KWB_PROPERTIES.is_file(), reason="../shared/data ontbreekt (KWB-metadata)")
def test_the_real_kwb_metadata_reads_as_dimensions_and_measures(tmp_path: Path) -> None:
    folder = tmp_path / "85984NED"
    folder.mkdir()
    (folder / "85984NED_DataProperties.json").write_bytes(KWB_PROPERTIES.read_bytes())
    (folder / "WijkenEnBuurten.json").write_text(
        json.dumps([{"Key": "GM0014", "Title": "Groningen"}])
    )
    (folder / "TypedDataSet.json").write_text(
        json.dumps([{"ID": 0, "WijkenEnBuurten": "GM0014    ", "AantalInwoners_5": 238147}])
    )
    documents = read_documents(folder)
    table = from_documents(documents)
    assert documents.table_id == "85984NED"
    assert table.region is not None and table.region.key == "WijkenEnBuurten"
    assert table.measures["AantalInwoners_5"].title == "Aantal inwoners"
    mapped = entries_from(
        [{"table": "85984NED", "into": "kwb.totaal", "measure": "Aantal inwoners"}], "test"
    )
    with pytest.raises(DataFileError, match="zet 'year' in de koppeling"):
        list(records(table, mapped))
    mapped = entries_from(
        [{"table": "85984NED", "into": "kwb.totaal", "measure": "Aantal inwoners", "year": 2024}],
        "test",
    )
    assert [(r.area_code, r.year, r.value) for r in records(table, mapped)] == [
        ("GM0014", 2024, 238147.0)
    ]


def test_sync_of_a_mapped_table_asks_only_for_the_cells_it_needs() -> None:
    factories.catalogue()
    base = "https://example.invalid/odata"
    responses = odata_responses(base)
    asked: list[str] = []

    def fetch(url: str) -> dict[str, Any]:
        asked.append(url)
        return responses[url.split("?$format=json&")[0] if "UntypedDataSet" in url else url]

    report = sync_table("85655NED", fetch=fetch, base=base)
    assert report.counts["Waarden"].created == 18
    data_url = next(u for u in asked if "UntypedDataSet" in u)
    assert "Leeftijd%20eq%20%2752052%27" in data_url and "Geslacht%20eq%20%27T001038%27" in data_url
    secret = Observation.objects.get(measure="verdachten.12-17", area_code="GM1979", year=2022)
    assert secret.status == "geheim"
