from weerbaar.core.append_only import AppendOnlyError
from weerbaar.signals.models.category import Category, ChecklistIndicator
from weerbaar.signals.models.contact import ReporterContact
from weerbaar.signals.models.ratelimit import LimitCount
from weerbaar.signals.models.signal import (
    OWNER_ONLY,
    Attachment,
    Channel,
    Confidentiality,
    EventKind,
    LocationKind,
    Platform,
    Signal,
    SignalEvent,
    SignalShare,
    Source,
    Status,
)

__all__ = [
    "OWNER_ONLY",
    "AppendOnlyError",
    "Attachment",
    "Category",
    "Channel",
    "ChecklistIndicator",
    "Confidentiality",
    "EventKind",
    "LimitCount",
    "LocationKind",
    "Platform",
    "ReporterContact",
    "Signal",
    "SignalEvent",
    "SignalShare",
    "Source",
    "Status",
]
