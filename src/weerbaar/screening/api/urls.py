from django.urls import path

from weerbaar.screening.api import views

urlpatterns = [
    path(
        "screening/applications", views.ApplicationListView.as_view(), name="screening-applications"
    ),
    path(
        "screening/applications/<int:pk>",
        views.ApplicationDetailView.as_view(),
        name="screening-application",
    ),
]
