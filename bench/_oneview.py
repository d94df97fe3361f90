"""The reference for bench/intake_load.py: a one-file Django app with one JSON view and
one multipart view that parse the same requests and answer 201, nothing else. Served by
gunicorn with the same processes and threads as Weerbaar, it is the ceiling of this
machine for a Django request of that shape."""

from __future__ import annotations

import json

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",  # noqa: S106 - a throw-away reference server
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    DATA_UPLOAD_MAX_MEMORY_SIZE=20 * 1024 * 1024,
    FILE_UPLOAD_MAX_MEMORY_SIZE=20 * 1024 * 1024,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402


@csrf_exempt
def report(request: HttpRequest) -> JsonResponse:
    if request.content_type == "application/json":
        data = json.loads(request.body)
    else:
        data = request.POST.dict()
        data["files"] = [len(f.read()) for f in request.FILES.getlist("attachments")]
    return JsonResponse({"received": len(data)}, status=201)


urlpatterns = [path("api/v1/public/signals", report)]
application = get_wsgi_application()
