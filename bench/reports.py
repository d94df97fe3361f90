"""Benchmark of the yearly progress report of the province of Groningen on the real open
data: composing its numbers (cold and warm), the HTML page, and the PDF (PDF/UA, WeasyPrint),
side by side in one run. Target: the PDF in under 10 s on this machine.

Run: ``.venv/bin/python bench/reports.py`` (SQLite in a temporary folder), or with
``DATABASE_URL=postgres://...`` for PostgreSQL (its areas, monitor and programme tables are
emptied first).
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REGION = "PV20"
YEAR = 2024
ROUNDS = 5


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _real import data_folder, empty_open_data, engine, setup_django

    setup_django()
    from django.test import Client
    from pypdf import PdfReader

    from weerbaar.accounts.tests.factories import verify_session
    from weerbaar.areas.services.importing import import_areas
    from weerbaar.monitor.importers.run import import_monitor
    from weerbaar.reports.services import methods, pdf, progress
    from weerbaar.reports.tests.factories import analyst
    from weerbaar.selection.services.programmes_import import import_programmes

    folder = data_folder()
    empty_open_data()
    import_areas(folder)
    import_monitor(folder)
    import_programmes(folder)
    print(f"database: {engine()}; report: {REGION} {YEAR}")

    start = time.perf_counter()
    content = progress.build(REGION, YEAR)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        again = progress.build(REGION, YEAR)
        warm.append(time.perf_counter() - start)
    assert again == content, "the same data must give the same report"
    print(
        f"numbers (build): cold {cold:5.2f} s, warm median {statistics.median(warm):5.2f} s; "
        f"{len(content['indicators'])} indicators, "
        f"{len(content['region']['municipalities'])} municipalities, identical every round"
    )

    client = Client()
    user = analyst("bench-analist")
    client.force_login(user)
    verify_session(client, user)  # as after the second login step
    url = f"/rapportages/concept/?regio={REGION}&jaar={YEAR}"
    html_times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        html_times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    html = statistics.median(html_times)
    print(f"HTML page (draft): median {html:5.2f} s, {len(response.content) / 1024:.0f} KB")

    context = {"content": content, "methods": methods.METHODS}
    pdf.render(context)  # first: loads fonts and WeasyPrint itself
    pdf_times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        rendered = pdf.render(context)
        pdf_times.append(time.perf_counter() - start)
    # memory in a run of its own: tracing slows WeasyPrint down three to four times
    tracemalloc.start()
    pdf.render(context)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    pages = len(PdfReader(io.BytesIO(rendered)).pages)
    median = statistics.median(pdf_times)
    print(
        f"PDF (PDF/UA-1): median {median:5.2f} s, max {max(pdf_times):5.2f} s, "
        f"{pages} pages, {len(rendered) / 1024:.0f} KB, peak Python memory "
        f"{peak / 1024 / 1024:.0f} MB; target < 10 s: {'met' if max(pdf_times) < 10 else 'MISSED'}"
    )
    print(f"ratio PDF / HTML page: {median / html:4.1f}x (why the PDF is a background job)")


if __name__ == "__main__":
    main()
