"""Gunicorn settings for production: ``gunicorn -c deploy/gunicorn.conf.py weerbaar.wsgi``.

The settings live in ``weerbaar.conf.gunicorn`` (also used by ``weerbaar serve``); size
the server with WEERBAAR_BIND, WEERBAAR_WORKERS and WEERBAAR_THREADS."""

from weerbaar.conf.gunicorn import *  # noqa: F403
