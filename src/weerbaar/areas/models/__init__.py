from weerbaar.areas.models.area import Area, AreaLevel
from weerbaar.areas.models.population import HouseholdCount, PopulationCount
from weerbaar.areas.models.postcode import AddressPoint, PostcodePoint, PostcodeRange
from weerbaar.areas.models.region import Region

__all__ = [
    "AddressPoint",
    "Area",
    "AreaLevel",
    "HouseholdCount",
    "PopulationCount",
    "PostcodePoint",
    "PostcodeRange",
    "Region",
]
