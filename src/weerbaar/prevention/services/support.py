"""Finding help near you: by postcode (or a chosen municipality), the organisations of
that municipality first, then those for everyone."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services import postcodes
from weerbaar.prevention.models import HelpOrganisation


@dataclass
class HelpResult:
    municipality: Area | None = None
    local: list[HelpOrganisation] = field(default_factory=list)
    general: list[HelpOrganisation] = field(default_factory=list)
    problem: str = ""


def general() -> list[HelpOrganisation]:
    return list(HelpOrganisation.objects.filter(is_active=True, municipality_code=""))


def find(postcode: str = "", municipality_code: str = "") -> HelpResult:
    result = HelpResult(general=general())
    if postcode.strip():
        if postcodes.pc4(postcode) is None:
            result.problem = _("Vul een postcode in zoals 9712 of 9712 AB.")
            return result
        result.municipality = postcodes.municipality_for(postcode)
        if result.municipality is None:
            result.problem = _(
                "We weten niet in welke gemeente postcode %(postcode)s ligt. Kies hieronder uw gemeente."
            ) % {"postcode": postcode.strip().upper()}
            return result
    elif municipality_code:
        result.municipality = (
            Area.objects.current().filter(level=AreaLevel.GEMEENTE, code=municipality_code).first()
        )
        if result.municipality is None:
            result.problem = _("Deze gemeente kennen we niet.")
            return result
    if result.municipality is not None:
        result.local = list(
            HelpOrganisation.objects.filter(
                is_active=True, municipality_code=result.municipality.code
            )
        )
    return result


def municipalities_with_help() -> list[Area]:
    codes = set(
        HelpOrganisation.objects.filter(is_active=True)
        .exclude(municipality_code="")
        .values_list("municipality_code", flat=True)
    )
    return list(
        Area.objects.current().filter(level=AreaLevel.GEMEENTE, code__in=codes).order_by("name")
    )
