"""All URLs. Pages are Dutch paths; the API lives under /api/v1 without trailing slashes
(NL API Design Rules)."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularJSONAPIView

from weerbaar.accounts.views.passkeys import ceremony_patterns
from weerbaar.areas import views as areas_views
from weerbaar.areas.api import urls as areas_api_urls
from weerbaar.cases.api import urls as cases_api_urls
from weerbaar.core import views as core_views
from weerbaar.core.api.docs import api_docs
from weerbaar.core.metrics import metrics
from weerbaar.monitor.api import urls as monitor_api_urls
from weerbaar.screening.api import urls as screening_api_urls
from weerbaar.selection.api import urls as selection_api_urls
from weerbaar.signals import urls as signals_urls
from weerbaar.signals.api import urls as signals_api_urls
from weerbaar.surveys import urls as surveys_urls

api_patterns = [
    *areas_api_urls.urlpatterns,
    *monitor_api_urls.urlpatterns,
    *selection_api_urls.urlpatterns,
    *signals_api_urls.urlpatterns,
    *cases_api_urls.urlpatterns,
    *screening_api_urls.urlpatterns,
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema-json"),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", api_docs, name="docs"),
]

urlpatterns = [
    path("", areas_views.home, name="home"),
    path("gezond", core_views.health, name="health"),
    path("gereed", core_views.ready, name="ready"),
    path("metrics", metrics, name="metrics"),
    path("favicon.ico", RedirectView.as_view(url=static("core/favicon.svg"), permanent=True)),
    path("gebieden/", include("weerbaar.areas.urls")),
    path("monitor/", include("weerbaar.monitor.urls")),
    path("selectie/", include("weerbaar.selection.urls")),
    path("rapportages/", include("weerbaar.reports.urls")),
    path("melden/", include((signals_urls.public_patterns, "signals_public"))),
    path("signalen/", include((signals_urls.backoffice_patterns, "signals"))),
    path("zaken/", include("weerbaar.cases.urls")),
    path("screening/", include("weerbaar.screening.urls")),
    path("enquete/", include((surveys_urls.public_patterns, "surveys_public"))),
    path("enquetes/", include((surveys_urls.backoffice_patterns, "surveys"))),
    path("training/", include("weerbaar.training.urls")),
    path("", include("weerbaar.prevention.urls")),
    path("", include("weerbaar.accounts.urls")),
    path("inloggen/passkey/", include((ceremony_patterns, "otp_webauthn"))),
    # One login door for back office and admin.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
        name="admin-login-redirect",
    ),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_patterns, "api"))),
]

handler400 = "weerbaar.core.views.bad_request"
handler403 = "weerbaar.core.views.permission_denied"
handler404 = "weerbaar.core.views.page_not_found"
handler500 = "weerbaar.core.views.server_error"
