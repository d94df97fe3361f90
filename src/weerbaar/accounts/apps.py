from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "weerbaar.accounts"
    label = "accounts"
    verbose_name = _("Accounts en audit")

    def ready(self) -> None:
        from weerbaar.accounts import receivers  # noqa: F401  (connects signal handlers)


class WeerbaarAdminConfig(admin_apps.AdminConfig):
    """Django's admin with Weerbaar's site: only superusers and functional administrators
    get in (``accounts.admin_scoping``)."""

    default = False  # named in INSTALLED_APPS; the accounts app itself is AccountsConfig
    default_site = "weerbaar.accounts.admin_scoping.WeerbaarAdminSite"
