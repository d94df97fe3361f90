"""WSGI entry point for production servers (gunicorn, uwsgi, mod_wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.production")
application = get_wsgi_application()

# Train the category suggestion now, not during a reporter's first request (about 2 s).
from weerbaar.signals.services.categorise import warm_up  # noqa: E402

warm_up()
