"""Recording what the team found at an address, and the measures with their legal basis
and follow-up deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.audit import record
from weerbaar.cases.models import (
    Finding,
    InspectionStop,
    Measure,
    MeasureKind,
    Situation,
    Visit,
    VisitPhoto,
)
from weerbaar.core.images import CleanImage
from weerbaar.core.locking import door

LEGAL_BASIS = {
    MeasureKind.WAARSCHUWING: "Algemene wet bestuursrecht, art. 5:21 e.v. (last onder bestuursdwang, vooraankondiging)",
    MeasureKind.SLUITING_13B: "Opiumwet, art. 13b",
    MeasureKind.INTREKKING: "Wet Bibob, art. 3, en de verordening waarop de vergunning rust",
    MeasureKind.WEIGERING: "Wet Bibob, art. 3, en de verordening waarop de vergunning rust",
    MeasureKind.BIBOB: "Wet Bibob, art. 9 (advies Landelijk Bureau Bibob)",
    MeasureKind.AANGIFTE: "Wetboek van Strafvordering, art. 162 (aangifte door ambtenaren)",
    MeasureKind.BELASTINGDIENST: "Convenant RIEC (gegevensdeling), art. 4",
}
FOLLOW_UP_DAYS = {
    MeasureKind.WAARSCHUWING: 14,
    MeasureKind.SLUITING_13B: 90,
    MeasureKind.INTREKKING: 42,
    MeasureKind.WEIGERING: 42,
    MeasureKind.BIBOB: 56,
    MeasureKind.AANGIFTE: 28,
    MeasureKind.BELASTINGDIENST: 28,
}


class VisitError(ValueError):
    pass


@door("stop")
def record_visit(
    stop: InspectionStop,
    *,
    situation: str,
    findings: list[str],
    notes: str = "",
    participants: str = "",
    photos: list[CleanImage] | None = None,
    actor: Any,
) -> Visit:
    if situation not in Situation.values:
        raise VisitError(_("Kies de aangetroffen situatie."))
    unknown = set(findings) - set(Finding.values)
    if unknown:
        raise VisitError(_("Onbekende bevinding: %(f)s.") % {"f": ", ".join(sorted(unknown))})
    if hasattr(stop, "visit"):
        raise VisitError(_("Dit bezoek is al vastgelegd."))
    visit = Visit.objects.create(
        stop=stop,
        situation=situation,
        findings=sorted(set(findings)),
        notes=notes.strip(),
        participants=participants.strip()[:250],
        recorded_by=actor,
    )
    VisitPhoto.objects.bulk_create(
        VisitPhoto(
            visit=visit, content_type=p.content_type, data=p.data, width=p.width, height=p.height
        )
        for p in photos or []
    )
    record(AuditAction.CREATE, actor=actor, obj=visit)
    return visit


@door("visit")
def add_measure(
    visit: Visit, kind: str, *, note: str = "", actor: Any, on: dt.date | None = None
) -> Measure:
    if kind not in MeasureKind.values:
        raise VisitError(_("Kies een maatregel."))
    start = on or visit.stop.inspection.date
    measure = Measure.objects.create(
        visit=visit,
        kind=kind,
        legal_basis=LEGAL_BASIS[MeasureKind(kind)],
        follow_up=start + dt.timedelta(days=FOLLOW_UP_DAYS[MeasureKind(kind)]),
        note=note.strip(),
        created_by=actor,
    )
    record(AuditAction.CREATE, actor=actor, obj=measure)
    return measure
