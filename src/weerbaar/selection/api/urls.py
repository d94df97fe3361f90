from django.urls import path

from weerbaar.selection.api import views

urlpatterns = [
    path("selections", views.SelectionCreateView.as_view(), name="selection-create"),
    path("selections/<int:pk>", views.SelectionDetailView.as_view(), name="selection-detail"),
]
