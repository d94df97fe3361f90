from django.urls import path

from weerbaar.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("werkplek/", views.workspace, name="workspace"),
]
