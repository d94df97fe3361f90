from weerbaar.monitor.models.indicator import Aggregation, Direction, Indicator, Unit
from weerbaar.monitor.models.observation import DataVersion, Observation, SeriesBreak, Status

__all__ = [
    "Aggregation",
    "DataVersion",
    "Direction",
    "Indicator",
    "Observation",
    "SeriesBreak",
    "Status",
    "Unit",
]
