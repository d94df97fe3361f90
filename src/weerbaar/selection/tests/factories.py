"""Six municipalities with drug-trafficking counts, population and a Leefbaarometer score,
chosen so the outcome of a rule can be reasoned about by hand."""

from __future__ import annotations

from typing import Any

from weerbaar.areas.models import AreaLevel
from weerbaar.areas.tests.factories import make_area, square
from weerbaar.monitor.tests.factories import catalogue, observe

#: code: (name, province, inhabitants, drug offences 2023, Leefbaarometer 2022)
MUNICIPALITIES = {
    "GM0001": ("Aastad", "PV20", 100_000, 100, 4.0),  # 10 per 10,000
    "GM0002": ("Beedorp", "PV20", 200_000, 100, 4.2),  # 5
    "GM0003": ("Ceeveen", "PV22", 90_000, 27, 3.9),  # 3
    "GM0004": ("Deehuizen", "PV22", 50_000, 100, 3.8),  # 20, small and severe
    "GM0005": ("Eewolde", "PV22", 85_000, 17, 4.4),  # 2
    "GM0006": ("Effum", "PV20", 30_000, 3, 4.1),  # 1
}

DRUGS = "misdrijven-3-1-1-per-10000"
LBM = "leefbaarometer-lbm"


def municipalities() -> None:
    catalogue()
    provinces = {
        "PV20": make_area(
            "PV20", "Groningen", AreaLevel.PROVINCIE, geometry=square(6.0, 53.0, 1.0)
        ),
        "PV22": make_area("PV22", "Drenthe", AreaLevel.PROVINCIE, geometry=square(6.0, 52.5, 0.5)),
    }
    for index, (code, (name, province, inhabitants, drugs, lbm)) in enumerate(
        MUNICIPALITIES.items()
    ):
        make_area(
            code,
            name,
            AreaLevel.GEMEENTE,
            provinces[province],
            geometry=square(6.0 + index * 0.1, 52.8),
        )
        observe("bevolking.gemiddeld", code, 2023, inhabitants)
        observe("misdrijven.3.1.1", code, 2023, drugs)
        observe("leefbaarometer.lbm", code, 2022, lbm)
        observe("kwb.totaal", code, 2024, inhabitants)


def pmg_rule(**changes: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "name": "Test-PmG",
        "level": "gemeente",
        "year": 2023,
        "years": 1,
        "filters": [{"type": "min_inhabitants", "value": 80_000}],
        "indicators": [{"code": DRUGS, "weight": 2}, {"code": LBM, "weight": 1}],
        "normalisation": "zscore",
        "missing": "exclude",
        "select": {"top": 2},
    }
    rule.update(changes)
    return rule
