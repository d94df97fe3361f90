from weerbaar.accounts.views.login import LoginView, LogoutView, login_monitor, workspace
from weerbaar.accounts.views.reads import record_reads
from weerbaar.accounts.views.second_factor import enrol, renew_recovery_codes, second_step

__all__ = [
    "LoginView",
    "LogoutView",
    "enrol",
    "login_monitor",
    "record_reads",
    "renew_recovery_codes",
    "second_step",
    "workspace",
]
