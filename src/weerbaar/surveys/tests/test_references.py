"""The published 2026 Groningen/Drenthe figures, read from the open data, as reference lines."""

from __future__ import annotations

import pytest
from django.test import Client

from weerbaar.areas.tests.factories import small_country
from weerbaar.surveys.services import references
from weerbaar.surveys.tests.factories import a_round, answers
from weerbaar.surveys.tests.test_pages import _user

pytestmark = pytest.mark.django_db


@pytest.fixture
def published() -> dict:
    found = references.references()
    if not found:
        pytest.skip("../shared/data/jeugd/feiten_jeugd_en_programmas.csv is not here (CI has it)")
    return found


def test_the_three_published_shares_are_read(published: dict) -> None:
    assert published[("kent_leeftijdsgenoot", "ja")].share == 0.40
    assert published[("berichten_gezien", "ja")].share == 0.25
    assert published[("benaderd", "ja")].share == 0.125


def test_the_results_page_shows_them_beside_the_trend(published: dict, client: Client) -> None:
    small_country()
    found = a_round()
    answers(found.schools.get(name="Noorderpoort"), 1, 40, benaderd=["ja"])
    answers(found.schools.get(name="Noorderpoort"), 1, 60, benaderd=["nee"])
    client.force_login(_user("enquetecoordinator"))
    page = client.get(f"/enquetes/{found.pk}/uitkomsten/").content.decode()
    assert "Groningen en Drenthe, februari 2026 (referentie)" in page
    assert 'februari 2026 (referentie)</th><td class="numeric">12%' in page  # 0.125
    assert "40%" in page  # this round: 40 of 100 were approached
