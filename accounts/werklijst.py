"""What waits for the beheerder (core.werklijst): accounts held off after failed logins,
and invitations nobody has taken up."""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext as _

from core.werklijst import PER_BRON, Taak

from .blokkade import geblokkeerde_namen
from .models import User


def geblokkeerd(user, vandaag) -> list[Taak]:
    """Accounts that reached the failure limit within the cool-off: the beheerder may let
    them in again (ontgrendelen) after checking it was them."""
    if not user.has_perm("accounts.manage_gebruikers"):
        return []
    accounts = (
        User.objects.alias(naam=Lower("username"))
        .filter(naam__in=geblokkeerde_namen())
        .order_by("username")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Geblokkeerd account"),
            tekst=_("%(wie)s, na te veel mislukte inlogpogingen") % {"wie": a},
            url=reverse("accounts:gebruiker-detail", args=[a.pk]) + "#toegang",
        )
        for a in accounts
    ]


def uitnodigingen(user, vandaag) -> list[Taak]:
    """People invited who never chose a password nor signed in through their organisation."""
    if not user.has_perm("accounts.manage_gebruikers"):
        return []
    open_ = User.objects.filter(
        is_active=True,
        password__startswith=UNUSABLE_PASSWORD_PREFIX,
        last_login__isnull=True,
        oidc_sub="",
    ).order_by("date_joined", "pk")[:PER_BRON]
    return [
        Taak(
            soort=_("Uitnodiging niet aangenomen"),
            tekst=str(u),
            url=reverse("accounts:gebruiker-detail", args=[u.pk]) + "#toegang",
            sinds=u.date_joined.date(),
        )
        for u in open_
    ]
