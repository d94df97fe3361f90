"""Custom regions: named sets of municipalities an analyst compares as one area (figures
computed from counts, never by averaging rates). Three regions the source texts name come
ready; an analyst changes them or adds their own (``weerbaar regio``, or the admin)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from weerbaar.areas.models import Area, AreaLevel, Region


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    municipalities: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()


PRESETS = (
    Preset(
        "Noord-Groningen",
        "Eemsdelta en Het Hogeland: de noordelijke gemeenten van de provincie Groningen, waar "
        "volgens de minister (Kamervragen, seed 001) het aandeel jeugdige verdachten iets hoger "
        "ligt. Pas de gemeenten aan naar wat u onder Noord-Groningen verstaat.",
        municipalities=("GM1979", "GM1966"),
    ),
    Preset(
        "RIEC Noord-Nederland",
        "Het werkgebied van het RIEC Noord-Nederland: alle gemeenten in Groningen, Fryslân en "
        "Drenthe.",
        provinces=("PV20", "PV21", "PV22"),
    ),
    Preset(
        "Groningen en Drenthe",
        "De gemeenten van de provincies Groningen en Drenthe samen, zoals de minister ze "
        "vergelijkt met alle gemeenten ('55% en 63% van de gemeenten scoort hoger').",
        provinces=("PV20", "PV22"),
    ),
)


class RegionError(ValueError):
    """One sentence for the analyst."""


def _members(municipalities: tuple[str, ...], provinces: tuple[str, ...]) -> list[Area]:
    current = Area.objects.current()
    found = list(current.filter(level=AreaLevel.GEMEENTE, code__in=municipalities))
    unknown = sorted(set(municipalities) - {a.code for a in found})
    known_provinces = set(
        current.filter(level=AreaLevel.PROVINCIE, code__in=provinces).values_list("code", flat=True)
    )
    unknown += sorted(set(provinces) - known_provinces)
    if unknown:
        raise RegionError(f"Onbekend gebied: {', '.join(unknown)} (gebruik GMxxxx of PVxx).")
    found += list(
        current.filter(level=AreaLevel.GEMEENTE, parent__code__in=provinces).exclude(
            pk__in=[a.pk for a in found]
        )
    )
    return found


@transaction.atomic
def save_region(
    name: str,
    *,
    municipalities: tuple[str, ...] = (),
    provinces: tuple[str, ...] = (),
    description: str = "",
) -> Region:
    """Create or replace a region by name; its members are the municipalities named and
    those of the provinces named (as they are now)."""
    name = name.strip()
    if not name:
        raise RegionError("Geef de regio een naam.")
    members = _members(municipalities, provinces)
    if not members:
        raise RegionError("Een regio heeft minstens één gemeente nodig.")
    region = Region.objects.select_for_update().filter(name=name).first()
    if region is None:
        region = Region(name=name, slug=slugify(name))
    if description:
        region.description = description
    region.save()
    region.members.set(members)
    return region


def ensure_presets() -> list[str]:
    """Create the ready-made regions that do not exist yet (never overwrite an analyst's
    changes); returns the names created. Skipped while the municipalities are not loaded."""
    created = []
    for preset in PRESETS:
        if Region.objects.filter(name=preset.name).exists():
            continue
        try:
            save_region(
                preset.name,
                municipalities=preset.municipalities,
                provinces=preset.provinces,
                description=preset.description,
            )
        except RegionError:
            continue
        created.append(preset.name)
    return created
