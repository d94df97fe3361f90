"""The signals tests' fixtures (areas, organisations with handlers, fresh rate limits)."""

from weerbaar.signals.tests.conftest import _fresh_limits_and_shapes, country, orgs

__all__ = ["_fresh_limits_and_shapes", "country", "orgs"]
