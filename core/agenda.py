"""A person's calendar feed: the apps register what belongs in it.

``accounts`` serves the feed behind a secret link but knows no sessions or deadlines; each
app registers a ``bron(user, vanaf)`` in its ``AppConfig.ready`` that yields the
``icalendar.Event`` objects for that person from date ``vanaf`` on (participatie: sessions
and own action points; rapportages: the P&C deadlines of one's opgaven).
"""

import datetime
from collections.abc import Callable, Iterable

import icalendar
from django.conf import settings
from django.utils import timezone

Bron = Callable[..., Iterable[icalendar.Event]]
TERUG = datetime.timedelta(days=60)  # what lies this far back stays in the feed

_bronnen: dict[str, Bron] = {}


def registreer(naam: str, bron: Bron) -> None:
    _bronnen[naam] = bron


def feed(user) -> bytes:
    """One VCALENDAR with everything the registered sources give for ``user``."""
    agenda = icalendar.Calendar()
    agenda.add("prodid", "-//Opgavenregie//Agenda//NL")
    agenda.add("version", "2.0")
    agenda.add("calscale", "GREGORIAN")
    agenda.add("x-wr-calname", f"Opgavenregie: {user}")
    agenda.add("x-published-ttl", "PT1H")
    vanaf = timezone.localdate() - TERUG
    for naam in sorted(_bronnen):
        for event in _bronnen[naam](user, vanaf):
            agenda.add_component(event)
    return agenda.to_ical()


def dag(uid: str, datum: datetime.date, titel: str, pad: str, bijgewerkt=None) -> icalendar.Event:
    """An all-day event (a deadline) with a link into the app."""
    event = icalendar.Event()
    event.add("uid", f"{uid}@opgavenregie")
    event.add("dtstamp", bijgewerkt or timezone.now())
    event.add("dtstart", datum)
    event.add("dtend", datum + datetime.timedelta(days=1))
    event.add("summary", titel)
    event.add("url", settings.OPGAVENREGIE_URL.rstrip("/") + pad)
    event.add("transp", "TRANSPARENT")
    return event
