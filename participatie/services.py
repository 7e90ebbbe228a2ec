from django.db import transaction

from opgaven.models import Opgave

from .models import (
    Beoordeling,
    Betrokkenheid,
    Contactmoment,
    Houding,
    Participatieladder,
    Stakeholder,
    Vervolgactie,
)


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
    houding: str = Houding.ONBEKEND,
    ladder_nu: int = Participatieladder.INFORMEREN,
    ladder_gewenst: int = Participatieladder.INFORMEREN,
    user=None,
) -> Betrokkenheid:
    """Position a stakeholder in an opgave, registering the stakeholder first if it is new."""
    if stakeholder is None:
        stakeholder = Stakeholder(naam=nieuwe_naam, soort=nieuwe_soort)
        stakeholder.full_clean()
        stakeholder.save()
    betrokkenheid = Betrokkenheid(
        opgave=opgave,
        stakeholder=stakeholder,
        rol=rol,
        invloed=invloed,
        belang=belang,
        houding=houding,
        ladder_nu=ladder_nu,
        ladder_gewenst=ladder_gewenst,
    )
    betrokkenheid.full_clean()
    betrokkenheid.save()
    # The first assessment, dated; later re-assessments add to it.
    Beoordeling.objects.create(
        betrokkenheid=betrokkenheid,
        invloed=invloed,
        belang=belang,
        houding=houding,
        ladder_nu=ladder_nu,
        ladder_gewenst=ladder_gewenst,
        door=user,
    )
    return betrokkenheid


@transaction.atomic
def betrokkenheid_herbeoordelen(
    *,
    betrokkenheid: Betrokkenheid,
    invloed: int,
    belang: int,
    houding: str,
    ladder_nu: int,
    ladder_gewenst: int,
    acties: str,
    user,
) -> Beoordeling:
    """Re-assess a stakeholder's position: the betrokkenheid changes, the old assessment stays."""
    for veld, waarde in {
        "invloed": invloed,
        "belang": belang,
        "houding": houding,
        "ladder_nu": ladder_nu,
        "ladder_gewenst": ladder_gewenst,
        "acties": acties,
    }.items():
        setattr(betrokkenheid, veld, waarde)
    betrokkenheid.full_clean()
    betrokkenheid.save()
    return Beoordeling.objects.create(
        betrokkenheid=betrokkenheid,
        invloed=invloed,
        belang=belang,
        houding=houding,
        ladder_nu=ladder_nu,
        ladder_gewenst=ladder_gewenst,
        door=user,
    )


@transaction.atomic
def contactmoment_vastleggen(
    *,
    opgave: Opgave,
    datum,
    soort: str,
    richting: str,
    stakeholders,
    deelnemers,
    samenvatting: str,
    user,
    vervolg_omschrijving: str = "",
    vervolg_eigenaar=None,
    vervolg_deadline=None,
) -> Contactmoment:
    """Record a contact with its participants and, optionally, the follow-up agreed in it."""
    contact = Contactmoment(
        opgave=opgave,
        datum=datum,
        soort=soort,
        richting=richting,
        samenvatting=samenvatting,
        vastgelegd_door=user,
    )
    contact.full_clean()
    contact.save()
    contact.stakeholders.set(stakeholders)
    contact.deelnemers.set(deelnemers)
    if vervolg_omschrijving:
        Vervolgactie.objects.create(
            contactmoment=contact,
            omschrijving=vervolg_omschrijving,
            eigenaar=vervolg_eigenaar,
            deadline=vervolg_deadline,
        )
    return contact
