"""Gunicorn settings for production (``gunicorn -c deploy/gunicorn.conf.py weerbaar.wsgi``).

No access log: for the anonymous reporting pages Weerbaar keeps no client addresses, and
the server must not either. Configure the reverse proxy in front the same way (no access
log, or none for /melden/ and /api/v1/public/)."""

bind = "127.0.0.1:8000"
workers = 4
threads = 4
preload_app = True  # workers start with the trained category model
accesslog = None
errorlog = "-"
loglevel = "warning"
# The API refuses addresses over 4,000 characters itself (problem+json 414); up to this many
# bytes gunicorn lets them through to be refused that way, beyond it answers on its own.
limit_request_line = 8190
