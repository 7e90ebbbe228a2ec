"""The record of changes behind an opgave, as the hub page shows it ("Geschiedenis")."""

from pghistory.models import Events

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
    as far as ``user`` may read them."""
    titels = {str(o.pk): o.titel for o in opgaven}
    events = Events.objects.references(opgaven)
    if not user.has_perm("opgaven.view_vertrouwelijk"):
        events = events.exclude(pgh_model__in=_vertrouwelijk)
    events = events.order_by("-pgh_created_at")[:limit]
    return beschrijf(events, opgave=lambda event: _opgave_titel(event, titels))


def _opgave_titel(event, titels: dict[str, str]) -> str:
    data = event.pgh_data or {}
    for key in ("opgave", "id", "van"):
        if str(data.get(key)) in titels and (
            key != "id" or event.pgh_obj_model == "opgaven.Opgave"
        ):
            return titels[str(data[key])]
    return ""
