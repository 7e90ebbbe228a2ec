"""Optional error reporting to Sentry (SENTRY_DSN), without personal data.

What leaves the municipality: the exception with its stack (no local variables), the
path of the request (no query string: it can hold a searched name), the request id (to
find the log lines) and the user's id. Never request bodies, cookies, headers beyond a
few harmless ones, IP addresses or SQL. No Django imports at module level: settings
call ``start`` while they load."""

import os

import sentry_sdk

from .logregels import VERZOEK_ID

BEWAARDE_HEADERS = {"Content-Type", "Accept", "Hx-Request", "User-Agent"}


def zonder_persoonsgegevens(event: dict, hint: dict) -> dict:
    """``before_send``: strip the event to what docs/privacy.md allows."""
    request = event.get("request") or {}
    event["request"] = {
        "url": request.get("url", "").split("?")[0],
        "method": request.get("method"),
        "headers": {
            k: v for k, v in (request.get("headers") or {}).items() if k in BEWAARDE_HEADERS
        },
    }
    user = event.get("user") or {}
    event["user"] = {"id": str(user["id"])} if user.get("id") else {}
    event.pop("breadcrumbs", None)  # log lines and SQL of the request: may name people
    event.pop("extra", None)
    return event


def start(dsn: str) -> None:
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "productie"),
        # No personal data: send_default_pii is off by default (and deprecated since
        # sentry-sdk 2.75: passing it only warns); before_send strips what is left.
        include_local_variables=False,
        max_request_body_size="never",
        max_breadcrumbs=0,
        traces_sample_rate=0,
        before_send=zonder_persoonsgegevens,
        integrations=[DjangoIntegration(), CeleryIntegration()],
    )


class SentryContextMiddleware:
    """Tells Sentry who (the user's id, nothing else) and which request (the request id)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sentry_sdk.set_tag("request_id", VERZOEK_ID.get())
        if request.user.is_authenticated:
            sentry_sdk.set_user({"id": str(request.user.pk)})
        return self.get_response(request)
