from django.urls import path

from weerbaar.selection import views

app_name = "selection"

urlpatterns = [
    path("", views.index, name="index"),
    path("regel/", views.editor, name="editor"),
    path("run/<int:pk>/", views.run_detail, name="run"),
    path("run/<int:pk>/verantwoording/", views.justification, name="justification"),
    path("vergelijk/", views.compare_runs, name="compare"),
]
