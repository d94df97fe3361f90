from __future__ import annotations

from django import template

from weerbaar.monitor.services.formatting import class_in_words, format_value, number

register = template.Library()


@register.filter
def meetwaarde(value: object, unit: str) -> str:
    """{{ v.value|meetwaarde:indicator.unit }}; a Value object shows its status when empty."""
    if hasattr(value, "value"):
        return format_value(value.value, unit, value.status)  # type: ignore[attr-defined]
    return format_value(value if isinstance(value, (int, float)) else None, unit)


@register.filter
def getal(value: float | None, decimals: int = 0) -> str:
    return "" if value is None else number(float(value), int(decimals))


@register.filter
def verschil(value: float | None, unit: str) -> str:
    """A change with its sign: '+1,2' or '−0,4' (a real minus sign)."""
    if value is None:
        return ""
    text = format_value(abs(value), unit)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


@register.filter
def percentage(value: float | None) -> str:
    """A share 0-1 as a whole percentage in Dutch: 0.2857 → '29%'."""
    return "" if value is None else f"{number(float(value) * 100, 0)}%"


@register.filter
def klasse(value: object, words: str) -> str:
    """{{ v|klasse:indicator.class_words }}: 'klasse 7: goed', or "" without a class."""
    return class_in_words(getattr(value, "klass", None), words)
