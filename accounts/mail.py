"""Mail to people about their account: the invitation with its one-time link."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import User


def wachtwoord_link(user: User, basis_url: str) -> str:
    """A link to set a password: Django's token, valid for PASSWORD_RESET_TIMEOUT (72 hours)
    and once (setting the password or logging in changes the token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    pad = reverse("accounts:wachtwoord-instellen", args=[uid, token])
    return basis_url.rstrip("/") + pad


def uitnodiging_versturen(user: User, *, basis_url: str, door: User | None) -> None:
    """The invitation; raises OSError or smtplib.SMTPException when the mail cannot go out."""
    context = {
        "user": user,
        "door": door,
        "link": wachtwoord_link(user, basis_url),
        "gemeente": settings.GEMEENTE_NAAM,
        "uren": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    onderwerp = render_to_string("accounts/mail/uitnodiging_onderwerp.txt", context)
    send_mail(
        " ".join(onderwerp.split()),
        render_to_string("accounts/mail/uitnodiging.txt", context),
        None,
        [user.email],
    )
