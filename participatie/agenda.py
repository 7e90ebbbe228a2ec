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


def ics(bijeenkomsten: Iterable[Bijeenkomst], publicatie=None) -> bytes:
    """One VCALENDAR with a VEVENT per session; icalendar escapes every text value. With a
    ``publicatie``: for residents (Meedoen)."""
    agenda = icalendar.Calendar()
    agenda.add("prodid", f"-//Opgavenregie//{'Meedoen' if publicatie else 'Thematafels'}//NL")
    agenda.add("version", "2.0")
    agenda.add("calscale", "GREGORIAN")
    for b in bijeenkomsten:
        agenda.add_component(sessie(b, publicatie))
    return agenda.to_ical()


def sessie(b: Bijeenkomst, publicatie=None) -> icalendar.Event:
    """A session for a calendar. For residents (``publicatie``, Meedoen): theme, time, place
    and the public page; not the staff agenda or the internal address."""
    event = icalendar.Event()
    # Stable per session: a re-import updates the event instead of duplicating it.
    event.add("uid", f"{'meedoen-' if publicatie else ''}bijeenkomst-{b.pk}@opgavenregie")
    event.add("dtstamp", b.updated_at or timezone.now())
    event.add("dtstart", b.begint_op)
    event.add("dtend", b.eindigt_op)
    titel = publicatie.titel if publicatie else "Thematafel"
    event.add("summary", f"{titel}: {b.thematafel.thema}")
    event.add("location", b.locatie)
    if b.agenda and not publicatie:
        event.add("description", b.agenda)
    pagina = publicatie.get_absolute_url() if publicatie else b.pk and b.get_absolute_url()
    if pagina:
        event.add("url", settings.OPGAVENREGIE_URL.rstrip("/") + pagina)
    return event


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
