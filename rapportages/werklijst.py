"""What waits in the rapportages app (core.werklijst): bijdragen to write and to approve,
reports to vaststellen, moties of one's opgaven past their date."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.rules import is_bestuurder
from core.werklijst import PER_BRON, Taak
from opgaven.models import Opgave

from .models import Bijdrage, BijdrageStatus, Motie, PcMoment, Rapportage, Status


def _bijdrage_url(bijdrage_of_moment, opgave) -> str:
    moment_pk = getattr(bijdrage_of_moment, "moment_id", None) or bijdrage_of_moment.pk
    return reverse("rapportages:bijdrage", args=[moment_pk, opgave.pk])


def bijdragen_akkoord(user, vandaag) -> list[Taak]:
    """Bijdragen with the regisseur's akkoord, waiting for the portefeuillehouder's."""
    if not is_bestuurder(user):
        return []
    bijdragen = (
        Bijdrage.objects.filter(
            opgave__in=Opgave.objects.in_portefeuille_van(user),
            status=BijdrageStatus.AMBTELIJK_AKKOORD,
        )
        .select_related("opgave", "moment")
        .order_by("moment__deadline", "pk")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Bestuurlijk akkoord"),
            tekst=_("bijdrage aan de %(moment)s") % {"moment": str(b.moment).lower()},
            url=_bijdrage_url(b, b.opgave),
            opgave=b.opgave.titel,
            uiterlijk=b.moment.deadline,
        )
        for b in bijdragen
    ]


def bijdragen_schrijven(user, vandaag) -> list[Taak]:
    """The regisseur's opgaven whose bijdrage to the next P&C moment has no akkoord yet."""
    moment = PcMoment.objects.komend(vandaag).first()
    if moment is None:
        return []
    klaar = Bijdrage.objects.filter(moment=moment).exclude(status=BijdrageStatus.CONCEPT)
    opgaven = (
        Opgave.objects.filter(opgaveregisseur=user)
        .exclude(pk__in=klaar.values("opgave"))
        .op_agenda()[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Bijdrage schrijven"),
            tekst=_("voor de %(moment)s") % {"moment": str(moment).lower()},
            url=_bijdrage_url(moment, o),
            opgave=o.titel,
            uiterlijk=moment.deadline,
        )
        for o in opgaven
    ]


def vaststellen(user, vandaag) -> list[Taak]:
    """Reports made and not yet vastgesteld that this user may vaststellen (the rule
    rapportages.vaststellen_rapportage: all opgaven any bestuurder, one opgave its
    portefeuillehouder)."""
    if not is_bestuurder(user):
        return []
    mag = Q(opgave__isnull=True) | Q(opgave__in=Opgave.objects.in_portefeuille_van(user))
    rapportages = (
        Rapportage.objects.filter(mag, status=Status.KLAAR, vastgesteld_op__isnull=True)
        .select_related("opgave", "moment")
        .order_by("created_at", "pk")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Vaststellen"),
            tekst=r.titel,
            url=reverse("rapportages:rapportage-vaststellen", args=[r.pk]),
            opgave=r.opgave.titel if r.opgave_id else "",
            sinds=r.created_at.date(),
        )
        for r in rapportages
    ]


def moties_te_laat(user, vandaag) -> list[Taak]:
    """Moties and toezeggingen past their date about an opgave in this user's portefeuille
    or that this user directs."""
    betrokken = Q(opgaven__opgaveregisseur=user)
    if is_bestuurder(user):
        betrokken |= Q(opgaven__in=Opgave.objects.in_portefeuille_van(user))
    moties = (
        Motie.objects.te_laat(vandaag)
        .filter(betrokken)
        .distinct()
        .order_by("deadline", "pk")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Motie of toezegging"),
            tekst=f"{m.get_soort_display()} {m.nummer}: {m.titel}",
            url=m.get_absolute_url(),
            uiterlijk=m.deadline,
        )
        for m in moties
    ]
