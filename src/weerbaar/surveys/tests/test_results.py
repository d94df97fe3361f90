"""Results publish only groups: small cells hidden with their complements so that no
subtraction over any published table gives one back; weighted shares with Wilson
intervals that match a hand calculation; a trend that says where wording changed."""

from __future__ import annotations

import copy
import math

import pytest

from weerbaar.areas.tests.factories import small_country
from weerbaar.surveys.models import WeightSet
from weerbaar.surveys.services import questionnaires, results, stats, suppression, trends
from weerbaar.surveys.tests.factories import a_round, answers

pytestmark = pytest.mark.django_db

SCHOOLS = (
    "Noorderpoort;GM0014;vmbo;1A=1,2A=2",
    "Praedinius;GM0014;havo-vwo;1G=1,2G=2",
    "Dollard;GM0037;havo-vwo;1H=1,2H=2",
)


def _question(found: object, key: str) -> dict:
    return next(q for q in found.questionnaire.definition["questions"] if q["key"] == key)  # type: ignore[attr-defined]


@pytest.fixture
def twenty_three() -> object:
    """GM0014 x vmbo x year 1 has 23 answers: 8 know a peer doing jobs, 15 do not."""
    small_country()
    found = a_round(schools=SCHOOLS)
    noorderpoort, praedinius, dollard = (
        found.schools.order_by("name")[1],
        found.schools.order_by("name")[2],
        found.schools.order_by("name")[0],
    )
    assert (noorderpoort.name, praedinius.name, dollard.name) == (
        "Noorderpoort",
        "Praedinius",
        "Dollard",
    )
    answers(noorderpoort, 1, 8, kent_leeftijdsgenoot=["ja"])
    answers(noorderpoort, 1, 15, kent_leeftijdsgenoot=["nee"])
    answers(noorderpoort, 2, 14, kent_leeftijdsgenoot=["ja"])
    answers(noorderpoort, 2, 21, kent_leeftijdsgenoot=["nee"])
    answers(praedinius, 1, 12, kent_leeftijdsgenoot=["ja"])
    answers(praedinius, 1, 30, kent_leeftijdsgenoot=["nee"])
    answers(praedinius, 2, 11, kent_leeftijdsgenoot=["ja"])
    answers(praedinius, 2, 25, kent_leeftijdsgenoot=["nee"])
    answers(dollard, 1, 16, kent_leeftijdsgenoot=["ja"])
    answers(dollard, 1, 20, kent_leeftijdsgenoot=["nee"], berichten_gezien=["ja"])
    answers(dollard, 2, 13, kent_leeftijdsgenoot=["ja"])
    answers(dollard, 2, 19, kent_leeftijdsgenoot=["nee"])
    return found


def test_the_small_cell_and_its_complement_are_hidden(twenty_three: object) -> None:
    question = _question(twenty_three, "kent_leeftijdsgenoot")
    people = results.respondents([twenty_three.pk])  # type: ignore[attr-defined]
    tables = results.question_results(question, people, least=10)
    cross = tables["gemeente-schoolsoort-leerjaar"].table
    assert cross.shown("GM0014|vmbo|1", "ja") is None  # 8
    assert cross.shown("GM0014|vmbo|1", "nee") is None  # its complement (15 of 23)
    assert cross.shown("GM0014|vmbo|1", "totaal") == 23
    # the row shows no share that would give the 8 back
    row = next(
        r for r in tables["gemeente-schoolsoort-leerjaar"].rows if r.group == "GM0014|vmbo|1"
    )
    assert all(f.share is None for f in row.options if f.option in {"ja", "nee"})


def test_no_subtraction_over_the_published_tables_gives_a_hidden_number(
    twenty_three: object,
) -> None:
    people = results.respondents([twenty_three.pk])  # type: ignore[attr-defined]
    for question in twenty_three.questionnaire.definition["questions"]:  # type: ignore[attr-defined]
        options = [o for o in question["options"] if o != questionnaires.RATHER_NOT]
        counts, *_ = results._cells(question, people, options)
        values, lines, _rows = results.published_entries(question, counts, options)
        hidden = suppression.protect(values, lines, 10)
        assert suppression.derivable(values, hidden, lines) == set(), question["key"]


def test_the_attacker_breaks_primary_suppression_alone(twenty_three: object) -> None:
    """Without the complementary step, the 8 follow from 23 - 15: the test has teeth."""
    question = _question(twenty_three, "kent_leeftijdsgenoot")
    people = results.respondents([twenty_three.pk])  # type: ignore[attr-defined]
    counts, *_ = results._cells(question, people, ["ja", "nee", "weet_niet"])
    values, lines, _ = results.published_entries(question, counts, ["ja", "nee", "weet_niet"])
    primary = {e for e, v in values.items() if v < 10}
    leaked = suppression.derivable(values, primary, lines)
    assert ("gemeente-schoolsoort-leerjaar", "GM0014|vmbo|1", "ja") in leaked


