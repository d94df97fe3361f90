"""One object per real business: merge the duplicates that the Bibob register's own
get_or_create made before ``cases.services.subjects`` was the only door.

A business registered through screening had no trade names, so a later signal naming the
same business created a second object. Here every business without trade names gets its
name as one, and businesses that are the same (same KvK number, or in one municipality the
same trade name where at most one has a KvK number) are merged into the oldest: links,
cases, inspection stops, triage decisions, addresses and applications move to it."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from django.db import migrations


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _merge(apps, keep, other) -> None:
    SignalLink = apps.get_model("cases", "SignalLink")
    InspectionStop = apps.get_model("cases", "InspectionStop")
    TriageDecision = apps.get_model("cases", "TriageDecision")
    Application = apps.get_model("screening", "Application")
    for link in SignalLink.objects.filter(subject=other):
        if SignalLink.objects.filter(signal_id=link.signal_id, subject=keep).exists():
            link.delete()
        else:
            link.subject = keep
            link.save(update_fields=["subject"])
    for stop in InspectionStop.objects.filter(subject=other):
        if InspectionStop.objects.filter(inspection_id=stop.inspection_id, subject=keep).exists():
            continue  # PROTECT: keep the other object rather than lose a visit
        stop.subject = keep
        stop.save(update_fields=["subject"])
    TriageDecision.objects.filter(subject=other).update(subject=keep)
    Application.objects.filter(premises=other).update(premises=keep)
    Application.objects.filter(business=other).update(business=keep)
    for case in other.cases.all():
        case.subjects.add(keep)
        case.subjects.remove(other)
    keep.addresses.add(*other.addresses.all())
    names = list(keep.trade_names or [])
    known = {_plain(n) for n in names}
    names += [n for n in other.trade_names or [] if _plain(n) not in known]
    keep.trade_names = names
    keep.kvk = keep.kvk or other.kvk
    if keep.origin == "bibob" and other.origin != "bibob":
        keep.origin = other.origin
    keep.save(update_fields=["trade_names", "kvk", "origin"])
    if not InspectionStop.objects.filter(subject=other).exists():
        other.delete()


def forwards(apps, schema_editor) -> None:
    Subject = apps.get_model("cases", "Subject")
    businesses = Subject.objects.filter(kind="bedrijf").order_by("pk")
    for business in businesses:
        if not business.trade_names and business.label and not business.label.startswith("KvK "):
            business.trade_names = [business.label]
            business.save(update_fields=["trade_names"])
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for business in businesses:
        if business.kvk:
            groups[("kvk", business.kvk)].append(business)
    for group in groups.values():
        keep, *others = group
        for other in others:
            _merge(apps, keep, other)
    by_name: dict[tuple[int | None, str], list] = defaultdict(list)
    for business in Subject.objects.filter(kind="bedrijf").order_by("pk"):
        for name in business.trade_names or []:
            by_name[(business.municipality_id, _plain(name))].append(business)
    for group in by_name.values():
        alive = [b for b in group if Subject.objects.filter(pk=b.pk).exists()]
        if len(alive) < 2 or len({b.kvk for b in alive if b.kvk}) > 1:
            continue  # two different KvK numbers: two businesses with one name
        keep, *others = alive
        for other in others:
            _merge(apps, Subject.objects.get(pk=keep.pk), other)
    _mark_bibob_only(apps)


def _mark_bibob_only(apps) -> None:
    """Objects only an application knows: visible to its team alone from now on."""
    Subject = apps.get_model("cases", "Subject")
    Application = apps.get_model("screening", "Application")
    used = set(Application.objects.values_list("premises_id", flat=True))
    used |= set(Application.objects.values_list("business_id", flat=True))
    used.discard(None)
    Subject.objects.filter(
        pk__in=used,
        links__isnull=True,
        cases__isnull=True,
        decisions__isnull=True,
    ).exclude(pk__in=apps.get_model("cases", "InspectionStop").objects.values("subject_id")).update(
        origin="bibob"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_subject_origin"),
        ("screening", "0002_seed"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
