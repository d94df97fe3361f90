"""Areas of concern from the monitor, for giving requests priority in tour planning and
for the "what fits this area" view: a municipality is of concern on an indicator when it
is at or above a percentile among all municipalities, oriented so that higher always
means more concern (for "higher is better" indicators the scale is turned round)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.monitor.models import Direction, Indicator
from weerbaar.monitor.services.comparisons import rank_values
from weerbaar.monitor.services.values import compute, years_available


@dataclass(frozen=True)
class Concern:
    area_code: str
    value: float | None
    year: int | None
    percentile: float | None  # oriented: 100 = most concern
    of_concern: bool
    explanation: str


def indicator_choices() -> list[Indicator]:
    """Indicators that can rank municipalities on concern (not the neutral ones)."""
    return [
        indicator
        for indicator in Indicator.objects.exclude(direction=Direction.NEUTRAL)
        if "gemeente" in (indicator.levels or [])
    ]


def concerns(
    indicator_code: str, codes: Iterable[str], threshold: float = 75.0
) -> dict[str, Concern]:
    """Concern per requested municipality code, from the newest year with values."""
    wanted = set(codes)
    indicator = Indicator.objects.filter(code=indicator_code).first()
    if indicator is None:
        return {
            code: Concern(code, None, None, None, False, _("Indicator niet gevonden."))
            for code in wanted
        }
    municipalities = set(
        Area.objects.current().filter(level=AreaLevel.GEMEENTE).values_list("code", flat=True)
    )
    names = dict(
        Area.objects.current()
        .filter(level=AreaLevel.GEMEENTE, code__in=wanted)
        .values_list("code", "name")
    )
    result: dict[str, Concern] = {}
    for year in reversed(years_available(indicator)):
        values = [v for v in compute(indicator, years=[year]) if v.area_code in municipalities]
        if not any(v.has_value for v in values):
            continue
        ranking = rank_values(values)
        by_code = {v.area_code: v for v in values}
        for code in wanted:
            rank = ranking.get(code)
            name = names.get(code, code)
            if rank is None:
                result[code] = Concern(
                    code,
                    None,
                    year,
                    None,
                    False,
                    _("%(name)s: geen waarde voor %(indicator)s in %(year)s.")
                    % {"name": name, "indicator": indicator.name, "year": year},
                )
                continue
            oriented = (
                100.0 - rank.percentile
                if indicator.direction == Direction.HIGHER_BETTER
                else rank.percentile
            )
            of_concern = oriented >= threshold
            result[code] = Concern(
                code,
                by_code[code].value,
                year,
                oriented,
                of_concern,
                _(
                    "%(name)s: %(indicator)s %(year)s, ongunstiger dan %(pct).0f%% van de "
                    "%(n)s gemeenten%(verdict)s"
                )
                % {
                    "name": name,
                    "indicator": indicator.name,
                    "year": year,
                    "pct": oriented,
                    "n": rank.compared_with,
                    "verdict": _(" — voorrang") if of_concern else "",
                },
            )
        return result
    return {
        code: Concern(
            code,
            None,
            None,
            None,
            False,
            _("Geen cijfers voor %(indicator)s.") % {"indicator": indicator.name},
        )
        for code in wanted
    }


def indicator_name(code: str) -> str:
    if not code:
        return ""
    return Indicator.objects.filter(code=code).values_list("name", flat=True).first() or code
