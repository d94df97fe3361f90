from weerbaar.training.models.attempt import Attempt
from weerbaar.training.models.requirement import Requirement
from weerbaar.training.models.scenario import ScenarioVersion, TargetGroup

__all__ = ["Attempt", "Requirement", "ScenarioVersion", "TargetGroup"]
