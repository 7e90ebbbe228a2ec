"""The record of changes behind an opgave, as the hub page shows it ("Geschiedenis")."""

import functools

from django.apps import apps
from django.db import models
from pghistory.models import Event, Events

from core.geschiedenis import Gebeurtenis, beschrijf

from .models import Opgave

# Event models whose history only the municipality's own people read (what it thinks of
# stakeholders), registered by the apps that own them (participatie.apps).
_vertrouwelijk: set[str] = set()


def vertrouwelijk(*event_models: str) -> None:
    """Keep the history of these event models ("participatie.BetrokkenheidEvent") from
    whoever lacks ``opgaven.view_vertrouwelijk`` (partners)."""
    _vertrouwelijk.update(event_models)


def geschiedenis(opgave: Opgave, user, limit: int = 25) -> list[Gebeurtenis]:
    """The latest changes to the opgave and everything that points at it, newest first."""
    return geschiedenis_van([opgave], user, limit=limit)


def geschiedenis_van(opgaven: list[Opgave], user, limit: int = 25) -> list[Gebeurtenis]:
    """The latest changes to these opgaven and everything that points at them, newest first,
    as far as ``user`` may read them.

    In two steps, so the cost follows ``limit`` and not the size of the history (#17):
    which events are the latest (per event table through its index on the opgave, one
    UNION query), then pghistory's description (with what changed) of only those."""
    titels = {str(o.pk): o.titel for o in opgaven}
    modellen = [
        m
        for m in _verwijzende_modellen()
        if m._meta.label not in _vertrouwelijk or user.has_perm("opgaven.view_vertrouwelijk")
    ]
    recent = _laatste([o.pk for o in opgaven], modellen, limit)
    if not recent:
        return []
    events = (
        Events.objects.across(*{label for label, _pgh_id in recent})
        .references(opgaven)
        .filter(pgh_slug__in=[f"{label}:{pgh_id}" for label, pgh_id in recent])
        .order_by("-pgh_created_at", "-pgh_id", "pgh_model")
    )
    return beschrijf(events, opgave=lambda event: _opgave_titel(event, titels))


@functools.cache
def _verwijzende_modellen() -> list:
    """Event models with a field that points at an opgave (as pghistory's references())."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Event)
        and model._meta.managed
        and any(getattr(f, "related_model", None) is Opgave for f in model._meta.fields)
    ]


def _laatste(pks: list[int], modellen: list, limit: int) -> list[tuple[str, int]]:
    """(event model label, pgh_id) of the ``limit`` latest events about these opgaven."""
    per_tabel = []
    for model in modellen:
        verwijst = models.Q()
        for veld in model._meta.fields:
            if getattr(veld, "related_model", None) is Opgave:
                verwijst |= models.Q(**{f"{veld.name}__in": pks})
        per_tabel.append(
            model.objects.filter(verwijst)
            .annotate(label=models.Value(model._meta.label))
            .order_by("-pgh_created_at", "-pgh_id", "label")
            .values_list("label", "pgh_id", "pgh_created_at")[:limit]
        )
    if not per_tabel:
        return []
    samen = per_tabel[0].union(*per_tabel[1:], all=True)
    samen = samen.order_by("-pgh_created_at", "-pgh_id", "label")[:limit]
    return [(label, pgh_id) for label, pgh_id, _wanneer in samen]


def _opgave_titel(event, titels: dict[str, str]) -> str:
    data = event.pgh_data or {}
    for key in ("opgave", "id", "van"):
        if str(data.get(key)) in titels and (
            key != "id" or event.pgh_obj_model == "opgaven.Opgave"
        ):
            return titels[str(data[key])]
    return ""
