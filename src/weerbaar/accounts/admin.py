"""Administration of organisations, users, roles and the audit log.

A functional administrator manages their own organisation's users; organisations and roles
are region-wide and changed by superusers. Each organisation and user page says, in words,
what the set-up opens (``policy.explain``), and saving warns where an administrator might
expect more, such as a police partner given a work area."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.admin_scoping import OrganisationScoped, ReferenceAdmin
from weerbaar.accounts.models import (
    AuditEvent,
    Organisation,
    PartnerToken,
    Role,
    ShippedRole,
    User,
)
from weerbaar.accounts.services import policy, roles, second_factor

#: Permissions of Django's own machinery, never part of a role
_FRAMEWORK_APPS = [
    "admin",
    "auth",
    "contenttypes",
    "sessions",
    "axes",
    "otp_static",
    "otp_totp",
    "django_otp_webauthn",
]


def _lines(lines: list[str]) -> Any:
    return format_html_join("", "<p>{}</p>", ((line,) for line in lines)) or "—"


@admin.register(Organisation)
class OrganisationAdmin(ReferenceAdmin):
    list_display = ["name", "kind", "is_intake", "is_active"]
    list_filter = ["kind", "is_intake", "is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["areas"]
    readonly_fields = ["access"]

    @admin.display(description=_("Wat deze organisatie ziet"))
    def access(self, obj: Organisation) -> Any:
        explanation = policy.explain(obj)
        lines = [
            str(_("Via het werkgebied: %(nouns)s."))
            % {"nouns": ", ".join(explanation.by_area) or _("geen dossiers")},
        ]
        if explanation.only_shared:
            lines.append(
                str(_("Alleen als ze gedeeld zijn: %(nouns)s."))
                % {"nouns": ", ".join(explanation.only_shared)}
            )
        return _lines(lines + explanation.warnings)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.filter(pk=getattr(getattr(request.user, "organisation", None), "pk", None))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        for warning in policy.explain(form.instance).warnings:
            messages.warning(request, warning)


@admin.register(User)
class WeerbaarUserAdmin(OrganisationScoped, UserAdmin):
    list_display = ["username", "first_name", "last_name", "organisation", "is_active", "is_staff"]
    list_filter = ["organisation", "is_active", "is_staff", "groups"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (
            _("Organisatie en toegang"),
            {"fields": ("organisation", "clearance", "is_functional_admin", "access")},
        ),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Organisatie en toegang"), {"fields": ("organisation", "clearance")}),
    )
    filter_horizontal = ["groups", "user_permissions"]
    actions = ["reset_second_factor"]

    @admin.action(description=_("Tweede stap terugzetten (opnieuw instellen bij inloggen)"))
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """For someone who lost phone and recovery codes; only users this administrator
        manages (the queryset is already scoped to the own organisation)."""
        users = list(queryset)
        for user in users:
            second_factor.reset(request.user, user)
        messages.success(
            request,
            _(
                "De tweede stap is teruggezet voor %(names)s. Zij stellen hem opnieuw in bij de volgende keer inloggen."
            )
            % {"names": ", ".join(u.username for u in users)},
        )

    @admin.display(description=_("Wat deze gebruiker ziet"))
    def access(self, obj: User) -> Any:
        return _lines(policy.explain_user(obj)) if obj.pk else "—"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fixed = ["access"]
        if not request.user.is_superuser:
            # a functional administrator cannot make anyone a superuser, nor grant
            # permissions outside the roles
            fixed += ["is_superuser", "user_permissions", "last_login", "date_joined"]
        return fixed

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if obj.organisation is not None:
            for warning in policy.explain(obj.organisation).warnings:
                messages.warning(request, warning)


admin.site.unregister(Group)
# Login devices hold secrets (an app's key, recovery codes): no admin page shows or edits
# them. A lost factor is reset through the user's action "Tweede stap terugzetten".
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)


class _DutchPermissions(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Permission) -> str:
        return roles.permission_label(obj)


@admin.register(Role)
class RoleAdmin(ReferenceAdmin, GroupAdmin):
    """Roles are shared by the whole region: superusers make them, functional
    administrators give them to their own organisation's users. A shipped role says what
    it is for and is put back to its bundle by every migrate, so it is read-only here."""

    list_display = ["name", "shipped_description"]
    readonly_fields = ["shipped_description", "bundle"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and not self.has_change_permission(request, obj):
            return ["name", "shipped_description", "bundle"]
        return ["name", "shipped_description", "permissions"]

    @admin.display(description=_("Rechten"))
    def bundle(self, obj: Role) -> Any:
        labels = sorted(
            roles.permission_label(p) for p in obj.permissions.select_related("content_type")
        )
        return format_html_join("", "<p>{}</p>", ((label,) for label in labels)) or "—"

    @admin.display(description=_("Waarvoor"))
    def shipped_description(self, obj: Role) -> str:
        shipped = getattr(obj, "shipped", None) if obj.pk else None
        if shipped is None:
            return str(_("Eigen rol van de regio."))
        return shipped.description

    def get_queryset(self, request: HttpRequest) -> QuerySet[Role]:
        return super().get_queryset(request).select_related("shipped")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and ShippedRole.objects.filter(role_id=obj.pk).exists():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and ShippedRole.objects.filter(role_id=obj.pk).exists():
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "permissions":
            kwargs["form_class"] = _DutchPermissions
            kwargs["queryset"] = Permission.objects.select_related("content_type").exclude(
                content_type__app_label__in=_FRAMEWORK_APPS
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(AuditEvent)
class AuditEventAdmin(ReferenceAdmin):
    """Read-only: the audit log is append-only, also for administrators. A functional
    administrator sees their own organisation's events."""

    list_display = [
        "sequence",
        "timestamp",
        "action",
        "result",
        "channel",
        "actor",
        "organisation",
        "object_type",
        "object_id",
    ]
    list_filter = ["action", "result", "channel", "object_type"]
    search_fields = ["object_id"]
    date_hierarchy = "timestamp"

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.filter(organisation=getattr(request.user, "organisation", None))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PartnerToken)
class PartnerTokenAdmin(ReferenceAdmin):
    """Tokens are issued with ``weerbaar partnertoken`` (the key is shown once); here
    they can only be looked at and revoked."""

    list_display = ["name", "user", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["name", "user", "prefix", "created_at"]
    fields = ["name", "user", "prefix", "created_at", "revoked_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
