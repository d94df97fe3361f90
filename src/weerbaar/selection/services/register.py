"""A plain-Dutch description of a rule, fit for an entry in an algorithm register."""

from __future__ import annotations

from typing import Any

from weerbaar.monitor.models import Direction, Indicator

SENSITIVE_THEMES = {"bevolking"}


def _filter_text(item: dict[str, Any]) -> str:
    if item["type"] == "min_inhabitants":
        return f"minstens {item['value']:,} inwoners".replace(",", ".")
    if item["type"] == "max_inhabitants":
        return f"hoogstens {item['value']:,} inwoners".replace(",", ".")
    if item["type"] == "in_province":
        return f"gelegen in {', '.join(item['codes'])}"
    return f"doet nog niet mee aan programma '{item['programme']}'"


def _select_text(select: dict[str, Any]) -> str:
    if "top" in select:
        return f"de {select['top']} gebieden met de hoogste score"
    return f"alle gebieden met een score van minstens {select['threshold']:g}".replace(".", ",")


def warnings(rule: dict[str, Any]) -> list[str]:
    codes = [i["code"] for i in rule["indicators"]]
    sensitive = list(
        Indicator.objects.filter(code__in=codes, theme__in=SENSITIVE_THEMES).values_list(
            "name", flat=True
        )
    )
    if not sensitive:
        return []
    return [
        "Deze regel gebruikt kenmerken van de bevolking (" + "; ".join(sensitive) + "). "
        "Zulke kenmerken kunnen gebieden en hun bewoners stigmatiseren; leg uit waarom ze nodig zijn. "
        "Herkomst en etniciteit zijn in Weerbaar niet beschikbaar en worden nooit gebruikt."
    ]


def describe(rule: dict[str, Any]) -> dict[str, str]:
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(code__in=[x["code"] for x in rule["indicators"]])
    }
    total = sum(i["weight"] for i in rule["indicators"])
    level = "gemeenten" if rule["level"] == "gemeente" else "wijken"
    data_lines = []
    for item in rule["indicators"]:
        indicator = indicators[item["code"]]
        direction = {
            str(Direction.HIGHER_WORSE): "hoger telt als ernstiger",
            str(Direction.HIGHER_BETTER): "lager telt als ernstiger",
        }.get(indicator.direction, "hoger telt als ernstiger (neutrale indicator)")
        data_lines.append(
            f"{indicator.name} (gewicht {item['weight'] / total:.0%}; {direction}; bron: {indicator.citation})"
        )
    filters = [_filter_text(f) for f in rule["filters"]]
    year = "het nieuwste beschikbare jaar" if rule["year"] == "latest" else str(rule["year"])
    normalisation = (
        "Elke indicator wordt omgezet in een z-score (afwijking van het gemiddelde van de gebieden die meedingen, in standaarddeviaties)"
        if rule["normalisation"] == "zscore"
        else "Elke indicator wordt omgezet in een percentielrang (0 tot 1) onder de gebieden die meedingen"
    )
    missing = (
        "Een gebied zonder waarde voor een van de indicatoren valt af, met die reden erbij."
        if rule["missing"] == "exclude"
        else "Een ontbrekende waarde telt als gemiddeld (z-score 0 of percentielrang 0,5); dit staat bij het gebied vermeld."
    )
    method = (
        f"Gebieden die meedingen: {level}"
        + (f" met {', '.join(filters)}" if filters else "")
        + ". "
        f"Per indicator het gemiddelde over de laatste {rule['years']} gepubliceerde jaren tot en met {year}. "
        f"{normalisation}; de richting wordt zo gekozen dat een hogere waarde altijd een ernstiger probleem betekent. "
        f"De score is het gewogen gemiddelde. Gekozen worden {_select_text(rule['select'])}. {missing}"
    )
    if rule.get("second_track"):
        second = rule["second_track"]
        second_filters = (
            ", ".join(_filter_text(f) for f in second["filters"]) or "alle overige gebieden"
        )
        method += (
            f" Een tweede spoor kiest daarna uit de nog niet gekozen gebieden ({second_filters}) "
            f"{_select_text(second['select'])}, met een score berekend onder die gebieden."
        )
    return {
        "Naam": rule["name"],
        "Doel": f"Transparant en herhaalbaar kiezen van {level} voor een programma, op basis van open data.",
        "Gebruikte gegevens": "; ".join(data_lines)
        + ". Alleen gegevens over gebieden, nooit over personen.",
        "Werking": method,
        "Menselijke beslissing": "De uitkomst is een voorstel. Een bestuurder of projectgroep besluit en legt de reden vast; elk gebied krijgt een uitleg van zijn score.",
        "Bekende beperkingen": (
            "Haaldelicten zoals drugshandel zeggen ook iets over de inzet van politie. "
            "Scores zijn relatief: ze vergelijken gebieden met elkaar, niet met een norm. "
            "Na een gemeentelijke herindeling ontbreken cijfers per inwoner voor de jaren ervoor. "
            "De gevoeligheidsanalyse laat zien welke gebieden van de weging afhangen."
        ),
    }
