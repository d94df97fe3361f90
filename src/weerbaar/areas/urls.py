from django.urls import path

from weerbaar.areas import views

app_name = "areas"

urlpatterns = [
    path("", views.index, name="index"),
    path("regio/<slug:slug>/", views.region_detail, name="region"),
    path("<str:code>/", views.detail, name="detail"),
]
