"""Sessions as iCalendar (RFC 5545), for the calendars of staff and participants, and what
participatie puts in a person's feed (core.agenda): sessions of the thematafels they lead or
whose opgaven they work on, and their own open afspraken, vervolgacties and actiepunten."""

from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.agenda import dag
from opgaven.models import Opgave

from .models import Actiepunt, Afspraak, AfspraakStatus, Bijeenkomst, Thematafel, Vervolgactie


def ics(bijeenkomsten: Iterable[Bijeenkomst]) -> bytes:
    """One VCALENDAR with a VEVENT per session; icalendar escapes every text value."""
    agenda = icalendar.Calendar()
    agenda.add("prodid", "-//Opgavenregie//Thematafels//NL")
    agenda.add("version", "2.0")
    agenda.add("calscale", "GREGORIAN")
    for b in bijeenkomsten:
        agenda.add_component(sessie(b))
    return agenda.to_ical()


def sessie(b: Bijeenkomst) -> icalendar.Event:
    event = icalendar.Event()
    # Stable per session: a re-import updates the event instead of duplicating it.
    event.add("uid", f"bijeenkomst-{b.pk}@opgavenregie")
    event.add("dtstamp", b.updated_at or timezone.now())
    event.add("dtstart", b.begint_op)
    event.add("dtend", b.eindigt_op)
    event.add("summary", f"Thematafel: {b.thematafel.thema}")
    event.add("location", b.locatie)
    if b.agenda:
        event.add("description", b.agenda)
    if b.pk:
        event.add("url", settings.OPGAVENREGIE_URL.rstrip("/") + b.get_absolute_url())
    return event


def openbare_sessie(publicatie, b: Bijeenkomst) -> bytes:
    """One coming session for a resident's calendar (Meedoen): theme, time, place and the
    public page; not the staff agenda or the internal address."""
    agenda = icalendar.Calendar()
    agenda.add("prodid", "-//Opgavenregie//Meedoen//NL")
    agenda.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"meedoen-bijeenkomst-{b.pk}@opgavenregie")
    event.add("dtstamp", b.updated_at or timezone.now())
    event.add("dtstart", b.begint_op)
    event.add("dtend", b.eindigt_op)
    event.add("summary", f"{publicatie.titel}: {b.thematafel.thema}")
    event.add("location", b.locatie)
    event.add("url", settings.OPGAVENREGIE_URL.rstrip("/") + publicatie.get_absolute_url())
    agenda.add_component(event)
    return agenda.to_ical()


def sessies(user, vanaf) -> Iterable[icalendar.Event]:
    """Sessions of thematafels ``user`` leads, or of the opgaven they direct or work on."""
    eigen = Opgave.objects.filter(Q(opgaveregisseur=user) | Q(teamleden=user))
    tafels = Thematafel.objects.filter(Q(gespreksleider=user) | Q(opgaven__in=eigen))
    bijeenkomsten = (
        Bijeenkomst.objects.visible_to(user)
        .filter(thematafel__in=tafels, eindigt_op__date__gte=vanaf)
        .select_related("thematafel")
        .order_by("begint_op", "pk")
    )
    return (sessie(b) for b in bijeenkomsten)


def acties(user, vanaf) -> Iterable[icalendar.Event]:
    """``user``'s own open commitments and action points, on their deadline."""
    contact = "participatie:contact"
    for a in Afspraak.objects.filter(
        eigenaar=user, status=AfspraakStatus.OPEN, deadline__gte=vanaf
    ):
        pad = reverse(contact, args=[a.opgave_id]) + "#afspraken"
        yield dag(
            f"afspraak-{a.pk}",
            a.deadline,
            _("Afspraak: %(tekst)s") % {"tekst": a.omschrijving[:150]},
            pad,
            a.updated_at,
        )
    vervolgacties = Vervolgactie.objects.filter(
        eigenaar=user, afgerond=False, deadline__gte=vanaf
    ).select_related("contactmoment")
    for v in vervolgacties:
        pad = reverse(contact, args=[v.contactmoment.opgave_id]) + "#contactmomenten"
        yield dag(
            f"vervolgactie-{v.pk}",
            v.deadline,
            _("Vervolgactie: %(tekst)s") % {"tekst": v.omschrijving},
            pad,
        )
    for a in Actiepunt.objects.open().filter(eigenaar=user, deadline__gte=vanaf):
        pad = reverse("participatie:bijeenkomst-detail", args=[a.bijeenkomst_id]) + "#actiepunten"
        yield dag(
            f"actiepunt-{a.pk}",
            a.deadline,
            _("Actiepunt: %(tekst)s") % {"tekst": a.omschrijving},
            pad,
            a.updated_at,
        )
