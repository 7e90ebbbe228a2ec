from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import werklijst
from .models import Huisstijl


def gemeente(request):
    # Read once per request, and only when a template shows it: a page renders its
    # sections (and other apps' parts) one by one, and each render runs the context
    # processors (five reads per hub); an htmx answer (a canvas block) shows none.
    if not hasattr(request, "_huisstijl"):
        request._huisstijl = SimpleLazyObject(Huisstijl.huidige)
    huisstijl = request._huisstijl
    return {
        # Called by the template only where the header shows it (one indexed count).
        "meldingen_ongelezen": lambda: _ongelezen(request),
        "werklijst_aantal": lambda: werklijst.aantal(request.user),
        "gemeente_naam": lambda: huisstijl.naam,
        "huisstijl": huisstijl,
        # The warning before a session ends for lack of activity (static/js/sessie.js).
        "sessie_idle": settings.SESSION_IDLE_SECONDS,
        "sessie_waarschuwing": min(120, settings.SESSION_IDLE_SECONDS // 4),
        # How one signs in: the organisation's identity provider, a password, or both.
        "oidc_aan": bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_ISSUER),
        "lokaal_inloggen": settings.LOCAL_LOGIN,
    }


def _ongelezen(request) -> int:
    """The header's count of unread meldingen."""
    user = request.user
    if not user.is_authenticated:
        return 0
    # Loaded with the user (accounts.backends); counted here only for a user loaded otherwise.
    if not hasattr(user, "meldingen_ongelezen"):
        user.meldingen_ongelezen = user.meldingen.ongelezen().count()
    return user.meldingen_ongelezen
