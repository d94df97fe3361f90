from weerbaar.surveys.models.questionnaire import QuestionnaireVersion
from weerbaar.surveys.models.response import Response
from weerbaar.surveys.models.round import ClassLink, Round, School, SchoolType
from weerbaar.surveys.models.weights import WeightSet

__all__ = [
    "ClassLink",
    "QuestionnaireVersion",
    "Response",
    "Round",
    "School",
    "SchoolType",
    "WeightSet",
]
