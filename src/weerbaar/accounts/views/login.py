"""Login and the back-office start page.

All logins, including the admin's, go through ``LoginView``; the second step follows
it (``accounts.views.second_factor``) before any back-office page opens.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters

from weerbaar.accounts.services import login_monitor as login_monitor_service
from weerbaar.accounts.services import sso
from weerbaar.accounts.services.access import covered_area_ids


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if sso.enabled():
            context["sso_label"] = settings.WEERBAAR_SSO_LABEL
        return context


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    """What the logged-in user works with: organisation, area and roles."""
    user = request.user
    organisation = getattr(user, "organisation", None)
    areas = list(organisation.areas.order_by("level", "code")) if organisation else []
    return render(
        request,
        "accounts/workspace.html",
        {
            "organisation": organisation,
            "areas": areas,
            "covered_count": len(covered_area_ids(organisation)),
            "roles": user.groups.order_by("name"),
            "may_monitor": login_monitor_service.may_monitor(user),
        },
    )


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """What django-axes answers after too many wrong passwords (AXES_LOCKOUT_CALLABLE):
    always this Dutch page, 429, never a cross-origin JSON answer."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


@login_required
def login_monitor(request: HttpRequest) -> HttpResponse:
    """Failed-login spikes, lockouts and logins at unusual hours, for administrators."""
    if not login_monitor_service.may_monitor(request.user):
        raise PermissionDenied
    try:
        days = min(max(int(request.GET.get("dagen", 7)), 1), 90)
    except ValueError:
        days = 7
    return render(
        request,
        "accounts/login_monitor.html",
        {
            "overview": login_monitor_service.overview(request.user, days),
            "days": days,
            "spike": login_monitor_service.SPIKE,
        },
    )
