"""The client's network address as the nearest trusted proxy saw it.

Behind ``WEERBAAR_TRUSTED_PROXY_HOPS`` proxies of our own, ``X-Forwarded-For`` ends with
the addresses those proxies added; everything to the left of them was written by the
client and can be anything. So the address is the right-most entry that no trusted proxy
wrote: with one proxy, the last entry of the header. Used only in memory, for rate limits
and the login lockout, never stored for a resident.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", "") or "")
    hops = int(getattr(settings, "WEERBAAR_TRUSTED_PROXY_HOPS", 0))
    if hops <= 0:
        return remote
    header = str(getattr(settings, "WEERBAAR_FORWARDED_HEADER", "HTTP_X_FORWARDED_FOR"))
    forwarded = [p.strip() for p in str(request.META.get(header, "") or "").split(",")]
    chain = [p for p in forwarded if p] + [remote]
    # chain[-1] is the proxy that connected to us; the hops proxies each added the
    # address they received from, so the client is hops places from the end.
    return chain[-(hops + 1)] if len(chain) > hops else chain[0]


def axes_client_address(request: HttpRequest) -> str:
    """django-axes asks through this (AXES_CLIENT_IP_CALLABLE)."""
    return client_address(request)
