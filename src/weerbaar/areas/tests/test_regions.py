"""Ready-made and own custom regions, compared as one area from counts."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from weerbaar.areas.models import Region
from weerbaar.areas.services.regions import RegionError, ensure_presets, save_region
from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.tests.factories import small_monitor

pytestmark = pytest.mark.django_db


def test_presets_are_made_once_and_never_overwrite_an_analysts_change() -> None:
    small_country()
    created = ensure_presets()
    # the small country has PV20 and PV22 but not Eemsdelta, Het Hogeland or Friesland
    assert "Groningen en Drenthe" in created
    region = Region.objects.get(name="Groningen en Drenthe")
    assert sorted(region.members.values_list("code", flat=True)) == ["GM0014", "GM0037", "GM0106"]
    save_region("Groningen en Drenthe", municipalities=("GM0014",))
    assert ensure_presets() == []
    assert list(region.members.values_list("code", flat=True)) == ["GM0014"]


def test_an_unknown_code_is_refused_in_dutch() -> None:
    small_country()
    with pytest.raises(RegionError, match="Onbekend gebied: GM9999"):
        save_region("Fout", municipalities=("GM9999",))
    with pytest.raises(CommandError, match="Onbekend gebied: PV99"):
        call_command("regio", "maak", "Fout", "--provincie", "PV99")


def test_a_region_compares_as_one_area_with_the_share_of_municipalities_higher(
    client: Client,
) -> None:
    small_country()
    small_monitor()
    call_command("regio", "maak", "Noord", "--gemeente", "GM0014", "--gemeente", "GM0106")
    page = client.get("/monitor/vergelijk/?gebied=regio:noord").content.decode()
    # 2024: (10 + 14) / (1000 + 700) x 10,000 = 141.2, from counts; Groningen 100, Assen 200
    assert "141,2" in page
    assert (
        "50% van de 2 gemeenten heeft in 2024 een hogere waarde (ongunstiger) dan "
        "Noord (regio) samen."
    ) in page
