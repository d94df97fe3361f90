"""Did the problem move next door? The weighted displacement quotient (Bowers & Johnson
2003) and the weighted displacement difference test (Wheeler & Ratcliffe 2018).

Counts before and after the start in the programme area (target), its ring of neighbours
(buffer) and a control area. A zero count where the method divides is flagged and nothing is
computed from it; small counts are computed and flagged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

#: counts below this are small: the result is shown with a warning
SMALL_COUNT = 5


@dataclass(frozen=True)
class Counts:
    before: float
    after: float

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Areas:
    target: Counts
    buffer: Counts
    control: Counts
    #: the control for the buffer; the same control as the target's when None
    buffer_control: Counts | None = None


@dataclass
class Displacement:
    #: None when a zero count would be divided by
    quotient: float | None
    success: float | None  # target relative to control: negative means it fell
    buffer_measure: float | None  # buffer relative to control: positive means it rose
    difference: float  # Wheeler & Ratcliffe WDD (counts)
    z: float | None
    p_value: float | None
    verdict: str
    flags: list[str] = field(default_factory=list)


def _ratio_change(area: Counts, control: Counts) -> float:
    return area.after / control.after - area.before / control.before


def weighted_displacement(areas: Areas) -> Displacement:
    control_b = areas.buffer_control or areas.control
    same_control = areas.buffer_control is None
    cells = {
        "programmagebied": areas.target,
        "ring": areas.buffer,
        "controlegebied": areas.control,
        **({} if same_control else {"controle van de ring": control_b}),
    }
    flags = []
    for name, counts in cells.items():
        for moment, value in (("voor", counts.before), ("na", counts.after)):
            if value == 0:
                flags.append(f"{name} {moment}: 0")
            elif value < SMALL_COUNT:
                flags.append(f"{name} {moment}: klein aantal ({value:g})")
    # WDD: change in target and buffer, each net of its control. A control much larger than
    # the area it controls (all other municipalities) is scaled to that area's size before
    # the start, as the quotient's ratios do; the variance scales with the square.
    zero_divisor = 0 in (
        areas.control.before,
        areas.control.after,
        control_b.before,
        control_b.after,
    )
    scale_t = areas.target.before / areas.control.before if areas.control.before else 1.0
    scale_b = areas.buffer.before / control_b.before if control_b.before else 1.0
    difference = (
        areas.target.change
        - scale_t * areas.control.change
        + areas.buffer.change
        - scale_b * control_b.change
    )
    control_variance = (
        (scale_t + scale_b) ** 2 * (areas.control.before + areas.control.after)
        if same_control
        else scale_t**2 * (areas.control.before + areas.control.after)
        + scale_b**2 * (control_b.before + control_b.after)
    )
    variance = (
        areas.target.before
        + areas.target.after
        + areas.buffer.before
        + areas.buffer.after
        + control_variance
    )
    z = difference / math.sqrt(variance) if variance > 0 else None
    p_value = math.erfc(abs(z) / math.sqrt(2)) if z is not None else None  # two-sided normal
    zero_divisor = 0 in (
        areas.control.before,
        areas.control.after,
        control_b.before,
        control_b.after,
    )
    if zero_divisor:
        return Displacement(None, None, None, difference, z, p_value, "niet te berekenen", flags)
    success = _ratio_change(areas.target, areas.control)
    buffer_measure = _ratio_change(areas.buffer, control_b)
    if success >= 0:
        verdict = "geen daling in het programmagebied: verplaatsing is niet te beoordelen"
        return Displacement(None, success, buffer_measure, difference, z, p_value, verdict, flags)
    quotient = buffer_measure / success
    if quotient < 0:
        verdict = "verplaatsing: de ring steeg terwijl het programmagebied daalde (ten opzichte van de controle)"
    elif quotient > 0:
        verdict = "uitstraling: ook de ring daalde (ten opzichte van de controle)"
    else:
        verdict = "geen verandering in de ring"
    return Displacement(quotient, success, buffer_measure, difference, z, p_value, verdict, flags)
