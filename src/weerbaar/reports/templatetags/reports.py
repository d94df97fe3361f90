"""Lay-out of a report's plain data: values with their status, changes with their sign,
suppressed counts in words. The numbers themselves come from services.progress."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from weerbaar.monitor.services.formatting import format_value, number

register = template.Library()


@register.simple_tag
def waarde(value: float | None, unit: str, status: str = "definitief") -> str:
    return format_value(value, unit, status or "definitief")


@register.simple_tag
def verandering(now: float | None, before: float | None, unit: str) -> str:
    if now is None or before is None:
        return ""
    change = now - before
    text = format_value(abs(change), unit)
    return ("+" if change > 0 else "−" if change < 0 else "±") + text


@register.filter
def telling(count: int | None) -> str:
    """A count from Weerbaar's own records: suppressed ones in words, never a number."""
    return _("afgeschermd") if count is None else number(float(count), 0)


@register.filter
def cel(cells: dict[str, int | None], code: str) -> int | None:
    return cells.get(code)


@register.filter
def jaar(years: dict[str, object], year: int) -> object:
    return years.get(str(year))
