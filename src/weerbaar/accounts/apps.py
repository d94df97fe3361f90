from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "weerbaar.accounts"
    label = "accounts"
    verbose_name = _("Accounts en audit")

    def ready(self) -> None:
        from weerbaar.accounts import receivers  # noqa: F401  (connects signal handlers)
