"""Keeping the database's query planner informed.

PostgreSQL gathers statistics itself (autovacuum). SQLite does not: without them it
chose, for the signals list at 100,000 signals, to collect every visible row and sort
them (138 ms) instead of reading the newest 25 from the date index (0.5 ms). ``optimise``
gathers them; ``weerbaar serve`` runs it at start, ``weerbaar purge`` daily, and an import
after it has written.
"""

from __future__ import annotations

from django.db import connection

#: 0: read every row. A sample (analysis_limit=2000) read only the first rows of each
#: index, all with the same value, and left the planner as wrong as without statistics.
ANALYSIS_LIMIT = 0


def optimise() -> bool:
    """Refreshes SQLite's planner statistics; True when that was done (SQLite only)."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
    return True
