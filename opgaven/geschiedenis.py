"""The record of changes behind an opgave, as the hub page shows it ("Geschiedenis")."""

import functools
import json
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from core.db import voorbereid
from core.geschiedenis import Gebeurtenis, beschrijf, event_modellen

from .models import Opgave

# Event models whose history only the municipality's own people read (what it thinks of
# stakeholders), registered by the apps that own them (participatie.apps).
_vertrouwelijk: set[str] = set()


# Event models that reach an opgave only through another table (a session through its
# thematafel), registered by the apps that own them: label -> a condition on the event
# table in SQL, with one %s for the opgaven's pks.
_via: dict[str, str] = {}


def via(event_model: str, voorwaarde: str) -> None:
    """Read the events of ``event_model`` ("participatie.BijeenkomstEvent") into an opgave's
    history where ``voorwaarde`` holds ("thematafel_id IN (... opgave_id = ANY(%s))")."""
    if event_model in _via:
        raise ValueError(f"{event_model} heeft al een weg naar de opgave")
    _via[event_model] = voorwaarde


def vertrouwelijk(*event_models: str) -> None:
    """Keep the history of these event models ("participatie.BetrokkenheidEvent") from
    whoever lacks ``opgaven.view_vertrouwelijk`` (partners)."""
    _vertrouwelijk.update(event_models)


def geschiedenis(
    opgave: Opgave, user, limit: int = 25, soort: str = "", door: int | None = None
) -> list[Gebeurtenis]:
    """The latest changes to the opgave and everything that points at it, newest first;
    with ``soort`` (an event model's label, from ``soorten``) of that kind only, with
    ``door`` (a user's pk) by that person only."""
    return geschiedenis_van([opgave], user, limit=limit, soort=soort, door=door)


def soorten(user) -> list[tuple[str, str]]:
    """(event model label, what it records) of the kinds of change ``user`` may read, for
    the history's filter ("Teamlidmaatschappen", "Canvasitems")."""
    return sorted(
        (
            (m._meta.label, str(m.pgh_tracked_model._meta.verbose_name_plural).capitalize())
            for m in _leesbare_modellen(user)
        ),
        key=lambda soort: soort[1],
    )


def _leesbare_modellen(user) -> list:
    return [
        m
        for m in _verwijzende_modellen()
        if m._meta.label not in _vertrouwelijk or user.has_perm("opgaven.view_vertrouwelijk")
    ]


def geschiedenis_van(
    opgaven: list[Opgave], user, limit: int = 25, soort: str = "", door: int | None = None
) -> list[Gebeurtenis]:
    """The latest changes to these opgaven and everything that points at them, newest first,
    as far as ``user`` may read them; with ``door`` (a user's pk) only that person's.

    In two steps, so the cost follows ``limit`` and not the size of the history:
    which events are the latest (per event table through its index on the opgave, one
    UNION query), then those events with what changed (``_events``, one query)."""
    titels = {str(o.pk): o.titel for o in opgaven}
    modellen = [m for m in _leesbare_modellen(user) if not soort or m._meta.label == soort]
    recent = _laatste([o.pk for o in opgaven], modellen, limit, door)
    if not recent:
        return []
    events = sorted(_events(recent), key=lambda e: e.pgh_model)
    events.sort(key=lambda e: (e.pgh_created_at, e.pgh_id), reverse=True)
    return beschrijf(events, lezer=user, opgave=lambda event: _opgave_titel(event, titels))


