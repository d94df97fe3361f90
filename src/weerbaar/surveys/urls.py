from django.urls import path

from weerbaar.surveys.views import backoffice, pupil

public_patterns = [
    path("<str:code>/", pupil.questionnaire, name="questionnaire"),
]

backoffice_patterns = [
    path("", backoffice.round_list, name="rounds"),
    path("<int:pk>/", backoffice.round_detail, name="round"),
    path("<int:pk>/klas/<int:link>/", backoffice.class_sheet, name="sheet"),
    path("<int:pk>/school/<int:school>/brieven/", backoffice.letters, name="letters"),
    path("<int:pk>/uitkomsten/", backoffice.results_page, name="results"),
    path("<int:pk>/antwoorden.csv", backoffice.export_responses, name="export"),
    path("<int:pk>/naar-monitor/", backoffice.to_monitor, name="to_monitor"),
]
