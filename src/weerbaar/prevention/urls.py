"""Prevention pages: public (/ouders/, /interventies/) and back office (/preventie/)."""

from django.urls import path

from weerbaar.prevention.views import backoffice, catalogue, public

app_name = "prevention"

urlpatterns = [
    path("ouders/", public.index, name="parents"),
    path("ouders/hulp/", public.find_help, name="help"),
    path("ouders/flyer/", public.flyer_pdf, name="flyer"),
    path("ouders/camperbus/", public.bus, name="bus"),
    path("ouders/camperbus/aanvragen/", public.bus_request, name="bus-request"),
    path("ouders/camperbus/link-kwijt/", public.bus_lost_link, name="bus-lost-link"),
    path("ouders/camperbus/aanvraag/<str:token>/", public.bus_status, name="bus-status"),
    path(
        "ouders/camperbus/aanvraag/<str:token>/intrekken/", public.bus_withdraw, name="bus-withdraw"
    ),
    path("ouders/voorbeeld/<int:pk>/", public.preview, name="preview"),
    path("interventies/", catalogue.index, name="catalogue"),
    path("interventies/past-bij/", catalogue.fits, name="fits"),
    path("interventies/<slug:slug>/", catalogue.detail, name="intervention"),
    path("preventie/aanvragen/", backoffice.requests, name="requests"),
    path("preventie/aanvragen/<int:pk>/", backoffice.request_detail, name="request"),
    path("preventie/tours/", backoffice.plans, name="plans"),
    path("preventie/tours/<int:pk>/", backoffice.plan_detail, name="plan"),
    path("preventie/tours/<int:pk>/publiceren/", backoffice.plan_publish, name="plan-publish"),
    path("preventie/tours/<int:pk>/camperbus.ics", backoffice.plan_ics, name="plan-ics"),
    path("preventie/tours/<int:pk>/camperbus.csv", backoffice.plan_csv, name="plan-csv"),
    path("preventie/convenanten/", backoffice.covenants, name="covenants"),
    path("preventie/convenanten/nieuw/", backoffice.covenant_edit, name="covenant-new"),
    path("preventie/convenanten/<int:pk>/", backoffice.covenant_edit, name="covenant"),
    path("ouders/<slug:slug>/", public.section, name="section"),
]
