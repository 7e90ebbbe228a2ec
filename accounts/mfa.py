"""The second step for local accounts (MFA, django-otp): a TOTP app, with ten recovery codes
that each work once. Required for the roles in MFA_REQUIRED_ROLES; whoever set one up gets
it too. Sign-in through an identity provider relies on the provider's MFA."""

import base64

import segno
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.htmx import pagina_naar
from core.invoer import alleen_cijfers

# Set at sign-in: this session must pass the second step before anything else.
SESSIE_TWEEDE_STAP = "_tweede_stap"
HERSTELCODES = 10


def is_verplicht(user) -> bool:
    return user.rol in settings.MFA_REQUIRED_ROLES


def app(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@receiver(user_logged_in)
def _na_inloggen(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        # Through the identity provider its own MFA applies (docs/security.md).
        via_provider = getattr(user, "backend", "") == "accounts.oidc.Backend"
        request.session[SESSIE_TWEEDE_STAP] = not via_provider and (
            is_verplicht(user) or app(user) is not None
        )


def nieuwe_app(user) -> TOTPDevice:
    """The app being set up: an unconfirmed device (a new secret each time it is asked for)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator-app", confirmed=False)


def sleutel(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing it into the app by hand."""
    tekst = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG QR code, made here (no external service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000")


@transaction.atomic
def bevestigen(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a first code; returns the new recovery codes (shown once)."""
    if not device.verify_token(code.replace(" ", "")):
        return None
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=device.user).delete()
    herstel = StaticDevice.objects.create(user=device.user, name="herstelcodes")
    codes = [StaticToken.random_token() for _ in range(HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=herstel, token=c) for c in codes)
    otp_login(request, device)
    request.session[SESSIE_TWEEDE_STAP] = False
    return codes


def controleren(request, code: str):
    """A code from the app or a recovery code; returns the device that took it, or None."""
    code = code.replace(" ", "").lower()
    # Six digits are the app's; anything else a recovery code. Each device throttles its own
    # failures (django-otp), so a recovery code must not count as a wrong app code.
    if alleen_cijfers(code) and len(code) == 6:
        device = app(request.user)
    else:
        device = StaticDevice.objects.filter(user=request.user).first()
    if device is not None and verify_token(request.user, device.persistent_id, code):
        otp_login(request, device)
        request.session[SESSIE_TWEEDE_STAP] = False
        return device
    return None


def herstelcodes_over(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def uitschakelen(user) -> None:
    """The beheerder resets a lost phone: the next sign-in sets the second step up again."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


class TweedeStapMiddleware:
    """Until the second step is passed, a signed-in session reaches only that step (and
    logging out); everything else sends it there."""

    VRIJ = ("accounts:tweede-stap", "accounts:tweede-stap-instellen", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response
        self._vrij = None

    def __call__(self, request):
        if request.user.is_authenticated and request.session.get(SESSIE_TWEEDE_STAP):
            if self._vrij is None:
                self._vrij = {reverse(naam) for naam in self.VRIJ}
            if request.path not in self._vrij and not request.path.startswith(settings.STATIC_URL):
                return self._naar_tweede_stap(request)
        return self.get_response(request)

    def _naar_tweede_stap(self, request):
        stap = "accounts:tweede-stap" if app(request.user) else "accounts:tweede-stap-instellen"
        return pagina_naar(request, reverse(stap))
