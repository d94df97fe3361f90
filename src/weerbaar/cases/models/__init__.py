from weerbaar.cases.models.case import Case, CaseEvent, CaseShare, CaseState
from weerbaar.cases.models.inspection import (
    Discipline,
    Finding,
    Inspection,
    InspectionStop,
    Measure,
    MeasureKind,
    Situation,
    StartLocation,
    Visit,
    VisitPhoto,
)
from weerbaar.cases.models.routing import RoutingRule
from weerbaar.cases.models.subject import (
    LinkState,
    SignalLink,
    Subject,
    SubjectKind,
    SubjectOrigin,
)
from weerbaar.cases.models.triage import Decision, TriageDecision, TriageFormula

__all__ = [
    "Case",
    "CaseEvent",
    "CaseShare",
    "CaseState",
    "Decision",
    "Discipline",
    "Finding",
    "Inspection",
    "InspectionStop",
    "LinkState",
    "Measure",
    "MeasureKind",
    "RoutingRule",
    "SignalLink",
    "Situation",
    "StartLocation",
    "Subject",
    "SubjectKind",
    "SubjectOrigin",
    "TriageDecision",
    "TriageFormula",
    "Visit",
    "VisitPhoto",
]
