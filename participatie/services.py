from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.security_log import log_event
from opgaven.models import Opgave

from .models import (
    Afspraak,
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


@transaction.atomic
def persoon_anonimiseren(*, stakeholder: Stakeholder, user=None) -> Stakeholder:
    """Erase what identifies a person, keep the relations so reports and counts stay intact.

    The audit trail's earlier snapshots of this person are scrubbed too: otherwise the
    history would still hold the name and contact details that were erased.
    """
    if not stakeholder.is_persoon:
        raise ValueError("Only persons are anonymised")
    if stakeholder.geanonimiseerd_op:
        return stakeholder
    leeg = {"email": "", "telefoon": "", "doel": "", "toelichting": "", "kvk_nummer": ""}
    naam = f"Geanonimiseerde persoon {stakeholder.pk}"
    StakeholderEvent = apps.get_model("participatie", "StakeholderEvent")
    StakeholderEvent.objects.filter(pgh_obj_id=stakeholder.pk).update(
        naam=naam, organisatie=None, **leeg
    )
    for veld, waarde in leeg.items():
        setattr(stakeholder, veld, waarde)
    stakeholder.naam = naam
    stakeholder.organisatie = None
    stakeholder.geanonimiseerd_op = timezone.now()
    stakeholder.save()
    log_event("anonimiseren", user=user, obj=f"stakeholder:{stakeholder.pk}")
    return stakeholder


def persoon_inzage(*, stakeholder: Stakeholder) -> dict:
    """Everything the register holds about one person, for an inzageverzoek (AVG art. 15)."""
    betrokkenheden = stakeholder.betrokkenheden.select_related("opgave").prefetch_related(
        "beoordelingen"
    )
    return {
        "persoon": {
            "naam": stakeholder.naam,
            "soort": stakeholder.get_soort_display(),
            "organisatie": str(stakeholder.organisatie or ""),
            "email": stakeholder.email,
            "telefoon": stakeholder.telefoon,
            "toelichting": stakeholder.toelichting,
            "grondslag": stakeholder.get_grondslag_display(),
            "doel": stakeholder.doel,
            "bewaren_tot": stakeholder.bewaren_tot.isoformat() if stakeholder.bewaren_tot else None,
            "geregistreerd_op": stakeholder.created_at.isoformat(),
        },
        "betrokkenheden": [
            {
                "opgave": b.opgave.titel,
                "rol": b.get_rol_display(),
                "invloed": b.invloed,
                "belang": b.belang,
                "houding": b.get_houding_display(),
                "participatieladder_nu": b.get_ladder_nu_display(),
                "participatieladder_gewenst": b.get_ladder_gewenst_display(),
                "beoordelingen": [
                    {"datum": x.created_at.isoformat(), "invloed": x.invloed, "belang": x.belang}
                    for x in b.beoordelingen.all()
                ],
            }
            for b in betrokkenheden
        ],
        "contactmomenten": [
            {
                "datum": c.datum.isoformat(),
                "soort": c.get_soort_display(),
                "opgave": c.opgave.titel,
                "samenvatting": c.samenvatting,
            }
            for c in stakeholder.contactmomenten.select_related("opgave")
        ],
        "afspraken": [
            {
                "opgave": a.opgave.titel,
                "afspraak": a.omschrijving,
                "uiterlijk": a.deadline.isoformat(),
                "status": a.get_status_display(),
            }
            for a in Afspraak.objects.filter(
                Q(belover=stakeholder) | Q(ontvanger=stakeholder)
            ).select_related("opgave")
        ],
    }
