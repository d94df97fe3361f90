"""`weerbaar enquete`: a round with its class links, a weighting, and the monitor delivery
from a script, with Dutch errors for bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from weerbaar.areas.tests.factories import small_country
from weerbaar.surveys.models import ClassLink, Round, WeightSet

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("enquete", *args, stdout=out)
    return out.getvalue()


def test_a_round_from_the_command_line_prints_every_class_link() -> None:
    small_country()
    printed = _run(
        "ronde",
        "Scholierenonderzoek 2027",
        "--jaar",
        "2027",
        "--van",
        "2027-02-01",
        "--tot",
        "2027-02-28",
        "--school",
        "Noorderpoort;GM0014;vmbo;1A=1,2B=2",
        "--school",
        "Dollard;GM0037;havo-vwo;3H=3",
    )
    assert printed.count("/enquete/") == 3
    for link in ClassLink.objects.all():
        assert f"/enquete/{link.code}/" in printed
    found = Round.objects.get()
    assert f"{found}: 0 gemeente-cijfers in de monitor." in _run("monitor", str(found.pk))


def test_bad_input_is_refused_in_dutch() -> None:
    small_country()
    with pytest.raises(CommandError, match=r"De ronde sluit vóór zij opengaat\."):
        _run(
            "ronde",
            "x",
            "--jaar",
            "2027",
            "--van",
            "2027-03-01",
            "--tot",
            "2027-02-01",
            "--school",
            "A;GM0014;vmbo;1A=1",
        )
    with pytest.raises(CommandError, match="onbekende gemeentecode GM9999"):
        _run(
            "ronde",
            "x",
            "--jaar",
            "2027",
            "--van",
            "2027-02-01",
            "--tot",
            "2027-03-01",
            "--school",
            "A;GM9999;vmbo;1A=1",
        )
    with pytest.raises(CommandError, match="geef het leerjaar"):
        _run(
            "ronde",
            "x",
            "--jaar",
            "2027",
            "--van",
            "2027-02-01",
            "--tot",
            "2027-03-01",
            "--school",
            "A;GM0014;vmbo;1A",
        )
    with pytest.raises(CommandError, match=r"Ronde 999 bestaat niet\."):
        _run("monitor", "999")
    assert not Round.objects.exists()


def test_a_weighting_is_loaded_as_a_new_version(tmp_path: Path) -> None:
    shares = tmp_path / "aandelen.csv"
    shares.write_text(
        "schoolsoort;leerjaar;aandeel\nvmbo;1;0,5\nhavo-vwo;1;0,5\n", encoding="utf-8"
    )
    assert "versie 1: 2 cellen" in _run("weging", "VO 2026", str(shares), "--bron", "DUO")
    assert "versie 2" in _run("weging", "VO 2026", str(shares), "--bron", "DUO")
    assert WeightSet.objects.get(version=2).shares == {"vmbo|1": 0.5, "havo-vwo|1": 0.5}
    shares.write_text("vmbo;1;0,5\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"tellen op tot 0\.500"):
        _run("weging", "VO 2026", str(shares), "--bron", "DUO")
