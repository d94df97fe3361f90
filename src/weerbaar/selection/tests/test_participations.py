"""Programme participants from CSV: all or nothing, with the line of a bad row."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from weerbaar.selection.models import Participation, Programme

pytestmark = pytest.mark.django_db


def test_csv_creates_then_reports_no_changes(tmp_path: Path) -> None:
    path = tmp_path / "pmg.csv"
    path.write_text("gebiedscode;startjaar;tranche\nGM0014;2022;tranche 1\nGM0106;2024;eenmalig\n")
    out = io.StringIO()
    call_command(
        "programme", "pmg", "--csv", str(path), "--name", "Preventie met Gezag", stdout=out
    )
    assert out.getvalue().strip() == "Preventie met Gezag: 2 nieuw, 0 gewijzigd, 0 ongewijzigd"
    assert Participation.objects.get(area_code="GM0014").cohort == "tranche 1"
    out = io.StringIO()
    call_command("programme", "pmg", "--csv", str(path), stdout=out)
    assert "0 nieuw, 0 gewijzigd, 2 ongewijzigd" in out.getvalue()


def test_bad_row_changes_nothing_and_names_the_line(tmp_path: Path) -> None:
    Programme.objects.create(name="PmG", slug="pmg")
    path = tmp_path / "pmg.csv"
    path.write_text("gm_code,startjaar,tranche\nGM0014,2022,1\nGM14,2023,2\n")
    with pytest.raises(
        CommandError, match=r"pmg\.csv, regel 3: 'GM14' is geen gemeente- of wijkcode"
    ):
        call_command("programme", "pmg", "--csv", str(path))
    assert not Participation.objects.exists()


def test_unknown_programme_needs_a_name(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("gebiedscode;startjaar\nGM0014;2022\n")
    with pytest.raises(CommandError, match="geef --name"):
        call_command("programme", "onbekend", "--csv", str(path))
