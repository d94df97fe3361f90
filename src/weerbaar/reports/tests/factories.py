from __future__ import annotations

from weerbaar.accounts.models import User
from weerbaar.accounts.services import roles


def analyst(username: str = "analist") -> User:
    """A user with the shipped analyst role (reports, effort series, selection)."""
    user = User.objects.create_user(username=username, password="x" * 16)
    user.groups.add(roles.role("analist"))
    return User.objects.get(pk=user.pk)
