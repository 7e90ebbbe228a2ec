"""Meldingen: tell people what needs them, in the app and by e-mail as each one chose.

The apps that own the events call ``melden`` (a colleague added to a team, a report ready)
or run a daily job that finds them (an afspraak due in three days). A melding is made once
per person and event (``Melding.sleutel``), so a job may run as often as it likes. Mail goes
out from the worker: ``mailen`` sends what goes out at once, ``bundelen`` the daily or
weekly overview; each claims its rows inside a transaction (``skip_locked``), so two runs
never send the same melding twice.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import werklijst

from .models import STANDAARD_FREQUENTIE, Frequentie, Melding, Meldingvoorkeur, User

logger = logging.getLogger(__name__)

MAIL_TAAK = "accounts.tasks.meldingen_mailen"
BEWAREN = datetime.timedelta(days=183)


@dataclass(frozen=True)
class Bericht:
    """One melding to be made: for whom, of which kind, about which event."""

    ontvanger: User | None
    soort: str
    sleutel: str
    tekst: str
    link: str


def melden(ontvangers: Iterable[User | None], *, soort: str, sleutel: str, tekst: str, link: str):
    """The same melding for each of ``ontvangers``."""
    melden_alle(Bericht(u, soort, sleutel, tekst, link) for u in ontvangers)


def melden_alle(berichten: Iterable[Bericht]) -> None:
    """Make the meldingen, each for an active person who has not switched its kind off; an
    event already told (same person and ``sleutel``) is left alone. Two queries however
    many. Mail that goes out at once is handed to the worker after the transaction commits."""
    berichten = [b for b in berichten if b.ontvanger is not None and b.ontvanger.is_active]
    # A hand-off changes what waits for the person: the header counts anew.
    werklijst.vergeten(b.ontvanger.pk for b in berichten)
    gekozen = Meldingvoorkeur.van({b.ontvanger.pk for b in berichten})
    nieuw = []
    for b in berichten:
        hoe = gekozen.get((b.ontvanger.pk, b.soort), STANDAARD_FREQUENTIE[b.soort])
        if hoe != Frequentie.UIT:
            nieuw.append(
                Melding(
                    ontvanger=b.ontvanger,
                    soort=b.soort,
                    sleutel=b.sleutel,
                    tekst=b.tekst[:300],
                    link=b.link,
                    mail=hoe,
                )
            )
    Melding.objects.bulk_create(nieuw, ignore_conflicts=True, batch_size=1000)
    if any(m.mail == Frequentie.DIRECT for m in nieuw):
        transaction.on_commit(_mail_aanbieden, robust=True)


def _mail_aanbieden() -> None:
    # By name (tasks import this module); the sweep in beat catches a hand-off that failed.
    current_app.send_task(MAIL_TAAK, retry=True)


def mailen() -> int:
    """Send every melding that goes out at once and has not gone yet; the number sent."""
    verstuurd = 0
    while True:
        with transaction.atomic():
            melding = (
                Melding.objects.te_mailen(Frequentie.DIRECT)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("ontvanger")
                .order_by("pk")
                .first()
            )
            if melding is None:
                return verstuurd
            _versturen(melding.ontvanger, [melding], onderwerp=melding.tekst)
            Melding.objects.filter(pk=melding.pk).update(gemaild_op=timezone.now())
        verstuurd += 1


def bundelen(frequentie: str) -> int:
    """One overview mail per person of what waits for the daily or weekly mail; the
    number of mails sent."""
    verstuurd = 0
    wachtend = Melding.objects.te_mailen(frequentie).values_list("ontvanger", flat=True)
    for user in User.objects.filter(pk__in=wachtend).order_by("pk"):
        with transaction.atomic():
            meldingen = list(
                Melding.objects.te_mailen(frequentie)
                .filter(ontvanger=user)
                .select_for_update(skip_locked=True, of=("self",))
                .order_by("aangemaakt_op", "pk")
            )
            if not meldingen:
                continue
            onderwerp = ngettext(
                "%(aantal)d melding van Opgavenregie",
                "%(aantal)d meldingen van Opgavenregie",
                len(meldingen),
            ) % {"aantal": len(meldingen)}
            _versturen(user, meldingen, onderwerp=onderwerp, overzicht=frequentie)
            Melding.objects.filter(pk__in=[m.pk for m in meldingen]).update(
                gemaild_op=timezone.now()
            )
        verstuurd += 1
    return verstuurd


def opruimen() -> int:
    """Meldingen older than BEWAREN go; the number deleted."""
    grens = timezone.now() - BEWAREN
    aantal, _per_model = Melding.objects.filter(aangemaakt_op__lt=grens).delete()
    logger.info("Meldingen opgeruimd: %d", aantal)
    return aantal


def _versturen(user: User, meldingen: list[Melding], *, onderwerp: str, overzicht="") -> None:
    """One mail, plain text with an HTML alternative, each melding with its full link.
    Raises when the mail server refuses: the transaction then keeps the rows unsent."""
    basis = settings.OPGAVENREGIE_URL.rstrip("/")
    context = {
        "user": user,
        "meldingen": [(m, basis + m.link) for m in meldingen],
        "overzicht": {
            Frequentie.DAGELIJKS: _("Uw dagelijkse overzicht"),
            Frequentie.WEKELIJKS: _("Uw wekelijkse overzicht"),
        }.get(overzicht, ""),
        "gemeente": settings.GEMEENTE_NAAM,
        "voorkeuren": basis + reverse("accounts:meldingvoorkeuren"),
    }
    bericht = EmailMultiAlternatives(
        subject=" ".join(onderwerp.split())[:150],
        body=render_to_string("accounts/mail/meldingen.txt", context),
        to=[user.email],
    )
    bericht.attach_alternative(
        render_to_string("accounts/mail/meldingen.html", context), "text/html"
    )
    bericht.send()
    logger.info("Meldingen gemaild: %d aan gebruiker %s", len(meldingen), user.pk)
