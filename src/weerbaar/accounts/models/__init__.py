from weerbaar.accounts.models.audit import (
    AuditAction,
    AuditChannel,
    AuditCheckpoint,
    AuditEvent,
    AuditHead,
    AuditResult,
    RightsReport,
)
from weerbaar.accounts.models.confidentiality import Confidentiality
from weerbaar.accounts.models.organisation import Organisation, OrganisationKind
from weerbaar.accounts.models.partner_token import PartnerToken
from weerbaar.accounts.models.role import Role, ShippedRole
from weerbaar.accounts.models.user import User

__all__ = [
    "AuditAction",
    "AuditChannel",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditHead",
    "AuditResult",
    "Confidentiality",
    "Organisation",
    "OrganisationKind",
    "PartnerToken",
    "RightsReport",
    "Role",
    "ShippedRole",
    "User",
]
