"""The one door for the rows an official adds to an application (persons, financing
lines, Chamber of Commerce changes) and removes from it. The timeline says what kind of
row changed, never a person's name."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from weerbaar.core.locking import door
from weerbaar.screening.models import Application, Person
from weerbaar.screening.services import workflow


class ClosedFile(ValueError):
    """The application's personal data were removed by retention: nothing can be added."""


@door("application")
def add(
    application: Application, model: type[Model], data: dict[str, Any], *, text: str, actor: Any
) -> Model:
    if application.purged_at:
        raise ClosedFile("Deze aanvraag is na de bewaartermijn opgeschoond.")
    row = model._default_manager.create(application=application, **data)
    workflow.record(application, "gegevens", text, actor)
    return row


@door("application")
def remove_person(application: Application, person: Person, *, actor: Any) -> None:
    role = person.get_role_display()
    person.delete()
    workflow.record(application, "gegevens", f"Persoon verwijderd: {role}.", actor)
