"""Rule definitions: defaults, and clear Dutch reasons for everything that is wrong."""

from __future__ import annotations

import pytest

from weerbaar.selection.models import Programme
from weerbaar.selection.services import rules
from weerbaar.selection.tests.factories import municipalities, pmg_rule

pytestmark = pytest.mark.django_db


def test_valid_rule_gets_its_canonical_form() -> None:
    municipalities()
    rule = rules.validate(
        {
            "name": " R ",
            "indicators": [{"code": "leefbaarometer-lbm", "weight": 1}],
            "select": {"top": 3},
        }
    )
    assert rule == {
        "name": "R",
        "level": "gemeente",
        "year": "latest",
        "years": 1,
        "filters": [],
        "indicators": [{"code": "leefbaarometer-lbm", "weight": 1.0}],
        "normalisation": "zscore",
        "missing": "exclude",
        "select": {"top": 3},
        "second_track": None,
    }


def test_every_problem_is_named_with_a_reason() -> None:
    municipalities()
    with pytest.raises(rules.RuleError) as error:
        rules.validate(
            {
                "name": "",
                "level": "land",
                "year": 1800,
                "years": 0,
                "filters": [
                    {"type": "min_inhabitants", "value": -1},
                    {"type": "not_in_programme", "programme": "x"},
                    {"type": "raar"},
                ],
                "indicators": [
                    {"code": "bestaat-niet", "weight": 1},
                    {"code": "leefbaarometer-lbm", "weight": 0},
                ],
                "normalisation": "rang",
                "missing": "nul",
                "select": {"top": 0},
            }
        )
    problems = error.value.problems
    assert set(problems) == {
        "name",
        "level",
        "year",
        "years",
        "filters[0]",
        "filters[1]",
        "filters[2]",
        "indicators[0]",
        "indicators[1]",
        "normalisation",
        "missing",
        "select",
    }
    assert problems["filters[1]"] == "programma 'x' bestaat niet"
    assert problems["indicators[0]"] == "onbekende indicator 'bestaat-niet'"
    assert problems["missing"].startswith("kies exclude")


def test_indicator_must_exist_on_the_level() -> None:
    municipalities()
    with pytest.raises(rules.RuleError, match="geen waarden op niveau wijk"):
        rules.validate(pmg_rule(level="wijk"))


def test_select_needs_exactly_one_of_top_or_threshold() -> None:
    municipalities()
    with pytest.raises(rules.RuleError, match="precies één"):
        rules.validate(pmg_rule(select={"top": 2, "threshold": 1.0}))


def test_yaml_and_json_are_both_accepted() -> None:
    municipalities()
    Programme.objects.create(name="PmG", slug="pmg")
    yaml_rule = rules.parse(
        "name: Y\nindicators:\n  - {code: leefbaarometer-lbm, weight: 1}\nselect: {threshold: 0.5}\nfilters:\n  - {type: not_in_programme, programme: pmg}\n"
    )
    assert rules.validate(yaml_rule)["filters"] == [
        {"type": "not_in_programme", "programme": "pmg"}
    ]
    with pytest.raises(rules.RuleError):
        rules.parse("[1, 2")
