"""Settings shared by every environment.

Environment variables read here:

- ``DATABASE_URL``: database, e.g. ``postgres://user:pass@127.0.0.1:5432/weerbaar``.
  Default: the embedded SQLite file ``var/weerbaar.sqlite3``.
- ``WEERBAAR_DATA_DIR``: folder with the open-data files (CBS, police, Leefbaarometer,
  boundaries). Default: ``../shared/data`` next to the project, when it exists.
- ``WEERBAAR_VAR_DIR``: folder for the SQLite database, secret key and uploads. Default ``var/``.
- ``WEERBAAR_DEBUG``: ``1`` for Django's debug pages (never in production). Default off.
- ``WEERBAAR_ALLOWED_HOSTS``: comma-separated host names. Default per environment.
- ``WEERBAAR_LOG_LEVEL``: log level of the application log. Default ``INFO``.
- ``WEERBAAR_POSTCODE_FILE``: optional CSV (columns ``postcode``, ``gebiedscode``) that
  places addresses in a neighbourhood without any online lookup. Default: none.
- ``WEERBAAR_PUBLIC_URL``: the address residents know the site by
  (``https://weerbaar.groningen.nl``), printed on the flyer and used in e-mails. Default:
  none (the flyer then prints no address rather than a local one).
- ``WEERBAAR_SMTP_HOST`` (with ``WEERBAAR_SMTP_PORT``, default 587, ``WEERBAAR_SMTP_USER``,
  ``WEERBAAR_SMTP_PASSWORD``, ``WEERBAAR_SMTP_TLS``, default on): send e-mail through this
  server. Else ``WEERBAAR_EMAIL_DIR``: write each e-mail as a file there. Else e-mail is
  printed on the console (development). ``WEERBAAR_EMAIL_FROM``: the sender.
- ``WEERBAAR_MONITOR_MIN_DENOMINATOR`` (default 100) / ``WEERBAAR_MONITOR_MIN_NUMERATOR``
  (default 10): below these many inhabitants a monitor rate is suppressed as "te klein";
  below these many cases it is shown with a warning.
- ``WEERBAAR_REPORT_MIN_COUNT`` (default 5): counts from Weerbaar's own records under this
  are not shown in a progress report.
- ``WEERBAAR_TASKS``: ``database`` queues background jobs (the PDF of a progress report) in
  the database for ``weerbaar db_worker``; ``immediate`` (default; production: ``database``)
  runs them right after the request.
- ``WEERBAAR_AUDIT_SIGNING_KEY_FILE``: private key that signs audit checkpoints.
  Default ``var/audit-signing-key.pem`` (made on first use).
- ``WEERBAAR_TRUSTED_PROXY_HOPS``: how many proxies of your own stand before Weerbaar
  (each appends to ``X-Forwarded-For``). The client address is the right-most entry none
  of them wrote; used only in memory, for rate limits and the login lockout. Default 0
  (the connecting address).
- ``WEERBAAR_METRICS_TOKEN``: turns ``/metrics`` (Prometheus) on, for requests that send
  ``Authorization: Bearer <token>``. Default: off (404).
- ``WEERBAAR_REDIS_URL``: keep rate limits and caches in Redis (``redis://host:6379/0``)
  instead of the database. Default: the database.
- ``WEERBAAR_IDLE_MINUTES`` / ``WEERBAAR_SESSION_HOURS``: a login ends after this long
  without use / this long in any case. Default 30 minutes / 8 hours.
- ``WEERBAAR_LOGIN_FAILURE_LIMIT``: wrong passwords before an account (or a client
  address) is locked for ``WEERBAAR_LOGIN_LOCKOUT_MINUTES`` (default 10 and 15).
- ``WEERBAAR_PASSKEY_ORIGINS``: the addresses users open Weerbaar on, comma-separated
  (``https://weerbaar.regio.nl``); passkeys work only there. Default
  ``http://localhost:8000``. ``WEERBAAR_PASSKEY_DOMAIN``: the domain passkeys are bound to.
  Default: the host of the first origin.
- ``WEERBAAR_OIDC_CLIENT_ID`` (turns single sign-on on), ``WEERBAAR_OIDC_CLIENT_SECRET``,
  ``WEERBAAR_OIDC_AUTHORIZATION_ENDPOINT``, ``WEERBAAR_OIDC_TOKEN_ENDPOINT``,
  ``WEERBAAR_OIDC_USERINFO_ENDPOINT``, ``WEERBAAR_OIDC_JWKS_ENDPOINT``: the organisation's
  OpenID Connect provider. ``WEERBAAR_OIDC_SIGN_ALGO`` (default ``RS256``) and
  ``WEERBAAR_OIDC_LABEL`` (the button text on the login page) are optional. An account
  is found by an e-mail address the provider marks ``email_verified``;
  ``WEERBAAR_OIDC_TRUST_EMAIL=1`` for a provider that only gives out checked addresses
  without saying so.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
import structlog
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from weerbaar.conf.env import PROJECT_ROOT, default_data_dir, env_bool, env_list, env_str
from weerbaar.core.logging import FOREIGN_PRE_CHAIN

VAR_DIR = Path(env_str("WEERBAAR_VAR_DIR", str(PROJECT_ROOT / "var")))

_data_dir = env_str("WEERBAAR_DATA_DIR")
WEERBAAR_DATA_DIR: Path | None = Path(_data_dir) if _data_dir else default_data_dir()

DEBUG = env_bool("WEERBAAR_DEBUG", False)
ALLOWED_HOSTS = env_list("WEERBAAR_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "weerbaar.accounts.apps.WeerbaarAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "django_prometheus",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "weerbaar.core",
    "weerbaar.areas",
    "weerbaar.accounts",
    "weerbaar.monitor",
    "weerbaar.selection",
    "weerbaar.signals",
    "weerbaar.cases",
    "weerbaar.prevention",
    "weerbaar.screening",
    "weerbaar.reports",
    "weerbaar.surveys",
    "weerbaar.training",
]

MIDDLEWARE = [
    # Counts and times every request (core.metrics: view names, methods, statuses only).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # First: the anonymous reporting paths lose client address, user agent and cookies
    # before anything else (views, loggers, error reports) can see them.
    "weerbaar.signals.middleware.AnonymityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "weerbaar.core.middleware.SecurityHeadersMiddleware",
    "weerbaar.accounts.middleware.AuditChannelMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "weerbaar.accounts.middleware.SessionPolicyMiddleware",
    "weerbaar.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "weerbaar.core.middleware.ApiVersionMiddleware",
    "weerbaar.core.middleware.ApiRequestShapeMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last: answers a locked-out login with the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "weerbaar.urls"
WSGI_APPLICATION = "weerbaar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "weerbaar.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'weerbaar.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side; FULL sync makes every
    # acknowledged commit durable.
    # The threads of a process take turns to write (core.backends.sqlite): SQLite's own
    # wait sleeps up to 100 ms at a time while the lock is free.
    DATABASES["default"]["ENGINE"] = "weerbaar.core.backends.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Uploads stay in memory (never a temporary file with a reporter's photo metadata on
# disk); signals.uploads enforces the size and count limits.
FILE_UPLOAD_HANDLERS = ["weerbaar.signals.uploads.BoundedMemoryUploadHandler"]
WEERBAAR_UPLOAD_MAX_FILE_BYTES = 10 * 1024 * 1024
WEERBAAR_UPLOAD_MAX_FILES = 5
# How long a process reuses its check of whether the areas or the work areas changed
# (the report form's lists and the routing are kept per that check).
WEERBAAR_AREA_STAMP_SECONDS = 2.0
# How long a process reuses its check of whether an import changed the monitor's values
# (the values answers and tables are kept per that check).
WEERBAAR_DATA_STAMP_SECONDS = 2.0
WEERBAAR_POSTCODE_FILE = env_str("WEERBAAR_POSTCODE_FILE") or None
WEERBAAR_PUBLIC_URL = (env_str("WEERBAAR_PUBLIC_URL") or "").rstrip("/")
#: the key a Prometheus server sends to read /metrics; without it /metrics does not exist
WEERBAAR_METRICS_TOKEN = env_str("WEERBAAR_METRICS_TOKEN") or ""
#: what the receipt promises a resident: a first look within this many working days
WEERBAAR_REPORT_REVIEW_DAYS = int(env_str("WEERBAAR_REPORT_REVIEW_DAYS") or 5)
#: small numbers in the monitor: a rate over fewer inhabitants is not shown ("te klein"),
#: a rate from fewer cases is shown with a warning
WEERBAAR_MONITOR_MIN_DENOMINATOR = int(env_str("WEERBAAR_MONITOR_MIN_DENOMINATOR") or 100)
WEERBAAR_MONITOR_MIN_NUMERATOR = int(env_str("WEERBAAR_MONITOR_MIN_NUMERATOR") or 10)
WEERBAAR_REPORT_MIN_COUNT = int(env_str("WEERBAAR_REPORT_MIN_COUNT") or 5)
WEERBAAR_SURVEY_MIN_CELL = int(env_str("WEERBAAR_SURVEY_MIN_CELL") or 10)
WEERBAAR_SURVEY_MIN_SCHOOL = int(env_str("WEERBAAR_SURVEY_MIN_SCHOOL") or 25)
# A scenario training is due again this many days after it was completed (issue 20), unless
# the organisation's requirement sets another period.
WEERBAAR_TRAINING_REFRESH_DAYS = int(env_str("WEERBAAR_TRAINING_REFRESH_DAYS") or 365)

# Background jobs (the PDF of a progress report). "database": queued in the database and run
# by `weerbaar db_worker` (production's default); else run right after the request's commit.
_TASK_BACKENDS = {
    "database": "django_tasks_db.backend.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_backend(default: str) -> dict[str, dict[str, str]]:
    chosen = env_str("WEERBAAR_TASKS") or default
    if chosen not in _TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"WEERBAAR_TASKS={chosen!r} ken ik niet; kies uit: {', '.join(_TASK_BACKENDS)}."
        )
    return {"default": {"BACKEND": _TASK_BACKENDS[chosen]}}


TASKS = task_backend("immediate")

# E-mail (the camper-bus requester; residents who asked for updates): SMTP in production,
# files or the console elsewhere. Addresses never go into a log line (core.mail).
DEFAULT_FROM_EMAIL = env_str("WEERBAAR_EMAIL_FROM") or "Weerbaar <noreply@localhost>"
if env_str("WEERBAAR_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("WEERBAAR_SMTP_HOST")
    EMAIL_PORT = int(env_str("WEERBAAR_SMTP_PORT") or 587)
    EMAIL_HOST_USER = env_str("WEERBAAR_SMTP_USER") or ""
    EMAIL_HOST_PASSWORD = env_str("WEERBAAR_SMTP_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("WEERBAAR_SMTP_TLS", True)
    EMAIL_TIMEOUT = 20
elif env_str("WEERBAAR_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env_str("WEERBAAR_EMAIL_DIR")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if env_str("WEERBAAR_CLIENT_ADDRESS_HEADER"):
    raise ImproperlyConfigured(
        "WEERBAAR_CLIENT_ADDRESS_HEADER bestaat niet meer: het vertrouwde het linkse deel van "
        "X-Forwarded-For, dat de bezoeker zelf kan invullen. Zet WEERBAAR_TRUSTED_PROXY_HOPS op "
        "het aantal eigen proxy's voor Weerbaar."
    )
WEERBAAR_TRUSTED_PROXY_HOPS = int(env_str("WEERBAAR_TRUSTED_PROXY_HOPS", "0"))
WEERBAAR_FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"
# Signals retention per status (days after the last status change): see
# signals.services.retention. Statuses still in progress are never purged.
WEERBAAR_SIGNAL_RETENTION = {
    "afgehandeld": {"days": 365, "action": "anonymise"},
    "doorgestuurd": {"days": 730, "action": "anonymise"},
    "buiten_gebied": {"days": 90, "action": "delete"},
}
# Confidentiality levels at which a reader who may not see a record may still be told that
# another organisation holds something ("vraag na bij het RIEC"), never what. "zeer
# vertrouwelijk" is never hinted at, whatever this says (signals.services.selectors).
WEERBAAR_HINT_LEVELS = frozenset({"normaal", "vertrouwelijk"})


# Abuse protection of the anonymous form: (burst, seconds per extra request) per client.
def _rate(name: str, default: str) -> tuple[int, float]:
    burst, _, seconds = env_str(name, default).partition("/")
    return int(burst), float(seconds or 60)


# WEERBAAR_REPORT_RATE / WEERBAAR_STATUS_RATE="burst/seconds per request" override them;
# the *_ALL_RATE variables set the ceiling for all residents together.
WEERBAAR_RATE_LIMITS = {
    "melden": _rate("WEERBAAR_REPORT_RATE", "10/60"),
    "melden:iedereen": _rate("WEERBAAR_REPORT_ALL_RATE", "200/3"),
    "status": _rate("WEERBAAR_STATUS_RATE", "20/6"),
    "status:iedereen": _rate("WEERBAAR_STATUS_ALL_RATE", "600/0.5"),
}

# Caches shared by every server process: rate limits (keyed hashes only) and the rest.
_redis = env_str("WEERBAAR_REDIS_URL")


def _cache(table: str) -> dict[str, Any]:
    if _redis:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis,
            "KEY_PREFIX": table,
        }
    return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}


CACHES = {"default": _cache("weerbaar_cache"), "limits": _cache("weerbaar_limits")}

# Brute-force defence of the one login page (django-axes): a number of wrong passwords
# locks the account, and separately the client address, for a while. Failed logins are
# audited per account (accounts.receivers), never with what was typed as password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Single sign-on with the organisation's identity provider (OpenID Connect), when
# configured. The provider says who someone is; Weerbaar alone decides organisation and
# roles (accounts.services.sso), and its second login step still applies.
OIDC_RP_CLIENT_ID = env_str("WEERBAAR_OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env_str("WEERBAAR_OIDC_CLIENT_SECRET")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("WEERBAAR_OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env_str("WEERBAAR_OIDC_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env_str("WEERBAAR_OIDC_USERINFO_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env_str("WEERBAAR_OIDC_JWKS_ENDPOINT")
OIDC_RP_SIGN_ALGO = env_str("WEERBAAR_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = "openid email"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso_callback"
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/?sso=mislukt"
WEERBAAR_SSO_LABEL = env_str("WEERBAAR_OIDC_LABEL", "Inloggen met het account van uw organisatie")
WEERBAAR_OIDC_TRUST_EMAIL = env_bool("WEERBAAR_OIDC_TRUST_EMAIL", False)
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("weerbaar.accounts.services.sso.Backend")
AXES_FAILURE_LIMIT = int(env_str("WEERBAAR_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("WEERBAAR_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "weerbaar.core.client_address.axes_client_address"
AXES_LOCKOUT_CALLABLE = "weerbaar.accounts.views.login.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in the audit log already
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
WEERBAAR_CATEGORY_THRESHOLD = 0.30
# Ed25519 key that signs the daily audit checkpoint (made on first use, mode 0600). Give
# its public half (``weerbaar audit public-key``) to the officer who keeps checkpoints.
WEERBAAR_AUDIT_SIGNING_KEY_FILE = Path(
    env_str("WEERBAAR_AUDIT_SIGNING_KEY_FILE", str(VAR_DIR / "audit-signing-key.pem"))
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:workspace"
LOGOUT_REDIRECT_URL = "home"

# The second login step (accounts.services.second_factor): codes from an authenticator app
# name this site; a code may be used once, and wrong codes slow the next try down.
OTP_TOTP_ISSUER = "Weerbaar"
# Passkeys (django-otp-webauthn) are a second factor only, never a login without password:
# the one login door keeps its lockout and audit. A passkey is bound to the site's domain
# (the relying party); browsers accept only https origins, and http://localhost.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "Weerbaar"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("WEERBAAR_PASSKEY_ORIGINS", ["http://localhost:8000"])
OTP_WEBAUTHN_RP_ID = env_str(
    "WEERBAAR_PASSKEY_DOMAIN",
    (urlsplit(OTP_WEBAUTHN_ALLOWED_ORIGINS[0]).hostname or "localhost")
    if OTP_WEBAUTHN_ALLOWED_ORIGINS
    else "localhost",
)
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "weerbaar.passkeys"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
# Every user-facing string goes through gettext with the Dutch text as source. Add
# ("en", "English") here together with locale/en translations; until then offering
# English would label Dutch pages lang="en" (WCAG 3.1.1).
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [PROJECT_ROOT / "src" / "weerbaar" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from here after collectstatic
WHITENOISE_USE_FINDERS = True

# Security: strict CSP, no inline script or style, nothing from other origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A session ends after WEERBAAR_IDLE_MINUTES without use and after WEERBAAR_SESSION_HOURS
# in any case (accounts.middleware.SessionPolicyMiddleware); the cookie no later.
WEERBAAR_IDLE_MINUTES = int(env_str("WEERBAAR_IDLE_MINUTES", "30"))
WEERBAAR_SESSION_HOURS = int(env_str("WEERBAAR_SESSION_HOURS", "8"))
SESSION_COOKIE_AGE = WEERBAAR_SESSION_HOURS * 60 * 60

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["weerbaar.core.api.parsers.BoundedJSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "EXCEPTION_HANDLER": "weerbaar.core.api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Weerbaar API",
    "DESCRIPTION": (
        "API van Weerbaar volgens de NL API Design Rules. Gebieden (provincies, gemeenten, "
        "wijken en buurten) met inwonertallen en grenzen uit open data van CBS."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "COMPONENT_SPLIT_REQUEST": True,
    "CONTACT": {
        "name": "Weerbaar",
        "url": "https://weerbaar.example.nl",
        "email": "api@weerbaar.example.nl",
    },
    "LICENSE": {"name": "EUPL-1.2"},
    "SERVERS": [{"url": "/api/v1", "description": "Deze server, versie 1 van de API"}],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "weerbaar.core.api.schema.nl_api_design_rules",
    ],
    "ENUM_NAME_OVERRIDES": {"ScreeningStateEnum": "weerbaar.screening.models.State"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processor": structlog.processors.JSONRenderer(sort_keys=True),
            # extra fields of stdlib calls (Django's own) reach the log, plain values only
            "foreign_pre_chain": FOREIGN_PRE_CHAIN,
        },
    },
    "filters": {"anonymous_paths": {"()": "weerbaar.core.logging.AnonymousPathFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "structured",
            "filters": ["anonymous_paths"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("WEERBAAR_LOG_LEVEL", "INFO")},
    "loggers": {
        # The development server logs client addresses per request; Weerbaar keeps none.
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        # Pillow logs EXIF tag values (camera serials, GPS) at DEBUG while reading photos.
        "PIL": {"level": "WARNING"},
        # django-axes logs user name and address of every successful login at INFO; only
        # lockouts (WARNING) belong in the log, the audit log holds the rest.
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO; warnings (a missing font) still show.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
