"""Every table of a progress report as rows for CSV or Excel: the same numbers as the
page, suppressed counts as an empty cell with the word in a column beside it."""

from __future__ import annotations

from typing import Any

TABLES = {
    "indicatoren": "Indicatoren van de regio en Nederland",
    "gemeenten": "Indicatoren per gemeente",
    "deelname": "Deelname aan programma's",
    "activiteit": "Activiteit per gemeente en jaar",
}


def table(content: dict[str, Any], name: str) -> tuple[list[str], list[list[object]]]:
    if name == "indicatoren":
        return (
            [
                "indicator",
                "code",
                "jaar",
                "regio",
                "status_regio",
                "nederland",
                "eerder_jaar",
                "regio_eerder",
                "nederland_eerder",
            ],
            [
                [
                    i["name"],
                    i["code"],
                    i["year"],
                    i["region"],
                    i["region_status"],
                    i["nl"],
                    i["earlier_year"],
                    i["region_earlier"],
                    i["nl_earlier"],
                ]
                for i in content["indicators"]
            ],
        )
    if name == "gemeenten":
        return (
            ["indicator", "jaar", "gemeentecode", "gemeente", "waarde", "status", "toelichting"],
            [
                [i["code"], i["year"], *row]
                for i in content["indicators"]
                for row in i["municipalities"]
            ],
        )
    if name == "deelname":
        return (
            ["programma", "gebiedscode", "gebied", "startjaar", "tranche", "afbakening"],
            [[p["name"], *area] for p in content["participation"] for area in p["areas"]],
        )
    if name == "activiteit":
        rows: list[list[object]] = []
        for row in content["activity"]["rows"]:
            for year, counted in sorted(row["years"].items()):
                for code, name_ in content["region"]["municipalities"]:
                    count = counted["cells"].get(code)
                    rows.append(
                        [
                            row["label"],
                            year,
                            code,
                            name_,
                            count,
                            "afgeschermd" if count is None else "",
                        ]
                    )
                rows.append(
                    [
                        row["label"],
                        year,
                        content["region"]["key"],
                        "totaal",
                        counted["total"],
                        "afgeschermd" if counted["total"] is None else "",
                    ]
                )
        return ["wat", "jaar", "code", "gebied", "aantal", "afscherming"], rows
    raise KeyError(name)
