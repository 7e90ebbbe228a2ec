"""Sessions as iCalendar (RFC 5545), for the calendars of staff and participants."""

from collections.abc import Iterable

import icalendar
from django.utils import timezone

from .models import Bijeenkomst


def ics(bijeenkomsten: Iterable[Bijeenkomst]) -> bytes:
    """One VCALENDAR with a VEVENT per session; icalendar escapes every text value."""
    agenda = icalendar.Calendar()
    agenda.add("prodid", "-//Opgavenregie//Thematafels//NL")
    agenda.add("version", "2.0")
    agenda.add("calscale", "GREGORIAN")
    for b in bijeenkomsten:
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
        agenda.add_component(event)
    return agenda.to_ical()
