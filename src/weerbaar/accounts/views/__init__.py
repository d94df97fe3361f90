from weerbaar.accounts.views.login import LoginView, LogoutView, login_monitor, workspace
from weerbaar.accounts.views.passkeys import passkey_ready
from weerbaar.accounts.views.reads import record_reads
from weerbaar.accounts.views.second_factor import enrol, renew_recovery_codes, second_step
from weerbaar.accounts.views.sso import sso_callback, sso_start

__all__ = [
    "LoginView",
    "LogoutView",
    "enrol",
    "login_monitor",
    "passkey_ready",
    "record_reads",
    "renew_recovery_codes",
    "second_step",
    "sso_callback",
    "sso_start",
    "workspace",
]
