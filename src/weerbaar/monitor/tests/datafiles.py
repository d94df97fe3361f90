"""A small monitor data directory in the published formats, written by the tests."""

from __future__ import annotations

from pathlib import Path

CRIME_HEADER = (
    "gm_code,gm_naam,soort_code,soort_naam,soort_naam_en,betrouwbaarheid_tier,jaar,"
    "geregistreerde_misdrijven,voorlopig"
)
DRUGS = "3.1.1,Drugshandel,Drug trafficking,enforcement"
POPULATION_HEADER = "gm_code,gm_naam_2025,jaar,gemiddeld_inwoners"


def crime_rows() -> list[str]:
    rows = []
    for year, (groningen, assen) in {
        2018: (150, 70),
        2019: (200, 70),
        2023: (209, 35),
        2024: (202, "x"),
        2025: (207, ""),
    }.items():
        provisional = "1" if year >= 2024 else "0"
        rows.append(f"GM0014,Groningen,{DRUGS},{year},{groningen},{provisional}")
        rows.append(f"GM0106,Assen,{DRUGS},{year},{assen},{provisional}")
    rows.append("GM0000,,3.1.1,Drugshandel,Drug trafficking,enforcement,2023,5,0")
    return rows


def population_rows() -> list[str]:
    rows = []
    for year in (2018, 2019, 2023, 2024, 2025):
        groningen = 203000 if year == 2018 else 232000 + 1000 * (year - 2019)
        rows.append(f"GM0014,Groningen,{year},{groningen}")
        rows.append(f"GM0106,Assen,{year},{68000 + 100 * (year - 2018)}")
    rows.append("GM0017,,2018,20000")  # Haren, merged into Groningen in 2019
    rows.append("GM0009,,2018,7300")  # Ten Boer
    return rows


def write_monitor_dir(root: Path, *, crime: list[str] | None = None) -> Path:
    (root / "politie").mkdir(parents=True, exist_ok=True)
    (root / "gemeenten").mkdir(exist_ok=True)
    (root / "kwb").mkdir(exist_ok=True)
    (root / "leefbaarometer").mkdir(exist_ok=True)
    (root / "politie" / "misdrijven_47018NED_gemeente_selectie_2012_2025.csv").write_text(
        "\n".join([CRIME_HEADER, *(crime_rows() if crime is None else crime)]) + "\n"
    )
    (root / "gemeenten" / "bevolking_gemiddeld_70072ned_2012_2025.csv").write_text(
        "\n".join([POPULATION_HEADER, *population_rows()]) + "\n"
    )
    (root / "kwb" / "kwb_2024_bevolking_leeftijd_herkomst.csv").write_text(
        "regio_code,soort_regio,regio_naam,gm_code,gemeente_naam,indelingswijziging,inwoners,mannen,vrouwen,"
        "leeftijd_0_14,leeftijd_15_24,leeftijd_25_44,leeftijd_45_64,leeftijd_65_plus,herkomst_nederland,"
        "herkomst_europa_excl_nl,herkomst_buiten_europa\n"
        "GM0014,Gemeente,Groningen,GM0014,Groningen,1,990,490,500,140,300,250,180,120,700,150,140\n"
        "WK001400,Wijk,Centrum,GM0014,Groningen,1,600,300,300,50,200,200,100,50,400,100,100\n"
        "WK001401,Wijk,Oud-Zuid,GM0014,Groningen,1,200,100,100,90,100,50,80,70,300,50,40\n"
    )
    (root / "leefbaarometer" / "leefbaarometer3_wijk_2002_2022.csv").write_text(
        "wk_code,wk_naam,gm_code,jaar,lbm,afw,fys,onv,soc,vrz,won\n"
        "WK001400,Centrum,GM0014,2022,4.0,0.1,,,,,\n"
        "WK001401,Oud-Zuid,GM0014,2022,4.4,0.3,,,,,\n"
        "WK001499,Opgeheven,GM0014,2022,3.0,-0.5,,,,,\n"
    )
    (root / "politie" / "misdaadconcentratie_brengdelicten_gemeente_2023.csv").write_text(
        "gm_code,naam,nummer,bevolking,misdaad,buurten,gini_misdaad,provincie\n"
        "GM0014,Groningen,0014,244000,9000,151,0.55,Groningen\n"
    )
    return root
