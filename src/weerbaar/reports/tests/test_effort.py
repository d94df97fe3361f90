"""Enforcement-effort series: entered or imported with clear errors and nothing half
stored; Weerbaar's own visits offered as one; the relation with registered crime as a
correlation and a fixed-effects panel regression, never more."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from weerbaar.accounts.models import User
from weerbaar.areas.tests.factories import small_country
from weerbaar.reports.models import EffortSeries, EffortValue
from weerbaar.reports.services import effort
from weerbaar.reports.services.evaluation.effort_relation import relate
from weerbaar.reports.tests.factories import analyst

pytestmark = pytest.mark.django_db


def test_rows_are_read_with_a_header_and_dutch_numbers() -> None:
    small_country()
    rows = effort.parse("gemeente;jaar;controles\nGM0014;2023;1.234,5\ngm0037;2024;12\n")
    assert rows == [effort.Row("GM0014", 2023, 1234.5), effort.Row("GM0037", 2024, 12.0)]
    assert effort.parse("GM0014,2023,3")[0].value == 3.0


def test_every_problem_is_named_by_line_and_nothing_is_stored() -> None:
    small_country()
    text = "GM0014;2023;10\nGM9999;2023;1\nGM0014;1800;1\nGM0037;2023;veel\nGM0037;2022;-1\nGM0014;2023;11\nGM0037"
    with pytest.raises(effort.EffortError) as caught:
        effort.parse(text)
    assert caught.value.problems == [
        "regel 2: onbekende gemeentecode GM9999",
        f"regel 3: jaar '1800' ligt niet tussen 1990 en {dt.date.today().year}",
        "regel 4: waarde 'veel' is geen getal",
        "regel 5: een inzet kan niet negatief zijn",
        "regel 6: GM0014 2023 staat ook op regel 1",
        "regel 7: verwacht gemeentecode, jaar en waarde",
    ]


def test_saving_adds_to_a_series_and_replaces_only_what_is_given() -> None:
    small_country()
    user = analyst()
    effort.save_series(
        user,
        name="Controles",
        unit="controles",
        source="RIEC",
        rows=effort.parse("GM0014;2023;10\nGM0037;2023;4"),
    )
    effort.save_series(
        user,
        name="Controles",
        unit="controles",
        source="RIEC",
        rows=effort.parse("GM0014;2023;12\nGM0014;2024;8"),
    )
    assert effort.series_values("controles") == {
        ("GM0014", 2023): 12.0,
        ("GM0037", 2023): 4.0,
        ("GM0014", 2024): 8.0,
    }
    assert EffortSeries.objects.count() == 1


def test_only_an_analyst_enters_a_series() -> None:
    small_country()
    someone = User.objects.create_user(username="iemand", password="x" * 16)
    with pytest.raises(PermissionDenied):
        effort.save_series(
            someone, name="x", unit="x", source="x", rows=[effort.Row("GM0014", 2023, 1)]
        )
    assert not EffortValue.objects.exists()


def test_a_known_relation_is_recovered_by_the_panel_regression() -> None:
    """Outcome = 2 x effort + municipality level + year shock + noise."""
    rng = np.random.default_rng(3)
    effort_values, outcome = {}, {}
    for unit in range(40):
        level = rng.normal(scale=5)
        for year in range(2018, 2024):
            e = rng.uniform(0, 10)
            effort_values[(f"GM{unit:04d}", year)] = e
            outcome[(f"GM{unit:04d}", year)] = 2 * e + level + (year - 2018) + rng.normal(scale=0.5)
    relation = relate(effort_values, outcome)
    assert relation.panel is not None and relation.correlation is not None
    assert relation.panel.lower <= 2 <= relation.panel.upper
    assert relation.panel.coefficient == pytest.approx(2, abs=0.1)
    assert relation.panel.units == 40 and relation.panel.years == 6
    assert relation.correlation.rho > 0.5
    assert relation.problems == []


def test_too_few_pairs_are_not_computed_and_say_why() -> None:
    relation = relate({("GM0001", 2020): 1.0}, {("GM0001", 2020): 3.0})
    assert relation.panel is None and relation.correlation is None
    assert relation.problems[0].startswith("Te weinig gemeente-jaren")


def test_effort_that_never_changes_within_a_municipality_is_flagged() -> None:
    effort_values = {(f"GM{u:04d}", y): float(u) for u in range(5) for y in (2020, 2021, 2022)}
    outcome = {key: value * 2 + key[1] - 2020 for key, value in effort_values.items()}
    relation = relate(effort_values, outcome)
    assert relation.panel is None
    assert "verandert binnen gemeenten niet genoeg" in relation.problems[0]


def test_the_page_stores_a_pasted_series_and_shows_errors(client: Client) -> None:
    small_country()
    client.force_login(analyst())
    bad = client.post(
        "/rapportages/inzet/",
        {
            "naam": "MMA",
            "eenheid": "meldingen",
            "bron": "Meld Misdaad Anoniem",
            "regels": "GM9999;2023;1",
        },
    )
    assert bad.status_code == 400
    assert "Er is niets opgeslagen" in bad.content.decode()
    assert "regel 1: onbekende gemeentecode GM9999" in bad.content.decode()
    good = client.post(
        "/rapportages/inzet/",
        {
            "naam": "MMA",
            "eenheid": "meldingen",
            "bron": "Meld Misdaad Anoniem",
            "regels": "GM0014;2023;7",
        },
        follow=True,
    )
    assert "1 waarden opgeslagen in &#x27;MMA&#x27;." in good.content.decode()
    assert effort.series_values("mma") == {("GM0014", 2023): 7.0}


def test_the_effort_pages_are_for_analysts_only(client: Client) -> None:
    assert client.get("/rapportages/inzet/").status_code == 302
    client.force_login(User.objects.create_user(username="iemand", password="x" * 16))
    assert client.get("/rapportages/inzet/").status_code == 403
    assert client.get("/rapportages/inzet/samenhang/").status_code == 403


def test_weerbaar_offers_its_own_visits_as_a_series(client: Client) -> None:
    from weerbaar.cases.models import Visit
    from weerbaar.monitor.tests.factories import catalogue
    from weerbaar.tests.world import build

    w = build()
    catalogue()
    stop = w.inspection.stops.get()
    Visit.objects.create(stop=stop, situation="toegang", recorded_by=w.ria)
    year = w.inspection.date.year
    assert effort.series_values(effort.OWN) == {("GM0014", year): 1.0}
    assert effort.all_series()[0] == (effort.OWN, effort.OWN_NAME, "adressen")
    client.force_login(analyst())
    page = client.get("/rapportages/inzet/samenhang/").content.decode()
    assert "Meer controles vinden meer" in page
    assert "Te weinig gemeente-jaren met zowel inzet als cijfer" in page
