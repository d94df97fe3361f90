from weerbaar.areas.models.area import Area, AreaLevel
from weerbaar.areas.models.population import HouseholdCount, PopulationCount
from weerbaar.areas.models.postcode import PostcodeRange
from weerbaar.areas.models.region import Region

__all__ = ["Area", "AreaLevel", "HouseholdCount", "PopulationCount", "PostcodeRange", "Region"]
