"""``weerbaar sync cbs``: recorded OData responses (our own, in the real shape) and offline."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command

from weerbaar.monitor.models import Observation
from weerbaar.monitor.services.cbs_sync import SyncError, sync_table

pytestmark = pytest.mark.django_db

BASE = "https://example.invalid/odata"
RECORDED: dict[str, dict[str, Any]] = {
    f"{BASE}/70072ned/Perioden?$format=json": {
        "odata.metadata": f"{BASE}/70072ned/$metadata#Cbs.OData.Dimension",
        "value": [
            {"Key": "2023JJ00", "Title": "2023", "Description": "", "Status": "Definitief"},
            {"Key": "2024JJ00", "Title": "2024*", "Description": "", "Status": "Voorlopig"},
        ],
    },
    f"{BASE}/70072ned/TypedDataSet?$format=json": {
        "odata.metadata": f"{BASE}/70072ned/$metadata#Cbs.OData.TypedDataSet",
        "value": [
            {
                "ID": 0,
                "RegioS": "NL01  ",
                "Perioden": "2023JJ00",
                "TotaleBevolking_1": 17811291,
                "GemiddeldAantalInwoners_51": 17879488,
            },
            {
                "ID": 1,
                "RegioS": "GM0014",
                "Perioden": "2023JJ00",
                "TotaleBevolking_1": 238147,
                "GemiddeldAantalInwoners_51": 239367,
            },
        ],
        "odata.nextLink": f"{BASE}/70072ned/TypedDataSet?$format=json&$skiptoken=2",
    },
    f"{BASE}/70072ned/TypedDataSet?$format=json&$skiptoken=2": {
        "value": [
            {
                "ID": 2,
                "RegioS": "GM0014",
                "Perioden": "2024JJ00",
                "TotaleBevolking_1": 241000,
                "GemiddeldAantalInwoners_51": None,
            },
        ],
    },
}


def fetch(url: str) -> dict[str, Any]:
    return RECORDED[url]


def test_recorded_table_becomes_observations_with_status() -> None:
    report = sync_table("70072ned", fetch=fetch, base=BASE)
    assert report.counts["Waarden"].created == 4
    assert (
        Observation.objects.get(measure="bevolking.gemiddeld", area_code="GM0014", year=2023).value
        == 239367
    )
    provisional = Observation.objects.get(measure="bevolking.totaal", area_code="GM0014", year=2024)
    assert (provisional.value, provisional.status) == (241000, "voorlopig")
    missing = Observation.objects.get(measure="bevolking.gemiddeld", area_code="GM0014", year=2024)
    assert (missing.value, missing.status) == (None, "ontbreekt")
    assert not Observation.objects.filter(area_code__startswith="NL").exists()
    assert Observation.objects.first().data_version.importer == "cbs-odata"


def test_second_sync_of_the_same_response_changes_nothing() -> None:
    sync_table("70072ned", fetch=fetch, base=BASE)
    assert not sync_table("70072ned", fetch=fetch, base=BASE).changed


def test_unsupported_table_is_refused() -> None:
    with pytest.raises(SyncError, match="wordt niet ondersteund"):
        sync_table("99999NED", fetch=fetch, base=BASE)


def test_offline_fails_with_one_clear_sentence() -> None:
    with pytest.raises(CommandError) as error:
        call_command("sync", "cbs", "70072ned", "--base-url", "http://127.0.0.1:9/odata")
    message = str(error.value)
    assert message.startswith("Geen verbinding met de CBS-API")
    assert message.count(".") == 1
    assert not Observation.objects.exists()
