"""What rapportages tells people (accounts.meldingen): a report they asked for is ready or
failed, a bijdrage waits for their akkoord, and each morning the P&C deadlines 14 and 3
days ahead for the regisseurs whose bijdrage is not yet through."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.meldingen import Bericht, melden, melden_alle
from accounts.models import Meldingsoort, User
from opgaven.models import Opgave

from .models import Bijdrage, BijdrageStatus, PcMoment, Rapportage, Status

VOORUIT = (14, 3)  # days before a P&C deadline


def rapportage_melden(rapportage: Rapportage) -> None:
    """Whoever asked for the report hears that it is ready, or that it failed."""
    if rapportage.status == Status.KLAAR:
        tekst = _("Rapportage klaar: %(titel)s")
    elif rapportage.status == Status.MISLUKT:
        tekst = _("Rapportage mislukt: %(titel)s")
    else:
        return
    melden(
        [rapportage.aangevraagd_door],
        soort=Meldingsoort.RAPPORTAGE,
        sleutel=f"rapportage:{rapportage.pk}:{rapportage.status}:{rapportage.pogingen}",
        tekst=tekst % {"titel": rapportage.titel},
        link=rapportage.get_absolute_url(),
    )


def vastgesteld_melden(rapportage: Rapportage, *, door: User) -> None:
    """Whoever asked for the report hears that the bestuurder vaststelde it."""
    melden(
        [rapportage.aangevraagd_door] if rapportage.aangevraagd_door != door else [],
        soort=Meldingsoort.RAPPORTAGE,
        sleutel=f"rapportage:{rapportage.pk}:vastgesteld",
        tekst=_("Vastgesteld door %(wie)s: %(titel)s") % {"wie": door, "titel": rapportage.titel},
        link=rapportage.get_absolute_url(),
    )


def akkoord_melden(bijdrage: Bijdrage, *, door: User) -> None:
    """A bijdrage saved by someone else waits for the regisseur's ambtelijk akkoord; one
    with that akkoord waits for the portefeuillehouder's (or a bestuurder's for all)."""
    bijdrage.refresh_from_db(fields=["status", "versie"])
    opgave = bijdrage.opgave
    if bijdrage.status == BijdrageStatus.CONCEPT:
        stap, tekst = (
            "ambtelijk",
            _("Bijdrage van %(opgave)s voor %(moment)s wacht op uw ambtelijk akkoord"),
        )
        ontvangers = [opgave.opgaveregisseur] if opgave.opgaveregisseur_id else []
    elif bijdrage.status == BijdrageStatus.AMBTELIJK_AKKOORD:
        stap = "bestuurlijk"
        tekst = _("Bijdrage van %(opgave)s voor %(moment)s wacht op uw bestuurlijk akkoord")
        ontvangers = User.objects.portefeuillehouders_van(opgave)
    else:
        return
    melden(
        [u for u in ontvangers if u and u.pk != door.pk],
        soort=Meldingsoort.AKKOORD,
        sleutel=f"akkoord:bijdrage:{bijdrage.pk}:v{bijdrage.versie}:{stap}",
        tekst=tekst % {"opgave": opgave.titel, "moment": bijdrage.moment},
        link=reverse("rapportages:bijdrage", args=[bijdrage.moment_id, opgave.pk]),
    )


def zoeken(vandaag: datetime.date | None = None) -> None:
    """The daily search (beat): the regisseur of every opgave whose bijdrage for a moment
    has no bestuurlijk akkoord yet hears of the deadline 14 days ahead, and again 3 days
    ahead (once each, also when the search runs twice)."""
    vandaag = vandaag or timezone.localdate()
    momenten = PcMoment.objects.filter(
        deadline__gte=vandaag, deadline__lte=vandaag + datetime.timedelta(days=max(VOORUIT))
    )
    melden_alle(bericht for moment in momenten for bericht in _deadline(moment, vandaag))


def _deadline(moment: PcMoment, vandaag: datetime.date):
    dagen = (moment.deadline - vandaag).days
    drempel = min(d for d in VOORUIT if dagen <= d)
    klaar = Bijdrage.objects.filter(moment=moment, status=BijdrageStatus.BESTUURLIJK_AKKOORD)
    opgaven = (
        Opgave.objects.filter(opgaveregisseur__isnull=False)
        .exclude(pk__in=klaar.values("opgave"))
        .select_related("opgaveregisseur")
        .only("pk", "titel", "opgaveregisseur")
    )
    tekst = _("Bijdrage van %(opgave)s voor %(moment)s: deadline %(datum)s")
    datum = date_format(moment.deadline, "j F Y")
    for opgave in opgaven.iterator(chunk_size=1000):
        yield Bericht(
            opgave.opgaveregisseur,
            Meldingsoort.PC_DEADLINE,
            f"pc:{moment.pk}:opgave:{opgave.pk}:{drempel}:{moment.deadline}",
            tekst % {"opgave": opgave.titel, "moment": moment, "datum": datum},
            reverse("rapportages:bijdrage", args=[moment.pk, opgave.pk]),
        )
