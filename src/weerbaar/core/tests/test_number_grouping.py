"""Counts on list pages are read at national scale: "1.234.567 signalen", not "1234567"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.paginator import Page, Paginator
from django.template.loader import render_to_string
from django.utils import translation

LISTS = [
    ("signals/backoffice/list.html", "1.234.567 signalen"),
    ("cases/case_list.html", "1.234.567 zaken"),
    ("cases/subject_list.html", "1.234.567 objecten"),
    ("cases/triage.html", "1.234.567 objecten op de agenda; hier nummer 41 tot en met 60"),
    ("screening/register.html", "1.234.567 aanvragen"),
    ("prevention/backoffice/requests.html", "1.234.567 aanvragen"),
    ("accounts/record_reads.html", "1.234.567 keer"),
]


class Many:
    """A list of 1,234,567 rows that shows none: only the count line is under test."""

    def __len__(self) -> int:
        return 1_234_567

    def __getitem__(self, index: Any) -> list[Any]:
        return []


def page() -> Page:
    return Paginator(Many(), 20).get_page(3)


@pytest.mark.parametrize(("template", "line"), LISTS)
def test_the_count_above_a_list_groups_its_thousands(template: str, line: str) -> None:
    with translation.override("nl"):
        html = render_to_string(template, {"page": page()})
    meta = " ".join(re.findall(r'class="table-meta">([^<]*)', html))
    assert line in meta


def test_the_pages_are_numbered_with_grouped_thousands() -> None:
    with translation.override("nl"):
        html = render_to_string("core/_pagination.html", {"page": page()})
    assert "Pagina 3 van 61.729" in html
