from django.urls import path

from weerbaar.training.views import coordinator, learner

app_name = "training"

urlpatterns = [
    path("", learner.index, name="index"),
    path("overzicht/", coordinator.overview, name="overview"),
    path("overzicht/export.csv", coordinator.export, {"kind": "csv"}, name="export_csv"),
    path("overzicht/export.xlsx", coordinator.export, {"kind": "xlsx"}, name="export_xlsx"),
    path(
        "overzicht/verplichting/<int:pk>/beeindigen/",
        coordinator.end_requirement,
        name="end_requirement",
    ),
    path("poging/<int:pk>/", learner.result, name="feedback"),
    path("poging/<int:pk>/stap/<int:number>/", learner.step, name="step"),
    path("poging/<int:pk>/besluit/", learner.decision, name="decision"),
    path("poging/<int:pk>/opnieuw/", learner.again, name="again"),
    path("poging/<int:pk>/oefenen/", learner.sandbox, name="sandbox"),
    path("<slug:slug>/", learner.scenario, name="scenario"),
]
