from django.urls import path

from weerbaar.signals.views import backoffice, public

app_name = "signals"

public_patterns = [
    path("", public.report, name="report"),
    path("status/", public.lookup, name="lookup"),
    path("status/aanvullen/", public.add_message, name="add_message"),
    path("status/berichten/", public.updates_choice, name="updates"),
]

backoffice_patterns = [
    path("", backoffice.signal_list, name="list"),
    path("nieuw/", backoffice.signal_new, name="new"),
    path("<int:pk>/", backoffice.signal_detail, name="detail"),
    path("<int:pk>/actie/", backoffice.signal_action, name="action"),
    path("<int:pk>/bijlage/<int:number>/", backoffice.attachment, name="attachment"),
    path("<int:pk>/delen/", backoffice.share, name="share"),
    path("<int:pk>/inzage/", backoffice.reads, name="reads"),
]
