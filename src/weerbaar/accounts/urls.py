from django.urls import path

from weerbaar.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/organisatie/", views.sso_start, name="sso_start"),
    path("inloggen/organisatie/terug/", views.sso_callback, name="sso_callback"),
    path("inloggen/tweede-stap/", views.second_step, name="second_step"),
    path("inloggen/tweede-stap/instellen/", views.enrol, name="enrol"),
    path("inloggen/tweede-stap/passkey-klaar/", views.passkey_ready, name="passkey_ready"),
    path("werkplek/herstelcodes/", views.renew_recovery_codes, name="recovery_codes"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("werkplek/", views.workspace, name="workspace"),
    path("werkplek/inlogmonitor/", views.login_monitor, name="login_monitor"),
]
