from django.urls import path

from weerbaar.monitor import views

app_name = "monitor"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("vergelijk/", views.compare, name="compare"),
    path("gebied/<str:code>/", views.profile, name="profile"),
    path("<slug:code>/", views.indicator_page, name="indicator"),
]
