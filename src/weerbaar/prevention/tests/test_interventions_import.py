"""The catalogue's recognition levels, dates and sources come from the real files in
``interventies/`` (the row marked ``voorkeursrij`` first, a level left empty where the
file has none), and the research warnings are shown with their source."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from weerbaar.core.imports import DataFileError
from weerbaar.prevention.models import EvidenceWarning, Intervention, Level
from weerbaar.prevention.services.interventions_import import import_interventions, level_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(real_data_dir: Path) -> None:
    import_interventions(real_data_dir)


@pytest.mark.parametrize(
    ("name", "level", "url"),
    [
        (
            "Tools4U",
            "Effectief volgens eerste aanwijzingen",
            "https://www.nji.nl/interventies/tools4u",
        ),
        ("Rots en Water", "Niet erkend", "https://www.nji.nl/interventies/rots-en-water"),
        (
            "Multisysteem Therapie (MST)",
            "Effectief volgens eerste aanwijzingen voor de uitkomstmaat criminaliteit",
            "https://justitieleinterventies.nl/content/multisysteem-therapie-mst-erkend",
        ),
    ],
)
def test_the_page_shows_the_preferred_row_with_its_level_and_source(
    imported: None, name: str, level: str, url: str
) -> None:
    intervention = Intervention.objects.get(name=name)
    current = intervention.current_recognition()
    assert current is not None and current.preferred
    assert current.shown_level.startswith(level)
    assert current.source_url.startswith(url)
    page = Client().get(f"/interventies/{intervention.slug}/").content.decode()
    assert level in page and current.source_url in page.replace("&amp;", "&")


def test_tools4u_keeps_both_rows_and_shows_the_preferred_first(imported: None) -> None:
    rows = list(Intervention.objects.get(name="Tools4U").recognitions.all())
    assert [r.level for r in rows] == [Level.FIRST, Level.WELL_FOUNDED]
    assert rows[0].preferred and not rows[1].preferred


def test_a_level_the_file_leaves_empty_stays_empty(imported: None) -> None:
    halt = Intervention.objects.get(name__startswith="Halt-afdoening")
    current = halt.current_recognition()
    assert current is None or current.level == ""
    page = Client().get("/interventies/").content.decode()
    assert "geen erkenning bekend" in page


def test_the_warning_about_ex_offenders_is_shown_with_its_source(imported: None) -> None:
    warning = EvidenceWarning.objects.filter(topic="voorlichting_ex_gedetineerden").first()
    assert warning is not None and "geen wetenschappelijk bewijs" in warning.finding
    page = Client().get("/interventies/").content.decode()
    assert "Wat het onderzoek afraadt" in page
    assert warning.source_url in page and "ex-gedetineerden" in page


def test_a_second_import_changes_nothing(real_data_dir: Path) -> None:
    import_interventions(real_data_dir)
    assert import_interventions(real_data_dir).changed is False


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Goed onderbouwd", Level.WELL_FOUNDED),
        ("effectief volgens goede aanwijzingen", Level.GOOD),
        ("Eerste aanwijzingen voor effectiviteit", Level.FIRST),
        ("middelengebruik: 'effectief volgens sterke aanwijzingen'; delinquentie: 'eerste'", ""),
        ("", ""),
    ],
)
def test_only_a_text_that_is_exactly_one_level_gets_that_level(text: str, level: str) -> None:
    assert level_of(text) == level


def test_a_warning_without_source_stops_the_import(tmp_path: Path) -> None:
    folder = tmp_path / "interventies"
    folder.mkdir()
    (folder / "erkende_interventies_jeugd.csv").write_text(
        "interventie,erkenningsniveau,erkenningsdatum,erkend_door,bron_url,voorkeursrij\n"
    )
    (folder / "waarschuwingen_interventies.csv").write_text(
        "onderwerp,interventie_of_type,bevinding,bron_url\nx,y,z,\n"
    )
    with pytest.raises(DataFileError, match="bron nodig"):
        import_interventions(tmp_path)
    assert not EvidenceWarning.objects.exists()
