"""The monitor's in-process caches, keyed on the newest data version, in one place so they
can be cleared together (after an import in another process, and between tests)."""

from __future__ import annotations


def clear() -> None:
    from weerbaar.core import freshness
    from weerbaar.monitor.services import answers, comparisons, selectors, tables, values

    freshness.forget(tables.DATA_STAMP, selectors.CATALOGUE)
    answers.values_answer.cache_clear()
    tables._level_values.cache_clear()
    tables._cached_quintiles.cache_clear()
    tables._cached_national.cache_clear()
    values.newest_weights.cache_clear()
    comparisons._peers.cache_clear()
