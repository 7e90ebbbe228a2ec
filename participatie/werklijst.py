"""What waits in participatie (core.werklijst): one's own action points, commitments and
follow-ups, inbreng that waits for terugkoppeling, signals to answer or sent; for the
beheerder, persons in the register past their retention date."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Rol
from core.werklijst import PER_BRON, Taak
from opgaven.models import Opgave

from .models import (
    Actiepunt,
    Afspraak,
    AfspraakStatus,
    Bijeenkomst,
    Partnerkoppeling,
    Signaal,
    SignaalStatus,
    Stakeholder,
    Terugkoppeling,
    Thematafel,
    Vervolgactie,
)
from .views.signalen import te_beantwoorden


def actiepunten(user, vandaag) -> list[Taak]:
    """Action points from sessions that this user owns and are not done."""
    punten = (
        Actiepunt.objects.open()
        .filter(eigenaar=user)
        .select_related("bijeenkomst__thematafel")
        .order_by("deadline", "pk")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Actiepunt"),
            tekst=a.omschrijving,
            url=reverse("participatie:bijeenkomst-detail", args=[a.bijeenkomst_id])
            + "#actiepunten",
            opgave=a.bijeenkomst.thematafel.thema,
            uiterlijk=a.deadline,
        )
        for a in punten
    ]


def afspraken(user, vandaag) -> list[Taak]:
    """Open commitments this user watches over (eigenaar), and for a partner those their
    organisation made in the opgaven they work on."""
    partner = user.rol == Rol.PARTNER
    wie = Q(eigenaar=user)
    koppeling = Partnerkoppeling.van(user) if partner else None
    if koppeling is not None:
        eigen_opgaven = Opgave.objects.waar_werkt(user)
        wie |= Q(belover=koppeling.organisatie, opgave__in=eigen_opgaven)
    bewaakt = Afspraak.objects.filter(wie, status=AfspraakStatus.OPEN)
    gezien = bewaakt.select_related("opgave").order_by("deadline", "pk")[:PER_BRON]
    return [
        Taak(
            soort=_("Afspraak"),
            tekst=a.omschrijving,
            url=(
                f"{a.opgave.get_absolute_url()}#eigen-afspraken"
                if partner
                else reverse("participatie:contact", args=[a.opgave_id]) + "#afspraken"
            ),
            opgave=a.opgave.titel,
            uiterlijk=a.deadline,
        )
        for a in gezien
    ]


def vervolgacties(user, vandaag) -> list[Taak]:
    """Follow-ups of contact moments this user owns and has not finished."""
    acties = (
        Vervolgactie.objects.filter(eigenaar=user, afgerond=False)
        .select_related("contactmoment__opgave")
        .order_by("deadline", "pk")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Vervolgactie"),
            tekst=v.omschrijving,
            url=reverse("participatie:contact", args=[v.contactmoment.opgave_id])
            + "#contactmomenten",
            opgave=v.contactmoment.opgave.titel,
            uiterlijk=v.deadline,
        )
        for v in acties
    ]


def terugkoppeling(user, vandaag) -> list[Taak]:
    """Sessions of the regisseur's opgaven with inbreng that waits for terugkoppeling."""
    tafels = Thematafel.objects.filter(opgaven__opgaveregisseur=user)
    open_inbreng = Q(inbreng__terugkoppeling=Terugkoppeling.OPEN)
    bijeenkomsten = (
        Bijeenkomst.objects.filter(thematafel__in=tafels, begint_op__date__lte=vandaag)
        .annotate(wacht=Count("inbreng", filter=open_inbreng))
        .filter(wacht__gt=0)
        .select_related("thematafel")
        .order_by("begint_op", "pk")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Terugkoppeling"),
            tekst=ngettext(
                "%(n)s keer inbreng van de bijeenkomst van %(datum)s",
                "%(n)s keer inbreng van de bijeenkomst van %(datum)s",
                b.wacht,
            )
            % {"n": b.wacht, "datum": date_format(localtime(b.begint_op), "j F Y")},
            url=reverse("participatie:bijeenkomst-detail", args=[b.pk]) + "#inbreng",
            opgave=b.thematafel.thema,
            sinds=b.begint_op.date(),
        )
        for b in bijeenkomsten
    ]


def signalen(user, vandaag) -> list[Taak]:
    """Signals the teams this user is on have to answer; and the ones this user sent, with
    their state."""
    te_doen = [
        Taak(
            soort=_("Signaal beantwoorden"),
            tekst=s.titel,
            url=s.get_absolute_url(),
            opgave=s.opgave.titel,
            sinds=s.created_at.date(),
        )
        for s in te_beantwoorden(user).order_by("created_at", "pk")[:PER_BRON]
    ]
    eigen = (
        Signaal.objects.filter(ingediend_door=user, status=SignaalStatus.NIEUW)
        .select_related("opgave")
        .order_by("created_at", "pk")[:PER_BRON]
    )
    return te_doen + [
        Taak(
            soort=_("Uw signaal wacht op antwoord"),
            tekst=s.titel,
            url=s.get_absolute_url(),
            opgave=s.opgave.titel,
            sinds=s.created_at.date(),
        )
        for s in eigen
    ]


def bewaartermijn(user, vandaag) -> list[Taak]:
    """For whoever handles AVG requests (the beheerder): persons past their retention date,
    to anonymise on their page (the daily task only counts them unless the municipality
    lets it erase, docs/privacy.md)."""
    if not user.has_perm("participatie.manage_persoonsgegevens"):
        return []
    verlopen = Stakeholder.objects.bewaartermijn_verstreken().order_by("bewaren_tot", "pk")
    return [
        Taak(
            soort=_("Bewaartermijn verstreken"),
            tekst=s.naam,
            url=reverse("participatie:stakeholder-detail", args=[s.pk]) + "#avg-kop",
            uiterlijk=s.bewaren_tot,
        )
        for s in verlopen[:PER_BRON]
    ]
