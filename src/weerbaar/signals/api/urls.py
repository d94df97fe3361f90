from django.urls import path

from weerbaar.signals.api import views

urlpatterns = [
    path("public/signals", views.PublicSignalCreateView.as_view(), name="public-signals"),
    path(
        "public/signals/<str:receipt>",
        views.PublicSignalStatusView.as_view(),
        name="public-signal-status",
    ),
    path(
        "public/signals/<str:receipt>/messages",
        views.PublicSignalMessageView.as_view(),
        name="public-signal-messages",
    ),
    path("signals", views.PartnerSignalCreateView.as_view(), name="signals"),
]
