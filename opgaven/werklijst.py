"""What waits in the opgaven app (core.werklijst): priority proposals for the bestuurder."""

from django.utils.translation import gettext as _

from core.werklijst import PER_BRON, Taak

from .models import Besluit, Prioriteitsvoorstel


def prioriteitsvoorstellen(user, vandaag) -> list[Taak]:
    """A proposal waits for a bestuurder to decide (the rule opgaven.change_prioriteit)."""
    if not user.has_perm("opgaven.change_prioriteit"):
        return []
    voorstellen = (
        Prioriteitsvoorstel.objects.filter(besluit=Besluit.OPEN)
        .select_related("opgave")
        .order_by("created_at", "pk")[:PER_BRON]
    )
    return [
        Taak(
            soort=_("Prioriteit besluiten"),
            tekst=_("voorgesteld %(nieuw)s, nu %(nu)s")
            % {
                "nieuw": v.get_prioriteit_display().lower(),
                "nu": v.opgave.get_prioriteit_display().lower(),
            },
            url=f"{v.opgave.get_absolute_url()}#prioriteit",
            opgave=v.opgave.titel,
            sinds=v.created_at.date(),
        )
        for v in voorstellen
    ]
