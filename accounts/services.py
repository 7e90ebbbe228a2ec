"""Writes about people that do more than save one row: an invitation is an account and a mail."""

import logging
import smtplib

from django.db import transaction

from core.security_log import log_event

from . import mail
from .forms import UitnodigingForm
from .models import User

logger = logging.getLogger(__name__)


def gebruiker_uitnodigen(*, form: UitnodigingForm, door: User, basis_url: str) -> tuple[User, bool]:
    """The account (without a password) and the invitation to set one; (account, sent).
    The account stays when the mail cannot go out: the beheerder sends it again."""
    with transaction.atomic():
        user = form.save()
    log_event("uitnodigen", user=door, obj=f"gebruiker:{user.pk}:{user.rol}")
    return user, uitnodiging_versturen(user=user, door=door, basis_url=basis_url)


def uitnodiging_versturen(*, user: User, door: User, basis_url: str) -> bool:
    """Send (again) the invitation with a fresh link; False when the mail server refused."""
    try:
        mail.uitnodiging_versturen(user, basis_url=basis_url, door=door)
    except (OSError, smtplib.SMTPException):
        logger.exception("Uitnodiging voor gebruiker %s niet verstuurd", user.pk)
        log_event("uitnodiging_versturen", user=door, obj=f"gebruiker:{user.pk}", outcome="fout")
        return False
    log_event("uitnodiging_versturen", user=door, obj=f"gebruiker:{user.pk}")
    return True
