"""Security-relevant events as JSON lines a SIEM can read (docs/security.md, "Security log").

One event per line: when, who, from where (the client's address, behind trusted proxies
only), what (action, HTTP method and path), on what (object) and the outcome. The
``opgavenregie.security`` logger has its own JSON handler (config/settings/base.py).
"""

import ipaddress
import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from .logregels import BEVEILIGING

logger = logging.getLogger(BEVEILIGING)


def _vertrouwd(adres: str) -> bool:
    try:
        ip = ipaddress.ip_address(adres.strip())
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net) for net in settings.TRUSTED_PROXIES)


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, unless that is a trusted proxy; then the nearest
    address in X-Forwarded-For that is not one (a client cannot forge its way past them)."""
    remote = request.META.get("REMOTE_ADDR")
    if not remote or not _vertrouwd(remote):
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for adres in reversed([a for a in forwarded if a]):
        if not _vertrouwd(adres):
            try:
                return str(ipaddress.ip_address(adres))
            except ValueError:
                return remote
    return remote


def log_event(action: str, *, request=None, user=None, obj: str = "", outcome: str = "ok") -> None:
    """Write one security event."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    username = getattr(user, "username", None) if user is not None else None
    event = {
        "timestamp": timezone.now().isoformat(),
        "user": username or None,
        "source": client_ip(request) if request is not None else None,
        "method": request.method if request is not None else None,
        "path": request.path[:300] if request is not None else None,
        "action": action,
        "object": obj,
        "outcome": outcome,
    }
    logger.info(action, extra=event)
    _bewaren(event)


def _bewaren(event: dict) -> None:
    """Keep the event for the beheerder's view too (core.models.Beveiligingsgebeurtenis),
    in a savepoint: a database that cannot take it (down, or the request's transaction
    already broken) costs the view that line, never the request; the JSON line is out."""
    from .models import Beveiligingsgebeurtenis

    try:
        bron = str(ipaddress.ip_address(event["source"])) if event["source"] else None
    except ValueError:
        bron = None
    try:
        with transaction.atomic():
            Beveiligingsgebeurtenis.objects.create(
                moment=timezone.now(),
                gebruiker=(event["user"] or "")[:150],
                bron=bron,
                methode=(event["method"] or "")[:10],
                pad=(event["path"] or "")[:300],
                actie=event["action"][:50],
                object=str(event["object"])[:300],
                uitkomst=event["outcome"][:20],
            )
    except Exception:  # a database error, a broken transaction, no database at all
        logging.getLogger(__name__).warning("Beveiligingsgebeurtenis niet bewaard", exc_info=True)


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
