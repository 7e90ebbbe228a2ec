"""The ASGI entry point: the canvas's live event streams (long-lived, asyncio) and, for
everything else, Django. Production serves the pages with gunicorn (config/wsgi.py) and runs
this under uvicorn for the paths under /live/ only (docker-compose.yml, service "live");
``make run`` serves both from one uvicorn process."""

import os
import re

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

django = get_asgi_application()

from canvas.live import stroom  # noqa: E402  (after Django is set up)

CANVAS_STROOM = re.compile(r"^/live/canvas/(\d+)/$")


async def application(scope, receive, send):
    treffer = scope["type"] == "http" and CANVAS_STROOM.match(scope["path"])
    if treffer and scope["method"] == "GET":
        return await stroom(scope, receive, send, int(treffer[1]))
    return await django(scope, receive, send)
