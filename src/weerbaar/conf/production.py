"""Production settings. Read on top of base:

- ``WEERBAAR_SECRET_KEY`` (required): the secret key.
- ``WEERBAAR_ALLOWED_HOSTS`` (required): the host names the site answers to.
- ``DATABASE_URL``: normally PostgreSQL for a region or the whole country.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from weerbaar.conf.base import *  # noqa: F403
from weerbaar.conf.env import env_bool, env_str

SECRET_KEY = env_str("WEERBAAR_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Zet WEERBAAR_SECRET_KEY voor productie.")

DEBUG = False
TASKS = task_backend("database")  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("WEERBAAR_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
