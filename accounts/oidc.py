"""Signing in through the municipality's identity provider (OpenID Connect: authorization
code flow with PKCE, mozilla-django-oidc).

Endpoints come from the provider's discovery document (OIDC_OP_ISSUER) unless set one by
one. The ID token's signature, audience (our client id), issuer and expiry are checked
(the library itself checks neither audience nor issuer). An account is found by the
provider's ``sub``, else by e-mail, else created; its role comes from a claim
(OIDC_ROLE_CLAIM, e.g. groups) through OIDC_ROLE_MAP, re-read at every sign-in. Someone
whose claim maps to no role gets a Dutch page, not an account. Logging out ends the
provider's session too (its end_session_endpoint)."""

import functools
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from core.security_log import log_event

from .models import Rol, User

BACKEND = "accounts.oidc.Backend"
_ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}

GEEN_ROL = _(
    "Uw organisatie-account heeft geen rol in Opgavenregie, dus u bent niet ingelogd. "
    "Vraag uw beheerder om u toe te voegen aan een groep die toegang geeft."
)
NIET_VERTROUWD = _(
    "Het antwoord van uw identity provider kon niet worden vertrouwd, dus u bent niet "
    "ingelogd. Probeer het opnieuw; blijft dit gebeuren, meld het dan bij de beheerder."
)
AL_GEBRUIKT = _("Deze inlogpoging is al gebruikt of verlopen. Begin opnieuw met inloggen.")
AL_GEKOPPELD = _(
    "Er is in Opgavenregie al een account met dit e-mailadres, gekoppeld aan een ander "
    "organisatie-account. Vraag de beheerder om dit na te kijken."
)
ONBEREIKBAAR = _(
    "De identity provider van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw."
)


def is_aan() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_ISSUER)


@functools.cache
def _discovery(issuer: str) -> dict:
    antwoord = requests.get(f"{issuer.rstrip('/')}/.well-known/openid-configuration", timeout=5)
    antwoord.raise_for_status()
    return antwoord.json()


def instelling(attr, *args):
    """A setting, or an endpoint from the provider's discovery document."""
    waarde = getattr(settings, attr, None)
    if not waarde and attr in _ENDPOINTS and settings.OIDC_OP_ISSUER:
        return _discovery(settings.OIDC_OP_ISSUER).get(_ENDPOINTS[attr])
    return import_from_settings(attr, *args)


def rol_uit(claims: dict) -> str | None:
    """The first entry of OIDC_ROLE_MAP whose group is in the claim (list the strongest
    first), or None."""
    waarde = claims.get(settings.OIDC_ROLE_CLAIM) or []
    groepen = {waarde} if isinstance(waarde, str) else set(waarde)
    for groep, rol in settings.OIDC_ROLE_MAP:
        if groep in groepen and rol in Rol.values:
            return rol
    return None


class Geweigerd(SuspiciousOperation):
    def __init__(self, reden, oorzaak: str):
        super().__init__(oorzaak)
        self.reden, self.oorzaak = reden, oorzaak


class Backend(OIDCAuthenticationBackend):
    get_settings = staticmethod(instelling)

    def get_user(self, user_id):
        """The user of a request, with the header's count of unread meldingen."""
        return User.objects.met_ongelezen().filter(pk=user_id).first()

    def _verify_jws(self, payload, key):
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                options={"require": ["exp", "iat", "sub", "aud", "iss"]},
            )
        except jwt.InvalidTokenError as fout:
            raise Geweigerd(NIET_VERTROUWD, type(fout).__name__) from fout

    def verify_claims(self, claims) -> bool:
        return bool(claims.get("sub") and claims.get("email"))

    def filter_users_by_claims(self, claims):
        gevonden = self.UserModel.objects.filter(oidc_sub=claims["sub"])
        if gevonden.exists():
            return gevonden
        return self.UserModel.objects.filter(email__iexact=claims["email"], oidc_sub="")

    def _rol(self, claims) -> str:
        rol = rol_uit(claims)
        if rol is None:
            raise Geweigerd(GEEN_ROL, "geen_rol")
        return rol

    def create_user(self, claims):
        rol = self._rol(claims)
        if self.UserModel.objects.filter(username__iexact=claims["email"]).exists():
            # Another identity at the provider already has this address here.
            raise Geweigerd(AL_GEKOPPELD, "email_al_gekoppeld")
        user = self.UserModel(
            username=claims["email"].lower()[:150], email=claims["email"], rol=rol
        )
        user.set_unusable_password()
        return self._bijwerken(user, claims, rol)

    def update_user(self, user, claims):
        return self._bijwerken(user, claims, self._rol(claims))

    def _bijwerken(self, user, claims, rol):
        oud = user.rol if user.pk else None
        user.oidc_sub = claims["sub"]
        user.email = claims["email"]
        user.first_name = (claims.get("given_name") or user.first_name)[:150]
        user.last_name = (claims.get("family_name") or user.last_name)[:150]
        user.rol = rol
        user.save()
        if oud is not None and oud != rol:
            log_event("rol_wijzigen", user=user, obj=f"gebruiker:{user.pk}:{oud}->{rol}:oidc")
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        # The library turns every refusal here into a plain failure: keep our reason.
        try:
            return super().get_or_create_user(access_token, id_token, payload)
        except Geweigerd as fout:
            self.request.oidc_weigering = fout
            raise


def _geweigerd(request, reden, oorzaak: str, status: int = 403):
    log_event("login_oidc", request=request, obj=oorzaak, outcome="failed")
    return render(request, "accounts/oidc_geweigerd.html", {"reden": reden}, status=status)


class Inloggen(OIDCAuthenticationRequestView):
    get_settings = staticmethod(instelling)

    def __init__(self, *args, **kwargs):
        self._fout = None
        try:
            super().__init__(*args, **kwargs)
        except requests.RequestException as fout:
            self._fout = fout

    def get(self, request):
        if not is_aan():
            raise Http404
        if self._fout is not None:
            return _geweigerd(request, ONBEREIKBAAR, "provider_onbereikbaar", status=503)
        return super().get(request)


class Terug(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(instelling)

    def get(self, request):
        if not is_aan():
            raise Http404
        try:
            return super().get(request)
        except Geweigerd as fout:
            return _geweigerd(request, fout.reden, fout.oorzaak)
        except SuspiciousOperation:
            return _geweigerd(request, AL_GEBRUIKT, "state")
        except requests.RequestException:
            return _geweigerd(request, ONBEREIKBAAR, "provider_onbereikbaar", status=503)

    def login_failure(self):
        fout = getattr(self.request, "oidc_weigering", None)
        if fout is not None:
            return _geweigerd(self.request, fout.reden, fout.oorzaak)
        return _geweigerd(self.request, AL_GEBRUIKT, "mislukt")


class Uitloggen(auth_views.LogoutView):
    """Logging out of a session that came through the provider ends the provider's
    session too (RP-initiated logout), and comes back to the login page."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get("oidc_id_token")
        response = super().post(request, *args, **kwargs)
        einde = is_aan() and id_token and instelling("OIDC_OP_LOGOUT_ENDPOINT", None)
        if einde:
            terug = request.build_absolute_uri(reverse("accounts:login"))
            query = urlencode({"id_token_hint": id_token, "post_logout_redirect_uri": terug})
            response["Location"] = f"{einde}?{query}"
        return response
