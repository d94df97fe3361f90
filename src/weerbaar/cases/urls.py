from django.urls import path

from weerbaar.cases.views import cases, inspections, pages

app_name = "cases"

urlpatterns = [
    path("", cases.case_list, name="cases"),
    path("nieuw/", cases.case_new, name="case_new"),
    path("<int:pk>/", cases.case_detail, name="case"),
    path("<int:pk>/actie/", cases.case_action, name="case_action"),
    path("<int:pk>/delen/", cases.case_share, name="case_share"),
    path("<int:pk>/inzage/", cases.case_reads, name="case_reads"),
    path("controles/", inspections.inspection_list, name="inspections"),
    path("controles/<int:pk>/", inspections.inspection_detail, name="inspection"),
    path("controles/<int:pk>/dagblad/", inspections.day_sheet, name="day_sheet"),
    path("controles/<int:pk>/route/", inspections.replan, name="replan"),
    path("controles/adres/<int:pk>/bezoek/", inspections.visit, name="visit"),
    path("objecten/", pages.subject_list, name="subjects"),
    path("objecten/<int:pk>/", pages.subject_detail, name="subject"),
    path("koppelingen/<int:pk>/", pages.decide_link, name="decide_link"),
    path("triage/", pages.triage_list, name="triage"),
    path("triage/<int:pk>/besluit/", pages.triage_decide, name="triage_decide"),
]
