"""The record of changes behind an opgave, as the hub page shows it ("Geschiedenis")."""

import functools

from django.db import connection
from pghistory.models import Events

from core.db import voorbereid
from core.geschiedenis import Gebeurtenis, beschrijf, event_modellen

from .models import Opgave

# Event models whose history only the municipality's own people read (what it thinks of
# stakeholders), registered by the apps that own them (participatie.apps).
_vertrouwelijk: set[str] = set()


def vertrouwelijk(*event_models: str) -> None:
    """Keep the history of these event models ("participatie.BetrokkenheidEvent") from
    whoever lacks ``opgaven.view_vertrouwelijk`` (partners)."""
    _vertrouwelijk.update(event_models)


def geschiedenis(opgave: Opgave, user, limit: int = 25, soort: str = "") -> list[Gebeurtenis]:
    """The latest changes to the opgave and everything that points at it, newest first;
    with ``soort`` (an event model's label, from ``soorten``) of that kind only."""
    return geschiedenis_van([opgave], user, limit=limit, soort=soort)


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
    opgaven: list[Opgave], user, limit: int = 25, soort: str = ""
) -> list[Gebeurtenis]:
    """The latest changes to these opgaven and everything that points at them, newest first,
    as far as ``user`` may read them.

    In two steps, so the cost follows ``limit`` and not the size of the history:
    which events are the latest (per event table through its index on the opgave, one
    UNION query), then pghistory's description (with what changed) of only those."""
    titels = {str(o.pk): o.titel for o in opgaven}
    modellen = [m for m in _leesbare_modellen(user) if not soort or m._meta.label == soort]
    recent = _laatste([o.pk for o in opgaven], modellen, limit)
    if not recent:
        return []
    events = (
        Events.objects.across(*{label for label, _pgh_id in recent})
        .references(opgaven)
        .filter(pgh_slug__in=[f"{label}:{pgh_id}" for label, pgh_id in recent])
        .order_by("-pgh_created_at", "-pgh_id", "pgh_model")
    )
    return beschrijf(events, lezer=user, opgave=lambda event: _opgave_titel(event, titels))


def _opgave_kolommen(model) -> list[str]:
    """The columns of an event model that point at an opgave (as pghistory's references())."""
    return [f.column for f in model._meta.fields if getattr(f, "related_model", None) is Opgave]


@functools.cache
def _verwijzende_modellen() -> list:
    return [model for model in event_modellen() if _opgave_kolommen(model)]


def _laatste(pks: list[int], modellen: list, limit: int) -> list[tuple[str, int]]:
    """(event model label, pgh_id) of the ``limit`` latest events about these opgaven."""
    if not modellen:
        return []
    sql, kolommen = _laatste_sql(tuple(modellen))
    params = []
    for label, aantal in kolommen:
        params += [label, *([pks] * aantal), limit]
    return [(label, pgh_id) for label, pgh_id in voorbereid(sql, [*params, limit])]


@functools.cache
def _laatste_sql(modellen: tuple) -> tuple[str, list[tuple[str, int]]]:
    """The UNION behind ``_laatste``, built once: per event table the latest events through
    its index on the opgave (the ORM took 18 ms to compile the same query each time). A
    prepared statement: PostgreSQL took 7-8 ms to plan it, twice its running time."""
    delen, kolommen = [], []
    for model in modellen:
        velden = [connection.ops.quote_name(kolom) for kolom in _opgave_kolommen(model)]
        verwijst = " OR ".join(f"{veld} = ANY(%s)" for veld in velden)
        tabel = connection.ops.quote_name(model._meta.db_table)
        delen.append(
            f"(SELECT %s::text AS label, pgh_id, pgh_created_at FROM {tabel} WHERE {verwijst}"  # noqa: S608 (names from the models)
            " ORDER BY pgh_created_at DESC, pgh_id DESC LIMIT %s)"
        )
        kolommen.append((model._meta.label, len(velden)))
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
