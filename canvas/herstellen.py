"""Undo a delete: a canvas item back from its history, with what went with it.

Deleting an item deletes its comments, its links in the effect chain and its place in the
realisatieplan with it (one transaction, so their delete events share its moment). All of
them are tracked by pghistory; the last delete event holds every column, so the rows come
back as they were, under their own ids. A link whose other end is gone since, or a person
who no longer exists, is left out (a missing person: the column emptied where it may be).
"""

from django.db import models, transaction
from django.db.models import Q

from opgaven.models import Opgave

from . import live
from .models import CanvasItem, Mijlpaal, Reactie, Schakel, Uitvoering


def _terug(model, events) -> list:
    """The rows of ``events`` back in ``model``, skipping rows that exist again."""
    rijen = []
    for event in events:
        if model.objects.filter(pk=event.pgh_obj_id).exists():
            continue
        velden = {f.attname: getattr(event, f.attname) for f in model._meta.concrete_fields}
        for veld in model._meta.concrete_fields:
            waarde = velden[veld.attname]
            if not isinstance(veld, models.ForeignKey) or waarde is None:
                continue
            if not veld.related_model._base_manager.filter(pk=waarde).exists():
                if not veld.null:
                    break
                velden[veld.attname] = None
        else:
            rijen.append(model(**velden))
    return model.objects.bulk_create(rijen)


@transaction.atomic
def terugzetten(opgave: Opgave, pk: int) -> CanvasItem | None:
    """Item ``pk`` of ``opgave`` back as it was when it was deleted; None when it was not
    deleted (or is back already)."""
    events = CanvasItem.pgh_event_model.objects.filter(pgh_obj_id=pk, opgave_id=opgave.pk)
    laatste = events.order_by("-pgh_id").first()
    if laatste is None or laatste.pgh_label != "delete":
        return None
    terug = _terug(CanvasItem, [laatste])
    if not terug:
        return None
    mee = {"pgh_label": "delete", "pgh_created_at": laatste.pgh_created_at}
    for model, waar in (
        (Reactie, Q(item_id=pk)),
        (Schakel, Q(van_id=pk) | Q(naar_id=pk)),
        (Uitvoering, Q(activiteit_id=pk)),
        (Mijlpaal, Q(activiteit_id=pk)),
    ):
        _terug(model, model.pgh_event_model.objects.filter(waar, **mee).order_by("pgh_id"))
    live.blokken_gewijzigd(opgave.pk, terug[0].blok)  # bulk_create: no save() says so
    return terug[0]
