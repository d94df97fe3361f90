from django.urls import path

from weerbaar.monitor.api import views

urlpatterns = [
    path("indicators", views.IndicatorListView.as_view(), name="indicator-list"),
    path("indicators/<slug:code>", views.IndicatorDetailView.as_view(), name="indicator-detail"),
    path(
        "indicators/<slug:code>/values",
        views.IndicatorValuesView.as_view(),
        name="indicator-values",
    ),
]
