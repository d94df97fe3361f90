"""The central permission + area-scope check that every later app calls."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission

from weerbaar.accounts.models import Organisation, Role, User
from weerbaar.accounts.services.access import covered_area_ids, may, scope_queryset
from weerbaar.areas.models import Area
from weerbaar.areas.tests.factories import small_country

pytestmark = pytest.mark.django_db

PERMISSION = "areas.view_region"  # any real permission; the scope rule is the same


@dataclass
class Thing:
    """A stand-in for a signal or case: an object with a place."""

    area: Area
    owner_organisation_id: int | None = None

    def scope_area_ids(self) -> list[int]:
        return [self.area.pk]


def user_of(organisation: Organisation, *, with_permission: bool = True, name: str = "u") -> User:
    user = User.objects.create_user(username=name, password="x" * 16, organisation=organisation)
    if with_permission:
        role = Role.objects.create(name=f"rol-{name}")
        app, codename = PERMISSION.split(".")
        role.permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))
        user.groups.add(role)
    return User.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def areas() -> dict[str, Area]:
    return small_country()


@pytest.fixture
def groningen(areas: dict[str, Area]) -> Organisation:
    organisation = Organisation.objects.create(name="Gemeente Groningen", kind="gemeente")
    organisation.areas.add(areas["GM0014"])
    return organisation


@pytest.fixture
def assen(areas: dict[str, Area]) -> Organisation:
    organisation = Organisation.objects.create(name="Gemeente Assen", kind="gemeente")
    organisation.areas.add(areas["GM0106"])
    return organisation


def test_user_of_municipality_a_cannot_see_object_in_municipality_b(
    areas: dict[str, Area], groningen: Organisation, assen: Organisation
) -> None:
    user = user_of(groningen)
    assert may(user, PERMISSION, Thing(areas["GM0014"]))
    assert not may(user, PERMISSION, Thing(areas["GM0106"]))
    assert may(user_of(assen, name="a"), PERMISSION, Thing(areas["GM0106"]))


def test_scope_includes_districts_and_neighbourhoods_below(
    areas: dict[str, Area], groningen: Organisation
) -> None:
    user = user_of(groningen)
    assert may(user, PERMISSION, Thing(areas["WK001400"]))
    assert may(user, PERMISSION, Thing(areas["BU00140000"]))
    assert covered_area_ids(groningen) == {
        areas[c].pk for c in ("GM0014", "WK001400", "WK001401", "BU00140000")
    }


def test_scope_does_not_reach_up_or_sideways(
    areas: dict[str, Area], groningen: Organisation
) -> None:
    user = user_of(groningen)
    assert not may(user, PERMISSION, Thing(areas["PV20"]))  # the province above
    assert not may(user, PERMISSION, Thing(areas["GM0037"]))  # a neighbour in the province


def test_province_organisation_sees_all_its_municipalities(areas: dict[str, Area]) -> None:
    province = Organisation.objects.create(name="Provincie Groningen", kind="provincie")
    province.areas.add(areas["PV20"])
    user = user_of(province)
    assert may(user, PERMISSION, Thing(areas["GM0037"]))
    assert may(user, PERMISSION, Thing(areas["BU00140000"]))
    assert not may(user, PERMISSION, Thing(areas["GM0106"]))


def test_without_the_permission_the_area_does_not_help(
    areas: dict[str, Area], groningen: Organisation
) -> None:
    user = user_of(groningen, with_permission=False)
    assert not may(user, PERMISSION, Thing(areas["GM0014"]))


def test_own_organisations_object_is_visible_outside_its_area(
    areas: dict[str, Area], groningen: Organisation
) -> None:
    user = user_of(groningen)
    assert may(user, PERMISSION, Thing(areas["GM0106"], owner_organisation_id=groningen.pk))


def test_inactive_users_and_organisations_see_nothing(
    areas: dict[str, Area], groningen: Organisation
) -> None:
    user = user_of(groningen)
    groningen.is_active = False
    groningen.save()
    user = User.objects.get(pk=user.pk)
    assert not may(user, PERMISSION, Thing(areas["GM0014"]))
    user.is_active = False
    assert not may(user, PERMISSION, Thing(areas["GM0014"]))


def test_user_without_organisation_sees_nothing_scoped(areas: dict[str, Area]) -> None:
    user = User.objects.create_user(username="los", password="x" * 16)
    user.is_superuser = False
    assert not may(user, PERMISSION, Thing(areas["GM0014"]))


def test_anonymous_user_is_refused() -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not may(AnonymousUser(), PERMISSION)


def test_superuser_passes(areas: dict[str, Area]) -> None:
    admin = User.objects.create_superuser(username="beheer", password="x" * 16)
    assert may(admin, PERMISSION, Thing(areas["GM0106"]))


def test_scope_queryset_filters_lists(areas: dict[str, Area], groningen: Organisation) -> None:
    user = user_of(groningen)
    visible = scope_queryset(user, PERMISSION, Area.objects.all(), area_lookup="pk")
    assert set(visible.values_list("code", flat=True)) == {
        "GM0014",
        "WK001400",
        "WK001401",
        "BU00140000",
    }
    no_permission = user_of(groningen, with_permission=False, name="z")
    assert not scope_queryset(
        no_permission, PERMISSION, Area.objects.all(), area_lookup="pk"
    ).exists()
