"""Template filters for Dutch number formatting without localising years."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def aantal(value: int | None) -> str:
    """244441 -> '244.441'; None -> 'onbekend' (never shown as 0)."""
    if value is None or value == "":
        return _("onbekend")
    return f"{int(value):,}".replace(",", ".")


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key)
