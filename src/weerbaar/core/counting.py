"""Counts of records per area code and year, for reports that publish aggregates only.

Each app counts its own records with this (its models stay its own); the caller gets
numbers, never a record, and suppresses small ones before anything is shown."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

Counts = dict[tuple[str, int], int]


def per_area_year(
    queryset: QuerySet, code_field: str, date_field: str, years: Iterable[int]
) -> Counts:
    """How many distinct records of ``queryset`` fall in each (area code, year).

    A record linked to two areas (a case about premises in two municipalities) counts once
    in each of them."""
    wanted = sorted(set(years))
    if not wanted:
        return {}
    rows = (
        queryset.annotate(_year=ExtractYear(date_field))
        .filter(_year__in=wanted, **{f"{code_field}__isnull": False})
        .values(code_field, "_year")
        .annotate(_n=Count("pk", distinct=True))
        .order_by()
    )
    return {(row[code_field], int(row["_year"])): int(row["_n"]) for row in rows}
