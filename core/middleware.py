import re
import time
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.messages import get_messages
from django.core.exceptions import SuspiciousOperation
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from pghistory.middleware import HistoryMiddleware

from . import werklijst
from .htmx import pagina_naar
from .logregels import VERZOEK_ID
from .security_log import client_ip, log_event

# Session keys: when this session signed in, and its last request (seconds since epoch).
SESSIE_BEGONNEN = "_sessie_begonnen"
SESSIE_ACTIEF = "_sessie_actief"


class VerzoekIdMiddleware:
    """A request id on every log line of the request, in the X-Request-ID response header
    and on the error page: the proxy's X-Request-ID when it sends a well-formed one (to
    follow a request through both logs), else a new one."""

    GELDIG = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kenmerk = request.headers.get("X-Request-ID", "")
        if not self.GELDIG.match(kenmerk):
            kenmerk = uuid.uuid4().hex
        request.verzoek_id = kenmerk
        token = VERZOEK_ID.set(kenmerk)
        try:
            response = self.get_response(request)
        finally:
            VERZOEK_ID.reset(token)
        response["X-Request-ID"] = kenmerk
        return response


class KoppenMiddleware:
    """Headers every answer carries.

    - ``Vary: HX-Request``: most pages answer htmx with a part and a browser with the whole
      page, at the same URL; without it a cache or the back button can show the part as
      the page (the htmx documentation asks for it).
    - ``Permissions-Policy``: the app uses no camera, microphone, location, payment or USB,
      and neither may anything that gets into a page."""

    BELEID = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_vary_headers(response, ["HX-Request"])
        response.setdefault("Permissions-Policy", self.BELEID)
        return response


class NulTekenMiddleware:
    """400 for a NUL character in the path or the address's parameters. PostgreSQL cannot
    compare text that holds one, so every search that passed it on answered 500; no link or
    form of ours sends it. (Forms refuse one in a posted field themselves, at the field.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in naam or any("\x00" in waarde for waarde in waarden)
            for naam, waarden in request.GET.lists()
        ):
            raise SuspiciousOperation("NUL character in the request's path or parameters")
        return self.get_response(request)


class LanguageMiddleware:
    """Dutch unless the user chose another language in the footer (the language cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: a
    municipality works in Dutch, also for staff whose browser happens to be English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in dict(settings.LANGUAGES):
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        return response


class HtmxMessagesMiddleware:
    """Messages set during an htmx request reach the page: the message region is sent along,
    swapped out of band (the page itself is not reloaded, so nothing else would show them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.htmx
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and "HX-Redirect" not in response
            and "Location" not in response
        ):
            meldingen = list(get_messages(request))
            if meldingen:
                response.content += render_to_string(
                    "components/meldingen.html",
                    {"messages": meldingen, "oob": True},
                    request=request,
                ).encode()
        return response


@receiver(user_logged_in)
def _sessie_begint(sender, request, user, **kwargs):
    """A session's clock starts at signing in (written with the login itself, so the first
    request after it need not write the session again)."""
    if request is not None and hasattr(request, "session"):
        nu = time.time()
        request.session[SESSIE_BEGONNEN] = nu
        request.session[SESSIE_ACTIEF] = nu


def sessie_verlopen(sessie, nu: float) -> bool:
    """Past the idle time since its last request, or past the longest a session may last."""
    begonnen, actief = sessie.get(SESSIE_BEGONNEN, nu), sessie.get(SESSIE_ACTIEF, nu)
    return (
        nu - actief > settings.SESSION_IDLE_SECONDS or nu - begonnen > settings.SESSION_MAX_SECONDS
    )


class SessieVerloopMiddleware:
    """A session ends after SESSION_IDLE_SECONDS without a request and, whatever happens,
    SESSION_MAX_SECONDS after signing in. The page warns before the idle end and offers to
    stay signed in (static/js/sessie.js, accounts:sessie-verlengen)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            nu = time.time()
            request.session.setdefault(SESSIE_BEGONNEN, nu)
            if sessie_verlopen(request.session, nu):
                return self._verlopen(request)
            # Not on every request: that would write the session each time. A sixtieth of
            # the idle time (30 s of 30 minutes) is precise enough: the page's warning comes
            # two minutes before the end.
            if nu - request.session.get(SESSIE_ACTIEF, 0) > settings.SESSION_IDLE_SECONDS / 60:
                request.session[SESSIE_ACTIEF] = nu
        return self.get_response(request)

    def _verlopen(self, request):
        log_event("session_expired", request=request, outcome="ended")
        logout(request)
        messages.info(request, _("Uw sessie is verlopen. Log opnieuw in om verder te werken."))
        # A script's own request ("Blijf ingelogd" a moment too late) would follow a redirect
        # and show the login page, with this message, to nobody: it gets a 401, and the page
        # it then reloads shows the message.
        if not request.htmx and request.headers.get("Sec-Fetch-Mode", "navigate") != "navigate":
            return HttpResponse(status=401)
        return pagina_naar(request, resolve_url(settings.LOGIN_URL))


class GeschiedenisMiddleware(HistoryMiddleware):
    """pghistory's context for every change a request makes: who, which URL, and from which
    address (the client's, through trusted proxies only)."""

    def get_context(self, request):
        return super().get_context(request) | {"adres": client_ip(request)}


class WerklijstMiddleware:
    """A person's own write (an akkoord given, an actiepunt done) may change what waits for
    them: the header counts anew on their next page (core.werklijst)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                werklijst.vergeten([user.pk])
        return response
