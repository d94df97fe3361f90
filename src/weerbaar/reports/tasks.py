"""Background jobs: the PDF of a published progress report takes seconds (WeasyPrint),
so it is made after the request, by ``weerbaar db_worker`` in production."""

from __future__ import annotations

from django_tasks import task

from weerbaar.reports.services import publishing


@task()
def make_pdf(report_id: int) -> None:
    publishing.make(report_id)
