"""The officials' signal form as a sandbox: the same fields, choices and checks as
"Signaal vastleggen", so practising is the real thing, but nothing is stored, no event is
written and no one is notified. Used by the training's "oefen het vastleggen" step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from weerbaar.signals.forms import SignalForm
from weerbaar.signals.models import LocationKind
from weerbaar.signals.services import location as places


@dataclass(frozen=True)
class Preview:
    """What would have been recorded, for the feedback beside the scenario's answer."""

    category: str
    description: str
    indicators: tuple[str, ...]  # codes, in the checklist's order
    location: str
    confidentiality: str


def form(user: Any, data: Any = None, initial: dict[str, Any] | None = None) -> SignalForm:
    """The official form, bound to ``data`` when given. Never given files: a practice
    signal has no attachments."""
    clearance = getattr(user, "clearance", None)
    if data is None:
        return SignalForm(official=True, clearance=clearance, initial=initial or {})
    return SignalForm(data, official=True, clearance=clearance)


def _location(form: SignalForm) -> str:
    data = form.cleaned_data
    kind = data.get("location_kind")
    if kind == LocationKind.ADRES:
        parts = [
            data.get("street", ""),
            str(data.get("house_number") or ""),
            data.get("postcode", ""),
        ]
        return " ".join(p for p in parts if p).strip() or _("een adres")
    if kind == LocationKind.GEBIED:
        municipality = places.municipality(data.get("municipality") or "")
        return municipality.name if municipality else _("een gebied")
    if kind == LocationKind.ONLINE:
        return _("online: %(platform)s") % {"platform": data.get("platform", "")}
    if kind == LocationKind.PUNT:
        return _("een punt op de kaart")
    return _("plaats onbekend")


def preview(valid_form: SignalForm) -> Preview:
    """The checked form as it would have been recorded (``is_valid()`` was true)."""
    data = valid_form.cleaned_data
    category = valid_form.category_choices.get(data.get("category") or "")
    chosen = {i.slug for i in data.get("indicators") or []}
    indicators_field: Any = valid_form.fields["indicators"]
    levels_field: Any = valid_form.fields["confidentiality"]
    order = [str(slug) for slug, _label in indicators_field.choices]
    return Preview(
        category=category.label if category else "",
        description=data["description"].strip(),
        indicators=tuple(slug for slug in order if slug in chosen),
        location=_location(valid_form),
        confidentiality=str(dict(levels_field.choices).get(data.get("confidentiality") or "", "")),
    )
