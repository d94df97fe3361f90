from weerbaar.cases.models.subject import LinkState, SignalLink, Subject, SubjectKind
from weerbaar.cases.models.triage import Decision, TriageDecision, TriageFormula

__all__ = [
    "Decision",
    "LinkState",
    "SignalLink",
    "Subject",
    "SubjectKind",
    "TriageDecision",
    "TriageFormula",
]
