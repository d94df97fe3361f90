from typing import Any

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ship_roles(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """After every migrate: the shipped roles exist and hold their documented bundle.
    Permissions are made per app as the signal goes round, so make them all first."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from weerbaar.accounts.services import roles

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    roles.sync()


class AccountsConfig(AppConfig):
    name = "weerbaar.accounts"
    label = "accounts"
    verbose_name = _("Accounts en audit")

    def ready(self) -> None:
        from weerbaar.accounts import receivers  # noqa: F401  (connects signal handlers)

        post_migrate.connect(_ship_roles, sender=self, dispatch_uid="weerbaar-ship-roles")


class WeerbaarAdminConfig(admin_apps.AdminConfig):
    """Django's admin with Weerbaar's site: only superusers and functional administrators
    get in (``accounts.admin_scoping``)."""

    default = False  # named in INSTALLED_APPS; the accounts app itself is AccountsConfig
    default_site = "weerbaar.accounts.admin_scoping.WeerbaarAdminSite"
