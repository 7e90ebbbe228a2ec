"""Security-relevant events as structured log lines (docs/security.md, "Security log")."""

import json
import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

logger = logging.getLogger("opgavenregie.security")


def log_event(action: str, *, request=None, user=None, obj: str = "", outcome: str = "ok") -> None:
    """Write one security event: timestamp, user, source address, action, object, outcome."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    username = getattr(user, "username", None) if user is not None else None
    logger.info(
        json.dumps(
            {
                "timestamp": timezone.now().isoformat(),
                "user": username or None,
                "source": request.META.get("REMOTE_ADDR") if request is not None else None,
                "action": action,
                "object": obj,
                "outcome": outcome,
            }
        )
    )


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    log_event("login", request=request, user=user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    log_event("logout", request=request, user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    log_event(
        "login",
        request=request,
        obj=str(credentials.get("username", ""))[:150],
        outcome="failed",
    )
