"""The interventions catalogue: search, filters, sorting, export, and the explained
"what fits this area" suggestions from the monitor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client

from weerbaar.monitor.tests.factories import small_monitor
from weerbaar.prevention.models import Intervention, Level, Problem, Recognition
from weerbaar.prevention.services import catalogue


def _recognise(slug: str, level: str) -> None:
    Recognition.objects.create(
        intervention=Intervention.objects.get(slug=slug),
        committee="Erkenningscommissie Test",
        level=level,
        date=dt.date(2024, 5, 1),
    )


def test_search_and_filters(db: Any) -> None:
    names = lambda **kw: [i.slug for i in catalogue.search(catalogue.Filters(**kw))]  # noqa: E731
    assert names(text="camperbus") == ["mijn-kind-doet-dat-wel"]
    assert names(text="Snapchat") == []
    assert set(names(target_group="ouders")) == {"mijn-kind-doet-dat-wel"}
    assert "halt" in names(age=15) and "mijn-kind-doet-dat-wel" not in names(age=15)
    assert names(with_warning=True) == ["bangmaakvoorlichting", "brede-publiekscampagne-drugs"]
    assert "bangmaakvoorlichting" not in names(with_warning=False)
    assert names(problem="wapens") == []
    assert names(minimum_level=Level.WELL_DESCRIBED) == []  # nothing recognised in the seed
    _recognise("halt", Level.GOOD)
    assert names(minimum_level=Level.FIRST) == ["halt"]
    assert names(order="erkenning")[0] == "halt"


def test_catalogue_pages_and_csv(db: Any, client: Client) -> None:
    page = client.get("/interventies/", {"doelgroep": "ouders"}).content.decode()
    assert "Mijn kind doet dat wel" in page and "1 interventie gevonden" in page
    bad = client.get("/interventies/", {"leeftijd": "abc"}).content.decode()
    assert "Vul een leeftijd van 0 tot 99 in" in bad
    csv = client.get("/interventies/", {"waarschuwing": "met", "formaat": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert csv.splitlines()[0].startswith("naam;doelgroep")
    assert len(csv.splitlines()) == 3
    detail = client.get("/interventies/bangmaakvoorlichting/").content.decode()
    assert "Het onderzoek waarschuwt" in detail and "Campbell" in detail
    assert "geen erkenning vastgelegd" in detail
    assert client.get("/interventies/bestaat-niet/").status_code == 404


def test_fits_explains_each_suggestion_and_never_suggests_warned_approaches(country: Any) -> None:
    small_monitor()  # Assen: highest drug-trafficking rate of the municipalities with a value
    fit = catalogue.fits("GM0106", (10, 14))
    standing = [problem.slug for problem, _ in fit.standing_out]
    assert standing == ["drugshandel"]
    suggested = {s.intervention.slug: s for s in fit.suggestions}
    assert set(suggested) == {"mijn-kind-doet-dat-wel", "preventie-met-gezag"}
    reasons = " ".join(suggested["mijn-kind-doet-dat-wel"].reasons)
    assert "Drugshandel" in reasons and "Assen" in reasons and "ongunstiger dan" in reasons
    assert "10–14 jaar" in reasons and "Geen erkenning bekend" in reasons
    assert {i.slug for i in fit.warned} == {"bangmaakvoorlichting", "brede-publiekscampagne-drugs"}
    assert not set(suggested) & {i.slug for i in fit.warned}
    # Groningen has the lower rate: nothing stands out, nothing is suggested.
    assert catalogue.fits("GM0014", (10, 14)).suggestions == []
    # Ages decide too: for 18-25-year-olds only the programme for 8-27 fits.
    older = catalogue.fits("GM0106", (18, 25))
    assert [s.intervention.slug for s in older.suggestions] == ["preventie-met-gezag"]


def test_recognition_raises_a_suggestion(country: Any) -> None:
    small_monitor()
    _recognise("preventie-met-gezag", Level.STRONG)
    fit = catalogue.fits("GM0106", (10, 14))
    assert fit.suggestions[0].intervention.slug == "preventie-met-gezag"
    assert any("Effectief volgens sterke aanwijzingen" in r for r in fit.suggestions[0].reasons)


def test_fits_page(country: Any, client: Client) -> None:
    small_monitor()
    text = client.get(
        "/interventies/past-bij/", {"gebied": "GM0106", "van": "10", "tot": "14"}
    ).content.decode()
    assert "Profiel van Assen" in text and "Waarom voorgesteld" in text
    assert "Niet voorgesteld: het onderzoek waarschuwt" in text
    bad = client.get("/interventies/past-bij/", {"gebied": "GM0106", "van": "15", "tot": "12"})
    assert bad.status_code == 400 and "hoger dan" in bad.content.decode()
    assert client.get("/interventies/past-bij/", {"gebied": "XX"}).status_code == 400
    assert Problem.objects.count() == 5
