"""Change records (django-pghistory events) as people read them: when, who, what, and which
fields changed from what to what. The apps choose which events; this only describes them."""

import functools
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import pgtrigger
from django.apps import apps
from django.contrib.auth import get_user_model
from pghistory.models import Event

_LABELS = {"insert": "aangemaakt", "update": "gewijzigd", "delete": "verwijderd"}
# Bookkeeping, not content: never listed as a change.
_HIDDEN_FIELDS = {"id", "created_at", "updated_at", "versie", "volgorde", "last_login"}


@dataclass
class Gebeurtenis:
    wanneer: datetime
    wie: str
    wat: str
    actie: str
    wijzigingen: list[tuple[str, str, str]]
    opgave: str = ""


def beschrijf(events: Iterable, *, opgave: Callable[[object], str] = lambda e: "") -> list:
    """A ``Gebeurtenis`` per event (in the order given); ``opgave`` names the opgave an event
    belongs to, where the reader sees several."""
    events = list(events)
    user_ids = {(e.pgh_context or {}).get("user") for e in events} - {None}
    users = {u.pk: str(u) for u in get_user_model().objects.filter(pk__in=user_ids)}
    result = []
    for event in events:
        tracked = apps.get_model(event.pgh_model).pgh_tracked_model
        context = event.pgh_context or {}
        wijzigingen = []
        if event.pgh_label == "update" and event.pgh_diff:
            for field_name, (oud, nieuw) in event.pgh_diff.items():
                if field_name in _HIDDEN_FIELDS:
                    continue
                try:
                    label = str(tracked._meta.get_field(field_name).verbose_name)
                except Exception:
                    label = field_name
                wijzigingen.append((label, _kort(oud), _kort(nieuw)))
        result.append(
            Gebeurtenis(
                wanneer=event.pgh_created_at,
                wie=users.get(context.get("user")) or context.get("bron") or "systeem",
                wat=str(tracked._meta.verbose_name),
                actie=_LABELS.get(event.pgh_label, event.pgh_label.replace("_", " ")),
                wijzigingen=wijzigingen,
                opgave=opgave(event),
            )
        )
    return result


def _kort(value, length: int = 120) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= length else text[: length - 1] + "…"


@functools.cache
def event_modellen() -> list:
    """Every history event model (one table each)."""
    return [m for m in apps.get_models() if issubclass(m, Event) and m._meta.managed]


@contextmanager
def herschrijven(*event_models):
    """The one way to change recorded history: erasing a person's data (AVG), and dating
    the generated scale data set back over two years (``demo.seed.schaal``). The event
    tables are append-only (a trigger refuses UPDATE and DELETE); inside this block, and
    only for these tables, pgtrigger's session variable lets the change through."""
    with pgtrigger.ignore(*(f"{model._meta.label}:append_only" for model in event_models)):
        yield
