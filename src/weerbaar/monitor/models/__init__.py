from weerbaar.monitor.models.indicator import Aggregation, Direction, Indicator, Unit
from weerbaar.monitor.models.observation import (
    DataVersion,
    Method,
    Observation,
    SeriesBreak,
    Status,
)

__all__ = [
    "Aggregation",
    "DataVersion",
    "Direction",
    "Indicator",
    "Method",
    "Observation",
    "SeriesBreak",
    "Status",
    "Unit",
]
