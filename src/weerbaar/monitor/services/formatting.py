"""Dutch number formatting per unit, and words for statuses (never colour alone)."""

from __future__ import annotations

from weerbaar.monitor.models import Status, Unit

DECIMALS = {
    Unit.AANTAL: 0,
    Unit.PROCENT: 1,
    Unit.PER_1000: 1,
    Unit.PER_10000: 1,
    Unit.PER_KM2: 0,
    Unit.SCORE: 3,
    Unit.KLASSE: 0,
}
STATUS_WORDS = {
    Status.MISSING: "ontbreekt",
    Status.SECRET: "geheim",
    Status.REDIVISION: "niet vergelijkbaar",
    Status.SMALL: "te klein aantal",
}

#: the Leefbaarometer's classes 1-9 in words: of the overall score ("score"), and of a
#: deviation from the national average, where 5 is around the average ("afwijking")
CLASS_WORDS: dict[str, dict[int, str]] = {
    "score": {
        1: "zeer onvoldoende",
        2: "ruim onvoldoende",
        3: "onvoldoende",
        4: "zwak",
        5: "voldoende",
        6: "ruim voldoende",
        7: "goed",
        8: "zeer goed",
        9: "uitstekend",
    },
    "afwijking": {
        1: "zeer veel lager dan gemiddeld",
        2: "veel lager dan gemiddeld",
        3: "lager dan gemiddeld",
        4: "iets lager dan gemiddeld",
        5: "rond het landelijk gemiddelde",
        6: "iets hoger dan gemiddeld",
        7: "hoger dan gemiddeld",
        8: "veel hoger dan gemiddeld",
        9: "zeer veel hoger dan gemiddeld",
    },
}


def class_in_words(klass: int | None, words: str) -> str:
    """'klasse 7: goed'; "" without a class."""
    if klass is None:
        return ""
    word = CLASS_WORDS.get(words, {}).get(klass)
    return f"klasse {klass}: {word}" if word else f"klasse {klass}"


def number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")


def format_value(value: float | None, unit: str, status: str = Status.FINAL) -> str:
    if value is None:
        return STATUS_WORDS.get(Status(status), "ontbreekt") if status else "ontbreekt"
    text = number(value, DECIMALS.get(Unit(unit), 2))
    return f"{text}%" if unit == Unit.PROCENT else text
