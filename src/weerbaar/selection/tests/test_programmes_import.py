"""``weerbaar import programmas`` on the real programme files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.core.management import call_command

from weerbaar.selection.models import Participation

pytestmark = pytest.mark.django_db


def test_preventie_met_gezag_and_nplv_load_with_tranche_start_and_certainty(
    real_data_dir: Path,
) -> None:
    call_command("import", "programmas", "--data-dir", str(real_data_dir), "--no-progress")
    pmg = Participation.objects.filter(programme__slug="preventie-met-gezag")
    with (real_data_dir / "programmas" / "preventie_met_gezag_gemeenten.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert pmg.count() == len(rows) == 47
    groningen = pmg.get(area_code="GM0014")
    assert (groningen.start_year, groningen.cohort) == (2022, "1_nplv_initieel")
    assert sorted(set(pmg.values_list("start_year", flat=True))) == [2022, 2023, 2024]
    nplv = Participation.objects.filter(programme__slug="nplv")
    oud_noord = nplv.get(area_code="WK001403")
    assert (oud_noord.cohort, oud_noord.certainty, oud_noord.start_year) == (
        "Groningen Noord",
        "benadering",
        2022,
    )
    assert nplv.filter(certainty="onzeker").count() == 9
    # a second run changes nothing
    call_command("import", "programmas", "--data-dir", str(real_data_dir), "--no-progress")
    assert Participation.objects.count() == 47 + nplv.count()


def test_a_bad_code_changes_nothing(tmp_path: Path) -> None:
    from django.core.management import CommandError

    (tmp_path / "programmas").mkdir()
    (tmp_path / "programmas" / "preventie_met_gezag_gemeenten.csv").write_text(
        "gm_code,tranche,start_jaar\nGM0014,1,2022\nGroningen,1,2022\n"
    )
    with pytest.raises(CommandError, match="'GRONINGEN' / '2022' is geen gemeentecode"):
        call_command("import", "programmas", "--data-dir", str(tmp_path), "--no-progress")
    assert not Participation.objects.exists()
