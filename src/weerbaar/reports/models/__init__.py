from weerbaar.reports.models.effort import EffortSeries, EffortValue
from weerbaar.reports.models.report import PdfState, ProgressReport

__all__ = ["EffortSeries", "EffortValue", "PdfState", "ProgressReport"]
