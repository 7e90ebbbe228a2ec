"""The record of changes behind an opgave, as the hub page shows it ("Geschiedenis")."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from pghistory.models import Events

from accounts.models import User

from .models import Opgave

_LABELS = {"insert": "aangemaakt", "update": "gewijzigd", "delete": "verwijderd"}
_HIDDEN_FIELDS = {"id", "created_at", "updated_at", "versie", "volgorde"}


@dataclass
class Gebeurtenis:
    wanneer: datetime
    wie: str
    wat: str
    actie: str
    wijzigingen: list[tuple[str, str, str]]
    opgave: str = ""


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
    events = list(events.order_by("-pgh_created_at")[:limit])
    user_ids = {
        e.pgh_context.get("user") for e in events if e.pgh_context and e.pgh_context.get("user")
    }
    users = {u.pk: str(u) for u in User.objects.filter(pk__in=user_ids)}
    result = []
    for event in events:
        event_model = apps.get_model(event.pgh_model)
        tracked = event_model.pgh_tracked_model
        context = event.pgh_context or {}
        user_id = context.get("user")
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
                wie=users.get(user_id) or context.get("bron") or "systeem",
                wat=str(tracked._meta.verbose_name),
                actie=_LABELS.get(event.pgh_label, event.pgh_label),
                wijzigingen=wijzigingen,
                opgave=_opgave_titel(event, titels),
            )
        )
    return result


def _kort(value, length: int = 120) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= length else text[: length - 1] + "…"


def _opgave_titel(event, titels: dict[str, str]) -> str:
    data = event.pgh_data or {}
    for key in ("opgave", "id", "van"):
        if str(data.get(key)) in titels and (
            key != "id" or event.pgh_obj_model == "opgaven.Opgave"
        ):
            return titels[str(data[key])]
    return ""
