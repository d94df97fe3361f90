from django.urls import path

from weerbaar.reports.views import effort, evaluation, progress

app_name = "reports"

urlpatterns = [
    path("", progress.report_list, name="list"),
    path("concept/", progress.draft, name="draft"),
    path("publiceren/", progress.publish, name="publish"),
    path("<int:pk>/", progress.published, name="published"),
    path("<int:pk>/pdf/", progress.published_pdf, name="pdf"),
    path("methoden/", progress.methods_page, name="methods"),
    path("evaluatie/", evaluation.evaluation_page, name="evaluation"),
    path("inzet/", effort.effort_page, name="effort"),
    path("inzet/samenhang/", effort.relation_page, name="relation"),
]
