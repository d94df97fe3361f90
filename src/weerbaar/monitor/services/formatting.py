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
}
STATUS_WORDS = {
    Status.MISSING: "ontbreekt",
    Status.SECRET: "geheim",
    Status.REDIVISION: "niet vergelijkbaar",
}


def number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")


def format_value(value: float | None, unit: str, status: str = Status.FINAL) -> str:
    if value is None:
        return STATUS_WORDS.get(Status(status), "ontbreekt") if status else "ontbreekt"
    text = number(value, DECIMALS.get(Unit(unit), 2))
    return f"{text}%" if unit == Unit.PROCENT else text
