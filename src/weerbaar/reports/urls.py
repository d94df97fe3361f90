from django.urls import path

from weerbaar.reports import views

app_name = "reports"

urlpatterns = [
    path("evaluatie/", views.evaluation_page, name="evaluation"),
]