def test_wilson_interval_equals_the_hand_calculation() -> None:
    # 30 of 120: p = 0.25; z = 1.96; centre = (0.25 + z²/240) / (1 + z²/120)
    z = stats.Z95
    p, n = 0.25, 120
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    found = stats.wilson(30, 120)
    assert found is not None
    assert (found.lower, found.upper) == pytest.approx((centre - half, centre + half))
    assert (round(found.lower, 4), round(found.upper, 4)) == (0.1811, 0.3344)


def test_the_weighted_share_and_its_interval_equal_a_hand_calculation() -> None:
    """Two cells: vmbo year 1 (20 pupils, 10 yes) and havo/vwo year 1 (60 pupils, 12 yes).
    The population is half and half, so vmbo pupils weigh (0.5/0.25) = 2, havo/vwo
    (0.5/0.75) = 2/3. Weighted share = (2x10 + 2/3x12) / (2x20 + 2/3x60) = 28/80 = 0.35;
    n_eff = (sum w)² / sum w² = 80² / (20x4 + 60x4/9) = 6400/106.67 = 60."""
    people = [
        results.Respondent("GM0014", "vmbo", 1, 1, {"q": ["ja"] if i < 10 else ["nee"]})
        for i in range(20)
    ]
    people += [
        results.Respondent("GM0014", "havo-vwo", 1, 2, {"q": ["ja"] if i < 12 else ["nee"]})
        for i in range(60)
    ]
    weight_set = WeightSet(
        name="test", version=1, source="hand", shares={"vmbo|1": 0.5, "havo-vwo|1": 0.5}
    )
    weights = results.weights(people, weight_set)
    assert weights[0] == pytest.approx(2.0) and weights[-1] == pytest.approx(2 / 3)
    found = stats.weighted(
        [(w or 0, p.answers["q"] == ["ja"]) for p, w in zip(people, weights, strict=True)]
    )
    assert found is not None
    assert found.share == pytest.approx(0.35)
    assert found.n == pytest.approx(60)
    by_hand = stats.wilson(0.35 * 60, 60)
    assert by_hand is not None
    assert (found.lower, found.upper) == pytest.approx((by_hand.lower, by_hand.upper))
    unweighted = stats.wilson(22, 80)
    assert unweighted is not None and unweighted.share == pytest.approx(0.275)


def test_a_second_round_shows_the_trend_and_where_wording_changed() -> None:
    small_country()
    first = a_round(year=2025, schools=SCHOOLS[:1])
    school = first.schools.get()
    answers(school, 1, 12, benaderd=["ja"])
    answers(school, 1, 48, benaderd=["nee"])
    definition = copy.deepcopy(first.questionnaire.definition)
    for q in definition["questions"]:
        if q["key"] == "benaderd":
            q["text"] = "Vroeg iemand jou ooit om zo'n klusje te doen?"
    second = a_round(year=2026, schools=SCHOOLS[:1], version=questionnaires.store(definition))
    school = second.schools.get()
    answers(school, 1, 15, benaderd=["ja"])
    answers(school, 1, 35, benaderd=["nee"])
    points = trends.trend("scholieren", "benaderd", "ja")
    assert [(p.year, p.version) for p in points] == [(2025, 1), (2026, 2)]
    assert points[0].share is not None and points[0].share.share == pytest.approx(0.2)
    assert points[1].share is not None and points[1].share.share == pytest.approx(0.3)
    assert [p.wording_changed for p in points] == [False, True]


def test_the_tables_weight_each_pupil_as_the_hand_calculation_does() -> None:
    """Per cell sums give the same weighted share and interval as weighting pupil by pupil."""
    people = [
        results.Respondent("GM0014", "vmbo", 1, 1, {"q": ["ja"] if i < 10 else ["nee"]})
        for i in range(20)
    ] + [
        results.Respondent("GM0037", "havo-vwo", 1, 2, {"q": ["ja"] if i < 12 else ["nee"]})
        for i in range(60)
    ]
    weight_set = WeightSet(
        name="test", version=1, source="hand", shares={"vmbo|1": 0.5, "havo-vwo|1": 0.5}
    )
    weights = results.weights(people, weight_set)
    question = {"key": "q", "kind": "single", "text": "?", "options": {"ja": "ja", "nee": "nee"}}
    total = results.question_results(question, people, weights, least=10)["gemeente"].total
    ja = next(f for f in total.options if f.option == "ja")
    by_pupil = stats.weighted(
        [(w or 0, p.answers["q"] == ["ja"]) for p, w in zip(people, weights, strict=True)]
    )
    assert ja.weighted is not None and by_pupil is not None
    assert (ja.weighted.share, ja.weighted.lower, ja.weighted.upper) == pytest.approx(
        (0.35, by_pupil.lower, by_pupil.upper)
    )
    assert ja.share is not None and ja.share.share == pytest.approx(22 / 80)