def _events(recent) -> list[SimpleNamespace]:
    """The events ``recent`` names, as pghistory's ``Events`` describes them (the data, what
    changed since the object's event before, the context), in one query by their keys:
    ``Events.references()`` reads only tables with a column pointing at the opgave."""
    delen, params = [], []
    for label in sorted({label for label, _pgh_id in recent}):
        model = apps.get_model(label)
        tabel = connection.ops.quote_name(model._meta.db_table)
        delen.append(
            "SELECT %s::text, e.pgh_id, e.pgh_created_at, e.pgh_label, row_to_json(e),"  # noqa: S608 (names from the models)
            f" (SELECT row_to_json(v) FROM {tabel} v WHERE v.pgh_obj_id = e.pgh_obj_id"
            "  AND v.pgh_id < e.pgh_id ORDER BY v.pgh_id DESC LIMIT 1), c.metadata"
            f" FROM {tabel} e LEFT JOIN pghistory_context c ON c.id = e.pgh_context_id"
            " WHERE e.pgh_id = ANY(%s)"
        )
        params += [label, [pgh_id for lbl, pgh_id in recent if lbl == label]]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(delen), params)
        rijen = cursor.fetchall()
    events = []
    for label, pgh_id, wanneer, actie, *teksten in rijen:
        # Django has psycopg hand JSON over as text (its JSONField decodes it).
        nu, vorig, context = (gegeven if gegeven is None else _json(gegeven) for gegeven in teksten)
        data = {k: v for k, v in nu.items() if not k.startswith("pgh_")}
        events.append(
            SimpleNamespace(
                pgh_model=label,
                pgh_obj_model=apps.get_model(label).pgh_tracked_model._meta.label,
                pgh_id=pgh_id,
                pgh_created_at=wanneer,
                pgh_label=actie,
                pgh_data=data,
                pgh_diff={
                    k: [vorig[k], v]
                    for k, v in data.items()
                    if vorig and k in vorig and vorig[k] != v
                }
                or None,
                pgh_context=context,
            )
        )
    return events


def _json(gegeven):
    return json.loads(gegeven) if isinstance(gegeven, str) else gegeven


def _opgave_kolommen(model) -> list[str]:
    """The columns of an event model that point at an opgave (as pghistory's references())."""
    return [f.column for f in model._meta.fields if getattr(f, "related_model", None) is Opgave]


@functools.cache
def _verwijzende_modellen() -> list:
    return [
        model for model in event_modellen() if _opgave_kolommen(model) or model._meta.label in _via
    ]


def _laatste(
    pks: list[int], modellen: list, limit: int, door: int | None = None
) -> list[tuple[str, int]]:
    """(event model label, pgh_id) of the ``limit`` latest events about these opgaven; with
    ``door`` (a user's pk), only the changes that person made."""
    if not modellen:
        return []
    sql, kolommen = _laatste_sql(tuple(modellen), door is not None)
    params = []
    for label, aantal in kolommen:
        params += [label, *([pks] * aantal), *([str(door)] if door is not None else []), limit]
    return [(label, pgh_id) for label, pgh_id in voorbereid(sql, [*params, limit])]


@functools.cache
def _laatste_sql(modellen: tuple, per_persoon: bool) -> tuple[str, list[tuple[str, int]]]:
    """The UNION behind ``_laatste``, built once: per event table the latest events through
    its index on the opgave (the ORM took 18 ms to compile the same query each time). A
    prepared statement: PostgreSQL took 7-8 ms to plan it, twice its running time."""
    delen, kolommen = [], []
    for model in modellen:
        velden = [connection.ops.quote_name(kolom) for kolom in _opgave_kolommen(model)]
        voorwaarden = [f"{veld} = ANY(%s)" for veld in velden]
        if model._meta.label in _via:
            voorwaarden.append(f"({_via[model._meta.label]})")
        verwijst = " OR ".join(voorwaarden)
        if per_persoon:  # through the index on the context's user (core migration 0002)
            verwijst = (
                f"({verwijst}) AND pgh_context_id IN"  # noqa: S608
                " (SELECT id FROM pghistory_context WHERE metadata->>'user' = %s::text)"
            )
        tabel = connection.ops.quote_name(model._meta.db_table)
        delen.append(
            "(SELECT %s::text AS label, pgh_id, pgh_created_at"  # noqa: S608 (names from the models)
            f" FROM {tabel} WHERE {verwijst}"
            " ORDER BY pgh_created_at DESC, pgh_id DESC LIMIT %s)"
        )
        kolommen.append((model._meta.label, len(voorwaarden)))
    samen = " UNION ALL ".join(delen)
    sql = f"SELECT label, pgh_id FROM ({samen}) AS recent ORDER BY pgh_created_at DESC, pgh_id DESC, label LIMIT %s"  # noqa: S608, E501
    return sql, kolommen


def _opgave_titel(event, titels: dict[str, str]) -> str:
    data = event.pgh_data or {}
    for key in ("opgave", "id", "van"):
        if str(data.get(key)) in titels and (
            key != "id" or event.pgh_obj_model == "opgaven.Opgave"
        ):
            return titels[str(data[key])]
    return ""
