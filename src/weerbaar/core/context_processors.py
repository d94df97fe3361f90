from __future__ import annotations

from django.http import HttpRequest

from weerbaar import __version__


def site(request: HttpRequest) -> dict[str, object]:
    return {"weerbaar_version": __version__}
