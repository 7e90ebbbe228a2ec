"""Change records (django-pghistory events) as people read them: when, who, what, and which
fields changed from what to what. The apps choose which events; this only describes them."""

import functools
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

import pgtrigger
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import connection
from django.db.models import DateField, DateTimeField, DecimalField, F, TextField, Value
from django.db.models.functions import Cast, Left
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext
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
    # In words, where the model says it ("Mila Vermeulen toegevoegd aan het team als
    # Kernteam"): a tracked model's ``geschiedenis_zinnen`` {label: "%(veld)s ..."}.
    zin: str = ""
    # Which object, by name ("Dorpshuis De Kern, Provincie, 2027"): its naam, titel, thema,
    # omschrijving or tekst, or the model's ``geschiedenis_naam`` ("%(activiteit)s, ...").
    naam: str = ""


# The fields that name an object, in the order tried.
_NAAMVELDEN = ("naam", "titel", "thema", "omschrijving", "tekst")


def beschrijf(events: Iterable, *, lezer, opgave: Callable[[object], str] = lambda e: "") -> list:
    """A ``Gebeurtenis`` per event (in the order given), in words: the labels of choices
    and the names of related objects, not their codes and ids, as far as ``lezer`` may see
    those objects (a model's ``visible_to``); ``opgave`` names the opgave an event belongs
    to, where the reader sees several."""
    events = list(events)
    user_ids = {(e.pgh_context or {}).get("user") for e in events} - {None}
    namen = _namen(events, user_ids, lezer)
    User = get_user_model()
    users = {pk: namen[(User, pk)] for pk in user_ids if (User, pk) in namen}
    result = []
    for event in events:
        tracked = apps.get_model(event.pgh_model).pgh_tracked_model
        context = event.pgh_context or {}
        wijzigingen = []
        if event.pgh_label == "update" and event.pgh_diff:
            for field_name, (oud, nieuw) in event.pgh_diff.items():
                veld = _veld(tracked, field_name)
                if field_name in _HIDDEN_FIELDS or veld is None:
                    continue
                wijzigingen.append(
                    (
                        str(veld.verbose_name),
                        _kort(_leesbaar(veld, oud, namen)),
                        _kort(_leesbaar(veld, nieuw, namen)),
                    )
                )
        if event.pgh_label == "update" and not wijzigingen:
            continue  # only bookkeeping changed (an order, a version): nothing to read
        velden = {
            veld.name: _kort(_leesbaar(veld, waarde, namen), 80)
            for naam, waarde in (event.pgh_data or {}).items()
            if (veld := _veld(tracked, naam)) is not None
        }
        zinnen = getattr(tracked, "geschiedenis_zinnen", {})
        zin = str(zinnen[event.pgh_label]) % velden if event.pgh_label in zinnen else ""
        result.append(
            Gebeurtenis(
                wanneer=event.pgh_created_at,
                wie=users.get(context.get("user")) or context.get("bron") or "systeem",
                wat=str(tracked._meta.verbose_name),
                actie=_LABELS.get(event.pgh_label, event.pgh_label.replace("_", " ")),
                wijzigingen=wijzigingen,
                opgave=opgave(event),
                zin=zin,
                naam="" if zin else _objectnaam(tracked, velden),
            )
        )
    return result


def _objectnaam(model, velden: dict[str, str]) -> str:
    if hasattr(model, "geschiedenis_naam"):
        return str(model.geschiedenis_naam) % velden
    return next((velden[v] for v in _NAAMVELDEN if velden.get(v, "—") != "—"), "")


def _veld(model, naam: str):
    """The model field named ``naam`` or with that column ("user_id"); None if gone."""
    try:
        return model._meta.get_field(naam)
    except FieldDoesNotExist:
        return next((f for f in model._meta.concrete_fields if f.attname == naam), None)


def _namen(events: list, user_ids: set, lezer) -> dict[tuple, str]:
    """The names of the people who acted and of the objects the events point at that
    ``lezer`` may see, in one query whatever the mix of events (a UNION over the related
    tables)."""
    gezocht: dict = {get_user_model(): set(user_ids)} if user_ids else {}
    for event in events:
        tracked = apps.get_model(event.pgh_model).pgh_tracked_model
        waarden = list((event.pgh_data or {}).items())
        for naam, paar in (event.pgh_diff or {}).items():
            waarden += [(naam, paar[0]), (naam, paar[1])]
        for naam, waarde in waarden:
            veld = _veld(tracked, naam)
            if veld is not None and veld.many_to_one and isinstance(waarde, int):
                gezocht.setdefault(veld.related_model, set()).add(waarde)
    delen = [
        _zichtbaar(model, lezer)
        .filter(pk__in=pks)
        .order_by()
        .annotate(_model=Value(model._meta.label), _naam=Cast(expressie, TextField()))
        .values_list("_model", "pk", "_naam")
        for model, pks in gezocht.items()
        if (expressie := _naam_expressie(model)) is not None
    ]
    # By hand: Django's union() refuses parts whose models order by a related field.
    sqls, params = [], []
    for deel in delen:
        try:
            sql, deel_params = deel.query.sql_with_params()
        except EmptyResultSet:  # nothing this reader may see
            continue
        sqls.append(sql)
        params.append(deel_params)
    if not sqls:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"({sql})" for sql in sqls), sum(params, ()))
        return {(apps.get_model(label), pk): naam for label, pk, naam in cursor.fetchall()}


def _zichtbaar(model, lezer):
    """The objects of ``model`` whose name ``lezer`` may read: where the model has a
    ``visible_to`` rule (opgaven, thematafels, reports), only those."""
    objecten = model._base_manager.all()
    if hasattr(model._default_manager, "visible_to"):
        objecten = objecten.filter(pk__in=model._default_manager.visible_to(lezer).values("pk"))
    return objecten


def _naam_expressie(model):
    """How the history names an object of ``model``, in SQL: the model's
    ``naam_in_geschiedenis()`` expression, else its naam, titel, thema or text."""
    if hasattr(model, "naam_in_geschiedenis"):
        return model.naam_in_geschiedenis()
    for veld in ("naam", "titel", "thema", "omschrijving", "tekst"):
        try:
            model._meta.get_field(veld)
        except FieldDoesNotExist:
            continue
        return Left(F(veld), 80)
    return None


def _leesbaar(veld, waarde, namen: dict) -> str:
    """A stored value as people read it: a choice's label, a related object's name."""
    if waarde is None or waarde == "":
        return "—"
    if veld.many_to_one:
        return namen.get((veld.related_model, waarde), str(waarde))
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return gettext("ja") if waarde else gettext("nee")
    # The event keeps ISO text in UTC ("2026-12-07T10:23:42.340551+00:00"): people read
    # the local time in Dutch ("7 december 2026 11:23").
    if isinstance(veld, DateTimeField) and (moment := parse_datetime(str(waarde))):
        return date_format(timezone.localtime(moment), "j F Y H:i")
    if isinstance(veld, DateField) and (dag := parse_date(str(waarde)[:10])):
        return date_format(dag, "j F Y")
    # Amounts as the screens show them ("12.500,00", not "12500.0").
    if isinstance(veld, DecimalField) and isinstance(waarde, int | float | str):
        try:
            bedrag = Decimal(str(waarde))
        except InvalidOperation:
            return str(waarde)
        return number_format(bedrag, veld.decimal_places, use_l10n=True, force_grouping=True)
    return str(waarde)


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
