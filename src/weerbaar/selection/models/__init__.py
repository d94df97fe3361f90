from weerbaar.selection.models.programme import Participation, Programme
from weerbaar.selection.models.rule import Rule, RuleVersion, SelectionRun

__all__ = ["Participation", "Programme", "Rule", "RuleVersion", "SelectionRun"]
