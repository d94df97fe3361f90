from weerbaar.screening.models.application import (
    Application,
    Assessment,
    CompanyEvent,
    CompanyEventKind,
    Event,
    FinancingLine,
    FinancingSource,
    LbbDegree,
    Outcome,
    Person,
    PersonRole,
    State,
    Suspension,
    SuspensionKind,
)
from weerbaar.screening.models.kinds import ApplicationKind
from weerbaar.screening.models.letters import Letter, LetterKind, LetterTemplate
from weerbaar.screening.models.questionnaire import Answer, AnswerType, Question, Questionnaire

__all__ = [
    "Answer",
    "AnswerType",
    "Application",
    "ApplicationKind",
    "Assessment",
    "CompanyEvent",
    "CompanyEventKind",
    "Event",
    "FinancingLine",
    "FinancingSource",
    "LbbDegree",
    "Letter",
    "LetterKind",
    "LetterTemplate",
    "Outcome",
    "Person",
    "PersonRole",
    "Question",
    "Questionnaire",
    "State",
    "Suspension",
    "SuspensionKind",
]
