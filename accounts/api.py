"""Who calls the API: an integration (Koppeling) with its token, read or read-write, at most
``API_VERZOEKEN_PER_MINUUT`` requests a minute. No session, no person: what a token reads
is the same for every integration, and never a person's data (config.api)."""

import datetime
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from redis.exceptions import RedisError
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.throttling import SimpleRateThrottle

from .models import Koppeling

GEBRUIKT_BIJWERKEN = datetime.timedelta(minutes=1)
logger = logging.getLogger(__name__)


class Integratie:
    """``request.user`` for a call with a token: the integration, not a person."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    pk = None

    def __init__(self, koppeling: Koppeling):
        self.koppeling = koppeling

    def __str__(self):
        return self.koppeling.naam

    def has_perm(self, perm, obj=None) -> bool:
        return False


class TokenAuthenticatie(BaseAuthentication):
    """``Authorization: Token <token>`` (or ``Bearer``, as Power BI sends it)."""

    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() not in (b"token", b"bearer"):
            return None
        if len(delen) != 2:
            raise AuthenticationFailed(_("Geef de token als: Authorization: Token <token>."))
        koppeling = Koppeling.van_token(delen[1].decode(errors="replace"))
        if koppeling is None:
            raise AuthenticationFailed(_("Deze token is onbekend of ingetrokken."))
        nu = timezone.now()
        if (
            not koppeling.laatst_gebruikt_op
            or nu - koppeling.laatst_gebruikt_op > GEBRUIKT_BIJWERKEN
        ):
            Koppeling.objects.filter(pk=koppeling.pk).update(laatst_gebruikt_op=nu)
        return Integratie(koppeling), koppeling

    def authenticate_header(self, request):
        return 'Token realm="opgavenregie"'


class TokenInSchema(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the token (drf-spectacular)."""

    target_class = TokenAuthenticatie
    name = "koppeling"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token <token> van een koppeling (Beheer > Koppelingen met de API).",
        }


class Scope(BasePermission):
    """Every integration reads; writing needs the read-write scope."""

    message = _("Deze koppeling mag alleen lezen.")

    def has_permission(self, request, view):
        if not isinstance(request.auth, Koppeling):
            return False
        return request.method in SAFE_METHODS or request.auth.mag_schrijven


class PerKoppeling(SimpleRateThrottle):
    """A budget per integration per minute, shared by all web processes (the ``api`` cache:
    Redis when there is one)."""

    scope = "koppeling"
    cache = caches["api"]

    def get_rate(self):
        # DRF makes a throttle per request, so this setting is read per request.
        return f"{settings.API_VERZOEKEN_PER_MINUUT}/min"

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except RedisError:
            # Redis down: serve rather than fail; the limit is a brake, not a lock.
            logger.warning("API-limiet niet te tellen: Redis antwoordt niet")
            return True

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, Koppeling):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
