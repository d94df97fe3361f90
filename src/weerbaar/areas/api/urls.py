from django.urls import path

from weerbaar.areas.api import views

urlpatterns = [
    path("areas", views.AreaListView.as_view(), name="area-list"),
    path("areas/<str:code>", views.AreaDetailView.as_view(), name="area-detail"),
]
