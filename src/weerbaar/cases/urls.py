from django.urls import path

from weerbaar.cases.views import pages

app_name = "cases"

urlpatterns = [
    path("objecten/", pages.subject_list, name="subjects"),
    path("objecten/<int:pk>/", pages.subject_detail, name="subject"),
    path("koppelingen/<int:pk>/", pages.decide_link, name="decide_link"),
    path("triage/", pages.triage_list, name="triage"),
    path("triage/<int:pk>/besluit/", pages.triage_decide, name="triage_decide"),
]
