"""A tiny data directory in the published formats, written by the tests themselves."""

from __future__ import annotations

import json
from pathlib import Path

from weerbaar.areas.tests.factories import square

GEMEENTEN_HEADER = (
    "gm_code,gm_naam,provincie_code,provincie_naam,inwoners_1jan2025,leeftijd_0_4,leeftijd_5_9,"
    "leeftijd_10_14,leeftijd_15_19,leeftijd_20_24,leeftijd_25_44,leeftijd_45_64,leeftijd_65_79,"
    "leeftijd_80_plus,huishoudens_totaal,gemiddeld_inwoners_2024"
)
GEMEENTEN_ROWS = [
    "GM0014,Groningen,PV20,Groningen,1000,50,50,100,100,200,200,150,100,50,500,990",
    "GM0037,Stadskanaal,PV20,Groningen,300,10,10,20,20,20,80,80,40,20,150,301",
    "GM0106,Assen,PV22,Drenthe,700,30,30,40,40,60,200,150,100,50,300,698",
]
KWB_HEADER = (
    "regio_code,soort_regio,regio_naam,gm_code,gemeente_naam,indelingswijziging,inwoners,mannen,"
    "vrouwen,leeftijd_0_14,leeftijd_15_24,leeftijd_25_44,leeftijd_45_64,leeftijd_65_plus,"
    "herkomst_nederland,herkomst_europa_excl_nl,herkomst_buiten_europa"
)
KWB_ROWS = [
    "NL00,Land,Nederland,,Nederland,,2000,1000,1000,300,300,500,500,400,1500,250,250",
    "GM0014,Gemeente,Groningen,GM0014,Groningen,1,990,490,500,140,300,250,180,120,700,150,140",
    "GM0037,Gemeente,Stadskanaal,GM0037,Stadskanaal,1,305,150,155,40,40,80,80,65,280,15,10",
    "GM0106,Gemeente,Assen,GM0106,Assen,1,695,340,355,100,100,200,150,145,600,50,45",
    "WK001400,Wijk,Centrum,GM0014,Groningen,1,600,300,300,50,200,200,100,50,400,100,100",
    "WK001401,Wijk,Oud-Zuid,GM0014,Groningen,1,390,190,200,90,100,50,80,70,300,50,40",
    "BU00140000,Buurt,Binnenstad-Noord,GM0014,Groningen,1,350,170,180,,150,100,50,25,250,50,50",
    "BU00140100,Buurt,Herebuurt,GM0014,Groningen,1,390,190,200,90,100,50,80,70,300,50,40",
]


def feature_collection(features: list[tuple[str, str, dict]]) -> str:
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": geom,
                    "properties": {"statcode": code, "statnaam": name},
                }
                for code, name, geom in features
            ],
        }
    )


WIJK_TOPOJSON = {
    "type": "Topology",
    "transform": {"scale": [0.001, 0.001], "translate": [6.5, 53.2]},
    "objects": {
        "wijk_2024": {
            "type": "GeometryCollection",
            "geometries": [
                {
                    "type": "Polygon",
                    "arcs": [[0]],
                    "properties": {"statcode": "WK001400", "statnaam": "Centrum"},
                },
                {
                    "type": "Polygon",
                    "arcs": [[1]],
                    "properties": {"statcode": "WK001401", "statnaam": "Oud-Zuid"},
                },
            ],
        }
    },
    "arcs": [
        [[0, 0], [50, 0], [0, 50], [-50, 0], [0, -50]],
        [[50, 0], [50, 0], [0, 50], [-50, 0], [0, -50]],
    ],
}


def write_data_dir(root: Path, *, gemeenten_rows: list[str] | None = None) -> Path:
    (root / "gemeenten").mkdir(parents=True)
    (root / "geo").mkdir()
    (root / "kwb").mkdir()
    rows = GEMEENTEN_ROWS if gemeenten_rows is None else gemeenten_rows
    (root / "gemeenten" / "gemeenten_2025.csv").write_text(
        "\n".join([GEMEENTEN_HEADER, *rows]) + "\n"
    )
    (root / "kwb" / "kwb_2024_bevolking_leeftijd_herkomst.csv").write_text(
        "\n".join([KWB_HEADER, *KWB_ROWS]) + "\n"
    )
    (root / "geo" / "provincie_2023.geojson").write_text(
        feature_collection(
            [
                ("PV20", "Groningen", square(6.0, 53.0, 1.0)),
                ("PV22", "Drenthe", square(6.0, 52.5, 0.5)),
            ]
        )
    )
    for year in (2024, 2025):
        (root / "geo" / f"gemeente_{year}.geojson").write_text(
            feature_collection(
                [
                    ("GM0014", "Groningen", square(6.5, 53.2)),
                    ("GM0037", "Stadskanaal", square(6.9, 53.0)),
                    ("GM0106", "Assen", square(6.5, 52.9)),
                ]
            )
        )
    (root / "geo" / "wijk_2024.topojson").write_text(json.dumps(WIJK_TOPOJSON))
    return root
