from django.urls import path

from weerbaar.cases.api import views

urlpatterns = [
    path("inspections", views.InspectionListView.as_view(), name="inspections"),
    path("cases", views.CaseListView.as_view(), name="cases"),
    path("cases/<int:pk>", views.CaseDetailView.as_view(), name="case"),
    path("objects", views.SubjectListView.as_view(), name="objects"),
    path("objects/<int:pk>", views.SubjectDetailView.as_view(), name="object"),
    path("links", views.LinkListView.as_view(), name="links"),
    path("links/<int:pk>", views.LinkDecisionView.as_view(), name="link"),
]
