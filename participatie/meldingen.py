"""What participatie tells people (accounts.meldingen): a signal for their opgave (and once
more when it has waited a week), and each morning what is due or overdue and inbreng that
waits for terugkoppeling.

The keys name the event with its date, so the daily search may run any number of times: a
commitment due in three days is told once, once more if it runs late, and again only when
its deadline is moved.
"""

import datetime

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.meldingen import Bericht, melden, melden_alle
from accounts.models import Meldingsoort

from .models import (
    Actiepunt,
    Afspraak,
    AfspraakStatus,
    Bijeenkomst,
    Signaal,
    SignaalStatus,
    Terugkoppeling,
    Vervolgactie,
)

BINNENKORT = 3  # days before a deadline
TERUGKOPPELING_NA = 14  # days of inbreng without terugkoppeling
SIGNAAL_HERINNERING_NA = 7  # days a signal waits before its regisseur is reminded


def signaal_melden(signaal: Signaal) -> None:
    """The regisseur of the signal's opgave (now) is asked for an answer."""
    opgave = signaal.opgave
    if opgave.opgaveregisseur_id in (None, signaal.ingediend_door_id):
        return
    melden(
        [opgave.opgaveregisseur],
        soort=Meldingsoort.SIGNAAL,
        sleutel=f"signaal:{signaal.pk}:opgave:{opgave.pk}",
        tekst=_("Signaal voor %(opgave)s wacht op antwoord: %(titel)s")
        % {"opgave": opgave.titel, "titel": signaal.titel},
        link=signaal.get_absolute_url(),
    )


def zoeken(vandaag: datetime.date | None = None) -> None:
    """The daily search (beat): deadlines near or past, inbreng waiting too long."""
    vandaag = vandaag or timezone.localdate()
    melden_alle(
        _termijn(soort, rij, link(rij), vandaag)
        for soort, rijen, link in _termijnen(vandaag)
        for rij in rijen.iterator(chunk_size=1000)
    )
    melden_alle(_terugkoppeling(vandaag))
    melden_alle(_wachtende_signalen(vandaag))


def _wachtende_signalen(vandaag: datetime.date):
    """Once per signal and opgave: a reminder to the regisseur when it has waited a week."""
    grens = datetime.datetime.combine(
        vandaag - datetime.timedelta(days=SIGNAAL_HERINNERING_NA), datetime.time()
    )
    signalen = Signaal.objects.filter(
        status=SignaalStatus.NIEUW,
        created_at__lt=timezone.make_aware(grens),
        opgave__opgaveregisseur__isnull=False,
    ).select_related("opgave__opgaveregisseur")
    for signaal in signalen.iterator(chunk_size=1000):
        opgave = signaal.opgave
        if opgave.opgaveregisseur_id == signaal.ingediend_door_id:
            continue  # their own signal
        yield Bericht(
            opgave.opgaveregisseur,
            Meldingsoort.SIGNAAL,
            f"signaal:{signaal.pk}:opgave:{opgave.pk}:herinnering",
            _("Signaal voor %(opgave)s wacht al meer dan %(dagen)d dagen op antwoord: %(titel)s")
            % {"opgave": opgave.titel, "dagen": SIGNAAL_HERINNERING_NA, "titel": signaal.titel},
            signaal.get_absolute_url(),
        )


def _termijnen(vandaag: datetime.date):
    binnen = vandaag + datetime.timedelta(days=BINNENKORT)

    def contact(opgave_pk: int, anker: str) -> str:
        return reverse("participatie:contact", args=[opgave_pk]) + anker

    yield (
        _("Afspraak"),
        Afspraak.objects.filter(status=AfspraakStatus.OPEN, deadline__lte=binnen).select_related(
            "eigenaar"
        ),
        lambda a: contact(a.opgave_id, "#afspraken"),
    )
    yield (
        _("Vervolgactie"),
        Vervolgactie.objects.filter(afgerond=False, deadline__lte=binnen).select_related(
            "eigenaar", "contactmoment"
        ),
        lambda v: contact(v.contactmoment.opgave_id, "#contactmomenten"),
    )
    yield (
        _("Actiepunt"),
        Actiepunt.objects.open().filter(deadline__lte=binnen).select_related("eigenaar"),
        lambda a: (
            reverse("participatie:bijeenkomst-detail", args=[a.bijeenkomst_id]) + "#actiepunten"
        ),
    )


def _termijn(wat: str, rij, link: str, vandaag: datetime.date) -> Bericht:
    te_laat = rij.deadline < vandaag
    if te_laat:
        tekst = _("%(wat)s te laat (uiterlijk %(datum)s): %(omschrijving)s")
    else:
        tekst = _("%(wat)s uiterlijk %(datum)s: %(omschrijving)s")
    return Bericht(
        rij.eigenaar,
        Meldingsoort.TERMIJN,
        f"{rij._meta.model_name}:{rij.pk}:{'te-laat' if te_laat else 'binnenkort'}:{rij.deadline}",
        tekst
        % {
            "wat": wat,
            "datum": date_format(rij.deadline, "j F Y"),
            "omschrijving": rij.omschrijving[:150],
        },
        link,
    )


def _terugkoppeling(vandaag: datetime.date):
    """Per session: its thematafel's gespreksleider (else the regisseurs of its opgaven),
    once its oldest inbreng without terugkoppeling is 14 days old."""
    grens = datetime.datetime.combine(
        vandaag - datetime.timedelta(days=TERUGKOPPELING_NA), datetime.time()
    )
    bijeenkomsten = (
        Bijeenkomst.objects.filter(inbreng__terugkoppeling=Terugkoppeling.OPEN)
        .annotate(oudste=Min("inbreng__created_at"))
        .filter(oudste__lt=timezone.make_aware(grens))
        .select_related("thematafel__gespreksleider")
        .prefetch_related("thematafel__opgaven__opgaveregisseur")
    )
    for bijeenkomst in bijeenkomsten:
        tafel = bijeenkomst.thematafel
        if tafel.gespreksleider_id:
            ontvangers = [tafel.gespreksleider]
        else:
            ontvangers = [o.opgaveregisseur for o in tafel.opgaven.all()]
        tekst = _(
            "Inbreng van %(tafel)s (%(datum)s) wacht al %(dagen)d dagen op terugkoppeling"
        ) % {
            "tafel": tafel.thema,
            "datum": date_format(timezone.localtime(bijeenkomst.begint_op), "j F Y"),
            "dagen": TERUGKOPPELING_NA,
        }
        for ontvanger in ontvangers:
            yield Bericht(
                ontvanger,
                Meldingsoort.TERUGKOPPELING,
                f"terugkoppeling:bijeenkomst:{bijeenkomst.pk}",
                tekst,
                bijeenkomst.get_absolute_url() + "#inbreng",
            )
