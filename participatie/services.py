from django.db import transaction

from opgaven.models import Opgave

from .models import Betrokkenheid, Stakeholder


@transaction.atomic
def betrokkenheid_create(
    *,
    opgave: Opgave,
    stakeholder: Stakeholder | None,
    nieuwe_naam: str = "",
    nieuwe_soort: str = "",
    rol: str,
    invloed: int,
    belang: int,
) -> Betrokkenheid:
    """Position a stakeholder in an opgave, registering the stakeholder first if it is new."""
    if stakeholder is None:
        stakeholder = Stakeholder(naam=nieuwe_naam, soort=nieuwe_soort)
        stakeholder.full_clean()
        stakeholder.save()
    betrokkenheid = Betrokkenheid(
        opgave=opgave, stakeholder=stakeholder, rol=rol, invloed=invloed, belang=belang
    )
    betrokkenheid.full_clean()
    betrokkenheid.save()
    return betrokkenheid
