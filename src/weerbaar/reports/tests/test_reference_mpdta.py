"""The estimator against the published reference: Callaway & Sant'Anna's minimum-wage
example (``mpdta``, shipped by the ``moderndid`` package), whose group-time effects the
``did`` package documents (vignette "Getting Started with the did Package", unconditional
parallel trends, never-treated controls) to four decimals."""

from __future__ import annotations

import gzip
import importlib.util
import pickle
from pathlib import Path

import pytest

from weerbaar.reports.services.evaluation.staggered import Observation, staggered_did

#: (group, year): (ATT, standard error) as printed by did::att_gt on mpdta
REFERENCE = {
    (2004, 2004): (-0.0105, 0.0233),
    (2004, 2005): (-0.0704, 0.0310),
    (2004, 2006): (-0.1373, 0.0364),
    (2004, 2007): (-0.1008, 0.0344),
    (2006, 2004): (0.0065, 0.0233),
    (2006, 2005): (-0.0028, 0.0196),
    (2006, 2006): (-0.0046, 0.0178),
    (2006, 2007): (-0.0412, 0.0202),
    (2007, 2004): (0.0305, 0.0150),
    (2007, 2005): (-0.0027, 0.0164),
    (2007, 2006): (-0.0311, 0.0179),
    (2007, 2007): (-0.0261, 0.0167),
}


def _mpdta() -> list[Observation]:
    spec = importlib.util.find_spec("moderndid")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("moderndid (which ships mpdta) is not installed: make install adds it")
    # read the data file without importing the package (it pulls in polars and more)
    path = Path(next(iter(spec.submodule_search_locations))) / "core/datasets/mpdta_long.pkl.gz"
    with gzip.open(path, "rb") as handle:
        frame = pickle.load(handle)  # noqa: S301 - a data file of an installed package
    return [
        Observation(
            str(row.countyreal),
            int(row.year),
            float(row.lemp),
            None if int(row.first_treat) == 0 else int(row.first_treat),
        )
        for row in frame.rename(columns={"first.treat": "first_treat"}).itertuples()
    ]


def test_group_time_effects_match_the_did_package_to_its_rounding() -> None:
    result = staggered_did(_mpdta(), "never_treated")
    found = {(g.cohort, g.year): g.estimate for g in result.group_time}
    assert set(found) == set(REFERENCE)
    for key, (att, std_error) in REFERENCE.items():
        assert found[key].att == pytest.approx(att, abs=0.00005), key
        # analytic standard errors: the reference prints bootstrap ones, equal to 3 decimals
        assert found[key].std_error == pytest.approx(std_error, abs=0.0015), key


def test_the_overall_effect_is_the_reference_simple_aggregate() -> None:
    result = staggered_did(_mpdta(), "never_treated")
    # did::aggte(type = "simple"): ATT -0.04, 95% interval excludes 0
    assert result.overall.att == pytest.approx(-0.0400, abs=0.00005)
    assert result.overall.upper < 0
    assert result.units == 500 and result.treated_units == 191
