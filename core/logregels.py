"""Log lines: JSON, one object per line, for the application (web, worker, beat, gunicorn)
and the security log alike; plain text in development if asked (DJANGO_LOG_FORMAT).

Every line carries the request id of the request it belongs to (``request_id``; also in
the X-Request-ID header and on the error page), and a UTC timestamp, whichever process
wrote it. Referenced from LOGGING in config/settings/base.py and from config/gunicorn.py;
no Django imports, since logging is configured before the apps load.
"""

import contextvars
import logging

from pythonjsonlogger.json import JsonFormatter

BEVEILIGING = "opgavenregie.security"
# The request being handled in this thread (core.middleware.VerzoekIdMiddleware).
VERZOEK_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("verzoek_id", default=None)


def json_regels() -> JsonFormatter:
    """One JSON object per line: time (UTC), level, logger, message and the extra fields
    (a security event's user, action, object, outcome; the request id)."""
    return JsonFormatter(
        "%(levelname)s %(name)s %(message)s",
        json_ensure_ascii=False,
        timestamp=True,
        rename_fields={"levelname": "level"},
    )


class MetVerzoekId(logging.Filter):
    """Puts the request's id on the record: of the request the record names (Django logs
    a 404 or 500 with ``extra={"request": ...}`` after the middleware has returned), else of
    the request being handled; None outside a request."""

    def filter(self, record: logging.LogRecord) -> bool:
        verzoek = getattr(record, "request", None)
        record.request_id = getattr(verzoek, "verzoek_id", None) or VERZOEK_ID.get()
        return True


class ZonderBeveiliging(logging.Filter):
    """Keeps security events out of the plain console log: they have their own JSON lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith(BEVEILIGING)
