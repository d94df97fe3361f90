"""A small region in which need to know can be tested across every app at once.

Gemeente Groningen (GM0014) holds one record of every kind, each carrying ``MARKER`` in
the text a leak would show: a signal with a photo and a question to the reporter, a
confidential signal, an object, a case, an inspection day, a Bibob application, a bus
request, a tour plan, a covenant, and an official's training attempt and requirement. One signal is shared with the police, with a text of
its own (``SHARED``). The actors:

- ``ria``: Gemeente Groningen, every permission of the domain apps, functional admin;
- ``bas``: Gemeente Assen (GM0106), the same permissions and functional admin;
- ``agent``: Politie Noord-Nederland with the whole province (PV20) as work area and a
  read role: every view permission, the natural set-up that used to open everything;
- ``roleless``: a Groningen employee without any role;
- anonymous.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import Permission
from django.utils import timezone

from weerbaar.accounts.models import Confidentiality, Organisation, Role, User
from weerbaar.accounts.tests.factories import organisation
from weerbaar.areas.models import Area
from weerbaar.areas.tests.factories import small_country
from weerbaar.cases.models import Inspection, InspectionStop, Subject
from weerbaar.cases.services import linking, workflow
from weerbaar.core.images import clean_image
from weerbaar.prevention.models import Covenant, CovenantParty
from weerbaar.prevention.services import planning
from weerbaar.prevention.services.seeding import seed_prevention
from weerbaar.prevention.tests.factories import bus_request, the_bus
from weerbaar.screening.services.seeding import seed_screening
from weerbaar.screening.tests.factories import application
from weerbaar.signals.models import Signal
from weerbaar.signals.services import conversation, sharing
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.signals.tests.factories import jpeg_with_metadata, make_signal
from weerbaar.training.models import Attempt, Requirement
from weerbaar.training.services import attempts, completion
from weerbaar.training.services.scenarios import sync_shipped

PASSWORD = "wereld-wachtwoord-2026"
MARKER = "GRONINGEN-GEHEIM"
SHARED = "GEDEELD-MET-POLITIE"
DOMAIN_APPS = ["signals", "cases", "screening", "prevention", "selection", "training"]
USERS = ["view_user", "add_user", "change_user", "view_organisation", "view_role"]


@dataclass
class World:
    country: dict[str, Area]
    groningen: Organisation
    assen: Organisation
    police: Organisation
    ria: User
    bas: User
    agent: User
    roleless: User
    signal: Signal
    confidential: Signal
    shared: Signal
    subject: Subject
    case: Any
    inspection: Inspection
    application: Any
    bus_request: Any
    plan: Any
    covenant: Covenant
    attempt: Attempt
    requirement: Requirement

    def pks(self) -> dict[str, int]:
        return {
            "signal": self.signal.pk,
            "subject": self.subject.pk,
            "case": self.case.pk,
            "inspection": self.inspection.pk,
            "stop": self.inspection.stops.first().pk,  # type: ignore[union-attr]
            "application": self.application.pk,
            "request": self.bus_request.pk,
            "plan": self.plan.pk,
            "covenant": self.covenant.pk,
            "link": self.signal.links.get().pk,
            "attempt": self.attempt.pk,
            "requirement": self.requirement.pk,
        }


def _user(org: Organisation | None, name: str, codenames: Any = None, *, admin: bool) -> User:
    user = User.objects.create_user(
        username=name,
        password=PASSWORD,
        organisation=org,
        is_staff=admin,
        is_functional_admin=admin,
        clearance=Confidentiality.VERTROUWELIJK,
    )
    if codenames is not None:
        role = Role.objects.create(name=f"rol-{name}")
        role.permissions.set(
            Permission.objects.filter(content_type__app_label__in=DOMAIN_APPS, **codenames)
        )
        if admin:  # a functional administrator manages the organisation's users
            role.permissions.add(
                *Permission.objects.filter(content_type__app_label="accounts", codename__in=USERS)
            )
        user.groups.add(role)
    return User.objects.get(pk=user.pk)


def _records(groningen_user: User, country: dict[str, Area]) -> dict[str, Any]:
    gm0014 = country["GM0014"]
    signal = make_signal(
        gm0014,
        description=f"{MARKER}: drugs verkocht vanuit de kelder.",
        images=[clean_image(jpeg_with_metadata())],
    ).signal
    conversation.ask_reporter(signal, f"{MARKER} welke kelder?", actor=groningen_user)
    confidential = make_signal(
        gm0014,
        channel="ambtenaar",
        user=groningen_user,
        description=f"{MARKER}: vertrouwelijke tip.",
        category="wapens",
        confidentiality=Confidentiality.VERTROUWELIJK,
    ).signal
    shared = make_signal(gm0014, description=f"{MARKER}: tip met naam van de melder.").signal
    subject = Subject.objects.create(
        kind="pand",
        key="pand:9711AA|1||",
        label=f"{MARKER}straat 1, Groningen",
        house_number=1,
        postcode="9711AA",
        area=gm0014,
        municipality=gm0014,
        latitude=Decimal("53.21"),
        longitude=Decimal("6.56"),
    )
    for s in (signal, confidential, shared):
        linking.propose(s)
    case = workflow.open_case(f"{MARKER} zaak", actor=groningen_user, subjects=[subject])
    inspection = Inspection.objects.create(
        date=timezone.localdate() + dt.timedelta(days=3),
        team=f"{MARKER} team",
        organisation=groningen_user.organisation,
        depot_latitude=Decimal("53.2194"),
        depot_longitude=Decimal("6.5665"),
        created_by=groningen_user,
    )
    InspectionStop.objects.create(inspection=inspection, subject=subject, position=1)
    return {
        "signal": signal,
        "confidential": confidential,
        "shared": shared,
        "subject": subject,
        "case": case,
        "inspection": inspection,
    }


def build() -> World:
    # the reference data of the migrations, again for transactional tests (they empty it)
    seed_defaults()
    seed_screening()
    seed_prevention()
    country = small_country()
    groningen = organisation("Gemeente Groningen", country["GM0014"])
    assen = organisation("Gemeente Assen", country["GM0106"])
    police = organisation("Politie Noord-Nederland", country["PV20"], kind="politie")
    everything: dict[str, Any] = {}
    ria = _user(groningen, "ria", everything, admin=True)
    bas = _user(assen, "bas", everything, admin=True)
    agent = _user(police, "agent", {"codename__startswith": "view_"}, admin=False)
    roleless = _user(groningen, "zonder-rol", admin=False)
    records = _records(ria, country)
    sharing.share(
        records["shared"],
        police,
        text=SHARED,
        legal_basis="RIEC-convenant",
        reviewed=True,
        actor=ria,
    )
    screening_application = application(
        country["GM0014"], ria, applicant_name=f"{MARKER} B.V.", postcode="9711 AA"
    )
    monday = timezone.localdate() + dt.timedelta(days=14)
    monday -= dt.timedelta(days=monday.weekday())
    request = bus_request(
        country["GM0014"], [(monday, dt.time(9), dt.time(17))], name=f"{MARKER} school"
    )
    plan = planning.make_plan(the_bus(), monday, monday + dt.timedelta(days=4), seconds=1)
    plan.organisation = groningen
    plan.save()
    covenant = Covenant.objects.create(
        title=f"{MARKER} convenant",
        municipality=country["GM0014"],
        signed_on=dt.date(2026, 1, 1),
        review_on=dt.date(2027, 1, 1),
        scope="Afspraken",
    )
    CovenantParty.objects.create(covenant=covenant, name="Politie", role="politie")
    sync_shipped()
    attempt = attempts.start(ria, "horeca-vergunning")
    attempts.answer_step(ria, attempt.pk, 1, ["contant"])
    requirement = completion.set_requirement(ria, groningen, "vergunningen", None, 365)
    return World(
        country=country,
        groningen=groningen,
        assen=assen,
        police=police,
        ria=ria,
        bas=bas,
        agent=agent,
        roleless=roleless,
        application=screening_application,
        bus_request=request,
        plan=plan,
        covenant=covenant,
        attempt=attempt,
        requirement=requirement,
        **records,
    )
