"""Lockout after repeated failed logins: per account (the name typed, whether or not it
exists) and per client address, each with its own limit, for a cool-off period.

Separate limits because a town hall signs in from one address behind its NAT: an address
may fail far more often (LOGIN_FAILURE_LIMIT_PER_ADDRESS, 50) than one account
(LOGIN_FAILURE_LIMIT, 5) before everyone there is held off. A success, or the beheerder,
clears an account's failures.
"""

import datetime

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models import Count
from django.dispatch import receiver
from django.utils import timezone

from core.security_log import client_ip, log_event

from .models import MisluktePoging


def _naam(gebruikersnaam) -> str:
    return str(gebruikersnaam or "").strip().lower()[:150]


def _recent():
    grens = timezone.now() - datetime.timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)
    return MisluktePoging.objects.filter(op__gte=grens)


def is_geblokkeerd(gebruikersnaam, adres: str | None) -> bool:
    recent = _recent()
    if recent.filter(gebruikersnaam=_naam(gebruikersnaam)).count() >= settings.LOGIN_FAILURE_LIMIT:
        return True
    limiet = settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    return adres is not None and recent.filter(adres=adres).count() >= limiet


def geblokkeerde_namen():
    """The account names (lower case) held off now, as a subquery."""
    return (
        _recent()
        .values("gebruikersnaam")
        .annotate(n=Count("pk"))
        .filter(n__gte=settings.LOGIN_FAILURE_LIMIT)
        .values("gebruikersnaam")
    )


def geblokkeerd_tot(gebruikersnaam) -> datetime.datetime | None:
    """Until when this account is held off (None: it is not)."""
    pogingen = list(
        _recent()
        .filter(gebruikersnaam=_naam(gebruikersnaam))
        .order_by("-op")[: settings.LOGIN_FAILURE_LIMIT]
    )
    if len(pogingen) < settings.LOGIN_FAILURE_LIMIT:
        return None
    return pogingen[0].op + datetime.timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)


def mislukt(gebruikersnaam, adres: str | None, request=None) -> None:
    """Record a failure; the one that reaches a limit is a security event of its own."""
    naam = _naam(gebruikersnaam)
    MisluktePoging.objects.filter(
        op__lt=timezone.now() - datetime.timedelta(days=1), gebruikersnaam=naam
    ).delete()
    MisluktePoging.objects.create(gebruikersnaam=naam, adres=adres)
    recent = _recent()
    if recent.filter(gebruikersnaam=naam).count() == settings.LOGIN_FAILURE_LIMIT:
        log_event("lockout", request=request, obj=f"account:{naam}", outcome="locked")
    if adres and recent.filter(adres=adres).count() == settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
        log_event("lockout", request=request, obj=f"adres:{adres}", outcome="locked")


def gelukt(gebruikersnaam) -> None:
    MisluktePoging.objects.filter(gebruikersnaam=_naam(gebruikersnaam)).delete()


def ontgrendelen(gebruikersnaam) -> None:
    """The beheerder lets an account in again before its cool-off has passed."""
    MisluktePoging.objects.filter(gebruikersnaam=_naam(gebruikersnaam)).delete()


@receiver(user_login_failed)
def _mislukt(sender, credentials, request=None, **kwargs):
    adres = client_ip(request) if request is not None else None
    mislukt(credentials.get("username"), adres, request)


@receiver(user_logged_in)
def _gelukt(sender, request, user, **kwargs):
    gelukt(user.get_username())
