from django.apps import apps
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.meldingen import melden
from accounts.models import Meldingsoort
from canvas.models import Blok, CanvasItem
from core import geschiedenis
from core.security_log import log_event
from opgaven.models import Opgave

from . import importeren, wissen
from .models import (
    Actiepunt,
    Afspraak,
    Beoordeling,
    Betrokkenheid,
    Contactmoment,
    Houding,
    Inbreng,
    Opgavesprint,
    Participatieladder,
    Signaal,
    SignaalStatus,
    Stakeholder,
    Terugkoppeling,
    Vervolgactie,
)


@transaction.atomic
def betrokkenheid_toevoegen(
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
    betrokkenheid.beoordeling_vastleggen(door=user)
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
    return betrokkenheid.beoordeling_vastleggen(door=user)


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
def persoon_anonimiseren(*, stakeholder: Stakeholder, user=None) -> list[str]:
    """Erase what identifies a person, keep the relations so reports and counts stay intact.

    Their own fields are blanked, here and in the history's earlier snapshots of them; their
    name, e-mail address and phone number are replaced in the free texts linked to them and
    in those texts' history (``wissen``); import files waiting for confirmation are deleted;
    and the apps above are told (``persoon_gewist``: reports, exports and documents). Returns
    what stays as an archive record (published reports that may name the person), for the
    answer to the request.
    """
    if not stakeholder.is_persoon:
        raise ValueError("Only persons are anonymised")
    if stakeholder.geanonimiseerd_op:
        return []
    opgaven = wissen.gekoppelde_opgaven(stakeholder)
    wissen.wis_uit_teksten(stakeholder)
    transaction.on_commit(importeren.alle_voorbeelden_verwijderen)
    leeg = {
        "email": "",
        "telefoon": "",
        "doel": "",
        "toelichting": "",
        "kvk_nummer": "",
        "openbaar_noemen": False,
        "openbaar_noemen_op": None,
        "openbaar_noemen_bron": "",
    }
    naam = f"Geanonimiseerde persoon {stakeholder.pk}"
    StakeholderEvent = apps.get_model("participatie", "StakeholderEvent")
    with geschiedenis.herschrijven(StakeholderEvent):
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
    antwoorden = wissen.persoon_gewist.send(sender=Stakeholder, opgaven=opgaven)
    return [archief for _ontvanger, lijst in antwoorden for archief in lijst or []]


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
            "mag_met_naam_in_openbare_stukken": stakeholder.openbaar_noemen,
            "toestemming_gegeven_op": (
                stakeholder.openbaar_noemen_op.isoformat()
                if stakeholder.openbaar_noemen_op
                else None
            ),
            "toestemming_gegeven_via": stakeholder.openbaar_noemen_bron,
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
            for a in Afspraak.objects.van_of_aan(stakeholder).select_related("opgave")
        ],
        "bijeenkomsten": [
            {
                "thematafel": b.thematafel.thema,
                "datum": b.begint_op.isoformat(),
                "uitgenodigd": True,
                "aanwezig": stakeholder in b.aanwezig.all(),
            }
            for b in stakeholder.uitnodigingen.select_related("thematafel").prefetch_related(
                "aanwezig"
            )
        ],
        "inbreng": [
            {
                "thematafel": i.bijeenkomst.thematafel.thema,
                "datum": i.bijeenkomst.begint_op.isoformat(),
                "soort": i.get_soort_display(),
                "inbreng": i.tekst,
                "terugkoppeling": i.get_terugkoppeling_display(),
                "toelichting": i.toelichting,
            }
            for i in stakeholder.inbreng.select_related("bijeenkomst__thematafel")
        ],
    }


@transaction.atomic
def inbreng_overnemen(*, inbreng: Inbreng, opgave: Opgave, blok: str, user) -> CanvasItem:
    """Take a piece of inbreng over into a block of an opgave's canvas, linked both ways.

    Idempotent: inbreng that is already in the canvas keeps its item (a double click or a
    second tab never creates two).
    """
    inbreng = Inbreng.objects.select_for_update().get(pk=inbreng.pk)
    if inbreng.canvas_item_id:
        return inbreng.canvas_item
    item = CanvasItem.objects.toevoegen(opgave=opgave, blok=blok, tekst=inbreng.tekst, user=user)
    inbreng.canvas_item = item
    inbreng.terugkoppeling = Terugkoppeling.OVERGENOMEN
    if not inbreng.toelichting:
        inbreng.toelichting = _("Opgenomen in het canvas van %(opgave)s, blok %(blok)s.") % {
            "opgave": opgave.titel,
            "blok": Blok(blok).label,
        }
    inbreng.teruggekoppeld_op = timezone.now()
    inbreng.teruggekoppeld_door = user
    inbreng.save()
    return item


@transaction.atomic
def sprint_starten(*, opgave: Opgave, **velden) -> Opgavesprint:
    """The next numbered sprint of an opgave (numbers never collide, also when two start one)."""
    Opgave.objects.select_for_update().filter(pk=opgave.pk).first()
    sprint = Opgavesprint(opgave=opgave, nummer=opgave.sprints.volgend_nummer(), **velden)
    sprint.full_clean()
    sprint.save()
    return sprint


def signaal_beantwoorden(*, signaal: Signaal, antwoord: str, user) -> Signaal:
    """Answer and close a signal; the sender sees the answer on their signals page."""
    signaal.antwoord = antwoord
    signaal.status = SignaalStatus.BEANTWOORD
    signaal.beantwoord_door = user
    signaal.beantwoord_op = timezone.now()
    signaal.full_clean()
    signaal.save()
    return signaal


def actiepunt_toevoegen(*, form, user) -> Actiepunt:
    """An action point from a session; its owner hears of it, unless they added it."""
    actiepunt = form.save()
    if actiepunt.eigenaar_id and actiepunt.eigenaar_id != user.pk:
        melden(
            [actiepunt.eigenaar],
            soort=Meldingsoort.ACTIEPUNT,
            sleutel=f"actiepunt:{actiepunt.pk}",
            tekst=_("Actiepunt voor u van %(wie)s: %(wat)s")
            % {"wie": user, "wat": actiepunt.omschrijving[:120]},
            link=reverse("participatie:bijeenkomst-detail", args=[actiepunt.bijeenkomst_id])
            + "#actiepunten",
        )
    return actiepunt
