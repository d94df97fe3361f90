"""Login and the back-office start page.

All logins, including the admin's, go through ``LoginView`` so that a second factor
(a later issue) is added in exactly one place: after the password step, before
``auth.login``.
"""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters

from weerbaar.accounts.services.access import covered_area_ids


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


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
        },
    )
