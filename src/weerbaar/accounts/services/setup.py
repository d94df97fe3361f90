"""Setting up a region: organisations with their kind and work area, users with roles.

The one door for both, used by ``weerbaar organisatie`` and ``weerbaar gebruiker``; each
change goes into the audit log, and what the set-up opens is said back in words
(``policy.explain``) so an administrator sees a partner's work area opens nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import (
    AuditAction,
    Confidentiality,
    Organisation,
    OrganisationKind,
    User,
)
from weerbaar.accounts.services import audit, policy, roles
from weerbaar.areas.services import selectors as areas


class SetupError(ValueError):
    """Bad input, said in Dutch so a command can print it as it is."""


@dataclass
class OrganisationResult:
    organisation: Organisation
    created: bool
    explanation: policy.Explanation


@dataclass
class UserResult:
    user: User
    created: bool
    password: str | None = None
    lines: list[str] = field(default_factory=list)


def _kind(value: str) -> str:
    kinds = {k.value: k for k in OrganisationKind}
    if value not in kinds:
        raise SetupError(
            _("Onbekende soort '%(kind)s'. Kies uit: %(kinds)s.")
            % {"kind": value, "kinds": ", ".join(kinds)}
        )
    return value


@transaction.atomic
def save_organisation(
    name: str,
    kind: str,
    area_codes: Sequence[str] = (),
    *,
    intake: bool = False,
    actor: User | None = None,
) -> OrganisationResult:
    """Create the organisation, or update its kind, area and intake flag."""
    name = name.strip()
    if not name:
        raise SetupError(_("Geef de naam van de organisatie."))
    kind = _kind(kind)
    found = {code: areas.find_area(code.strip()) for code in area_codes}
    unknown = [code for code, area in found.items() if area is None]
    if unknown:
        raise SetupError(
            _("Onbekend gebied: %(codes)s. Gebruik een CBS-code zoals GM0014 of PV20.")
            % {"codes": ", ".join(unknown)}
        )
    organisation = Organisation.objects.select_for_update().filter(name=name).first()
    created = organisation is None
    if organisation is None:
        organisation = Organisation(name=name)
    organisation.kind = kind
    organisation.is_intake = intake
    organisation.save()
    organisation.areas.set([area for area in found.values() if area is not None])
    audit.record(
        AuditAction.CREATE if created else AuditAction.CHANGE, actor=actor, obj=organisation
    )
    return OrganisationResult(organisation, created, policy.explain(organisation))


def _organisation(name: str) -> Organisation:
    organisation = Organisation.objects.filter(name=name).first()
    if organisation is None:
        raise SetupError(
            _(
                "Organisatie '%(name)s' bestaat niet. Maak haar eerst met 'weerbaar organisatie maak'."
            )
            % {"name": name}
        )
    return organisation


def _clearance(value: str) -> str:
    levels = {c.value for c in Confidentiality}
    if value not in levels:
        raise SetupError(
            _("Onbekende vertrouwelijkheid '%(value)s'. Kies uit: %(levels)s.")
            % {"value": value, "levels": ", ".join(sorted(levels))}
        )
    return value


@transaction.atomic
def save_user(
    username: str,
    organisation_name: str,
    role_keys: Sequence[str],
    *,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    clearance: str = Confidentiality.VERTROUWELIJK,
    password: str | None = None,
    actor: User | None = None,
) -> UserResult:
    """Create the user with these roles, or give an existing one these roles.

    A new user without a password gets a random one, returned once; they change it after
    the first login. The functional administrator's role also opens the admin (staff)."""
    username = username.strip()
    if not username:
        raise SetupError(_("Geef een gebruikersnaam."))
    organisation = _organisation(organisation_name)
    try:
        chosen = [roles.role(key) for key in role_keys]
    except roles.UnknownRole as error:
        raise SetupError(str(error)) from None
    clearance = _clearance(clearance)
    user = User.objects.select_for_update().filter(username=username).first()
    created = user is None
    generated = None
    if user is None:
        user = User(username=username)
        if password is None:
            generated = password = secrets.token_urlsafe(12)
    if password is not None:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise SetupError(" ".join(error.messages)) from None
        user.set_password(password)
    user.organisation = organisation
    user.clearance = clearance
    for attribute, value in (
        ("email", email),
        ("first_name", first_name),
        ("last_name", last_name),
    ):
        if value:
            setattr(user, attribute, value)
    if roles.administers(chosen):
        user.is_staff = True
        user.is_functional_admin = True
    user.save()
    user.groups.add(*chosen)
    audit.record(AuditAction.CREATE if created else AuditAction.CHANGE, actor=actor, obj=user)
    return UserResult(user, created, generated, policy.explain_user(user))
