"""Screening pages (back office, /screening/)."""

from django.urls import path

from weerbaar.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.register_view, name="register"),
    path("nieuw/", views.new, name="new"),
    path("termijnen/", views.deadlines_view, name="deadlines"),
    path("<int:pk>/", views.detail, name="application"),
    path("<int:pk>/inzage/", views.reads, name="reads"),
    path("<int:pk>/personen/", views.add_person, name="add-person"),
    path("<int:pk>/personen/<int:person>/verwijderen/", views.remove_person, name="remove-person"),
    path("<int:pk>/financiering/", views.add_financing, name="add-financing"),
    path("<int:pk>/kvk/", views.add_company_event, name="add-company-event"),
    path("<int:pk>/vragen/<int:question>/", views.answer, name="answer"),
    path("<int:pk>/vragen/<int:question>/document/", views.document, name="document"),
    path("<int:pk>/stap/<slug:name>/", views.step, name="step"),
    path("<int:pk>/brieven/", views.make_letter, name="make-letter"),
    path("<int:pk>/brieven/<int:letter>/", views.letter_text, name="letter"),
]
