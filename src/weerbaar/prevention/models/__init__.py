from weerbaar.prevention.models.bus import (
    PLANNABLE,
    Bus,
    BusRequest,
    DayReturn,
    OrganisationKind,
    PlanState,
    RequestState,
    RequestWindow,
    TourDrop,
    TourPlan,
    TourStop,
)
from weerbaar.prevention.models.catalogue import (
    LEVEL_RANK,
    Intervention,
    Level,
    Problem,
    Recognition,
    Setting,
    TargetGroup,
)
from weerbaar.prevention.models.content import Article, ArticleVersion, Section
from weerbaar.prevention.models.covenants import Covenant, CovenantParty, PartyRole
from weerbaar.prevention.models.help import HelpKind, HelpOrganisation

__all__ = [
    "LEVEL_RANK",
    "PLANNABLE",
    "Article",
    "ArticleVersion",
    "Bus",
    "BusRequest",
    "Covenant",
    "CovenantParty",
    "DayReturn",
    "HelpKind",
    "HelpOrganisation",
    "Intervention",
    "Level",
    "OrganisationKind",
    "PartyRole",
    "PlanState",
    "Problem",
    "Recognition",
    "RequestState",
    "RequestWindow",
    "Section",
    "Setting",
    "TargetGroup",
    "TourDrop",
    "TourPlan",
    "TourStop",
]
